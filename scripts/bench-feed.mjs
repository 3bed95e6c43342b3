#!/usr/bin/env node
// The feed's first page as a resident's phone gets it: listArticles served by the local cloud
// over HTTP (sign-in cookie, dispatcher, policy, the real feed function, the embedded database
// with the indexes of cloudbase/database-indexes.json) with 100,000 items in the database.
// Figure: feed.firstPageP95Ms (budget ≤ 30 ms), p95 over many requests after a warm-up.
//
//   node scripts/bench-feed.mjs            (needs .local-cloud/server.cjs: npm run build:local-cloud)
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { importLocalCloudModule } from './bench/import-typescript.mjs';
import { startLocalCloudProcess } from './run-e2e.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const FEED_FIRST_PAGE_BUDGET_MS = 30;
const ITEMS = Number(process.env.BENCH_FEED_ITEMS ?? 100_000);
const WARM_UP = 50;
const TIMED = 500;

const loadWorld = () => importLocalCloudModule(path.join(root, 'scripts', 'bench', 'feed-world.ts'));

export async function measureFeed() {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-feed-'));
  const { fillFeedDatabase } = await loadWorld();
  const filled = await fillFeedDatabase(dataDir, ITEMS);
  const server = await startLocalCloudProcess({ dataDir });
  try {
    const signIn = await fetch(`${server.url}/__local/sign-in`, { method: 'POST', body: new URLSearchParams({ persona: 'resident-xly2', next: '/' }), redirect: 'manual' });
    const cookie = (signIn.headers.getSetCookie?.() ?? [signIn.headers.get('set-cookie') ?? '']).map((line) => line.split(';')[0]).join('; ');
    if (!cookie) throw new Error(`sign-in gave no cookie (HTTP ${signIn.status})`);
    const firstPage = async (input = {}) => {
      const response = await fetch(`${server.url}/__cloud/functions/feed`, {
        method: 'POST',
        headers: { cookie, 'content-type': 'application/json' },
        body: JSON.stringify({ action: 'listArticles', input }),
      });
      const answer = await response.json();
      if (!answer.ok) throw new Error(`listArticles failed: ${JSON.stringify(answer.error)}`);
      return answer.data;
    };
    for (let i = 0; i < WARM_UP; i++) await firstPage();
    const times = [];
    let items = 0;
    for (let i = 0; i < TIMED; i++) {
      const started = performance.now();
      const page = await firstPage();
      times.push(performance.now() - started);
      items = page.items.length;
    }
    times.sort((a, b) => a - b);
    const at = (q) => times[Math.min(times.length - 1, Math.floor(times.length * q))];
    const round2 = (value) => Math.round(value * 100) / 100;

    // Keyword search has no text index: it walks the reader's feed in order until a page matches.
    // A word no item contains is its worst case (every item the reader may see is examined).
    const searchTimes = [];
    for (let i = 0; i < 30; i++) {
      const started = performance.now();
      await firstPage({ keyword: '不存在的词' });
      searchTimes.push(performance.now() - started);
    }
    searchTimes.sort((a, b) => a - b);
    return {
      figures: { 'feed.firstPageP95Ms': round2(at(0.95)) },
      details: {
        docs: filled.docs,
        fillMs: filled.ms,
        startMs: server.startMs,
        items,
        p50: round2(at(0.5)),
        p95: round2(at(0.95)),
        max: round2(times[times.length - 1]),
        searchMissP50: round2(searchTimes[Math.floor(searchTimes.length / 2)]),
      },
    };
  } finally {
    await server.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

export async function benchFeed() {
  return (await measureFeed()).figures;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { figures, details } = await measureFeed();
  console.log(
    `${details.docs} articles (filled in ${details.fillMs} ms; local cloud started in ${details.startMs} ms); ${TIMED} first pages of ${details.items} items: p50 ${details.p50} ms, p95 ${details.p95} ms, max ${details.max} ms`,
  );
  console.log(`keyword search for a word no item holds (worst case, examines the reader's whole feed): p50 ${details.searchMissP50} ms`);
  console.log(JSON.stringify(figures));
}
