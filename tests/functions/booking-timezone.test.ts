/**
 * @jest-environment ./tests/support/los-angeles-environment.js
 *
 * The booking function on a machine that is not in China: the process runs in Los Angeles time,
 * the clock at 00:30 on Thursday in Beijing — still Wednesday morning on the machine. Every day,
 * slot and roster must follow Beijing, not the machine.
 */

import { actions } from '@domain/actions';
import { persona } from '../support/cloud-harness';
import { clockedHarness, ok } from '../support/clocked-harness';

/** Thursday 2026-11-26 00:30 in Beijing = Wednesday 2026-11-25 08:30 in Los Angeles. */
const NOW = new Date('2026-11-26T00:30:00+08:00');

const harness = clockedHarness(NOW);


test('the machine really is in Los Angeles (the test would prove nothing otherwise)', () => {
  expect(NOW.getDate()).toBe(25);
  expect(NOW.getTimezoneOffset()).toBe(480);
});

test('days, slots, bookings and the roster follow Beijing', async () => {
  const view = ok(await harness.call('openid-tz', actions.booking.availability, { stationId: 'changqing', service: 'idRenewal' }));
  expect(view.days[0]?.day).toBe('2026-11-26');
  expect(view.days[0]?.slots[0]).toMatchObject({ time: '08:30', slotId: 'changqing:idRenewal:2026-11-26:0830', start: '2026-11-26T00:30:00.000Z' });

  // Wednesday's slots are over in Beijing, though it is Wednesday morning on the machine.
  const past = await harness.call('openid-tz', actions.booking.reserve, { slotId: 'changqing:idRenewal:2026-11-25:1400', person: { self: true }, needs: { kinds: [] } });
  expect(past).toMatchObject({ ok: false, error: { code: 'EXPIRED' } });

  const booking = ok(await harness.call('openid-tz', actions.booking.reserve, { slotId: 'changqing:idRenewal:2026-11-26:0900', person: { self: true }, needs: { kinds: [] } }));
  expect(booking).toMatchObject({ day: '2026-11-26', time: '09:00', start: '2026-11-26T01:00:00.000Z' });
  const roster = ok(await harness.call(persona('officer-hall-cq').openid, actions.booking.hallRoster, { stationId: 'changqing' }));
  expect(roster.day).toBe('2026-11-26');
  expect(roster.slots.map((slot) => slot.time)).toEqual(['09:00']);
});
