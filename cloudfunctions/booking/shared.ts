import type { BookingNeedsView, BookingPersonView, BookingView, RosterEntryView } from '@domain/actions/booking';
import {
  BOOKING_STATUS_LABELS,
  SERVICE_LABELS,
  checkInClaimId,
  checkInCodeFor,
  checkInPayload,
  bookingIdFor,
  needLabels,
  parseSlotId,
  timeOf,
  shanghaiMinuteOfDay,
  type HallConfig,
  type Needs,
  type Slot,
} from '@domain/booking';
import { ActionError } from '@domain/errors';
import {
  COLLECTIONS,
  type BookingPersonRecord,
  type BookingRecord,
  type CheckInCodeRecord,
  type HallConfigRecord,
  type StationRecord,
} from '@platform/cloud/collections';
import { findById, isoDate, updated } from '@platform/cloud/documents';
import { inTransaction, readInTransaction } from '@platform/cloud/transaction';
import { database } from '@platform/cloud/wx';
import { bookingSecret } from './secrets';

export const FULL_MESSAGE = '这个时段已经约满了，请选择其他时间';

/**
 * The last config object built per station, with the stored content it was built from: the slot
 * engine compiles a config once per object (slots.ts), so an unchanged config must come back as
 * the same object, or every availability call would compile the hall again.
 */
const configCache = new Map<string, { content: string; config: HallConfig }>();

/** The station's hall config, or NOT_FOUND when the station takes no online bookings. */
export async function hallConfigOf(stationId: string): Promise<HallConfig> {
  const record = await findById<HallConfigRecord>(COLLECTIONS.hallConfigs, stationId);
  if (!record) throw new ActionError('NOT_FOUND', '这个派出所暂未开通网上预约');
  const { _id, updatedAt: _updatedAt, ...stored } = record;
  const content = JSON.stringify(stored);
  const cached = configCache.get(_id);
  if (cached && cached.content === content) return cached.config;
  const config: HallConfig = { ...stored, stationId: _id };
  configCache.set(_id, { content, config });
  return config;
}

/** The hall config of the station a slot id names (NOT_FOUND for a malformed id or a station without one). */
export async function hallConfigOfSlot(slotId: string): Promise<HallConfig> {
  const ref = parseSlotId(slotId);
  if (!ref) throw new ActionError('NOT_FOUND', '没有找到这个时段，请刷新后重新选择');
  return hallConfigOf(ref.stationId);
}

/** Station names for views, looked up once per call. */
export function stationNames(): (stationId: string) => Promise<string> {
  const cache = new Map<string, Promise<string>>();
  return (stationId) => {
    let name = cache.get(stationId);
    if (!name) {
      name = findById<StationRecord>(COLLECTIONS.stations, stationId).then((station) => station?.name ?? '');
      cache.set(stationId, name);
    }
    return name;
  };
}

/**
 * Takes one place of a slot: creates its counter with full capacity the first time (set inside a
 * transaction, only when missing), then the conditional decrement. True iff a place was taken.
 */
export async function takePlace(slotId: string, capacity: number, now: Date): Promise<boolean> {
  const ref = parseSlotId(slotId);
  if (!ref) return false;
  const existing = await findById(COLLECTIONS.slotCounters, slotId);
  if (!existing) {
    await inTransaction(async (transaction) => {
      const counter = await readInTransaction(transaction, COLLECTIONS.slotCounters, slotId);
      if (counter) return;
      await transaction
        .collection(COLLECTIONS.slotCounters)
        .doc(slotId)
        .set({ data: { stationId: ref.stationId, service: ref.service, day: ref.day, capacity, remaining: capacity, createdAt: now } });
    });
  }
  const _ = database().command;
  const taken = await updated(
    database()
      .collection(COLLECTIONS.slotCounters)
      .where({ _id: slotId, remaining: _.gt(0) })
      .update({ data: { remaining: _.inc(-1) } }),
  );
  return taken === 1;
}

/** Gives one place back (a cancel, a move, or compensation after a failed booking write). */
export async function releasePlace(slotId: string): Promise<void> {
  const _ = database().command;
  await database()
    .collection(COLLECTIONS.slotCounters)
    .where({ _id: slotId })
    .update({ data: { remaining: _.inc(1) } });
}

/**
 * A check-in code unique among the station's bookings of that day: claimed with add() (which
 * rejects a duplicate id), trying the booking's alternatives on a clash. A claim this booking
 * already holds (a reactivated or retried booking) is reused.
 */
export async function claimCheckInCode(bookingId: string, stationId: string, day: string, now: Date): Promise<string> {
  const secret = bookingSecret();
  for (let attempt = 0; attempt < 20; attempt++) {
    const code = checkInCodeFor(bookingId, secret, attempt);
    const claimId = checkInClaimId(stationId, day, code);
    try {
      const claim: Omit<CheckInCodeRecord, '_id'> = { bookingId, stationId, day, createdAt: now };
      await database()
        .collection(COLLECTIONS.checkInCodes)
        .add({ data: { _id: claimId, ...claim } });
      return code;
    } catch (error) {
      const existing = await findById<CheckInCodeRecord>(COLLECTIONS.checkInCodes, claimId);
      if (!existing) throw error;
      if (existing.bookingId === bookingId) return code;
    }
  }
  throw new Error(`no free check-in code for ${bookingId}`);
}

/** A new booking of a place already taken (reserve, reschedule, a claimed waitlist hold), with its check-in code claimed. */
export async function newBooking(
  slot: Slot,
  who: { accountId: string; personKey: string; person: BookingPersonRecord; needs: Needs },
  now: Date,
  extra: Partial<BookingRecord> = {},
): Promise<BookingRecord> {
  const ref = parseSlotId(slot.slotId);
  if (!ref) throw new ActionError('NOT_FOUND', '没有找到这个时段，请刷新后重新选择');
  const id = bookingIdFor(slot.slotId, who.personKey);
  return {
    _id: id,
    stationId: ref.stationId,
    service: ref.service,
    slotId: slot.slotId,
    day: ref.day,
    start: slot.start,
    end: slot.end,
    accountId: who.accountId,
    personKey: who.personKey,
    person: who.person,
    status: 'booked',
    needs: { kinds: [...who.needs.kinds], ...(who.needs.greenChannelReason ? { greenChannelReason: who.needs.greenChannelReason } : {}) },
    checkInCode: await claimCheckInCode(id, ref.stationId, ref.day, now),
    createdAt: now,
    updatedAt: now,
    ...extra,
  };
}

export function needsView(needs: Needs | undefined): BookingNeedsView {
  return {
    kinds: [...(needs?.kinds ?? [])],
    ...(needs?.greenChannelReason ? { greenChannelReason: needs.greenChannelReason } : {}),
    labels: needLabels(needs),
  };
}

/** Masks a name for officers' lists: '王建国' → '王*国', '李华' → '李*'. */
export function maskName(name: string): string {
  const chars = Array.from(name);
  if (chars.length <= 1) return name;
  if (chars.length === 2) return `${chars[0]}*`;
  return `${chars[0]}${'*'.repeat(chars.length - 2)}${chars[chars.length - 1]}`;
}

export function personView(person: BookingPersonRecord, forOfficer: boolean): BookingPersonView {
  return {
    self: person.self,
    name: forOfficer ? maskName(person.name) : person.self ? '本人' : person.name,
    ...(person.familyMemberId && !forOfficer ? { familyMemberId: person.familyMemberId } : {}),
    ...(person.idNumberMasked ? { idNumberMasked: person.idNumberMasked } : {}),
    ...(person.phoneMasked ? { phoneMasked: person.phoneMasked } : {}),
  };
}

export function bookingView(booking: BookingRecord, stationName: string): BookingView {
  return {
    id: booking._id,
    stationId: booking.stationId,
    stationName,
    service: booking.service,
    serviceLabel: SERVICE_LABELS[booking.service],
    slotId: booking.slotId,
    day: booking.day,
    time: timeOf(shanghaiMinuteOfDay(booking.start)),
    start: isoDate(booking.start),
    end: isoDate(booking.end),
    status: booking.status,
    statusLabel: BOOKING_STATUS_LABELS[booking.status],
    person: personView(booking.person, false),
    needs: needsView(booking.needs),
    checkInCode: booking.checkInCode,
    checkInPayload: checkInPayload(booking._id, booking.checkInCode),
    createdAt: isoDate(booking.createdAt),
    ...(booking.checkedInAt ? { checkedInAt: isoDate(booking.checkedInAt) } : {}),
    ...(booking.closure ? { closure: { reason: booking.closure.reason } } : {}),
  };
}

export function rosterEntryView(booking: BookingRecord): RosterEntryView {
  return {
    bookingId: booking._id,
    service: booking.service,
    serviceLabel: SERVICE_LABELS[booking.service],
    status: booking.status,
    statusLabel: BOOKING_STATUS_LABELS[booking.status],
    person: personView(booking.person, true),
    needs: needsView(booking.needs),
    ...(booking.checkedInAt ? { checkedInAt: isoDate(booking.checkedInAt) } : {}),
    ...(booking.closure ? { closure: { reason: booking.closure.reason } } : {}),
  };
}

/** Stored dates come back as Date objects from the database; the rules want Dates. */
export const asDate = (value: unknown): Date => (value instanceof Date ? value : new Date(value as string));
