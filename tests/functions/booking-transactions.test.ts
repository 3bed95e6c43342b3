/**
 * Booking writes, through the real handlers on the embedded database: the round trips a reserve
 * costs (one add, the unique place and code indexes doing the rest), a check-in code or place
 * clash, housekeeping's care of places (bookings of earlier versions migrated, a waitlist's held
 * places repaired and reported), the check-in
 * code kept across 改时间 (and the officer's card saying 已改约), bounded waitlists, and timers
 * that pick up a reminder a cut-off run claimed but never sent.
 * Clock: Wednesday 2026-11-25 09:00 Beijing; 长庆 (changqing) opens Mon–Fri.
 */
import { bookingActions } from '@domain/actions/booking';
import { consultActions } from '@domain/actions/consult';
import { BOOKING_TEMPLATES, MAX_WAITING_PER_SLOT, MAX_WAITLISTS_PER_ACCOUNT, checkInClaimId } from '@domain/booking';
import { DEMO_HALL_CONFIGS } from '@local-cloud/seed/demo-hall-config';
import { readOutbox, recordSubscription } from '@local-cloud/wechat';
import { persona } from '../support/cloud-harness';
import { clockedHarness, failed, ok, type Result } from '../support/clocked-harness';
import { slotPlaces } from '../support/places';

const harness = clockedHarness(new Date('2026-11-25T09:00:00+08:00'));

const slot = (day: string, hhmm: string, service = 'idRenewal') => `changqing:${service}:${day}:${hhmm}`;
const TOMORROW_0900 = slot('2026-11-26', '0900');
const self = { self: true as const };
const NO_NEEDS = { kinds: [] as never[] };
const reserve = (openid: string, slotId: string) => harness.call(openid, bookingActions.reserve, { slotId, person: self, needs: NO_NEEDS });
const counter = (slotId: string) => slotPlaces(harness.engine, slotId);
const housekeeping = async () => ok((await harness.timer('booking', 'hallHousekeeping')) as Result<{ places: { migrated: number; checked: number; finished: boolean; repaired: { slotId: string; dropped: number; released: number }[] } }>);

async function setCapacity(service: string, capacityPerSlot: number) {
  const { stationId, ...config } = DEMO_HALL_CONFIGS.changqing;
  const services = config.services.map((offer) => (offer.kind === service ? { ...offer, capacityPerSlot } : offer));
  await harness.engine.api.collection('hall_configs').doc(stationId).set({ data: { ...config, services } });
}

describe('reserve is one write', () => {
  test("a reserve costs 5 database round trips: the caller, the hall config, one indexed limits look-up and the slot's taken places side by side, and one add", async () => {
    // A signed-in resident with a booking already (the first call of an openid also creates its account).
    ok(await reserve('openid-trips', slot('2026-11-26', '0930', 'residencePermit')));
    const before = harness.engine.roundTrips();
    const booking = ok(await reserve('openid-trips', TOMORROW_0900));
    const trips = harness.engine.roundTrips() - before;
    expect(booking.status).toBe('booked');
    expect(trips).toBeLessThanOrEqual(5);
    expect(counter(TOMORROW_0900).taken).toBe(1);
    expect(harness.engine.find('bookings', { _id: booking.id })[0]).toMatchObject({ place: expect.stringMatching(/^changqing:idRenewal:2026-11-26:0900#\d$/), placed: true, codeKey: checkInClaimId('changqing', '2026-11-26', booking.checkInCode) });
  });

  test("a family member's reserve costs 6: the caller, the hall config beside the account's family, one limits look-up over everyone the account books for beside the taken places, and the add", async () => {
    const mother = ok(await harness.call('openid-family-trips', bookingActions.saveFamilyMember, { name: '李秀英', idNumber: '110102195003071231', phone: '13812345678', relation: 'parent' }));
    ok(await reserve('openid-family-trips', slot('2026-11-26', '0930', 'residencePermit')));
    const before = harness.engine.roundTrips();
    const booking = ok(await harness.call('openid-family-trips', bookingActions.reserve, { slotId: TOMORROW_0900, person: { familyMemberId: mother.id }, needs: NO_NEEDS }));
    expect(harness.engine.roundTrips() - before).toBeLessThanOrEqual(6);
    expect(booking).toMatchObject({ status: 'booked', person: { self: false, name: '李秀英' } });
  });

  test("a cancel costs 7: the caller, then one transaction that reads the booking, the hall config and the slot's waitlist, and writes the booking (its place goes with it)", async () => {
    const booking = ok(await reserve('openid-cancel-trips', TOMORROW_0900));
    const before = harness.engine.roundTrips();
    expect(ok(await harness.call('openid-cancel-trips', bookingActions.cancel, { bookingId: booking.id })).status).toBe('cancelled');
    expect(harness.engine.roundTrips() - before).toBeLessThanOrEqual(7);
    expect(counter(TOMORROW_0900).remaining).toBe(counter(TOMORROW_0900).capacity);
    expect(harness.engine.find('bookings', { _id: booking.id })[0]).toMatchObject({ placed: false, place: `free:${booking.id}` });
    // Someone else's booking stays "not found", and nothing is written for them.
    const mine = ok(await reserve('openid-cancel-trips', TOMORROW_0900));
    expect(failed(await harness.call('openid-cancel-other', bookingActions.cancel, { bookingId: mine.id })).code).toBe('NOT_FOUND');
    expect(harness.engine.find('bookings', { _id: mine.id })[0]).toMatchObject({ status: 'booked' });
  });

  test('a check-in code another booking of that day holds: the add is tried again with the next code, nothing is left half-done', async () => {
    const first = ok(await reserve('openid-clash', TOMORROW_0900));
    ok(await harness.call('openid-clash', bookingActions.cancel, { bookingId: first.id }));
    // Make it a new booking again, and let another booking of that day hold its first code meanwhile.
    await harness.engine.api.collection('bookings').doc(first.id).remove();
    await harness.engine.api.collection('bookings').doc('someone-else').set({ data: { stationId: 'changqing', day: '2026-11-26', slotId: slot('2026-11-26', '1000'), status: 'cancelled', place: 'free:someone-else', placed: false, codeKey: checkInClaimId('changqing', '2026-11-26', first.checkInCode) } });
    const again = ok(await reserve('openid-clash', TOMORROW_0900));
    expect(again.id).toBe(first.id);
    expect(again.checkInCode).not.toBe(first.checkInCode);
    expect(harness.engine.find('bookings', { _id: first.id })[0]?.codeKey).toBe(checkInClaimId('changqing', '2026-11-26', again.checkInCode));
    expect(counter(TOMORROW_0900).taken).toBe(1);
  });

  test('a place another resident took meanwhile: the add is tried on the next free place; a full slot refuses and writes nothing', async () => {
    await setCapacity('idRenewal', 2);
    // Someone holds place #0 and #1 is free: whichever the reserve tries first, it ends on #1.
    await harness.engine.api.collection('bookings').doc('taker-0').set({ data: { stationId: 'changqing', day: '2026-11-26', slotId: TOMORROW_0900, status: 'booked', place: `${TOMORROW_0900}#0`, placed: true, codeKey: 'free:taker-0' } });
    const second = ok(await reserve('openid-first', TOMORROW_0900));
    expect(harness.engine.find('bookings', { _id: second.id })[0]?.place).toBe(`${TOMORROW_0900}#1`);
    expect(failed(await reserve('openid-second', TOMORROW_0900)).message).toBe('这个时段已经约满了，请选择其他时间');
    expect(harness.engine.find('bookings', { slotId: TOMORROW_0900 })).toHaveLength(2);
    expect(counter(TOMORROW_0900).remaining).toBe(0);
  });
});

describe('housekeeping takes care of places', () => {
  test('a booking stored by an earlier version gets its place and code claim once, the old counters and claims go; the next runs find nothing to do', async () => {
    const booking = ok(await reserve('openid-h1', TOMORROW_0900));
    ok(await reserve('openid-h2', TOMORROW_0900));
    const cancelled = ok(await reserve('openid-h3', slot('2026-11-27', '1000')));
    ok(await harness.call('openid-h3', bookingActions.cancel, { bookingId: cancelled.id }));
    // What an earlier version stored: no place fields (a unique index allows one such document).
    const { _id, place: _place, placed: _placed, codeKey: _codeKey, ...old } = harness.engine.find('bookings', { _id: booking.id })[0] as Record<string, unknown>;
    await harness.engine.api.collection('bookings').doc(booking.id).set({ data: old });
    await harness.engine.api.collection('timer_cursors').doc('bookingPlacesMigration').remove().catch(() => undefined);
    // And what an earlier version kept beside its bookings.
    await harness.engine.api.collection('slot_counters').doc(TOMORROW_0900).set({ data: { stationId: 'changqing', day: '2026-11-26', capacity: 3, remaining: 1 } });
    await harness.engine.api.collection('check_in_codes').doc(checkInClaimId('changqing', '2026-11-26', booking.checkInCode)).set({ data: { bookingId: booking.id, day: '2026-11-26' } });

    const run = (await housekeeping()).places;
    expect(run).toMatchObject({ migrated: 1, finished: true });
    expect(harness.engine.find('slot_counters')).toEqual([]);
    expect(harness.engine.find('check_in_codes')).toEqual([]);
    expect(harness.engine.find('bookings', { _id: booking.id })[0]).toMatchObject({ placed: true, place: expect.stringMatching(/#\d$/), codeKey: checkInClaimId('changqing', '2026-11-26', booking.checkInCode) });
    expect(new Set(counter(TOMORROW_0900).places).size).toBe(2);
    expect((await housekeeping()).places).toMatchObject({ migrated: 0, finished: true, repaired: [] });
  });

  test('a waitlist listing a held place no booking holds any more is repaired and reported (and logged); the next run finds nothing', async () => {
    const now = new Date('2026-11-25T09:00:00+08:00');
    const holding = { id: 'wl_test', slotId: TOMORROW_0900, accountId: 'acc', personKey: 'pk', joinedAt: now, status: 'holding', holdUntil: new Date(now.getTime() + 20 * 60_000), person: { self: true, name: '王' }, needs: { kinds: [] } };
    await harness.engine.api.collection('waitlists').doc(TOMORROW_0900).set({ data: { stationId: 'changqing', service: 'idRenewal', day: '2026-11-26', entries: [holding], accountIds: ['acc'], heldPlaces: [{ bookingId: 'erased-booking', place: `${TOMORROW_0900}#2` }], updatedAt: now } });
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    const run = (await housekeeping()).places;
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('held places repaired'));
    warn.mockRestore();
    expect(run.repaired).toEqual([{ slotId: TOMORROW_0900, dropped: 1, released: 0 }]);
    expect(harness.engine.find('waitlists', { _id: TOMORROW_0900 })[0]?.heldPlaces).toEqual([]);
    expect(harness.engine.find('audit_log', { type: 'booking.held-places-repaired' })).toHaveLength(1);
    expect((await housekeeping()).places.repaired).toEqual([]);
  });
});

describe('housekeeping gives back a place nobody can claim', () => {
  test('a cancelled booking still holding a place that no waitlist lists releases it; the next run finds nothing', async () => {
    const booking = ok(await reserve('openid-orphan', TOMORROW_0900));
    // What a hand edit or a restore could leave: cancelled, the place still on it, no waitlist listing it.
    await harness.engine.api.collection('bookings').doc(booking.id).update({ data: { status: 'cancelled' } });
    expect(counter(TOMORROW_0900)).toMatchObject({ held: 1, taken: 0 });
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    const run = (await housekeeping()).places;
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('held places repaired'));
    warn.mockRestore();
    expect(run.repaired).toEqual([{ slotId: TOMORROW_0900, dropped: 0, released: 1 }]);
    expect(harness.engine.find('bookings', { _id: booking.id })[0]).toMatchObject({ placed: false, place: `free:${booking.id}` });
    expect(counter(TOMORROW_0900).remaining).toBe(counter(TOMORROW_0900).capacity);
    expect((await housekeeping()).places.repaired).toEqual([]);
  });
});

describe('改时间 keeps the check-in code', () => {
  test('moved within the day and to another day: same code; the hall checks in by the old code or the old QR; the officer card says 已改约', async () => {
    const resident = persona('resident-xly2');
    const booking = ok(await reserve(resident.openid, slot('2026-11-25', '1400')));
    const sameDay = ok(await harness.call(resident.openid, bookingActions.reschedule, { bookingId: booking.id, slotId: slot('2026-11-25', '1500') }));
    expect(sameDay.checkInCode).toBe(booking.checkInCode);
    expect(sameDay.previousCheckInCode).toBeUndefined();

    const hall = persona('officer-hall-cq').openid;
    // The code written down before moving it, and the first QR code, both find the moved booking.
    expect(ok(await harness.call(hall, bookingActions.checkIn, { stationId: 'changqing', code: booking.checkInPayload }))).toMatchObject({ bookingId: sameDay.id, status: 'checkedIn' });

    const later = ok(await reserve(resident.openid, slot('2026-11-26', '1000', 'residencePermit')));
    const nextDay = ok(await harness.call(resident.openid, bookingActions.reschedule, { bookingId: later.id, slotId: slot('2026-11-27', '1000', 'residencePermit') }));
    expect(nextDay.checkInCode).toBe(later.checkInCode);
    jest.setSystemTime(new Date('2026-11-27T09:50:00+08:00'));
    expect(ok(await harness.call(hall, bookingActions.checkIn, { stationId: 'changqing', code: later.checkInCode }))).toMatchObject({ bookingId: nextDay.id, status: 'checkedIn' });
  });

  test("the officer's card of the resident shows the moved booking as 已改约", async () => {
    const resident = persona('resident-xly2');
    const booking = ok(await reserve(resident.openid, TOMORROW_0900));
    ok(await harness.call(resident.openid, bookingActions.reschedule, { bookingId: booking.id, slotId: slot('2026-11-26', '1000') }));
    const started = ok(await harness.call(resident.openid, consultActions.startThread, { category: 'household', text: '户口迁移需要带什么材料？' }));
    const threadId = started.kind === 'sent' ? started.threadId : '';
    const view = ok(await harness.call(persona('officer-hall-xly').openid, consultActions.getThread, { threadId }));
    expect(view.residentContext?.bookings.find((entry) => entry.id === booking.id)?.statusLabel).toBe('已改约');
    expect(view.residentContext?.bookings.find((entry) => entry.id !== booking.id)?.statusLabel).toBe('待办理');
  });
});

describe('waitlists are bounded', () => {
  test(`at most ${MAX_WAITING_PER_SLOT} people wait for one slot, and an account waits for at most ${MAX_WAITLISTS_PER_ACCOUNT} slots`, async () => {
    await setCapacity('idRenewal', 1);
    const times = ['0900', '0930', '1000', '1030'];
    for (const time of times) ok(await reserve(`openid-holder-${time}`, slot('2026-11-26', time)));
    for (let i = 0; i < MAX_WAITING_PER_SLOT; i++) ok(await harness.call(`openid-wait-${i}`, bookingActions.joinWaitlist, { slotId: TOMORROW_0900, person: self, needs: NO_NEEDS }));
    expect(failed(await harness.call('openid-one-too-many', bookingActions.joinWaitlist, { slotId: TOMORROW_0900, person: self, needs: NO_NEEDS }))).toMatchObject({
      code: 'CONFLICT',
      message: expect.stringContaining(`候补的人已经有${MAX_WAITING_PER_SLOT}位了`),
    });

    const busy = 'openid-busy';
    for (const time of times.slice(1)) ok(await harness.call(busy, bookingActions.joinWaitlist, { slotId: slot('2026-11-26', time), person: self, needs: NO_NEEDS }));
    ok(await harness.call('openid-holder-0900', bookingActions.cancel, { bookingId: ok(await reserve('openid-holder-0900', TOMORROW_0900)).id }));
    expect(failed(await harness.call(busy, bookingActions.joinWaitlist, { slotId: slot('2026-11-26', '1100'), person: self, needs: NO_NEEDS }))).toMatchObject({ code: 'CONFLICT' });
    ok(await reserve('openid-holder-1100', slot('2026-11-26', '1100')));
    expect(failed(await harness.call(busy, bookingActions.joinWaitlist, { slotId: slot('2026-11-26', '1100'), person: self, needs: NO_NEEDS }))).toMatchObject({
      code: 'CONFLICT',
      message: expect.stringContaining(`最多同时候补${MAX_WAITLISTS_PER_ACCOUNT}个时段`),
    });
  });
});

describe('timers', () => {
  test('a reminder a cut-off run claimed but never sent is sent by a later run, once', async () => {
    const resident = 'openid-lease';
    const booking = ok(await reserve(resident, TOMORROW_0900));
    for (let i = 0; i < 3; i++) recordSubscription(resident, [BOOKING_TEMPLATES.dayBeforeReminder], { [BOOKING_TEMPLATES.dayBeforeReminder]: 'accept' });
    jest.setSystemTime(new Date('2026-11-25T18:10:00+08:00'));
    // A run claimed the day-before reminder a minute ago and was stopped before sending it.
    await harness.engine.api.collection('bookings').doc(booking.id).update({ data: { reminderClaims: { dayBefore: new Date('2026-11-25T18:09:00+08:00') } } });
    expect(ok((await harness.timer('booking', 'sendBookingReminders')) as Result<{ sent: number }>).sent).toBe(0);
    jest.setSystemTime(new Date('2026-11-25T18:12:00+08:00'));
    expect(ok((await harness.timer('booking', 'sendBookingReminders')) as Result<{ sent: number }>).sent).toBe(1);
    expect(ok((await harness.timer('booking', 'sendBookingReminders')) as Result<{ sent: number }>).sent).toBe(0);
    expect(readOutbox().filter((message) => message.touser === resident)).toHaveLength(1);
  });

  test('a run with no time left does nothing and loses nothing: the next run marks every overdue booking', async () => {
    await setCapacity('idRenewal', 6);
    for (let i = 0; i < 12; i++) ok(await reserve(`openid-late-${i}`, slot('2026-11-25', i < 6 ? '1400' : '1430')));
    jest.setSystemTime(new Date('2026-11-25T17:30:00+08:00'));
    process.env.BOOKING_TIMER_BUDGET_MS = '0';
    try {
      expect(ok((await harness.timer('booking', 'markNoShows')) as Result<{ marked: number }>).marked).toBe(0);
    } finally {
      delete process.env.BOOKING_TIMER_BUDGET_MS;
    }
    expect(ok((await harness.timer('booking', 'markNoShows')) as Result<{ marked: number }>).marked).toBe(12);
    expect(harness.engine.find('bookings', { status: 'noShow' })).toHaveLength(12);
  });
});

describe('closing a time with many bookings', () => {
  test('is not one big transaction: a closeHall cut off early leaves the rest to housekeeping, which marks and tells each resident once', async () => {
    await setCapacity('idRenewal', 12);
    const residents = Array.from({ length: 12 }, (_, i) => `openid-closed-${i}`);
    for (const openid of residents) {
      ok(await reserve(openid, TOMORROW_0900));
      recordSubscription(openid, [BOOKING_TEMPLATES.slotClosed], { [BOOKING_TEMPLATES.slotClosed]: 'accept' });
    }
    process.env.BOOKING_CLOSE_HALL_BUDGET_MS = '0';
    try {
      const closed = ok(await harness.call(persona('officer-hall-cq').openid, bookingActions.closeHall, { stationId: 'changqing', day: '2026-11-26', time: '09:00', reason: '停电检修' }));
      expect(closed).toMatchObject({ affected: 0, continuing: true });
    } finally {
      delete process.env.BOOKING_CLOSE_HALL_BUDGET_MS;
    }
    // The closure holds at once: nobody can book the time.
    expect(failed(await reserve('openid-latecomer', TOMORROW_0900)).fields?.slotId).toContain('停电检修');

    const run = ok((await harness.timer('booking', 'hallHousekeeping')) as Result<{ closures: { jobs: number; affected: number; finished: number } }>);
    expect(run.closures).toEqual({ jobs: 1, affected: 12, finished: 1 });
    expect(harness.engine.find('bookings', { slotId: TOMORROW_0900, 'closure.reason': '停电检修' })).toHaveLength(12);
    expect(ok((await harness.timer('booking', 'hallHousekeeping')) as Result<{ closures: { jobs: number } }>).closures.jobs).toBe(0);
    const told = readOutbox().filter((message) => message.templateId === BOOKING_TEMPLATES.slotClosed);
    expect(told.map((message) => message.touser).sort()).toEqual([...residents].sort());
  });
});
