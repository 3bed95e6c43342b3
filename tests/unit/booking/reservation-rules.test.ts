import { ActionError } from '@domain/errors';
import { canCancel, canReschedule, canReserve, refusalError, REFUSAL_MESSAGES } from '@domain/booking';
import { HALL, MON, bj, booking } from './fixture';

const slot = (day: string, hhmm: string, service = 'idRenewal') => `teststation:${service}:${day}:${hhmm}`;
const reason = (r: { ok: boolean; reason?: string }) => (r.ok ? 'ok' : r.reason);

describe('canReserve', () => {
  const now = bj(MON, '10:00');

  test('a slot later today, before the cut-off, is fine and resolved', () => {
    const result = canReserve(HALL, slot(MON, '1100'), now);
    expect(result).toMatchObject({ ok: true, slot: { slotId: slot(MON, '1100'), start: bj(MON, '11:00'), capacity: 6 } });
    expect(canReserve(HALL, { slotId: slot(MON, '1100') }, now).ok).toBe(true);
  });

  test('PAST once the slot has started, with a message a resident understands', () => {
    const result = canReserve(HALL, slot(MON, '0930'), now);
    expect(result).toEqual({ ok: false, reason: 'PAST', message: '这个时段已经过了，请选择其他时间' });
    expect(reason(canReserve(HALL, slot(MON, '1000'), now))).toBe('PAST'); // starts exactly now
  });

  test('CUT_OFF within 30 minutes of the start; exactly at the cut-off it is closed', () => {
    expect(reason(canReserve(HALL, slot(MON, '1030'), now))).toBe('CUT_OFF');
    expect(reason(canReserve(HALL, slot(MON, '1030'), bj(MON, '09:59')))).toBe('ok');
    const cut = canReserve(HALL, slot(MON, '1030'), now);
    expect(cut.ok ? '' : cut.message).toContain('30分钟');
  });

  test('BEYOND_HORIZON: today + 13 days is the last bookable day (Beijing days)', () => {
    expect(reason(canReserve(HALL, slot('2026-03-27', '0900'), now))).toBe('ok'); // Fri, day 12
    expect(reason(canReserve(HALL, slot('2026-03-30', '0900'), now))).toBe('BEYOND_HORIZON'); // day 14
    // 23:30 Beijing on the 16th is still the 16th (15:30 UTC): 3-29 is day 13, a Sunday → closed, 3-30 beyond.
    expect(reason(canReserve(HALL, slot('2026-03-30', '0900'), bj(MON, '23:30')))).toBe('BEYOND_HORIZON');
    expect(reason(canReserve(HALL, slot('2026-03-30', '0900'), bj('2026-03-17', '00:00')))).toBe('ok');
  });

  test('CLOSED on holidays, closures and days the hall never opens', () => {
    const early = bj('2026-04-28', '09:00');
    const holiday = canReserve(HALL, slot('2026-05-01', '0900'), early);
    expect(holiday).toMatchObject({ ok: false, reason: 'CLOSED' });
    expect(holiday.ok ? '' : holiday.message).toContain('劳动节');
    expect(reason(canReserve(HALL, slot('2026-03-18', '1400'), now))).toBe('CLOSED');
    expect(reason(canReserve(HALL, slot('2026-03-18', '0900'), now))).toBe('ok');
    expect(reason(canReserve(HALL, slot('2026-03-19', '0900', 'passport'), now))).toBe('CLOSED');
    expect(reason(canReserve(HALL, slot('2026-03-22', '0900'), now))).toBe('CLOSED'); // Sunday
    expect(reason(canReserve(HALL, slot('2026-05-09', '1400'), early))).toBe('ok'); // make-up workday
  });

  test('UNKNOWN_SLOT for anything not on this station’s grid', () => {
    expect(reason(canReserve(HALL, slot(MON, '1200'), now))).toBe('UNKNOWN_SLOT');
    expect(reason(canReserve(HALL, slot(MON, '1115'), now))).toBe('UNKNOWN_SLOT');
    expect(reason(canReserve(HALL, 'otherstation:idRenewal:2026-03-16:1100', now))).toBe('UNKNOWN_SLOT');
    expect(reason(canReserve(HALL, slot(MON, '1100', 'birthRegistration'), now))).toBe('UNKNOWN_SLOT');
    expect(reason(canReserve(HALL, 'garbage', now))).toBe('UNKNOWN_SLOT');
  });

  test('a past slot on a closed day says PAST, not CLOSED', () => {
    expect(reason(canReserve(HALL, slot('2026-03-15', '0900'), now))).toBe('PAST');
  });
});

describe('canCancel', () => {
  const b = booking({ start: bj(MON, '11:00') });

  test('fine until 60 minutes before the start', () => {
    expect(canCancel(b, bj(MON, '09:59'), HALL)).toEqual({ ok: true });
    expect(reason(canCancel(b, bj(MON, '10:00'), HALL))).toBe('CANCEL_CUT_OFF');
    expect(reason(canCancel(b, bj(MON, '11:00'), HALL))).toBe('PAST');
  });

  test('only booked bookings', () => {
    for (const status of ['cancelled', 'checkedIn', 'noShow'] as const) {
      expect(reason(canCancel({ ...b, status }, bj(MON, '08:00'), HALL))).toBe('NOT_ACTIVE');
    }
  });
});

describe('canReschedule', () => {
  const b = booking({ start: bj(MON, '15:00'), slotId: slot(MON, '1500') });
  const now = bj(MON, '09:00');

  test('to another slot of the same service', () => {
    expect(canReschedule(b, slot('2026-03-17', '0900'), now, HALL, HALL)).toMatchObject({ ok: true, slot: { slotId: slot('2026-03-17', '0900') } });
  });

  test('refusals: same slot, other service, too late to cancel, new slot invalid', () => {
    expect(reason(canReschedule(b, b.slotId, now, HALL, HALL))).toBe('SAME_SLOT');
    expect(reason(canReschedule(b, slot('2026-03-17', '0900', 'passport'), now, HALL, HALL))).toBe('OTHER_SERVICE');
    const late = canReschedule(b, slot('2026-03-17', '0900'), bj(MON, '14:30'), HALL, HALL);
    expect(late).toMatchObject({ ok: false, reason: 'CANCEL_CUT_OFF' });
    expect(late.ok ? '' : late.message).toContain('改约');
    expect(reason(canReschedule(b, slot('2026-03-22', '0900'), now, HALL, HALL))).toBe('CLOSED');
  });
});

test('refusals become ActionErrors with the resident-facing message', () => {
  const error = refusalError({ reason: 'FULL', message: REFUSAL_MESSAGES.FULL });
  expect(error).toBeInstanceOf(ActionError);
  expect(error.code).toBe('CONFLICT');
  expect(error.message).toBe('这个时段已经约满了，请选择其他时间，也可以登记候补');
  expect(refusalError({ reason: 'UNKNOWN_SLOT', message: 'x' }).code).toBe('NOT_FOUND');
  expect(refusalError({ reason: 'RESTRICTED', message: 'x' }).code).toBe('FORBIDDEN');
});
