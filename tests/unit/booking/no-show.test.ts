import { isNoShow, restrictionFor } from '@domain/booking';
import { MON, bj, booking } from './fixture';

describe('isNoShow', () => {
  const b = booking({ start: bj(MON, '09:00'), end: bj(MON, '09:30') });

  test('after the end of the slot plus 15 minutes grace', () => {
    expect(isNoShow(b, bj(MON, '09:44'))).toBe(false);
    expect(isNoShow(b, bj(MON, '09:45'))).toBe(true);
    expect(isNoShow(b, bj(MON, '09:35'), 5)).toBe(true);
  });

  test('checked-in and cancelled bookings never are', () => {
    expect(isNoShow({ ...b, status: 'checkedIn' }, bj(MON, '18:00'))).toBe(false);
    expect(isNoShow({ ...b, status: 'cancelled' }, bj(MON, '18:00'))).toBe(false);
  });
});

describe('restrictionFor', () => {
  test('fewer than 3 no-shows in 90 days: no restriction', () => {
    expect(restrictionFor([bj('2026-01-05', '09:00'), bj('2026-02-05', '09:00')], bj('2026-03-01', '10:00'))).toEqual({ restricted: false });
    // Three, but spread over more than 90 days.
    expect(restrictionFor([bj('2025-11-01', '09:00'), bj('2026-01-05', '09:00'), bj('2026-02-05', '09:00')], bj('2026-02-06', '10:00'))).toEqual({ restricted: false });
  });

  test('3 within 90 days: no online booking for 30 days from the last, told why and until when', () => {
    const dates = [bj('2026-01-05', '09:00'), bj('2026-02-05', '09:00'), bj('2026-03-10', '14:00')];
    const r = restrictionFor(dates, bj('2026-03-11', '10:00'));
    expect(r).toEqual({
      restricted: true,
      until: bj('2026-04-09'),
      untilDay: '2026-04-09',
      count: 3,
      message: '近90天内有3次预约未到场，30天内暂停网上预约，到4月9日恢复。如有特殊情况请致电派出所',
    });
    expect(restrictionFor(dates, bj('2026-04-08', '23:59')).restricted).toBe(true);
    expect(restrictionFor(dates, bj('2026-04-09', '00:00')).restricted).toBe(false);
  });

  test('the window is anchored at the no-show, not at today', () => {
    const dates = [bj('2026-01-01', '09:00'), bj('2026-03-20', '09:00'), bj('2026-03-30', '09:00')]; // days 0, 78, 88
    const r = restrictionFor(dates, bj('2026-04-05', '09:00')); // only two within 90 days of today
    expect(r).toMatchObject({ restricted: true, untilDay: '2026-04-29' });
  });

  test('the year is shown when restoring falls in the next year; future and invalid dates ignored', () => {
    const dates = [bj('2026-12-01', '09:00'), bj('2026-12-10', '09:00'), bj('2026-12-15', '09:00'), new Date(NaN), bj('2027-06-01', '09:00')];
    const r = restrictionFor(dates, bj('2026-12-16', '09:00'));
    expect(r.restricted && r.message).toContain('到2027年1月14日恢复');
  });
});
