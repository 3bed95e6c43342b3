/**
 * Fair use: one active booking per person per service (at any station — no hoarding across
 * stations), and at most a few active bookings per account, counting those it made for family
 * members. A family member's booking counts against *that person* for the per-service rule,
 * whoever's account made it.
 *
 * The caller passes every active booking that is either made by the account or for the person
 * (query: status 'booked', end > now, accountId = account OR personKey = person).
 * Like all read-then-decide checks this is advisory under concurrency; the hard guarantee
 * (never overbooked) is the slot counter's conditional update.
 */
import type { Booking } from './booking';
import { refuse, type Refusal } from './refusals';
import { SERVICE_LABELS, type ServiceKind } from './services';

export const DEFAULT_ACCOUNT_CAP = 3;

/** Said when the person cannot be booked for a reason that belongs to someone else's account. */
export const PERSON_UNAVAILABLE = '暂时无法为这位家人预约这项业务。请核对证件号码，或带上证件到大厅窗口咨询';

export type LimitBooking = Pick<Booking, 'id' | 'accountId' | 'personKey' | 'service' | 'slotId' | 'status'>;

export interface BookingRequest {
  accountId: string;
  personKey: string;
  service: ServiceKind;
  slotId: string;
  /** When rescheduling: the booking being replaced, which does not count. */
  replacing?: string;
  /** "本人" or the family member's name, for the message. */
  personLabel?: string;
}

export type LimitCheck<B extends LimitBooking = LimitBooking> =
  | { ok: true; sameBooking?: undefined }
  /** The same person already holds this very slot: a repeated request, answer with that booking. */
  | { ok: true; sameBooking: B }
  | Refusal<'DUPLICATE_SERVICE' | 'ACCOUNT_CAP'>;

export function checkLimits<B extends LimitBooking>(existingActive: readonly B[], request: BookingRequest, options: { accountCap?: number } = {}): LimitCheck<B> {
  const cap = options.accountCap ?? DEFAULT_ACCOUNT_CAP;
  const active = existingActive.filter((b) => b.status === 'booked' && b.id !== request.replacing);
  const same = active.find((b) => b.personKey === request.personKey && b.slotId === request.slotId);
  if (same) return same.accountId === request.accountId ? { ok: true, sameBooking: same } : refuse('DUPLICATE_SERVICE', PERSON_UNAVAILABLE);
  const duplicate = active.find((b) => b.personKey === request.personKey && b.service === request.service);
  // Another account's booking for this person is theirs to know: the refusal must not reveal it (PIPL).
  if (duplicate && duplicate.accountId !== request.accountId) return refuse('DUPLICATE_SERVICE', PERSON_UNAVAILABLE);
  if (duplicate) {
    const who = request.personLabel && request.personLabel !== '本人' ? `${request.personLabel}` : '您';
    return refuse(
      'DUPLICATE_SERVICE',
      `${who}已经有一个“${SERVICE_LABELS[request.service]}”的预约还没办理，同一业务只能预约一次。想换时间请在“我的预约”里改约`,
    );
  }
  const byAccount = active.filter((b) => b.accountId === request.accountId).length;
  if (byAccount >= cap) {
    return refuse('ACCOUNT_CAP', `一个账号最多同时有${cap}个未办理的预约（包括为家人预约的），请先办理或取消已有的预约`);
  }
  return { ok: true };
}
