#!/usr/bin/env node
// `npm start`: make sure the H5 build and the local-cloud bundle are current, then run the
// local cloud in this process. `npm run reset` restores the demo data.
import { spawnSync } from 'node:child_process';
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

if (!process.argv.includes('--reset-only') && !h5IsCurrent()) {
  console.log('Building the H5 app (first start takes a minute)…');
  const result = spawnSync('npm', ['run', '--silent', 'build:h5'], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
await buildLocalCloud();
require(path.join(root, '.local-cloud', 'server.cjs'));
