/**
 * The local cloud as `npm start` runs it — the bundled server in its own process — keeps what an
 * action wrote across a clean restart and across SIGKILL.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort } from '../support/free-port';

const root = path.resolve(__dirname, '..', '..');
const bundle = path.join(root, '.local-cloud', 'server.cjs');

async function startServer(dataDir: string, port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, [bundle], {
    env: { ...process.env, PORT: String(port), LOCAL_CLOUD_DATA_DIR: dataDir, LOCAL_CLOUD_TIMERS: '0', LOCAL_CLOUD_FSYNC: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const deadline = Date.now() + 15_000;
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

const stopped = (child: ChildProcess) => new Promise((resolve) => child.once('exit', resolve));

async function signIn(base: string, persona: string): Promise<string> {
  const response = await fetch(`${base}/__local/sign-in`, { method: 'POST', body: new URLSearchParams({ persona }), redirect: 'manual' });
  return (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
}

async function call(base: string, cookie: string, fn: string, action: string, input: unknown = {}) {
  const response = await fetch(`${base}/__cloud/functions/${fn}`, { method: 'POST', headers: { cookie }, body: JSON.stringify({ action, input }) });
  return (await response.json()) as { ok: boolean; data: any };
}

let dataDir: string;
beforeAll(() => {
  execFileSync(process.execPath, [path.join(root, 'scripts', 'build-local-cloud.mjs')], { cwd: root });
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fq-restart-'));
});
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

test('data written through actions survives a restart and a SIGKILL', async () => {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;

  let server = await startServer(dataDir, port);
  const admin = await signIn(base, 'admin-xly');
  const invite = await call(base, admin, 'account', 'createInvite', { stationId: 'xiluoyuan', role: 'officer', officerKinds: ['beat'], validHours: 24 });
  expect(invite.ok).toBe(true);
  server.kill('SIGTERM');
  await stopped(server);

  server = await startServer(dataDir, port);
  const listed = await call(base, await signIn(base, 'admin-xly'), 'account', 'listInvites', { stationId: 'xiluoyuan' });
  expect(listed.data.map((item: { code: string }) => item.code)).toContain(invite.data.code);

  // Acknowledged writes, then the hard kill: nothing acknowledged may be lost.
  const resident = await signIn(base, 'guest');
  const names = ['张大爷', '张大爷二', '张大爷三'];
  for (const nickname of names) expect((await call(base, resident, 'account', 'updateProfile', { nickname })).ok).toBe(true);
  const redeemed = await call(base, resident, 'account', 'redeemInvite', { code: invite.data.code, name: '张建华', phone: '13800138000' });
  expect(redeemed.data.role).toBe('officer');
  server.kill('SIGKILL');
  await stopped(server);

  server = await startServer(dataDir, port);
  const me = await call(base, resident, 'account', 'me');
  expect(me.data).toMatchObject({ nickname: '张大爷三', role: 'officer', station: { id: 'xiluoyuan' } });
  // The demo data was loaded once, not again on top of what changed.
  const stations = await call(base, resident, 'directory', 'listStations');
  expect(stations.data).toHaveLength(8);
  server.kill('SIGTERM');
  await stopped(server);
}, 60_000);
