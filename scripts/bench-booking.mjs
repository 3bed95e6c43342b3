#!/usr/bin/env node
// Booking benchmark (issue 5):
//   booking.availabilityMs      p95 of one station's availability — every service it offers, its
//                               whole 14-day horizon — through the real handler on the embedded
//                               database (budget ≤ 20 ms); booking.availabilityP50Ms beside it
//   booking.reservePerSec       reserve calls answered per second through the local cloud's HTTP
//                               interface, 50 concurrent signed-in residents racing for a few slots
//                               (each success is cancelled again, so the race goes on)
//   booking.overbooked          places over capacity, counted from the database afterwards (must be 0)
//
//   node scripts/bench-booking.mjs        (needs .local-cloud/server.cjs: npm run build:local-cloud)
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { importLocalCloudModule } from './bench/import-typescript.mjs';
import { startLocalCloudProcess } from './run-e2e.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const AVAILABILITY_BUDGET_MS = 20;
const CLIENTS = 50;
const RACE_SECONDS = 5;
const RACE_SLOTS = 6;

const loadWorld = () => importLocalCloudModule(path.join(root, 'scripts', 'bench', 'booking-world.ts'));
const round2 = (value) => Math.round(value * 100) / 100;
const percentile = (sorted, q) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * q))];

async function measureAvailability(world) {
  const { times, services, bookings } = await world.measureAvailability();
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 0.5), p95: percentile(times, 0.95), max: times[times.length - 1], passes: times.length, services, bookings };
}

/** A fresh resident of the local cloud (the guest persona gets a new openid each time): its cookie. */
async function signInNewResident(url) {
  const response = await fetch(`${url}/__local/sign-in`, { method: 'POST', body: new URLSearchParams({ persona: 'guest', next: '/' }), redirect: 'manual' });
  const cookie = response.headers.get('set-cookie');
  if (!cookie) throw new Error(`sign-in gave no cookie (HTTP ${response.status})`);
  return cookie.split(';')[0];
}

async function callBooking(url, cookie, action, input) {
  const response = await fetch(`${url}/__cloud/functions/booking`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie },
    body: JSON.stringify({ action, input }),
  });
  return response.json();
}

async function measureReservations(world) {
  const server = await startLocalCloudProcess();
  let race;
  try {
    const cookies = await Promise.all(Array.from({ length: CLIENTS }, () => signInNewResident(server.url)));
    const view = await callBooking(server.url, cookies[0], 'availability', { stationId: 'xiluoyuan', service: 'idRenewal' });
    if (!view.ok) throw new Error(`availability: ${view.error.message}`);
    const slots = view.data.days.flatMap((day) => day.slots.filter((slot) => slot.left > 0).map((slot) => slot.slotId)).slice(0, RACE_SLOTS);
    if (slots.length === 0) throw new Error('no open idRenewal slot at 西罗园 in the horizon');

    const tally = { reserved: 0, full: 0, other: 0, cancelled: 0, errors: {} };
    const deadline = performance.now() + RACE_SECONDS * 1000;
    const started = performance.now();
    await Promise.all(
      cookies.map(async (cookie, client) => {
        for (let i = 0; performance.now() < deadline; i++) {
          const slotId = slots[(client + i) % slots.length];
          const result = await callBooking(server.url, cookie, 'reserve', { slotId, person: { self: true }, needs: { kinds: [] } });
          if (result.ok) {
            tally.reserved++;
            const cancelled = await callBooking(server.url, cookie, 'cancel', { bookingId: result.data.id });
            if (cancelled.ok) tally.cancelled++;
          } else if (result.error.fields?.slotId) tally.full++;
          else {
            tally.other++;
            tally.errors[result.error.code] = (tally.errors[result.error.code] ?? 0) + 1;
          }
        }
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    const answered = tally.reserved + tally.full + tally.other;
    race = { ...tally, answered, seconds, perSec: answered / seconds, slots: slots.length, dataDir: server.dataDir };
    await server.stop({ keepData: true });
    const counted = await world.countOverbooked(server.dataDir);
    return { ...race, ...counted };
  } finally {
    await server.stop();
  }
}

export async function benchBooking() {
  const world = await loadWorld();
  const availability = await measureAvailability(world);
  console.log(
    `booking availability: ${availability.services} services × 14 days at 西罗园 after ${availability.bookings} bookings, ${availability.passes} passes: ` +
      `p50 ${availability.p50.toFixed(2)} ms, p95 ${availability.p95.toFixed(2)} ms, max ${availability.max.toFixed(2)} ms (budget ≤ ${AVAILABILITY_BUDGET_MS} ms)`,
  );
  const race = await measureReservations(world);
  console.log(
    `booking reservations over HTTP: ${CLIENTS} clients × ${race.seconds.toFixed(1)} s on ${race.slots} slots: ${race.answered} answered ` +
      `(${race.reserved} booked and cancelled again, ${race.full} refused as full/taken, ${race.other} other ${JSON.stringify(race.errors)}) → ${race.perSec.toFixed(0)}/s; ` +
      `afterwards ${race.counters} counters, ${race.booked} active bookings, overbooked ${race.overbooked}, counter drift ${race.counterDrift}`,
  );
  return {
    'booking.availabilityMs': round2(availability.p95),
    'booking.availabilityP50Ms': round2(availability.p50),
    'booking.reservePerSec': Math.round(race.perSec),
    'booking.overbooked': race.overbooked,
  };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const figures = await benchBooking();
  console.log(JSON.stringify(figures, null, 2));
}
