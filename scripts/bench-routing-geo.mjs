#!/usr/bin/env node
// Community locator benchmark (domain/geo): how fast a resident's shared location is turned into a
// community, on a generated city-scale directory — 15 districts, 250 stations, 4,000 communities
// of 40-vertex polygons over ~40 km × 40 km around Hangzhou (domain/geo/generate-city.ts).
//
//   routing.locatePerSec     indexed locate() calls per second, one core, random points in the
//                            city's bounding box (median of 5 timed rounds of 200,000 calls, after warm-up)
//   routing.locateVsLinear   that rate ÷ the naive scan's rate (every polygon tested, no index),
//                            measured in the same run on points from the same distribution
//
//   node scripts/bench-routing-geo.mjs        (or: npx tsx scripts/bench-routing-geo.mjs)
//
// Budget: ≥ 100,000 locate/s and ≥ 20× the naive scan; index build well under a second.
// `benchGeo()` returns the two figures for scripts/bench.mjs, which merges them into
// bench-results.json; run directly, this script prints a table and writes nothing.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { importTypeScript } from './bench/import-typescript.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export const LOCATE_BUDGET_PER_SEC = 100_000;
export const LINEAR_RATIO_BUDGET = 20;

const CITY = { seed: 20240601, districts: 15, stations: 250, communities: 4000, verticesPerPolygon: 40 };
const FAST_CALLS = 200_000;
const FAST_ROUNDS = 5;
const LINEAR_MIN_CALLS = 2_000;
const LINEAR_MIN_SECONDS = 1;

/** domain/geo is TypeScript: bundled in memory, so plain `node` can run the bench. */
const loadGeo = () => importTypeScript(path.join(root, 'domain', 'geo', 'index.ts'));

const seconds = (start) => Number(process.hrtime.bigint() - start) / 1e9;
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** Calls locate on `count` points from `from` on; returns how many were inside a community (keeps the work observable). */
function run(locator, points, count, from = 0) {
  let located = 0;
  for (let i = from; i < from + count; i += 1) if (locator.locate(points[i % points.length]) !== undefined) located += 1;
  return located;
}

/** Measures; returns the two headline figures plus details for the table. */
export async function measureGeo() {
  const geo = await loadGeo();
  const city = geo.generateCity(CITY);

  let start = process.hrtime.bigint();
  const locator = geo.createLocator(city.communities);
  const buildMs = seconds(start) * 1000;
  const rebuilds = [];
  for (let i = 0; i < 3; i += 1) {
    start = process.hrtime.bigint();
    geo.createLocator(city.communities);
    rebuilds.push(seconds(start) * 1000);
  }
  const linear = geo.createLinearLocator(city.communities);

  const random = geo.mulberry32(CITY.seed ^ 0x5eed);
  const { south, west, north, east } = city.bbox;
  const points = Array.from({ length: FAST_CALLS }, () => ({
    latitude: south + random() * (north - south),
    longitude: west + random() * (east - west),
  }));

  // Indexed: warm-up, then timed rounds.
  run(locator, points, 2 * FAST_CALLS);
  const rates = [];
  let located = 0;
  for (let round = 0; round < FAST_ROUNDS; round += 1) {
    start = process.hrtime.bigint();
    located = run(locator, points, FAST_CALLS);
    rates.push(FAST_CALLS / seconds(start));
  }
  const locatePerSec = median(rates);

  // Naive scan: warm-up, then at least LINEAR_MIN_CALLS calls and LINEAR_MIN_SECONDS.
  run(linear, points, 200);
  let linearCalls = 0;
  start = process.hrtime.bigint();
  while (linearCalls < LINEAR_MIN_CALLS || seconds(start) < LINEAR_MIN_SECONDS) {
    run(linear, points, 250, linearCalls);
    linearCalls += 250;
  }
  const linearPerSec = linearCalls / seconds(start);

  // The two must agree (they do by construction; a bench on wrong answers would be meaningless).
  let mismatches = 0;
  for (let i = 0; i < LINEAR_MIN_CALLS; i += 1) if (locator.locate(points[i]) !== linear.locate(points[i])) mismatches += 1;
  if (mismatches > 0) throw new Error(`indexed and naive locators disagree on ${mismatches} of ${LINEAR_MIN_CALLS} points`);

  // For the table: boundary proximity at 100 m.
  start = process.hrtime.bigint();
  let flagged = 0;
  const nearbyCalls = 50_000;
  for (let i = 0; i < nearbyCalls; i += 1) if (locator.nearbyAreas(points[i], 100).length > 0) flagged += 1;
  const nearbyPerSec = nearbyCalls / seconds(start);

  return {
    figures: {
      'routing.locatePerSec': Math.round(locatePerSec),
      'routing.locateVsLinear': Math.round((locatePerSec / linearPerSec) * 10) / 10,
    },
    details: {
      communities: city.communities.length,
      stations: city.stations.length,
      districts: city.districts.length,
      buildMs,
      rebuildMs: median(rebuilds),
      stats: locator.stats,
      rates,
      insideShare: located / FAST_CALLS,
      linearPerSec,
      linearCalls,
      nearbyPerSec,
      flaggedShare: flagged / nearbyCalls,
    },
  };
}

export async function benchGeo() {
  return (await measureGeo()).figures;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { figures, details } = await measureGeo();
  const { stats } = details;
  const fmt = (n, digits = 0) => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
  const rows = [
    ['city', `${fmt(details.communities)} communities, ${details.stations} stations, ${details.districts} districts, ${CITY.verticesPerPolygon}-vertex polygons`],
    ['index build', `${fmt(details.buildMs, 1)} ms first, ${fmt(details.rebuildMs, 1)} ms warm (budget: well under 1,000 ms)`],
    ['grid', `${stats.columns} × ${stats.rows} cells: ${fmt(stats.coveredCells)} inside one community, ${fmt(stats.edgeCells)} on a boundary; ${fmt(stats.candidates)} candidates, ${fmt(stats.bucketEdges)} bucket edges; ${fmt(stats.bytes / 1048576, 1)} MB`],
    ['locate (indexed)', `${fmt(figures['routing.locatePerSec'])} /s median of ${details.rates.map((r) => fmt(r / 1e6, 2) + 'M').join(', ')} (budget ≥ ${fmt(LOCATE_BUDGET_PER_SEC)})`],
    ['locate (naive scan)', `${fmt(details.linearPerSec)} /s over ${fmt(details.linearCalls)} calls`],
    ['indexed ÷ naive', `${fmt(figures['routing.locateVsLinear'], 1)}× (budget ≥ ${LINEAR_RATIO_BUDGET}×)`],
    ['points in a community', `${fmt(details.insideShare * 100, 1)} % (the rest: river, outskirts, parks)`],
    ['nearbyAreas(100 m)', `${fmt(details.nearbyPerSec)} /s; ${fmt(details.flaggedShare * 100, 1)} % of points are within 100 m of another community`],
  ];
  const width = Math.max(...rows.map(([label]) => label.length));
  for (const [label, value] of rows) console.log(`${label.padEnd(width)}  ${value}`);
  console.log(JSON.stringify(figures));
  const ok = figures['routing.locatePerSec'] >= LOCATE_BUDGET_PER_SEC && figures['routing.locateVsLinear'] >= LINEAR_RATIO_BUDGET;
  console.log(ok ? 'within budget' : 'OVER BUDGET');
}
