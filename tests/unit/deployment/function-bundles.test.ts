/**
 * The bundles WeChat DevTools deploys (scripts/build-cloudfunctions.mjs), built into a temporary
 * folder: each carries its own deployment settings only, and with the real wx-server-sdk and none
 * of them set it refuses to run, naming exactly the settings it needs.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(__dirname, '..', '..', '..');
let into = '';

function node(script: string, env: Record<string, string> = {}): { stdout: string; stderr: string } {
  const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: root, encoding: 'utf8', env: { PATH: process.env.PATH ?? '', ...env }, timeout: 120_000 });
  if (run.status !== 0) throw new Error(`node exited with ${run.status}: ${run.stderr}`);
  return { stdout: run.stdout, stderr: run.stderr };
}

beforeAll(() => {
  into = fs.mkdtempSync(path.join(os.tmpdir(), 'function-bundles-'));
  node(`import { buildCloudFunctions } from './scripts/build-cloudfunctions.mjs'; await buildCloudFunctions({ quiet: true, only: ['consult', 'booking', 'station'], into: ${JSON.stringify(into)} });`);
}, 120_000);

afterAll(() => fs.rmSync(into, { recursive: true, force: true }));

const bundle = (fn: string) => fs.readFileSync(path.join(into, fn, 'index.js'), 'utf8');

test("a bundle names its own templates and secrets, none of another function's", () => {
  const consult = bundle('consult');
  expect(consult).toContain('TEMPLATE_CONSULT_NEW');
  for (const other of ['TEMPLATE_BOOKING_REMINDER', 'TEMPLATE_FRAUD_ALERT', 'TEMPLATE_MEDIATION_SESSION', 'BOOKING_SECRET', 'BOOTSTRAP_SECRET']) expect(consult).not.toContain(other);
  const booking = bundle('booking');
  expect(booking).toContain('BOOKING_SECRET');
  expect(booking).toContain('TEMPLATE_BOOKING_WAITLIST_OFFER');
  expect(booking).not.toContain('TEMPLATE_CONSULT_NEW');
  // station sends booking's slot-closed message when a hall's window closes: deploy gives it that template id.
  const station = bundle('station');
  expect(station).toContain('TEMPLATE_BOOKING_SLOT_CLOSED');
  expect(station).not.toContain('TEMPLATE_BOOKING_REMINDER_HOUR');
});

test('deployed without its settings, a function refuses every call and names each one it needs', () => {
  const { stdout, stderr } = node(
    `import { createRequire } from 'node:module';
     const { main } = createRequire(${JSON.stringify(path.join(into, 'consult', 'index.js'))})(${JSON.stringify(path.join(into, 'consult', 'index.js'))});
     console.log(JSON.stringify(await main({ action: 'listMyThreads', input: {} }, { request_id: 'req-bundle' })));`,
    { NODE_PATH: path.join(root, 'node_modules') },
  );
  expect(JSON.parse(stdout.trim().split('\n').pop() ?? '')).toMatchObject({ ok: false, error: { code: 'INTERNAL', requestId: 'req-bundle' } });
  const refusals = stderr.split('\n').filter((line) => line.includes('refuses to run'));
  expect(refusals.map((line) => /: (\w+) is missing/.exec(line)?.[1]).sort()).toEqual(['TEMPLATE_CONSULT_NEW', 'TEMPLATE_CONSULT_REPLY', 'UPLOAD_RECEIPT_SECRET']);
});
