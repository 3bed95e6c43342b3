/**
 * May this slot be booked now, may this booking be cancelled or moved now — decided from the
 * config and the clock only. Places left are not checked here: capacity is enforced by the
 * cloud function's atomic conditional update on the slot's counter, never by reading first.
 */
import type { Booking } from './booking';
import type { HallConfig } from './hall-config';
import { refuse, type Refusal } from './refusals';
import { SERVICE_LABELS } from './services';
import { lookupSlot, parseSlotId, type Slot } from './slots';
import { MINUTE_MS, chineseDate, shanghaiDayNumber, tryDayNumber } from './time';

export type ReserveRefusal = Refusal<'UNKNOWN_SLOT' | 'PAST' | 'CLOSED' | 'CUT_OFF' | 'BEYOND_HORIZON'>;
export type ReserveCheck = { ok: true; slot: Slot } | ReserveRefusal;

/**
 * Checks in this order: UNKNOWN_SLOT (not this station's grid), PAST (started), CLOSED (holiday,
 * closure, a day the hall never opens), CUT_OFF (now ≥ start − booking cut-off), BEYOND_HORIZON
 * (day ≥ today + horizonDays, Beijing days).
 */
export function canReserve(config: HallConfig, slot: string | { slotId: string }, now: Date): ReserveCheck {
  const found = lookupSlot(config, typeof slot === 'string' ? slot : slot.slotId);
  if (found.kind === 'unknown') return refuse('UNKNOWN_SLOT');
  const { slot: resolved, closed } = found;
  const t = now.getTime();
  const start = resolved.start.getTime();
  if (t >= start) return refuse('PAST');
  if (closed) {
    const day = chineseDate(resolved.day);
    if (closed.reason === 'holiday') return refuse('CLOSED', `${day}是${closed.note}假期，大厅不办理业务，请选择其他时间`);
    if (closed.reason === 'closure') return refuse('CLOSED', `${day}这个时段暂停办理（${closed.note}），请选择其他时间`);
    return refuse('CLOSED', `${day}大厅不对外办公，请选择其他时间`);
  }
  if (t >= start - config.bookingCutoffMinutes * MINUTE_MS) {
    return refuse('CUT_OFF', `每个时段开始前${config.bookingCutoffMinutes}分钟停止网上预约，这个时段已经截止，请选择其他时间`);
  }
  const slotDay = tryDayNumber(resolved.day) as number;
  if (slotDay >= shanghaiDayNumber(now) + config.horizonDays) {
    return refuse('BEYOND_HORIZON', `只能预约${config.horizonDays}天以内的时段，这一天还不能预约，请过几天再来`);
  }
  return { ok: true, slot: resolved };
}

export type CancelRefusal = Refusal<'NOT_ACTIVE' | 'PAST' | 'CANCEL_CUT_OFF'>;

/** A booked, not yet started booking may be cancelled until cancelCutoffMinutes before its start. */
export function canCancel(booking: Pick<Booking, 'status' | 'start'>, now: Date, config: Pick<HallConfig, 'cancelCutoffMinutes'>): { ok: true } | CancelRefusal {
  if (booking.status !== 'booked') return refuse('NOT_ACTIVE');
  const t = now.getTime();
  const start = booking.start.getTime();
  if (t >= start) return refuse('PAST', '预约时间已经过了，不能再取消');
  if (t >= start - config.cancelCutoffMinutes * MINUTE_MS) {
    return refuse('CANCEL_CUT_OFF', `预约开始前${config.cancelCutoffMinutes}分钟内不能在网上取消。如不能按时到场，请致电派出所说明`);
  }
  return { ok: true };
}

export type RescheduleRefusal = CancelRefusal | ReserveRefusal | Refusal<'SAME_SLOT' | 'OTHER_SERVICE'>;

/**
 * Moving a booking = cancelling the old one and reserving the new one, for the same service (the
 * station may change). `newConfig` is the config of the new slot's station. The cloud function
 * still takes the new place before releasing the old one.
 */
export function canReschedule(
  booking: Pick<Booking, 'status' | 'start' | 'slotId' | 'service'>,
  newSlotId: string,
  now: Date,
  oldConfig: Pick<HallConfig, 'cancelCutoffMinutes'>,
  newConfig: HallConfig,
): { ok: true; slot: Slot } | RescheduleRefusal {
  if (newSlotId === booking.slotId) return refuse('SAME_SLOT');
  const ref = parseSlotId(newSlotId);
  if (ref && ref.service !== booking.service) {
    return refuse('OTHER_SERVICE', `改约只能换时间或派出所，这个预约办的是“${SERVICE_LABELS[booking.service]}”。要办其他业务请重新预约`);
  }
  const cancel = canCancel(booking, now, oldConfig);
  if (!cancel.ok) return cancel.reason === 'CANCEL_CUT_OFF' ? refuse('CANCEL_CUT_OFF', cancel.message.replace('取消', '改约')) : cancel;
  return canReserve(newConfig, newSlotId, now);
}
