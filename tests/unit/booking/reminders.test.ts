import { dayBeforeReminderAt, markReminded, remindersDue } from '@domain/booking';
import { bj, booking } from './fixture';

// Booking on Tuesday 2026-03-17 at 09:00, made the week before.
const b = booking({ day: '2026-03-17', start: bj('2026-03-17', '09:00'), end: bj('2026-03-17', '09:30'), createdAt: bj('2026-03-10', '10:00') });
const ids = (list: { id: string }[]) => list.map((x) => x.id);

describe('remindersDue', () => {
  test('the day-before reminder from 18:00 the previous day until midnight', () => {
    expect(remindersDue([b], bj('2026-03-16', '17:59')).dayBefore).toEqual([]);
    expect(ids(remindersDue([b], bj('2026-03-16', '18:00')).dayBefore)).toEqual([b.id]);
    expect(ids(remindersDue([b], bj('2026-03-16', '23:50')).dayBefore)).toEqual([b.id]);
    expect(remindersDue([b], bj('2026-03-17', '00:00')).dayBefore).toEqual([]);
    expect(dayBeforeReminderAt('2026-03-17')).toEqual(bj('2026-03-16', '18:00'));
  });

  test('the hour-before reminder from start − 60 min until the start', () => {
    expect(remindersDue([b], bj('2026-03-17', '07:59')).hourBefore).toEqual([]);
    expect(ids(remindersDue([b], bj('2026-03-17', '08:00')).hourBefore)).toEqual([b.id]);
    expect(ids(remindersDue([b], bj('2026-03-17', '08:55')).hourBefore)).toEqual([b.id]);
    expect(remindersDue([b], bj('2026-03-17', '09:00')).hourBefore).toEqual([]);
  });

  test('idempotent: once marked, never due again', () => {
    let current = b;
    const evening = bj('2026-03-16', '18:10');
    const first = remindersDue([current], evening);
    expect(first.dayBefore).toHaveLength(1);
    current = markReminded(current, 'dayBefore', evening);
    expect(remindersDue([current], bj('2026-03-16', '18:20')).dayBefore).toEqual([]);

    const morning = bj('2026-03-17', '08:10');
    expect(remindersDue([current], morning).hourBefore).toHaveLength(1);
    current = markReminded(current, 'hourBefore', morning);
    expect(remindersDue([current], bj('2026-03-17', '08:20'))).toEqual({ dayBefore: [], hourBefore: [] });
    expect(b.remindedDayBeforeAt).toBeUndefined(); // markReminded copies
  });

  test('not for bookings made inside the window, nor for cancelled or checked-in ones', () => {
    const lateBooked = { ...b, createdAt: bj('2026-03-16', '20:00') };
    expect(remindersDue([lateBooked], bj('2026-03-16', '20:10')).dayBefore).toEqual([]);
    const justBooked = { ...b, createdAt: bj('2026-03-17', '08:15') };
    expect(remindersDue([justBooked], bj('2026-03-17', '08:20')).hourBefore).toEqual([]);
    expect(remindersDue([{ ...b, status: 'cancelled' as const }], bj('2026-03-16', '18:10')).dayBefore).toEqual([]);
    expect(remindersDue([{ ...b, status: 'checkedIn' as const }], bj('2026-03-17', '08:10')).hourBefore).toEqual([]);
  });

  test('a custom time for the day-before reminder', () => {
    expect(remindersDue([b], bj('2026-03-16', '17:00'), { dayBeforeAt: '16:30' }).dayBefore).toHaveLength(1);
  });
});
