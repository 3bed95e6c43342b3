/**
 * The local cloud in its own process (the bundled server, fsync on) is killed with SIGKILL while
 * residents reserve, cancel and move bookings. After a restart every slot counter still equals its
 * bookings — each of those actions is one transaction — and housekeeping's counter check finds
 * nothing to repair.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { invokeLocalFunction } from '@local-cloud/functions';
import { closeLocalDatabase, localDatabase } from '@local-cloud/wx-server-sdk/engine';
import { configureLocalCloud } from '@local-cloud/wx-server-sdk/state';

const root = path.resolve(__dirname, '..', '..');
const bundle = path.join(root, '.local-cloud', 'server.cjs');

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

async function startServer(dataDir: string, port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, [bundle], {
    env: { ...process.env, PORT: String(port), LOCAL_CLOUD_DATA_DIR: dataDir, LOCAL_CLOUD_TIMERS: '0', LOCAL_CLOUD_FSYNC: '1' },
    stdio: ['ignore', 'ignore', 'ignore'],
  });
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/__local/health`)).ok) return child;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
  child.kill('SIGKILL');
  throw new Error('local cloud did not start');
}

const exited = (child: ChildProcess) => new Promise((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve(undefined) : child.once('exit', resolve)));

async function signIn(base: string): Promise<string> {
  const response = await fetch(`${base}/__local/sign-in`, { method: 'POST', body: new URLSearchParams({ persona: 'guest', next: '/' }), redirect: 'manual' });
  return (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
}

type Answer = { ok: boolean; data?: any; error?: { code: string } };
async function call(base: string, cookie: string, action: string, input: unknown): Promise<Answer> {
  const response = await fetch(`${base}/__cloud/functions/booking`, { method: 'POST', headers: { cookie, 'content-type': 'application/json' }, body: JSON.stringify({ action, input }) });
  return (await response.json()) as Answer;
}

let dataDir: string;
beforeAll(() => {
  execFileSync(process.execPath, [path.join(root, 'scripts', 'build-local-cloud.mjs')], { cwd: root });
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fq-booking-crash-'));
});
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

test('SIGKILL during reserve/cancel/reschedule load: after a restart every counter equals its bookings', async () => {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  let server = await startServer(dataDir, port);
  const residents = await Promise.all(Array.from({ length: 16 }, () => signIn(base)));
  const view = await call(base, residents[0] as string, 'availability', { stationId: 'xiluoyuan', service: 'idRenewal' });
  // Slots from tomorrow on, so every booking can still be cancelled or moved.
  const slots: string[] = view.data.days.slice(1).flatMap((day: { slots: { slotId: string; left: number }[] }) => day.slots.filter((slot) => slot.left > 0).map((slot) => slot.slotId)).slice(0, 6);
  expect(slots.length).toBeGreaterThanOrEqual(3);

  const done = { reserved: 0, cancelled: 0, moved: 0 };
  let killed = false;
  const load = residents.map(async (cookie, client) => {
    for (let i = 0; !killed; i++) {
      try {
        const reserved = await call(base, cookie, 'reserve', { slotId: slots[(client + i) % slots.length], person: { self: true }, needs: { kinds: [] } });
        if (!reserved.ok) continue;
        done.reserved++;
        if (i % 2 === 0) {
          if ((await call(base, cookie, 'reschedule', { bookingId: reserved.data.id, slotId: slots[(client + i + 1) % slots.length] })).ok) done.moved++;
        }
        const mine = await call(base, cookie, 'myBookings', {});
        for (const booking of mine.data?.upcoming ?? []) if ((await call(base, cookie, 'cancel', { bookingId: booking.id })).ok) done.cancelled++;
      } catch {
        return; // the server is gone
      }
    }
  });
  await new Promise((resolve) => setTimeout(resolve, 2500));
  killed = true;
  server.kill('SIGKILL');
  await Promise.all([exited(server), ...load]);
  expect(done.reserved).toBeGreaterThan(10);
  expect(done.cancelled + done.moved).toBeGreaterThan(5);

  // It opens again (the journal's unacknowledged tail cut off), then stops cleanly.
  server = await startServer(dataDir, port);
  server.kill('SIGTERM');
  await exited(server);

  configureLocalCloud({ dataDir, envId: 'crash-test', publicUrl: 'http://127.0.0.1:0' });
  try {
    const engine = localDatabase();
    const counters = engine.find('slot_counters', {}) as { _id: string; capacity: number; remaining: number; held?: number }[];
    const taken = new Map<string, number>();
    for (const booking of engine.find('bookings', {}) as { slotId: string; status: string }[]) {
      if (booking.status !== 'cancelled') taken.set(booking.slotId, (taken.get(booking.slotId) ?? 0) + 1);
    }
    expect(counters.length).toBeGreaterThan(0);
    const disagreeing = counters.filter((counter) => counter.remaining + (counter.held ?? 0) !== counter.capacity - (taken.get(counter._id) ?? 0));
    expect(disagreeing).toEqual([]);
    const housekeeping = (await invokeLocalFunction('booking', { Type: 'Timer', TriggerName: 'hallHousekeeping', Time: new Date().toISOString() }, { envId: 'crash-test' })) as {
      ok: boolean;
      data: { counters: { checked: number; repaired: unknown[] } };
    };
    expect(housekeeping.ok).toBe(true);
    expect(housekeeping.data.counters.checked).toBeGreaterThanOrEqual(counters.length);
    expect(housekeeping.data.counters.repaired).toEqual([]);
  } finally {
    await closeLocalDatabase();
  }
}, 90_000);
