/**
 * Closing a slot or a day at the hall (closeHall) through the real handlers on the embedded
 * database: the closure and the marks on the booked residents are written together or not at
 * all, residents are told (subscribe message → outbox) and can move the booking even inside the
 * usual change cut-off; closed times take no new bookings, send no reminders and make no no-shows.
 * Clock: Wednesday 2026-11-25 09:00 Beijing; 长庆 opens weekdays 08:30–12:00 and 13:30–17:00.
 */
import { actions, type BookingView } from '@domain/actions';
import { BOOKING_TEMPLATES } from '@domain/booking';
import { readOutbox, recordSubscription } from '@local-cloud/wechat';
import { persona } from '../support/cloud-harness';
import { clockedHarness, failed, ok, type Result } from '../support/clocked-harness';


const harness = clockedHarness(new Date('2026-11-25T09:00:00+08:00'));


const slot = (hhmm: string, day = '2026-11-26') => `changqing:idRenewal:${day}:${hhmm}`;
const hall = () => persona('officer-hall-cq').openid;
const reserve = (openid: string, slotId: string) =>
  harness.call(openid, actions.booking.reserve, { slotId, person: { self: true }, needs: { kinds: [] } }) as Promise<Result<BookingView>>;
const closeHall = (openid: string, input: { day: string; time?: string; reason: string; stationId?: string }) =>
  harness.call(openid, actions.booking.closeHall, { stationId: 'changqing', ...input });
const closures = () => (harness.engine.find('hall_configs', { _id: 'changqing' })[0] as { closures: unknown[] }).closures;

describe('closing a slot', () => {
  test('marks and notifies the people booked at that time, refuses new bookings, and lets them move even inside the cut-off', async () => {
    const [a, b, later] = [ok(await reserve('openid-a', slot('0900'))), ok(await reserve('openid-b', slot('0900'))), ok(await reserve('openid-c', slot('0930')))];
    recordSubscription('openid-a', [BOOKING_TEMPLATES.slotClosed], { [BOOKING_TEMPLATES.slotClosed]: 'accept' });

    const closed = ok(await closeHall(hall(), { day: '2026-11-26', time: '09:00', reason: '户籍系统维护' }));
    expect(closed).toEqual({ stationId: 'changqing', day: '2026-11-26', time: '09:00', affected: 2, waitlistEnded: 0, notified: 1 });
    expect(readOutbox()).toEqual([
      expect.objectContaining({ touser: 'openid-a', templateId: BOOKING_TEMPLATES.slotClosed, data: expect.objectContaining({ thing3: { value: '户籍系统维护' } }) }),
    ]);

    const mine = ok(await harness.call('openid-a', actions.booking.myBookings, {}));
    expect(mine.upcoming[0]).toMatchObject({ id: a.id, status: 'booked', closure: { reason: '户籍系统维护' } });
    expect(ok(await harness.call('openid-c', actions.booking.myBookings, {})).upcoming[0]?.closure).toBeUndefined();
    const roster = ok(await harness.call(hall(), actions.booking.hallRoster, { stationId: 'changqing', day: '2026-11-26' }));
    expect(roster.slots.find((entry) => entry.time === '09:00')?.entries.map((entry) => entry.closure?.reason)).toEqual(['户籍系统维护', '户籍系统维护']);

    // Nobody can book the closed time; the calendar no longer offers it.
    expect(failed(await reserve('openid-d', slot('0900')))).toMatchObject({ code: 'CONFLICT', fields: { slotId: expect.stringContaining('户籍系统维护') } });
    const day = ok(await harness.call('openid-d', actions.booking.availability, { stationId: 'changqing', service: 'idRenewal' })).days.find((entry) => entry.day === '2026-11-26');
    expect(day?.slots.map((entry) => entry.time)).not.toContain('09:00');
    expect(day?.slots.map((entry) => entry.time)).toContain('09:30');

    // 08:30 the next morning, inside the 60-minute change cut-off: a closed booking may still move.
    jest.setSystemTime(new Date('2026-11-26T08:30:00+08:00'));
    expect(failed(await harness.call('openid-c', actions.booking.reschedule, { bookingId: later.id, slotId: slot('1100') })).code).toBe('EXPIRED');
    const moved = ok(await harness.call('openid-b', actions.booking.reschedule, { bookingId: b.id, slotId: slot('1100') }));
    expect(moved).toMatchObject({ time: '11:00', status: 'booked' });
    expect(moved.closure).toBeUndefined();
  });

  test('a closed time sends no reminder and makes nobody a no-show', async () => {
    const booking = ok(await reserve('openid-a', slot('0900')));
    recordSubscription('openid-a', [BOOKING_TEMPLATES.dayBeforeReminder], { [BOOKING_TEMPLATES.dayBeforeReminder]: 'accept' });
    ok(await closeHall(hall(), { day: '2026-11-26', time: '09:00', reason: '停电检修' }));
    jest.setSystemTime(new Date('2026-11-25T19:00:00+08:00'));
    expect(ok((await harness.timer('booking', 'sendBookingReminders')) as Result<{ sent: number }>).sent).toBe(0);
    jest.setSystemTime(new Date('2026-11-26T12:00:00+08:00'));
    expect(ok((await harness.timer('booking', 'markNoShows')) as Result<{ marked: number }>).marked).toBe(0);
    expect(harness.engine.find('bookings', { _id: booking.id })[0]).toMatchObject({ status: 'booked' });
  });
});

describe('closing a day', () => {
  test('hits every booking of the day once, even when closed again', async () => {
    ok(await reserve('openid-a', slot('0900')));
    ok(await reserve('openid-b', slot('1400')));
    ok(await reserve('openid-c', slot('0900', '2026-11-27')));
    expect(ok(await closeHall(persona('admin-xly').openid, { stationId: 'xiluoyuan', day: '2026-11-26', reason: '全所培训' })).affected).toBe(0);
    expect(ok(await closeHall(hall(), { day: '2026-11-26', reason: '全所培训' })).affected).toBe(2);
    expect(ok(await closeHall(hall(), { day: '2026-11-26', reason: '全所培训' })).affected).toBe(0);
    expect(closures().filter((closure) => (closure as { day: string }).day === '2026-11-26')).toHaveLength(1);
    expect(ok(await harness.call('openid-c', actions.booking.myBookings, {})).upcoming[0]?.closure).toBeUndefined();
  });

  test('bad input changes nothing: a time off the grid, a past day, another station', async () => {
    ok(await reserve('openid-a', slot('0900')));
    const before = closures().length;
    expect(failed(await closeHall(hall(), { day: '2026-11-26', time: '09:10', reason: '维护' }))).toMatchObject({ code: 'INVALID_INPUT', fields: { time: expect.any(String) } });
    expect(failed(await closeHall(hall(), { day: '2026-11-24', reason: '维护' })).code).toBe('INVALID_INPUT');
    expect(failed(await closeHall(hall(), { stationId: 'xiluoyuan', day: '2026-11-26', reason: '维护' })).code).toBe('FORBIDDEN');
    expect(failed(await closeHall('openid-a', { day: '2026-11-26', reason: '维护' })).code).toBe('FORBIDDEN');
    expect(closures()).toHaveLength(before);
    expect(harness.engine.find('bookings', { closure: { $exists: true } })).toHaveLength(0);
  });
});
