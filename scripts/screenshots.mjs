#!/usr/bin/env node
// `npm run screenshots`: refreshes the pictures the README shows (docs/screenshots/) from the
// screenshots the e2e tests take. Tests only ever write to tests/e2e/screenshots/ (git-ignored),
// so running them leaves a checkout clean; this command is the one deliberate writer of docs/.
//
//   npm run screenshots                 runs the e2e tests (scripts/run-e2e.mjs), then copies
//   npm run screenshots -- --copy-only  copies from the last e2e run without running it
//   npm run screenshots -- --no-build   passed on to run-e2e (skip the H5 build)
//
// Every docs/screenshots/<name>.png the README links is copied from tests/e2e/screenshots/<name>.png,
// or from the e2e name in RENAMED when the README's name differs. Exits 1 if one is missing.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const FROM = path.join(root, 'tests', 'e2e', 'screenshots');
const TO = path.join(root, 'docs', 'screenshots');

/** README picture → the e2e screenshot it shows, where the names differ. */
const RENAMED = {
  'consult-thread.png': 'consult-resident-answered.png',
  'officer-inbox.png': 'consult-officer-inbox.png',
  'officer-thread.png': 'consult-officer-thread.png',
  'fraud-check.png': 'fraud-check-sent.png',
  'booking-mine.png': 'booking-5-mine.png',
  'booking-waitlist.png': 'booking-10-waitlist-held.png',
  'hall-roster.png': 'booking-8-checked-in.png',
};

/** The docs/screenshots/… paths README.md links, relative to docs/screenshots. */
export function readmePictures(readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8')) {
  const names = new Set();
  for (const match of readme.matchAll(/docs\/screenshots\/([\w./-]+\.png)/g)) names.add(match[1]);
  return [...names].sort();
}

export function sourceOf(picture) {
  const dir = path.dirname(picture);
  const base = path.basename(picture);
  return path.join(dir, RENAMED[base] ?? base);
}

function main() {
  const args = process.argv.slice(2);
  if (!args.includes('--copy-only')) {
    const passOn = args.filter((arg) => arg !== '--copy-only');
    const run = spawnSync(process.execPath, [path.join(root, 'scripts', 'run-e2e.mjs'), ...passOn], { cwd: root, stdio: 'inherit' });
    if (run.status !== 0) {
      console.error('✖ the e2e run failed: docs/screenshots/ left as it was');
      return 1;
    }
  }
  const missing = [];
  let copied = 0;
  for (const picture of readmePictures()) {
    const from = path.join(FROM, sourceOf(picture));
    if (!fs.existsSync(from)) {
      missing.push(`${picture} (from tests/e2e/screenshots/${sourceOf(picture)})`);
      continue;
    }
    const to = path.join(TO, picture);
    fs.mkdirSync(path.dirname(to), { recursive: true });
    fs.copyFileSync(from, to);
    copied += 1;
  }
  console.log(`> copied ${copied} pictures into docs/screenshots/`);
  if (missing.length) {
    console.error(`✖ no e2e screenshot for:\n  ${missing.join('\n  ')}`);
    return 1;
  }
  return 0;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) process.exit(main());
