/**
 * The waitlist (候补) through the real handlers on the embedded database: joining a full slot,
 * a freed place held 30 minutes for the first in line (subscribe message → outbox), taking it,
 * a hold running out and passing on (timer), leaving, and a held place — still on the cancelled
 * booking that gave it up, listed in the waitlist — never taken by anyone else. Clock: Wednesday 2026-11-25 09:00 Beijing; 长庆 idRenewal with 1 place per slot.
 */
import { actions, type BookingView, type WaitlistEntryView } from '@domain/actions';
import { BOOKING_TEMPLATES } from '@domain/booking';
import { DEMO_HALL_CONFIGS } from '@local-cloud/seed/demo-hall-config';
import { readOutbox, recordSubscription } from '@local-cloud/wechat';
import { persona } from '../support/cloud-harness';
import { clockedHarness, failed, ok, type Result } from '../support/clocked-harness';
import { slotPlaces } from '../support/places';

const harness = clockedHarness(new Date('2026-11-25T09:00:00+08:00'));
beforeEach(async () => {
  const { stationId, ...config } = DEMO_HALL_CONFIGS.changqing;
  const services = config.services.map((offer) => (offer.kind === 'idRenewal' ? { ...offer, capacityPerSlot: 1 } : offer));
  await harness.engine.api.collection('hall_configs').doc(stationId).set({ data: { ...config, services } });
});


const SLOT = 'changqing:idRenewal:2026-11-26:0900';
const self = { self: true as const };
const reserve = (openid: string, slotId = SLOT) => harness.call(openid, actions.booking.reserve, { slotId, person: self, needs: { kinds: [] } }) as Promise<Result<BookingView>>;
const join = (openid: string, slotId = SLOT) => harness.call(openid, actions.booking.joinWaitlist, { slotId, person: self, needs: { kinds: ['wheelchair'] } }) as Promise<Result<WaitlistEntryView>>;
const mine = async (openid: string) => ok(await harness.call(openid, actions.booking.myWaitlist, {}));
const counter = () => slotPlaces(harness.engine, SLOT);
const cancel = async (openid: string, bookingId: string) => ok(await harness.call(openid, actions.booking.cancel, { bookingId }));

describe('waitlist', () => {
  test('join in line order; only for a full slot; once per person', async () => {
    ok(await reserve('openid-a'));
    expect(ok(await join('openid-b'))).toMatchObject({ status: 'waiting', position: 1, time: '09:00', serviceLabel: '身份证到期换领', needs: { labels: ['轮椅/无障碍通道'] } });
    expect(ok(await join('openid-c')).position).toBe(2);
    expect(failed(await join('openid-b'))).toMatchObject({ code: 'CONFLICT', message: '您已经在这个时段的候补名单里了' });
    expect(failed(await join('openid-d', 'changqing:idRenewal:2026-11-26:0930'))).toMatchObject({ code: 'CONFLICT', fields: { slotId: expect.any(String) } });
    expect(failed(await join('openid-a')).code).toBe('CONFLICT');
    expect(await mine('openid-c')).toEqual([expect.objectContaining({ slotId: SLOT, position: 2 })]);
  });

  test('a freed place is held for the first in line, who is told and can take it; nobody else can book it meanwhile', async () => {
    const booked = ok(await reserve('openid-a'));
    const entry = ok(await join('openid-b'));
    ok(await join('openid-c'));
    recordSubscription('openid-b', [BOOKING_TEMPLATES.waitlistOffer], { [BOOKING_TEMPLATES.waitlistOffer]: 'accept' });

    await cancel('openid-a', booked.id);
    expect(counter()).toMatchObject({ remaining: 0, held: 1 });
    const place = harness.engine.find('bookings', { _id: booked.id })[0]?.place;
    expect(place).toBe(`${SLOT}#0`);
    expect(harness.engine.find('waitlists', { _id: SLOT })[0]?.heldPlaces).toEqual([{ bookingId: booked.id, place }]);
    expect(readOutbox()).toEqual([expect.objectContaining({ touser: 'openid-b', templateId: BOOKING_TEMPLATES.waitlistOffer })]);
    expect(await mine('openid-b')).toEqual([expect.objectContaining({ status: 'holding', holdUntil: '2026-11-25T01:30:00.000Z' })]);
    expect(failed(await reserve('openid-e')).code).toBe('CONFLICT');

    // Someone joining the line meanwhile leaves the held place listed.
    ok(await join('openid-f'));
    expect(harness.engine.find('waitlists', { _id: SLOT })[0]?.heldPlaces).toEqual([{ bookingId: booked.id, place }]);

    const taken = ok(await harness.call('openid-b', actions.booking.claimWaitlistHold, { slotId: SLOT, entryId: entry.id }));
    expect(taken).toMatchObject({ status: 'booked', slotId: SLOT, needs: { kinds: ['wheelchair'] } });
    expect(counter()).toMatchObject({ remaining: 0, held: 0 });
    // The held place passed from the cancelled booking to the claimed one in the same transaction.
    expect(harness.engine.find('bookings', { _id: taken.id })[0]).toMatchObject({ place, placed: true });
    expect(harness.engine.find('bookings', { _id: booked.id })[0]).toMatchObject({ place: `free:${booked.id}`, placed: false });
    expect(harness.engine.find('waitlists', { _id: SLOT })[0]?.heldPlaces).toEqual([]);
    expect(await mine('openid-b')).toEqual([]);
    expect(ok(await harness.call('openid-b', actions.booking.myBookings, {})).upcoming.map((view) => view.id)).toEqual([taken.id]);
    expect(harness.engine.find('bookings', { slotId: SLOT, status: 'booked' })).toHaveLength(1);
  });

  test('a hold not taken in 30 minutes passes to the next, and with nobody left the place goes back to everyone', async () => {
    const booked = ok(await reserve('openid-a'));
    const b = ok(await join('openid-b'));
    const c = ok(await join('openid-c'));
    await cancel('openid-a', booked.id);

    jest.setSystemTime(new Date('2026-11-25T09:31:00+08:00'));
    const first = ok((await harness.timer('booking', 'hallHousekeeping')) as Result<{ waitlist: { expired: number; offered: number; returned: number } }>);
    expect(first.waitlist).toEqual({ expired: 1, offered: 1, returned: 0 });
    expect(failed(await harness.call('openid-b', actions.booking.claimWaitlistHold, { slotId: SLOT, entryId: b.id })).code).toBe('EXPIRED');
    expect(await mine('openid-c')).toEqual([expect.objectContaining({ id: c.id, status: 'holding' })]);

    jest.setSystemTime(new Date('2026-11-25T10:02:00+08:00'));
    expect(ok((await harness.timer('booking', 'hallHousekeeping')) as Result<{ waitlist: unknown }>).waitlist).toEqual({ expired: 1, offered: 0, returned: 1 });
    expect(counter()).toMatchObject({ remaining: 1, held: 0 });
    ok(await reserve('openid-e'));
  });

  test('leaving while holding passes the place on; another account cannot touch an entry', async () => {
    const booked = ok(await reserve('openid-a'));
    const b = ok(await join('openid-b'));
    ok(await join('openid-c'));
    await cancel('openid-a', booked.id);
    expect(failed(await harness.call('openid-c', actions.booking.leaveWaitlist, { slotId: SLOT, entryId: b.id })).code).toBe('NOT_FOUND');
    expect(ok(await harness.call('openid-b', actions.booking.leaveWaitlist, { slotId: SLOT, entryId: b.id }))).toEqual({ left: true });
    expect(await mine('openid-b')).toEqual([]);
    expect(await mine('openid-c')).toEqual([expect.objectContaining({ status: 'holding' })]);
    expect(counter()).toMatchObject({ remaining: 0, held: 1 });
  });

  test('a reschedule away from a full slot also offers the place to the waitlist', async () => {
    const booked = ok(await reserve('openid-a'));
    ok(await join('openid-b'));
    ok(await harness.call('openid-a', actions.booking.reschedule, { bookingId: booked.id, slotId: 'changqing:idRenewal:2026-11-26:1000' }));
    expect(await mine('openid-b')).toEqual([expect.objectContaining({ status: 'holding' })]);
    expect(counter()).toMatchObject({ remaining: 0, held: 1 });
  });

  test('closing the time ends its waitlist: a held place goes back, the people waiting are told', async () => {
    const booked = ok(await reserve('openid-a'));
    ok(await join('openid-b'));
    ok(await join('openid-c'));
    await cancel('openid-a', booked.id);
    recordSubscription('openid-c', [BOOKING_TEMPLATES.slotClosed], { [BOOKING_TEMPLATES.slotClosed]: 'accept' });
    const closed = ok(await harness.call(persona('officer-hall-cq').openid, actions.booking.closeHall, { stationId: 'changqing', day: '2026-11-26', time: '09:00', reason: '系统维护' }));
    expect(closed).toMatchObject({ affected: 0, waitlistEnded: 2, notified: 1 });
    expect(await mine('openid-b')).toEqual([]);
    expect(await mine('openid-c')).toEqual([]);
    expect(counter()).toMatchObject({ remaining: 1, held: 0 });
    expect(readOutbox()).toEqual([expect.objectContaining({ touser: 'openid-c', templateId: BOOKING_TEMPLATES.slotClosed, data: expect.objectContaining({ thing4: { value: '大厅临时停办，候补已取消' } }) })]);
  });

  test('a place freed later in a closed time goes back to the pool, offered to nobody', async () => {
    const booked = ok(await reserve('openid-a'));
    ok(await join('openid-b'));
    ok(await harness.call(persona('officer-hall-cq').openid, actions.booking.closeHall, { stationId: 'changqing', day: '2026-11-26', time: '09:00', reason: '系统维护' }));
    await cancel('openid-a', booked.id);
    expect(await mine('openid-b')).toEqual([]);
    expect(counter().remaining).toBe(1);
    expect(counter().held ?? 0).toBe(0);
    expect(readOutbox().filter((message) => message.templateId === BOOKING_TEMPLATES.waitlistOffer)).toEqual([]);
  });
});
