#!/usr/bin/env node
// `npm start`: make sure the H5 build and the local-cloud bundle are current, then run the
// local cloud in this process. `npm run reset` restores the demo data.
//
// The H5 build (webpack, the long part of a first start) runs in a child process while this one
// bundles the local cloud and opens the database with its demo data; the app is served as soon
// as webpack has written it (webpack then stores its persistent cache for the next rebuild in the
// background). One calm line says what starts and one line per stage when it is done; the build
// tools' own output (progress bars, cache notices) is kept and shown only if a stage fails. The
// H5 app is built for this machine only (FQ_QUICK_BUILD, see config/build-speed.ts).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { buildLocalCloud } from './build-local-cloud.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

function newestMtime(dir) {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : fs.statSync(full).mtimeMs);
  }
  return newest;
}

function h5IsCurrent() {
  const index = path.join(root, 'dist', 'h5', 'index.html');
  if (!fs.existsSync(index)) return false;
  const sources = Math.max(...['src', 'domain', 'config'].map((dir) => newestMtime(path.join(root, dir))));
  return fs.statSync(index).mtimeMs >= sources;
}

const seconds = (since) => `${((Date.now() - since) / 1000).toFixed(0)} s`;
const done = (what, since) => console.log(`  ${what} in ${seconds(since)}`);

/** The last lines a failed child printed, then an error naming it. */
function failed(command, code, output) {
  const text = Buffer.concat(output).toString('utf8');
  process.stderr.write(`${text.split('\n').slice(-80).join('\n')}\n`);
  return new Error(`${command} failed (exit ${code})`);
}

/**
 * Builds the H5 app quietly in a child process. Resolves when webpack reports the app written to
 * dist/h5 (config/build-speed.ts, over IPC) — the child goes on storing webpack's cache alone —
 * or when the child exits cleanly; rejects with its output when it fails first.
 */
function buildH5() {
  const output = [];
  const taro = path.join(root, 'node_modules', '@tarojs', 'cli', 'bin', 'taro');
  // A larger young generation: webpack allocates many short-lived objects, and the default
  // semi-space makes the collector a sixth of the build's CPU.
  const nodeOptions = [process.env.NODE_OPTIONS, '--max-semi-space-size=64'].filter(Boolean).join(' ');
  const child = spawn(process.execPath, [taro, 'build', '--type', 'h5'], {
    cwd: root,
    env: { ...process.env, FORCE_COLOR: '0', FQ_QUICK_BUILD: '1', NODE_OPTIONS: nodeOptions },
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  child.stdout.on('data', (chunk) => output.push(chunk));
  child.stderr.on('data', (chunk) => output.push(chunk));
  const written = new Promise((resolve, reject) => {
    child.on('message', (message) => {
      if (message?.type !== 'h5-written') return;
      // Without its IPC channel the child exits by itself once the cache is stored.
      child.disconnect();
      resolve();
    });
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(failed('taro build --type h5', code, output))));
  });
  return { child, written };
}

const started = Date.now();
const resetOnly = process.argv.includes('--reset-only');
const build = !resetOnly && !h5IsCurrent() ? buildH5() : undefined;
const stop = (error) => {
  console.error(`✖ ${error instanceof Error ? error.message : error}`);
  if (build?.child.exitCode === null) build.child.kill();
  process.exit(1);
};
console.log(
  build
    ? 'Building the app for the browser (only when its sources changed; the first time takes a minute or so) while the local cloud gets ready…'
    : resetOnly
      ? 'Restoring the demo data…'
      : 'Starting the local cloud (database, demo data, WeChat emulations)…',
);
const appWritten = build?.written.then(() => done('app built', started));
appWritten?.catch(() => {}); // awaited by runLocalCloud; a failure before that is reported there

try {
  await buildLocalCloud();
  done('local cloud bundled', started);
  const { runLocalCloud } = require(path.join(root, '.local-cloud', 'server.cjs'));
  const loading = Date.now();
  await runLocalCloud({ appReady: appWritten, onDataReady: () => done('database and demo data ready', loading) });
} catch (error) {
  stop(error);
}
