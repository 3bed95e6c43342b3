/**
 * The booking function through the real handlers on the embedded database: capacity under
 * concurrency, idempotent reservations, cancel/reschedule, the rules, limits, masking, the hall
 * roster and check-in, and reminders. The clock is pinned (only Date is faked) to a Wednesday
 * morning in Beijing; 长庆 (changqing) opens Mon–Fri 08:30–12:00 and 13:30–17:00.
 */
import { actions, type BookingView } from '@domain/actions';
import { BOOKING_CONFIRM_TEMPLATES, BOOKING_TEMPLATES } from '@domain/booking';
import { DEMO_HALL_CONFIGS } from '@local-cloud/seed/demo-hall-config';
import { readOutbox, recordSubscription } from '@local-cloud/wechat';
import { persona } from '../support/cloud-harness';
import { clockedHarness, failed, ok, type Result } from '../support/clocked-harness';
import { slotPlaces } from '../support/places';

/** Wednesday 2026-11-25, 09:00 Beijing (01:00 UTC). */
const WEDNESDAY_MORNING = new Date('2026-11-25T09:00:00+08:00');


const harness = clockedHarness(WEDNESDAY_MORNING);


const slot = (day: string, hhmm: string, service = 'idRenewal', station = 'changqing') => `${station}:${service}:${day}:${hhmm}`;
const TOMORROW_0900 = slot('2026-11-26', '0900');
const hall = () => persona('officer-hall-cq').openid;
const self = { self: true as const };
const NO_NEEDS = { kinds: [] as never[] };

const reserve = (openid: string, slotId: string, person: { self: true } | { familyMemberId: string } = self, needs: { kinds: ('wheelchair' | 'greenChannel')[]; greenChannelReason?: string } = NO_NEEDS) =>
  harness.call(openid, actions.booking.reserve, { slotId, person, needs });
/** Runs one of the booking function's timer triggers, as WeChat would (no OPENID). */
const runTimer = async (trigger: 'sendBookingReminders' | 'markNoShows') => (await harness.timer('booking', trigger)) as Result<Record<string, number>>;
const counter = (slotId: string) => slotPlaces(harness.engine, slotId);
const bookingsOf = (slotId: string) => harness.engine.find('bookings', { slotId, status: 'booked' });

/** Gives one service a different number of places per slot at 长庆. */
async function setCapacity(service: string, capacityPerSlot: number) {
  const { stationId, ...config } = DEMO_HALL_CONFIGS.changqing;
  const services = config.services.map((offer) => (offer.kind === service ? { ...offer, capacityPerSlot } : offer));
  await harness.engine.api.collection('hall_configs').doc(stationId).set({ data: { ...config, services } });
}

describe('capacity', () => {
  test('200 residents racing for one slot of 5 places: exactly 5 bookings, 195 told it is full', async () => {
    await setCapacity('idRenewal', 5);
    const results = await Promise.all(Array.from({ length: 200 }, (_, i) => reserve(`openid-racer-${i}`, TOMORROW_0900)));
    const won = results.filter((result) => result.ok);
    const lost = results.filter((result) => !result.ok).map((result) => failed(result));
    expect(won).toHaveLength(5);
    expect(lost).toHaveLength(195);
    for (const error of lost) expect(error).toMatchObject({ code: 'CONFLICT', message: '这个时段已经约满了，请选择其他时间', fields: { slotId: '这个时段已经约满了，请选择其他时间' } });
    expect(bookingsOf(TOMORROW_0900)).toHaveLength(5);
    expect(counter(TOMORROW_0900)).toMatchObject({ capacity: 5, remaining: 0 });

    const day = ok(await harness.call('openid-racer-0', actions.booking.availability, { stationId: 'changqing', service: 'idRenewal' })).days.find((entry) => entry.day === '2026-11-26');
    expect(day?.slots.find((entry) => entry.slotId === TOMORROW_0900)?.left).toBe(0);
  });

  test('a double tap makes one booking and takes one place', async () => {
    const [first, second] = await Promise.all([reserve('openid-tapper', TOMORROW_0900), reserve('openid-tapper', TOMORROW_0900)]);
    expect(ok(first).id).toBe(ok(second).id);
    expect(bookingsOf(TOMORROW_0900)).toHaveLength(1);
    expect(counter(TOMORROW_0900)?.remaining).toBe(2);
    // And again later: the same booking, no new place taken.
    expect(ok(await reserve('openid-tapper', TOMORROW_0900)).id).toBe(ok(first).id);
    expect(counter(TOMORROW_0900)?.remaining).toBe(2);
  });

  test('availability: days of the horizon with open/full/closed and places left', async () => {
    const view = ok(await harness.call('openid-a', actions.booking.availability, { stationId: 'changqing', service: 'idRenewal' }));
    expect(view.days).toHaveLength(14);
    expect(view.days[0]).toMatchObject({ day: '2026-11-25', status: 'open' });
    // Today: 08:30 has started and 09:00/09:30 are past the 30-minute cut-off.
    expect(view.days[0]?.slots[0]).toMatchObject({ time: '10:00', left: 3 });
    expect(view.days.find((entry) => entry.day === '2026-11-29')).toMatchObject({ status: 'closed', closedReason: 'notOpen' });
    expect(view.days.find((entry) => entry.day === '2026-11-28')?.slots.map((entry) => entry.time)).toEqual(['09:00', '09:30', '10:00', '10:30', '11:00', '11:30']);
    const services = ok(await harness.call('openid-a', actions.booking.listServices, { stationId: 'changqing' }));
    expect(services.services.find((service) => service.kind === 'idReplacement')).toMatchObject({ onSitePhoto: true, placesPerSlot: 2 });
    expect(services.services.find((service) => service.kind === 'idRenewal')?.materials.map((item) => item.item)).toContain('照片回执');
  });
});

describe('cancel and reschedule', () => {
  test('cancelling frees the place; a second cancel is refused', async () => {
    const booking = ok(await reserve('openid-c', TOMORROW_0900));
    expect(counter(TOMORROW_0900)?.remaining).toBe(2);
    expect(ok(await harness.call('openid-c', actions.booking.cancel, { bookingId: booking.id })).status).toBe('cancelled');
    expect(counter(TOMORROW_0900)?.remaining).toBe(3);
    expect(failed(await harness.call('openid-c', actions.booking.cancel, { bookingId: booking.id })).code).toBe('CONFLICT');
    expect(counter(TOMORROW_0900)?.remaining).toBe(3);
    // Someone else's booking is not found; booking again reactivates the same id.
    expect(failed(await harness.call('openid-other', actions.booking.cancel, { bookingId: booking.id })).code).toBe('NOT_FOUND');
    expect(ok(await reserve('openid-c', TOMORROW_0900))).toMatchObject({ id: booking.id, status: 'booked' });
    expect(counter(TOMORROW_0900)?.remaining).toBe(2);
  });

  test('concurrent cancels free one place only', async () => {
    const booking = ok(await reserve('openid-cc', TOMORROW_0900));
    const results = await Promise.all([1, 2, 3].map(() => harness.call('openid-cc', actions.booking.cancel, { bookingId: booking.id })));
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    expect(counter(TOMORROW_0900)?.remaining).toBe(3);
  });

  test('within the cancellation cut-off a booking cannot be cancelled online', async () => {
    const booking = ok(await reserve('openid-late', slot('2026-11-25', '1000')));
    expect(failed(await harness.call('openid-late', actions.booking.cancel, { bookingId: booking.id }))).toMatchObject({ code: 'EXPIRED', message: expect.stringContaining('60分钟') });
  });

  test('rescheduling takes the new place, moves the booking, then releases the old place', async () => {
    const target = slot('2026-11-27', '1400');
    const booking = ok(await reserve('openid-r', TOMORROW_0900));
    const moved = ok(await harness.call('openid-r', actions.booking.reschedule, { bookingId: booking.id, slotId: target }));
    expect(moved).toMatchObject({ slotId: target, day: '2026-11-27', time: '14:00', status: 'booked' });
    expect(counter(TOMORROW_0900)?.remaining).toBe(3);
    expect(counter(target)?.remaining).toBe(2);
    expect(harness.engine.find('bookings', { _id: booking.id })[0]).toMatchObject({ status: 'cancelled', rescheduledTo: moved.id });
    const mine = ok(await harness.call('openid-r', actions.booking.myBookings, {}));
    expect(mine.upcoming.map((entry) => entry.slotId)).toEqual([target]);
    expect(mine.past).toEqual([]);
  });

  test('rescheduling into a full slot changes nothing', async () => {
    const full = slot('2026-11-27', '0900');
    for (const racer of ['f1', 'f2', 'f3']) ok(await reserve(`openid-${racer}`, full));
    const booking = ok(await reserve('openid-r2', TOMORROW_0900));
    const refused = failed(await harness.call('openid-r2', actions.booking.reschedule, { bookingId: booking.id, slotId: full }));
    expect(refused).toMatchObject({ code: 'CONFLICT', message: '这个时段已经约满了，请选择其他时间' });
    expect(counter(full)?.remaining).toBe(0);
    expect(counter(TOMORROW_0900)?.remaining).toBe(2);
    expect(harness.engine.find('bookings', { _id: booking.id })[0]).toMatchObject({ status: 'booked', slotId: TOMORROW_0900 });
    expect(bookingsOf(full)).toHaveLength(3);
  });

  test('a reschedule racing a cancel: the booking ends either moved or cancelled, places add up', async () => {
    const target = slot('2026-11-27', '1000');
    const booking = ok(await reserve('openid-rc', TOMORROW_0900));
    await Promise.all([
      harness.call('openid-rc', actions.booking.reschedule, { bookingId: booking.id, slotId: target }),
      harness.call('openid-rc', actions.booking.cancel, { bookingId: booking.id }),
    ]);
    const active = harness.engine.find('bookings', { accountId: { $exists: true }, status: 'booked' });
    const taken = 6 - (counter(TOMORROW_0900)?.remaining ?? 3) - (counter(target)?.remaining ?? 3);
    expect(taken).toBe(active.length);
    expect(active.length).toBeLessThanOrEqual(1);
  });
});

describe('the rules', () => {
  test('past, cut-off, closed, beyond the horizon and unknown slots are refused', async () => {
    expect(failed(await reserve('openid-x', slot('2026-11-25', '0830')))).toMatchObject({ code: 'EXPIRED', message: '这个时段已经过了，请选择其他时间' });
    expect(failed(await reserve('openid-x', slot('2026-11-25', '0930')))).toMatchObject({ code: 'EXPIRED', message: expect.stringContaining('截止') });
    expect(failed(await reserve('openid-x', slot('2026-11-29', '0900')))).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('不对外办公') });
    expect(failed(await reserve('openid-x', slot('2026-12-10', '0900')))).toMatchObject({ code: 'INVALID_INPUT', message: expect.stringContaining('14天') });
    expect(failed(await reserve('openid-x', slot('2026-11-26', '1230')))).toMatchObject({ code: 'NOT_FOUND' });
    expect(failed(await reserve('openid-x', 'not-a-slot'))).toMatchObject({ code: 'INVALID_INPUT' });
    expect(harness.engine.find('bookings')).toHaveLength(0);
  });

  test('an ad-hoc closure is refused with its reason', async () => {
    const { stationId, ...config } = DEMO_HALL_CONFIGS.changqing;
    await harness.engine.api
      .collection('hall_configs')
      .doc(stationId)
      .set({ data: { ...config, closures: [{ day: '2026-11-26', reason: '大厅装修' }] } });
    expect(failed(await reserve('openid-x', TOMORROW_0900))).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('大厅装修') });
  });

  test('one active booking per person per service, and a cap per account', async () => {
    const resident = 'openid-limits';
    ok(await reserve(resident, TOMORROW_0900));
    expect(failed(await reserve(resident, slot('2026-11-27', '0900')))).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('同一业务只能预约一次') });

    const mother = ok(await harness.call(resident, actions.booking.saveFamilyMember, { name: '李秀英', idNumber: '110102195003071231', phone: '13812345678', relation: 'parent' }));
    const son = ok(await harness.call(resident, actions.booking.saveFamilyMember, { name: '王小明', idNumber: '330106201002020015', phone: '13900001111', relation: 'child' }));
    const wife = ok(await harness.call(resident, actions.booking.saveFamilyMember, { name: '陈芳', idNumber: '33010519850615004x', phone: '13700002222', relation: 'spouse' }));
    ok(await reserve(resident, slot('2026-11-27', '0900'), { familyMemberId: mother.id }));
    ok(await reserve(resident, slot('2026-11-27', '0930'), { familyMemberId: son.id }));
    expect(failed(await reserve(resident, slot('2026-11-27', '1000'), { familyMemberId: wife.id }))).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('最多同时有3个') });
    // The family member's booking counts against that person whoever books it.
    expect(failed(await reserve(resident, slot('2026-11-30', '0900'), { familyMemberId: mother.id }))).toMatchObject({ code: 'CONFLICT' });
    expect(failed(await reserve(resident, TOMORROW_0900, { familyMemberId: 'fm_nobody' }))).toMatchObject({ code: 'NOT_FOUND' });
  });

  test('a parent two children both saved: one booking per service whoever books, each child within their own cap', async () => {
    const mother = { name: '李秀英', idNumber: '110102195003071231', phone: '13812345678', relation: 'parent' as const };
    const byDaughter = ok(await harness.call('openid-daughter', actions.booking.saveFamilyMember, mother));
    const bySon = ok(await harness.call('openid-son', actions.booking.saveFamilyMember, mother));
    ok(await reserve('openid-daughter', TOMORROW_0900, { familyMemberId: byDaughter.id }));
    // The son learns nothing about his sister's booking, only that this person cannot be booked for it.
    expect(failed(await reserve('openid-son', slot('2026-11-27', '0900'), { familyMemberId: bySon.id }))).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('暂时无法为这位家人预约') });
    expect(failed(await reserve('openid-son', TOMORROW_0900, { familyMemberId: bySon.id }))).toMatchObject({ code: 'CONFLICT', message: expect.not.stringContaining('李秀英') });
    // Another service for her, and the son's own bookings, count against the son's cap only.
    ok(await reserve('openid-son', slot('2026-11-27', '0900', 'passport'), { familyMemberId: bySon.id }));
    ok(await reserve('openid-son', slot('2026-11-27', '0930')));
    ok(await reserve('openid-daughter', slot('2026-11-27', '1000')));
    ok(await reserve('openid-daughter', slot('2026-11-27', '1000', 'passport')));
    ok(await reserve('openid-son', slot('2026-11-30', '1000', 'residencePermit')));
    expect(failed(await reserve('openid-son', slot('2026-11-30', '1000', 'hukouTransfer')))).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('最多同时有3个') });
    expect(failed(await reserve('openid-daughter', slot('2026-11-30', '1030', 'residencePermit')))).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('最多同时有3个') });
  });

  test('the slot is judged before the person, though both are read at once', async () => {
    // The hall config, the family member and the limits are read side by side; the slot's refusal still comes first.
    expect(failed(await reserve('openid-order', slot('2026-11-25', '0830'), { familyMemberId: 'fm_nobody' }))).toMatchObject({ code: 'EXPIRED' });
    expect(failed(await reserve('openid-order', slot('2026-11-26', '1230'), { familyMemberId: 'fm_nobody' }))).toMatchObject({ code: 'NOT_FOUND', message: expect.not.stringContaining('家人') });
    expect(failed(await reserve('openid-order', TOMORROW_0900, { familyMemberId: 'fm_nobody' }))).toMatchObject({ code: 'NOT_FOUND', message: expect.stringContaining('家人') });
    expect(harness.engine.find('bookings')).toHaveLength(0);
  });

  test('repeated no-shows restrict online booking, with the reason', async () => {
    const resident = 'openid-noshow';
    for (const day of ['2026-11-25', '2026-11-26', '2026-11-27']) {
      jest.setSystemTime(new Date(`${day}T09:00:00+08:00`));
      ok(await reserve(resident, slot(day, '1400')));
      jest.setSystemTime(new Date(`${day}T16:00:00+08:00`));
      expect(ok(await runTimer('markNoShows'))).toEqual({ marked: 1 });
    }
    jest.setSystemTime(new Date('2026-11-30T09:00:00+08:00'));
    expect(failed(await reserve(resident, slot('2026-12-01', '0900')))).toMatchObject({ code: 'FORBIDDEN', message: expect.stringContaining('3次预约未到场') });
  });
});

describe('privacy', () => {
  test('family members and bookings show ID numbers and phones masked; the stored ones are sealed', async () => {
    const resident = 'openid-family';
    const mother = ok(await harness.call(resident, actions.booking.saveFamilyMember, { name: '李秀英', idNumber: '110102195003071231', phone: '138 1234 5678', relation: 'parent' }));
    expect(mother).toMatchObject({ name: '李秀英', relationLabel: '父母', idNumberMasked: '110***********1231', phoneMasked: '138****5678' });
    ok(await reserve(resident, slot('2026-11-26', '1000', 'idReplacement'), { familyMemberId: mother.id }, { kinds: ['wheelchair'] }));
    const mine = ok(await harness.call(resident, actions.booking.myBookings, {}));
    expect(mine.upcoming[0]).toMatchObject({
      serviceLabel: '身份证遗失补领',
      stationName: expect.stringContaining('长庆'),
      person: { self: false, name: '李秀英', idNumberMasked: '110***********1231', phoneMasked: '138****5678' },
      needs: { kinds: ['wheelchair'], labels: ['轮椅/无障碍通道'] },
      checkInCode: expect.stringMatching(/^[1-9]\d{5}$/),
    });
    expect(mine.upcoming[0]?.checkInPayload).toBe(`fqlj:checkin:${mine.upcoming[0]?.id}:${mine.upcoming[0]?.checkInCode}`);
    const everything = JSON.stringify([mine, ok(await harness.call(resident, actions.booking.listFamilyMembers, {})), harness.engine.find('family_members'), harness.engine.find('bookings')]);
    expect(everything).not.toContain('110102195003071231');
    expect(everything).not.toContain('13812345678');
    // Another account cannot see or remove them.
    expect(ok(await harness.call('openid-stranger', actions.booking.listFamilyMembers, {}))).toEqual([]);
    expect(failed(await harness.call('openid-stranger', actions.booking.removeFamilyMember, { id: mother.id })).code).toBe('NOT_FOUND');
    expect(ok(await harness.call(resident, actions.booking.removeFamilyMember, { id: mother.id }))).toEqual({ removed: true });
  });
});

describe('the hall', () => {
  async function todaysBookings(): Promise<BookingView[]> {
    const first = ok(await reserve('openid-hall-1', slot('2026-11-25', '1400'), self, { kinds: ['wheelchair'] }));
    const second = ok(await reserve('openid-hall-2', slot('2026-11-25', '1400', 'passport'), self, { kinds: ['greenChannel'], greenChannelReason: '80岁以上老人' }));
    return [first, second];
  }

  test('the roster shows today by slot with service, needs, status and a masked person; access is logged', async () => {
    await todaysBookings();
    const roster = ok(await harness.call(hall(), actions.booking.hallRoster, { stationId: 'changqing' }));
    expect(roster).toMatchObject({ stationId: 'changqing', day: '2026-11-25', total: 2 });
    expect(roster.slots).toHaveLength(1);
    expect(roster.slots[0]?.time).toBe('14:00');
    expect(roster.slots[0]?.entries.map((entry) => [entry.serviceLabel, entry.needs.labels, entry.statusLabel])).toEqual(
      expect.arrayContaining([
        ['身份证到期换领', ['轮椅/无障碍通道'], '待办理'],
        ['普通护照', ['绿色通道（优先办理）：80岁以上老人'], '待办理'],
      ]),
    );
    expect(roster.slots[0]?.entries[0]?.person.name).toMatch(/\*/);
    expect(harness.engine.find('audit_log', { type: 'booking.roster-viewed' })).toHaveLength(1);
  });

  test('check-in by typed code or scanned QR; refused twice, on another day or at another station', async () => {
    const [first, second] = await todaysBookings();
    expect(ok(await harness.call(hall(), actions.booking.checkIn, { stationId: 'changqing', code: first!.checkInCode }))).toMatchObject({ bookingId: first!.id, status: 'checkedIn' });
    expect(failed(await harness.call(hall(), actions.booking.checkIn, { stationId: 'changqing', code: first!.checkInCode }))).toMatchObject({ code: 'CONFLICT', message: '这位居民已经签到过了' });
    expect(ok(await harness.call(hall(), actions.booking.checkIn, { stationId: 'changqing', code: second!.checkInPayload })).status).toBe('checkedIn');
    const wrong = first!.checkInCode === '999999' ? '999998' : '999999';
    expect(failed(await harness.call(hall(), actions.booking.checkIn, { stationId: 'changqing', code: wrong })).code).toBe('NOT_FOUND');

    const tomorrow = ok(await reserve('openid-hall-3', TOMORROW_0900));
    expect(failed(await harness.call(hall(), actions.booking.checkIn, { stationId: 'changqing', code: tomorrow.checkInPayload }))).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('不是今天') });
    // The admin of another station scanning 长庆's QR code at their own hall.
    expect(failed(await harness.call(persona('admin-xly').openid, actions.booking.checkIn, { stationId: 'xiluoyuan', code: tomorrow.checkInPayload }))).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('不是在本所') });
    expect(harness.engine.find('audit_log', { type: 'booking.checked-in' })).toHaveLength(2);
    expect(ok(await harness.call('openid-hall-1', actions.booking.myBookings, {})).past[0]).toMatchObject({ status: 'checkedIn' });
  });

  test('a hall officer of another station and a resident are forbidden', async () => {
    const [first] = await todaysBookings();
    expect(failed(await harness.call(hall(), actions.booking.hallRoster, { stationId: 'xiluoyuan' })).code).toBe('FORBIDDEN');
    expect(failed(await harness.call(hall(), actions.booking.checkIn, { stationId: 'xiluoyuan', code: first!.checkInCode })).code).toBe('FORBIDDEN');
    expect(failed(await harness.call('openid-hall-1', actions.booking.hallRoster, { stationId: 'changqing' })).code).toBe('FORBIDDEN');
    expect(failed(await harness.call('openid-hall-1', actions.booking.checkIn, { stationId: 'changqing', code: first!.checkInCode })).code).toBe('FORBIDDEN');
    expect(failed(await harness.call(persona('officer-beat-xly').openid, actions.booking.hallRoster, { stationId: 'xiluoyuan' })).code).toBe('FORBIDDEN');
  });
});

describe('reminders', () => {
  test('the day before and an hour before, each on its own template, each sent once even when timer runs overlap', async () => {
    const resident = 'openid-remind';
    ok(await reserve(resident, TOMORROW_0900));
    // The one prompt at 确认预约: both reminders and the closure notice, all accepted.
    recordSubscription(resident, [...BOOKING_CONFIRM_TEMPLATES], Object.fromEntries(BOOKING_CONFIRM_TEMPLATES.map((template) => [template, 'accept'])));

    // Before 18:00 the day before: nothing is due.
    expect(ok(await runTimer('sendBookingReminders'))).toEqual({ dayBefore: 0, hourBefore: 0, sent: 0 });
    jest.setSystemTime(new Date('2026-11-25T18:10:00+08:00'));
    const runs = await Promise.all([1, 2, 3].map(() => runTimer('sendBookingReminders')));
    expect(runs.map((run) => ok(run).sent ?? 0).reduce((a, b) => a + b, 0)).toBe(1);
    expect(ok(await runTimer('sendBookingReminders'))).toEqual({ dayBefore: 0, hourBefore: 0, sent: 0 });
    expect(readOutbox().filter((message) => message.touser === resident)).toEqual([
      expect.objectContaining({ templateId: BOOKING_TEMPLATES.dayBeforeReminder, data: expect.objectContaining({ time2: { value: '2026-11-26 09:00' } }) }),
    ]);

    jest.setSystemTime(new Date('2026-11-26T08:10:00+08:00'));
    expect(ok(await runTimer('sendBookingReminders'))).toMatchObject({ hourBefore: 1, sent: 1 });
    expect(ok(await runTimer('sendBookingReminders'))).toMatchObject({ hourBefore: 0, sent: 0 });
    expect(readOutbox().filter((message) => message.touser === resident).map((message) => message.templateId)).toEqual([BOOKING_TEMPLATES.dayBeforeReminder, BOOKING_TEMPLATES.hourBeforeReminder]);
  });

  test('a resident who accepted only the day-before reminder gets that one, and the hour-before is skipped quietly', async () => {
    const resident = 'openid-remind-once';
    ok(await reserve(resident, TOMORROW_0900));
    recordSubscription(resident, [...BOOKING_CONFIRM_TEMPLATES], { [BOOKING_TEMPLATES.dayBeforeReminder]: 'accept', [BOOKING_TEMPLATES.hourBeforeReminder]: 'reject', [BOOKING_TEMPLATES.slotClosed]: 'accept' });
    jest.setSystemTime(new Date('2026-11-25T18:10:00+08:00'));
    expect(ok(await runTimer('sendBookingReminders'))).toMatchObject({ dayBefore: 1, sent: 1 });
    jest.setSystemTime(new Date('2026-11-26T08:10:00+08:00'));
    expect(ok(await runTimer('sendBookingReminders'))).toMatchObject({ hourBefore: 1, sent: 0 });
    expect(readOutbox().filter((message) => message.touser === resident).map((message) => message.templateId)).toEqual([BOOKING_TEMPLATES.dayBeforeReminder]);
  });

  test('a resident without a subscription left is skipped quietly (43101)', async () => {
    ok(await reserve('openid-nosub', TOMORROW_0900));
    jest.setSystemTime(new Date('2026-11-25T19:00:00+08:00'));
    expect(ok(await runTimer('sendBookingReminders'))).toEqual({ dayBefore: 1, hourBefore: 0, sent: 0 });
    expect(harness.engine.find('bookings')[0]).toHaveProperty('remindedDayBeforeAt');
  });
});
