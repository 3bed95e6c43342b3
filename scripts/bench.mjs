#!/usr/bin/env node
// `npm run bench`: measures the figures we hold ourselves to and merges them into
// bench-results.json at the repository root (keys other scripts wrote are kept):
//
//   weapp.mainKB, weapp.subpackagesKB   what WeChat ships from dist/weapp (scripts/check-weapp.mjs)
//   h5.initialGzipKB                    gzip size of every JS file a phone browser loads for the
//                                       first (feed) page, measured in headless Chromium
//   cloud.bundleKB                      each bundled cloud function's index.js
//   localCloud.startMs                  spawn of .local-cloud/server.cjs → first 200 of /__local/health
//   localCloud.rssMB                    its resident memory after demo data and a few requests
//   feed.firstPageP95Ms                 the feed's first page over HTTP with 100,000 items (bench-feed.mjs)
//   consult.inboxMs, consult.deliveryP95Ms  问片警: inbox with 5,000 threads; send → render across
//                                       two Chromium contexts (scripts/bench-consult.mjs)
//   booking.*                           availability p95/p50, reservations/s over HTTP, overbooked
//                                       places (scripts/bench-booking.mjs)
//   cloud.dbCallsPerAction              database round trips of reserve, availability, listArticles,
//                                       startThread, sendMessage, officerInbox, getThread (bench-db.mjs;
//                                       budget: none over 8, reserve ≤ 6)
//   alerts.*                            an urgent alert to 10,000 opted-in residents: function time,
//                                       longest run vs the timeout, duplicates/missing/wrong time
//                                       (scripts/bench-alerts.mjs)
//
//   node scripts/bench.mjs [--no-build]
//
// Budgets: weapp main ≤ 600 KB, H5 initial JS ≤ 200 KB gzip. The bench reports them; it exits
// non-zero only when a measurement could not be taken (`--strict` also fails on a broken budget).
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { MAIN_BUDGET_KB, measureWeapp, runTaroBuild } from './check-weapp.mjs';
import { startLocalCloudProcess } from './run-e2e.mjs';
import { dbCallsBudgetOf } from './bench-db.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const RESULTS_FILE = path.join(root, 'bench-results.json');
const H5_DIR = path.join(root, 'dist', 'h5');
const FIRST_PAGE = '/#/pages/feed/index';
export const H5_INITIAL_BUDGET_KB = 200;

const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

const round1 = (value) => Math.round(value * 10) / 10;

/** Cloud function bundle sizes as they are on disk (for --no-build). */
function measureCloudBundles() {
  const dir = path.join(root, 'dist', 'cloudfunctions');
  if (!fs.existsSync(dir)) throw new Error('dist/cloudfunctions not found: run npm run build:functions');
  const sizes = {};
  for (const name of fs.readdirSync(dir).sort()) {
    const file = path.join(dir, name, 'index.js');
    if (fs.existsSync(file)) sizes[name] = round1(fs.statSync(file).size / 1024);
  }
  return sizes;
}

function readRssMB(pid) {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(status);
  if (!match) throw new Error(`no VmRSS in /proc/${pid}/status`);
  return round1(Number(match[1]) / 1024);
}

/** The first demo persona that is not the guest, from the local sign-in page. */
async function firstPersona(url) {
  const response = await fetch(`${url}/__local/sign-in`);
  const html = await response.text();
  const keys = [...html.matchAll(/data-persona="([^"]+)"/g)].map((m) => m[1]).filter((key) => key !== 'guest');
  return keys[0] ?? 'guest';
}

/**
 * Loads the first page the way a resident's phone would (signed in as a demo persona, so the
 * page renders fully) and sums the gzip size of every JS response. Inline <script> in
 * index.html counts too.
 */
export async function measureH5Initial(url) {
  const { chromium } = require('playwright-core');
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });
  try {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'zh-CN' });
    const persona = await firstPersona(url);
    const signIn = await context.request.post(`${url}/__local/sign-in`, { form: { persona, next: '/' }, maxRedirects: 0 });
    if (signIn.status() >= 400) throw new Error(`sign-in as ${persona} failed: HTTP ${signIn.status()}`);

    const page = await context.newPage();
    const pending = [];
    const scripts = new Map();
    page.on('response', (response) => {
      const type = response.headers()['content-type'] ?? '';
      const isJs = response.request().resourceType() === 'script' || /javascript|ecmascript/.test(type) || /\.m?js(\?|$)/.test(response.url());
      if (!isJs || scripts.has(response.url())) return;
      scripts.set(response.url(), undefined);
      pending.push(
        response.body().then(
          (body) => scripts.set(response.url(), body),
          () => scripts.delete(response.url()),
        ),
      );
    });
    const errors = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${url}${FIRST_PAGE}`, { waitUntil: 'networkidle', timeout: 60_000 });
    await page.waitForTimeout(500); // late lazy chunks after the first render
    await Promise.all(pending);
    if (!page.url().includes('pages/feed')) throw new Error(`the first page redirected to ${page.url()}`);

    const measured = (file, body) => ({ file, bytes: body.length, gzipBytes: zlib.gzipSync(body).length });
    const files = [...scripts].filter(([, body]) => body).map(([file, body]) => measured(new URL(file).pathname, body));
    const indexHtml = fs.readFileSync(path.join(H5_DIR, 'index.html'), 'utf8');
    const inline = [...indexHtml.matchAll(/<script\b(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/gi)].map((m) => m[1]).join('\n').trim();
    if (inline) files.push(measured('(inline scripts in index.html)', Buffer.from(inline)));
    if (!files.length) throw new Error('the first page loaded no JavaScript');
    const totalGzipBytes = files.reduce((sum, f) => sum + f.gzipBytes, 0);
    return { initialGzipKB: round1(totalGzipBytes / 1024), files, errors };
  } finally {
    await browser.close();
  }
}

function mergeResults(figures) {
  let existing = {};
  if (fs.existsSync(RESULTS_FILE)) {
    try {
      existing = JSON.parse(fs.readFileSync(RESULTS_FILE, 'utf8'));
    } catch (error) {
      console.warn(`! bench-results.json was not valid JSON (${error.message}); starting it afresh`);
    }
  }
  const merged = { ...existing, ...figures };
  fs.writeFileSync(RESULTS_FILE, `${JSON.stringify(merged, null, 2)}\n`);
  return merged;
}

function printTable(figures) {
  const rows = [];
  for (const [key, value] of Object.entries(figures)) {
    if (value && typeof value === 'object') for (const [sub, v] of Object.entries(value)) rows.push([`${key}.${sub}`, v]);
    else rows.push([key, value]);
  }
  const width = Math.max(...rows.map(([k]) => k.length), 6);
  console.log(`\n${'figure'.padEnd(width)}  value`);
  console.log(`${'-'.repeat(width)}  ${'-'.repeat(10)}`);
  for (const [key, value] of rows) console.log(`${key.padEnd(width)}  ${value}`);
}

async function main() {
  const args = process.argv.slice(2);
  const build = !args.includes('--no-build');
  const figures = {};
  const failures = [];
  const step = async (name, fn) => {
    try {
      await fn();
    } catch (error) {
      failures.push(name);
      console.error(`✖ ${name}: ${error instanceof Error ? error.message : error}`);
    }
  };

  await step('weapp', async () => {
    if (build) runTaroBuild('weapp');
    const { mainKB, subpackagesKB } = measureWeapp();
    figures['weapp.mainKB'] = mainKB;
    figures['weapp.subpackagesKB'] = subpackagesKB;
  });
  let h5Built = !build;
  await step('h5 build', async () => {
    if (build) runTaroBuild('h5');
    h5Built = fs.existsSync(path.join(H5_DIR, 'index.html'));
    if (!h5Built) throw new Error('dist/h5/index.html not found: run npm run build:h5');
  });
  await step('cloud functions', async () => {
    if (build) {
      const { buildCloudFunctions } = await import('./build-cloudfunctions.mjs');
      figures['cloud.bundleKB'] = await buildCloudFunctions({ quiet: true });
    } else {
      figures['cloud.bundleKB'] = measureCloudBundles();
    }
  });
  await step('local cloud', async () => {
    if (build) {
      const { buildLocalCloud } = await import('./build-local-cloud.mjs');
      await buildLocalCloud();
    }
    const server = await startLocalCloudProcess({ h5Dir: H5_DIR });
    try {
      figures['localCloud.startMs'] = server.startMs;
      // A few ordinary requests before the browser comes: app shell, sign-in page, health.
      for (const p of ['/', '/__local/sign-in', '/__local/health']) await (await fetch(`${server.url}${p}`)).arrayBuffer();
      if (h5Built) {
        await step('h5 initial load', async () => {
          const h5 = await measureH5Initial(server.url);
          figures['h5.initialGzipKB'] = h5.initialGzipKB;
          console.log(`JS loaded by ${FIRST_PAGE} (gzip):`);
          for (const f of h5.files) console.log(`  ${(f.gzipBytes / 1024).toFixed(1).padStart(7)} KB  ${f.file}`);
          for (const message of h5.errors) console.warn(`  ! page error: ${message}`);
        });
      }
      figures['localCloud.rssMB'] = readRssMB(server.pid);
    } finally {
      await server.stop();
    }
  });

  // The feed's first page with 100,000 items, through the local cloud's HTTP interface.
  await step('feed: first page', async () => {
    const { benchFeed } = await import('./bench-feed.mjs');
    Object.assign(figures, await benchFeed());
  });

  await step('consult', async () => {
    if (!h5Built) throw new Error('needs the H5 build');
    const { benchConsult } = await import('./bench-consult.mjs');
    const { details, ...consult } = await benchConsult();
    Object.assign(figures, consult);
    console.log(`consult: inbox p50 ${details.inbox.figures.station.p50} ms, p95 ${details.inbox.figures.station.p95} ms; delivery p50 ${details.delivery.p50} ms, p95 ${details.delivery.p95} ms`);
  });

  // Routing runs after the local cloud is stopped, on a quiet machine: it times one core.
  await step('routing: locate', async () => {
    const { benchGeo } = await import('./bench-routing-geo.mjs');
    Object.assign(figures, await benchGeo());
  });
  await step('routing: decisions', async () => {
    const { benchRouting } = await import('./bench-routing.mjs');
    Object.assign(figures, await benchRouting());
  });

  await step('booking', async () => {
    const { benchBooking } = await import('./bench-booking.mjs');
    Object.assign(figures, await benchBooking());
  });

  // An urgent alert to 10,000 opted-in residents, through the feed function's outbox and timer runs.
  await step('alerts: fan-out', async () => {
    const { benchAlerts } = await import('./bench-alerts.mjs');
    Object.assign(figures, await benchAlerts());
  });

  // Database round trips per main action, counted by the local database (scripts/bench-db.mjs).
  await step('cloud: database round trips per action', async () => {
    const { measureDbCallsPerAction } = await import('./bench-db.mjs');
    figures['cloud.dbCallsPerAction'] = await measureDbCallsPerAction();
  });

  const merged = mergeResults(figures);
  printTable(figures);
  console.log(`\nwrote ${path.relative(process.cwd(), RESULTS_FILE)} (${Object.keys(merged).length} keys)`);

  // [name, value, budget, unit, direction]: '≤' for ceilings, '≥' for floors.
  const budgets = [
    ['weapp main package', figures['weapp.mainKB'], MAIN_BUDGET_KB, 'KB', '≤'],
    ['H5 initial JS', figures['h5.initialGzipKB'], H5_INITIAL_BUDGET_KB, 'KB gzip', '≤'],
    ['routing.locatePerSec', figures['routing.locatePerSec'], 100_000, '/s', '≥'],
    ['routing.locateVsLinear', figures['routing.locateVsLinear'], 20, '×', '≥'],
    ['routing.routeP99Ms', figures['routing.routeP99Ms'], 1, 'ms', '≤'],
    ['feed.firstPageP95Ms', figures['feed.firstPageP95Ms'], 30, 'ms', '≤'],
    ['consult.inboxMs (p95)', figures['consult.inboxMs']?.p95, 50, 'ms', '≤'],
    ['consult.deliveryP95Ms', figures['consult.deliveryP95Ms'], 300, 'ms', '≤'],
    ['booking.availabilityMs (p95)', figures['booking.availabilityMs'], 20, 'ms', '≤'],
    ['booking.overbooked', figures['booking.overbooked'], 0, 'places', '≤'],
    ['booking.reservePerSec ÷ booking.httpFloorPerSec', figures['booking.reserveFloorRatio'], 0.5, '×', '≥'],
    ['booking.serverCpuMsPerReserve ÷ floor CPU per request', figures['booking.serverCpuRatio'], 8, '×', '≤'],
    ['booking.reserveRoundTrips', figures['booking.reserveRoundTrips'], 6, 'round trips', '≤'],
    ['alerts.fanout10kS (function time for 10,000 messages)', figures['alerts.fanout10kS'], 60, 's', '≤'],
    ['alerts.maxRunS (longest run, vs feed timeout)', figures['alerts.maxRunS'], figures['alerts.timeoutS'] ?? 3, 's', '≤'],
    ['alerts.duplicates', figures['alerts.duplicates'], 0, 'messages', '≤'],
    ['alerts.missing', figures['alerts.missing'], 0, 'residents', '≤'],
    ['alerts.wrongTime (not Beijing time)', figures['alerts.wrongTime'], 0, 'messages', '≤'],
    ...Object.entries(figures['cloud.dbCallsPerAction'] ?? {}).map(([action, calls]) => [`cloud.dbCallsPerAction.${action}`, calls, dbCallsBudgetOf(action), 'round trips', '≤']),
  ];
  let broken = 0;
  console.log('\nBudgets:');
  for (const [name, value, budget, unit, direction] of budgets) {
    if (value === undefined) {
      console.log(`  ${name}: not measured`);
      continue;
    }
    const holds = direction === '≥' ? value >= budget : value <= budget;
    if (!holds) broken += 1;
    console.log(`  ${name}: ${value} ${unit} ${direction} ${budget} ${unit}  ${holds ? 'holds' : 'BROKEN'}`);
  }
  if (failures.length) {
    console.error(`\n✖ not measured: ${failures.join(', ')}`);
    return 1;
  }
  return broken && args.includes('--strict') ? 1 : 0;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main()
    .then((code) => process.exit(code))
    .catch((error) => {
      console.error(`✖ ${error instanceof Error ? error.stack : error}`);
      process.exit(1);
    });
}
