#!/usr/bin/env node
// Booking benchmark (issue 5):
//   booking.availabilityMs      p95 of one station's availability — every service it offers, its
//                               whole 14-day horizon — through the real handler on the embedded
//                               database (budget ≤ 20 ms); booking.availabilityP50Ms beside it
//   booking.reservePerSec       reserve calls answered per second through the local cloud's HTTP
//                               interface, 50 concurrent signed-in residents racing for a few slots
//                               (each success is cancelled again, so the race goes on); the median
//                               of ROUNDS rounds, each run right after a round of the floor below,
//                               after a warm-up round of each (the machine is shared: one round can
//                               be slowed by someone else's build, the median of several is not)
//   booking.overbooked          places over capacity, counted from the database afterwards (must be 0)
//   booking.httpFloorPerSec     the same client against a plain node:http server in its own process
//                               answering the envelopes the local cloud gave, in the same order
//                               (budget: reservePerSec ≥ 0.5× this: the median of the rounds' ratios,
//                               each ratio from a floor round and the cloud round right after it)
//   booking.serverCpuMsPerReserve  the local cloud's CPU (user + system, from /proc/<pid>/stat, as
//                               process.cpuUsage counts it) per reserve answered; the floor's beside
//                               it (budget ≤ 8× the floor's: the median of the rounds' ratios)
//
//   node scripts/bench-booking.mjs        (needs .local-cloud/server.cjs: npm run build:local-cloud)
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { importLocalCloudModule } from './bench/import-typescript.mjs';
import { freePort, httpStatus, startLocalCloudProcess } from './run-e2e.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const AVAILABILITY_BUDGET_MS = 20;
const CLIENTS = 50;
const RACE_SECONDS = 2;
const WARM_UP_SECONDS = 2;
const ROUNDS = 5;
const RACE_SLOTS = 6;

export const FLOOR_RATIO_BUDGET = 0.5;
export const CPU_RATIO_BUDGET = 8;

/** CPU time (user + system, ms) a process has used so far, as process.cpuUsage() would report it inside it. */
function cpuMsOf(pid) {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticks = Number(fields[11]) + Number(fields[12]);
  return (ticks * 1000) / 100; // USER_HZ is 100 on Linux
}

/**
 * The floor: a plain node:http server that reads each request's body and answers with the next of
 * the envelopes the local cloud gave for that action, in order (so the client takes the same paths).
 */
const FLOOR_SERVER = `
const http = require('node:http');
const answers = JSON.parse(require('node:fs').readFileSync(process.env.FLOOR_ANSWERS, 'utf8'));
const next = Object.fromEntries(Object.keys(answers).map((action) => [action, 0]));
http.createServer((request, response) => {
  const chunks = [];
  request.on('data', (chunk) => chunks.push(chunk));
  request.on('end', () => {
    let action = 'reserve';
    try { action = JSON.parse(Buffer.concat(chunks).toString('utf8')).action; } catch {}
    const list = answers[action] ?? answers.reserve;
    const body = list[next[action]++ % list.length];
    response.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(body) });
    response.end(body);
  });
}).listen(Number(process.env.PORT), '127.0.0.1');
`;

async function startFloorServer(answers) {
  const port = await freePort();
  const answersFile = path.join(os.tmpdir(), `booking-floor-${process.pid}.json`);
  fs.writeFileSync(answersFile, JSON.stringify(answers));
  const child = spawn(process.execPath, ['-e', FLOOR_SERVER], { env: { ...process.env, PORT: String(port), FLOOR_ANSWERS: answersFile }, stdio: 'ignore' });
  child.once('exit', () => fs.rmSync(answersFile, { force: true }));
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 200 && (await httpStatus(url, 200)) === undefined; i++) await new Promise((resolve) => setTimeout(resolve, 25));
  return { url, pid: child.pid, stop: () => new Promise((resolve) => (child.once('exit', resolve), child.kill('SIGTERM'))) };
}

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

async function callBooking(url, cookie, action, input, record) {
  const response = await fetch(`${url}/__cloud/functions/booking`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie },
    body: JSON.stringify({ action, input }),
  });
  const text = await response.text();
  record?.(action, text);
  return JSON.parse(text);
}

/**
 * CLIENTS residents race for a few slots for RACE_SECONDS: reserve, and cancel what they got.
 * Returns what was answered, the server's CPU time over the race, and (with `record`) every body.
 */
async function race(url, pid, cookies, slots, record, seconds = RACE_SECONDS) {
  const tally = { reserved: 0, full: 0, other: 0, cancelled: 0, errors: {} };
  const cpuBefore = cpuMsOf(pid);
  const started = performance.now();
  const deadline = started + seconds * 1000;
  await Promise.all(
    cookies.map(async (cookie, client) => {
      for (let i = 0; performance.now() < deadline; i++) {
        const slotId = slots[(client + i) % slots.length];
        const result = await callBooking(url, cookie, 'reserve', { slotId, person: { self: true }, needs: { kinds: [] } }, record);
        if (result.ok) {
          tally.reserved++;
          const cancelled = await callBooking(url, cookie, 'cancel', { bookingId: result.data.id }, record);
          if (cancelled.ok) tally.cancelled++;
        } else if (result.error.fields?.slotId) tally.full++;
        else {
          tally.other++;
          tally.errors[result.error.code] = (tally.errors[result.error.code] ?? 0) + 1;
        }
      }
    }),
  );
  const took = (performance.now() - started) / 1000;
  const cpuMs = cpuMsOf(pid) - cpuBefore;
  const answered = tally.reserved + tally.full + tally.other;
  const requests = answered + tally.reserved;
  return { ...tally, answered, requests, seconds: took, perSec: answered / took, cpuMs, cpuMsPerReserve: cpuMs / answered, cpuMsPerRequest: cpuMs / requests };
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

/** Adds up the tallies of the local cloud's rounds (what was answered, refused, left in the database). */
function sumRounds(rounds) {
  const sum = { reserved: 0, full: 0, other: 0, cancelled: 0, answered: 0, requests: 0, seconds: 0, cpuMs: 0, errors: {} };
  for (const round of rounds) {
    for (const key of ['reserved', 'full', 'other', 'cancelled', 'answered', 'requests', 'seconds', 'cpuMs']) sum[key] += round[key];
    for (const [code, count] of Object.entries(round.errors)) sum.errors[code] = (sum.errors[code] ?? 0) + count;
  }
  return sum;
}

async function measureReservations(world) {
  const server = await startLocalCloudProcess();
  try {
    const cookies = await Promise.all(Array.from({ length: CLIENTS }, () => signInNewResident(server.url)));
    const view = await callBooking(server.url, cookies[0], 'availability', { stationId: 'xiluoyuan', service: 'idRenewal' });
    if (!view.ok) throw new Error(`availability: ${view.error.message}`);
    // From tomorrow on: today's slots pass their cancellation cut-off during the day, and the race
    // would turn into refusals of a second booking of the same service.
    const today = view.data.days[0]?.day;
    const slots = view.data.days
      .filter((day) => day.day !== today)
      .flatMap((day) => day.slots.filter((slot) => slot.left > 0).map((slot) => slot.slotId))
      .slice(0, RACE_SLOTS);
    if (slots.length === 0) throw new Error('no open idRenewal slot at 西罗园 from tomorrow on');

    // Warm-up (JIT, caches, the first counters) of the local cloud, which also records the envelopes the floor answers with.
    const answers = { reserve: [], cancel: [] };
    await race(server.url, server.pid, cookies, slots, (action, body) => answers[action]?.push(body), WARM_UP_SECONDS);
    if (answers.cancel.length === 0) answers.cancel.push(JSON.stringify({ ok: true, data: {} }));
    const floor = await startFloorServer(answers);
    const cloudRounds = [];
    const floorRounds = [];
    try {
      await race(floor.url, floor.pid, cookies, slots, undefined, WARM_UP_SECONDS);
      // Each round: the floor, then the local cloud right after it, so both meet the same load from the rest of the machine.
      for (let round = 0; round < ROUNDS; round++) {
        floorRounds.push(await race(floor.url, floor.pid, cookies, slots));
        cloudRounds.push(await race(server.url, server.pid, cookies, slots));
      }
    } finally {
      await floor.stop();
    }
    await server.stop({ keepData: true });
    const counted = await world.countOverbooked(server.dataDir);
    return { rounds: cloudRounds.map((cloud, i) => ({ cloud, floor: floorRounds[i] })), total: sumRounds(cloudRounds), slots: slots.length, dataDir: server.dataDir, ...counted };
  } finally {
    await server.stop();
  }
}

/** Database round trips of one reserve by a signed-in resident, counted by the embedded database (in process). */
async function measureRoundTrips(world) {
  return world.reserveRoundTrips();
}

export async function benchBooking() {
  const world = await loadWorld();
  const availability = await measureAvailability(world);
  console.log(
    `booking availability: ${availability.services} services × 14 days at 西罗园 after ${availability.bookings} bookings, ${availability.passes} passes: ` +
      `p50 ${availability.p50.toFixed(2)} ms, p95 ${availability.p95.toFixed(2)} ms, max ${availability.max.toFixed(2)} ms (budget ≤ ${AVAILABILITY_BUDGET_MS} ms)`,
  );
  const trips = await measureRoundTrips(world);
  console.log(`booking reserve: ${trips.reserve} database round trips (${trips.breakdown}); a full slot's refusal ${trips.full}`);
  const run = await measureReservations(world);
  const { total, rounds } = run;
  const perSec = median(rounds.map(({ cloud }) => cloud.perSec));
  const floorPerSec = median(rounds.map(({ floor }) => floor.perSec));
  const floorRatio = median(rounds.map(({ cloud, floor }) => cloud.perSec / floor.perSec));
  const cpuMsPerRequest = median(rounds.map(({ cloud }) => cloud.cpuMsPerRequest));
  const floorCpuMsPerRequest = median(rounds.map(({ floor }) => floor.cpuMsPerRequest));
  const cpuRatio = median(rounds.map(({ cloud, floor }) => cloud.cpuMsPerRequest / floor.cpuMsPerRequest));
  const list = (values, digits = 0) => values.map((value) => value.toFixed(digits)).join(', ');
  console.log(
    `booking reservations over HTTP: ${CLIENTS} clients, ${ROUNDS} rounds of ${RACE_SECONDS} s after a ${WARM_UP_SECONDS} s warm-up, on ${run.slots} slots from tomorrow: ${total.answered} answered ` +
      `(${total.reserved} booked and cancelled again, ${total.full} refused as full/taken, ${total.other} other ${JSON.stringify(total.errors)}); ` +
      `per round ${list(rounds.map(({ cloud }) => cloud.perSec))}/s → median ${perSec.toFixed(0)}/s; ` +
      `afterwards ${run.counters} slots booked, ${run.booked} active bookings, overbooked ${run.overbooked}, place drift ${run.counterDrift}`,
  );
  console.log(
    `booking floor (plain node:http answering the same envelopes, same client, each round just before the cloud's): per round ${list(rounds.map(({ floor }) => floor.perSec))}/s → median ${floorPerSec.toFixed(0)}/s; ` +
      `ratio per round ${list(rounds.map(({ cloud, floor }) => cloud.perSec / floor.perSec), 2)} → median ${floorRatio.toFixed(2)} (budget ≥ ${FLOOR_RATIO_BUDGET})`,
  );
  console.log(
    `booking server CPU per request: ${list(rounds.map(({ cloud }) => cloud.cpuMsPerRequest), 3)} ms (median ${cpuMsPerRequest.toFixed(3)}) against the floor's ` +
      `${list(rounds.map(({ floor }) => floor.cpuMsPerRequest), 3)} ms (median ${floorCpuMsPerRequest.toFixed(3)}): ratio per round ${list(rounds.map(({ cloud, floor }) => cloud.cpuMsPerRequest / floor.cpuMsPerRequest), 1)} → median ${cpuRatio.toFixed(1)}× (budget ≤ ${CPU_RATIO_BUDGET}×)`,
  );
  return {
    'booking.availabilityMs': round2(availability.p95),
    'booking.availabilityP50Ms': round2(availability.p50),
    'booking.reservePerSec': Math.round(perSec),
    'booking.httpFloorPerSec': Math.round(floorPerSec),
    'booking.reserveFloorRatio': round2(floorRatio),
    'booking.serverCpuMsPerReserve': round2(cpuMsPerRequest),
    'booking.floorCpuMsPerRequest': round2(floorCpuMsPerRequest),
    'booking.serverCpuRatio': round2(cpuRatio),
    'booking.reserveRoundTrips': trips.reserve,
    'booking.overbooked': run.overbooked,
  };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const figures = await benchBooking();
  console.log(JSON.stringify(figures, null, 2));
}
