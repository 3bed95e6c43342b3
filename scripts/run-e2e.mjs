#!/usr/bin/env node
// `npm run test:e2e`: build the H5 app (skipped with --no-build) and the local cloud bundle,
// start the local cloud on a free port with a fresh data directory (demo data, no timers),
// run the browser tests in tests/e2e against it (env E2E_BASE_URL), stop the server.
// Exit code = jest's. Extra arguments after `--` go to jest (e.g. `-- -t booking`).
//
// Exports startLocalCloudProcess() for scripts/bench.mjs.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const SERVER_BUNDLE = path.join(root, '.local-cloud', 'server.cjs');

/** A port nobody listens on right now (127.0.0.1 only). */
export function freePort() {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.unref();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

/** One GET; resolves to the status code, or undefined when nothing answers yet. */
export function httpStatus(url, timeoutMs = 1000) {
  return new Promise((resolve) => {
    const request = http.get(url, { timeout: timeoutMs, agent: false }, (response) => {
      response.resume();
      response.once('end', () => resolve(response.statusCode));
    });
    request.once('timeout', () => request.destroy());
    request.once('error', () => resolve(undefined));
  });
}

/**
 * Spawns `node .local-cloud/server.cjs` on a free port with a fresh temp data directory and
 * LOCAL_CLOUD_TIMERS=0, and waits for the first 200 from /__local/health.
 * Resolves to { url, pid, startMs, dataDir, output(), stop() }; startMs runs from spawn to that 200.
 */
export async function startLocalCloudProcess({ h5Dir = path.join(root, 'dist', 'h5'), timeoutMs = 60_000, env = {}, echo = false, dataDir: givenDataDir } = {}) {
  if (!fs.existsSync(SERVER_BUNDLE)) throw new Error(`${path.relative(root, SERVER_BUNDLE)} not found: run npm run build:local-cloud`);
  const port = await freePort();
  // A prepared data directory (the feed bench fills one) is the caller's to remove.
  const dataDir = givenDataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'local-cloud-data-'));
  const url = `http://127.0.0.1:${port}`;
  const lines = [];
  const started = performance.now();
  const child = spawn(process.execPath, [SERVER_BUNDLE], {
    cwd: root,
    env: { ...process.env, PORT: String(port), LOCAL_CLOUD_DATA_DIR: dataDir, LOCAL_CLOUD_H5_DIR: h5Dir, LOCAL_CLOUD_TIMERS: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  for (const stream of [child.stdout, child.stderr]) {
    stream.setEncoding('utf8');
    stream.on('data', (chunk) => {
      lines.push(chunk);
      if (echo) process.stdout.write(chunk.replace(/^/gm, '  [local-cloud] '));
    });
  }
  let exited;
  child.once('exit', (code, signal) => {
    exited = { code, signal };
  });

  // keepData: leave the data directory for a look afterwards (a later stop() removes it).
  const stop = async ({ keepData = false } = {}) => {
    if (!exited) {
      const gone = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await gone;
      clearTimeout(timer);
    }
    // A data directory the caller gave stays (it is theirs); keepData leaves ours for a look.
    if (!givenDataDir && !keepData) fs.rmSync(dataDir, { recursive: true, force: true });
  };

  for (;;) {
    if (exited) {
      await stop();
      throw new Error(`local cloud exited before it was healthy (code ${exited.code}, signal ${exited.signal}):\n${lines.join('')}`);
    }
    if ((await httpStatus(`${url}/__local/health`, 500)) === 200) break;
    if (performance.now() - started > timeoutMs) {
      await stop();
      throw new Error(`local cloud did not answer ${url}/__local/health within ${timeoutMs / 1000} s:\n${lines.join('')}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return { url, pid: child.pid, startMs: Math.round(performance.now() - started), dataDir, output: () => lines.join(''), stop };
}

function runCommand(command, args, options = {}) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: root, stdio: 'inherit', ...options });
    child.once('error', (error) => {
      console.error(error);
      resolve(1);
    });
    child.once('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

async function main() {
  const args = process.argv.slice(2);
  const separator = args.indexOf('--');
  const jestArgs = separator >= 0 ? args.slice(separator + 1) : [];
  const ownArgs = separator >= 0 ? args.slice(0, separator) : args;

  if (!ownArgs.includes('--no-build')) {
    const { runTaroBuild } = await import('./check-weapp.mjs');
    runTaroBuild('h5');
  }
  if (!fs.existsSync(path.join(root, 'dist', 'h5', 'index.html'))) {
    console.error('✖ dist/h5/index.html not found: build the H5 app first (npm run build:h5)');
    return 1;
  }
  console.log('> bundling the local cloud');
  const { buildLocalCloud } = await import('./build-local-cloud.mjs');
  await buildLocalCloud();

  // Clock control lets a test pin "today" to a working-day morning (local-cloud/clock.ts).
  const server = await startLocalCloudProcess({ echo: process.env.E2E_SERVER_LOG === '1', env: { LOCAL_CLOUD_CLOCK_CONTROL: '1' } });
  console.log(`> local cloud ready at ${server.url} in ${server.startMs} ms (data ${server.dataDir})`);
  let stopping = false;
  const onSignal = (signal) => {
    if (stopping) return;
    stopping = true;
    server.stop().finally(() => process.exit(signal === 'SIGINT' ? 130 : 143));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);

  let code;
  try {
    fs.mkdirSync(path.join(root, 'tests', 'e2e', 'screenshots'), { recursive: true });
    console.log('> jest --config tests/e2e/jest.e2e.config.js');
    code = await runCommand(process.execPath, [path.join(root, 'node_modules', 'jest', 'bin', 'jest.js'), '--config', 'tests/e2e/jest.e2e.config.js', ...jestArgs], {
      env: { ...process.env, E2E_BASE_URL: server.url },
    });
  } finally {
    stopping = true;
    await server.stop();
  }
  if (code !== 0 && process.env.E2E_SERVER_LOG !== '1') {
    const log = server.output().trim();
    if (log) console.error(`--- local cloud output ---\n${log.split('\n').slice(-60).join('\n')}\n--- end ---`);
  }
  return code;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main()
    .then((code) => process.exit(code))
    .catch((error) => {
      console.error(`✖ ${error instanceof Error ? error.message : error}`);
      process.exit(1);
    });
}
