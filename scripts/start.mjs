#!/usr/bin/env node
// `npm start`: make sure the H5 build and the local-cloud bundle are current, then run the
// local cloud in this process. `npm run reset` restores the demo data.
//
// Each stage says one calm line when it starts and when it is done; the build tools' own output
// (progress bars, cache notices) is kept and shown only if a stage fails. The H5 app is built for
// this machine only (FQ_QUICK_BUILD: esbuild minifies instead of terser, see config/index.ts).
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

/** Runs a command quietly; its output is printed only when it fails. */
function quietly(command, args, env) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: root, env: { ...process.env, FORCE_COLOR: '0', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    const output = [];
    child.stdout.on('data', (chunk) => output.push(chunk));
    child.stderr.on('data', (chunk) => output.push(chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0) return resolve();
      const text = Buffer.concat(output).toString('utf8');
      process.stderr.write(`${text.split('\n').slice(-80).join('\n')}\n`);
      reject(new Error(`${command} ${args.join(' ')} failed (exit ${code})`));
    });
  });
}

async function stage(label, work) {
  const started = Date.now();
  console.log(`${label}…`);
  await work();
  console.log(`  done in ${seconds(started)}`);
}

try {
  if (!process.argv.includes('--reset-only') && !h5IsCurrent()) {
    await stage('Building the app for the browser (only when the sources changed; the first time takes a minute or two)', () =>
      quietly(process.execPath, [path.join(root, 'node_modules', '@tarojs', 'cli', 'bin', 'taro'), 'build', '--type', 'h5'], { FQ_QUICK_BUILD: '1' }),
    );
  }
  await stage('Bundling the local cloud', () => buildLocalCloud());
  console.log('Starting the local cloud (database, demo data, WeChat emulations)…');
} catch (error) {
  console.error(`✖ ${error instanceof Error ? error.message : error}`);
  process.exit(1);
}
require(path.join(root, '.local-cloud', 'server.cjs'));
