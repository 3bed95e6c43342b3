#!/usr/bin/env node
// Full routing decision benchmark: for a question from a resident of the generated city (bound
// community, or a shared location that is first located), the in-process decision — station,
// post, rules, who is on duty, fallbacks, reason. Figure: routing.routeP99Ms (budget ≤ 1 ms).
//
//   node scripts/bench-routing.mjs
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { importTypeScript } from './bench/import-typescript.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const ROUTE_P99_BUDGET_MS = 1;
const WARM_UP = 5_000;
const TIMED = 50_000;

const loadWorld = () => importTypeScript(path.join(root, 'scripts', 'bench', 'routing-world.ts'));

export async function measureRouting() {
  const { buildRoutingWorld, route } = await loadWorld();
  const world = buildRoutingWorld();
  const decide = (question) => {
    const communityByLocation = question.location ? world.locator.locate(question.location) : undefined;
    const communityId = question.communityId ?? communityByLocation;
    const nearby = question.location ? world.locator.nearbyAreas(question.location, 100).map((area) => area.id) : [];
    return route(
      {
        ...(communityId ? { communityId } : {}),
        ...(communityByLocation ? { stationIdByLocation: world.stationOf.get(communityByLocation) } : {}),
        category: question.category,
        at: question.at,
        ...(nearby.length ? { boundary: { nearbyCommunityIds: nearby } } : {}),
      },
      world.snapshot,
    );
  };
  for (const question of world.questions(WARM_UP)) decide(question);
  const times = [];
  const outcomes = {};
  for (const question of world.questions(TIMED)) {
    const start = process.hrtime.bigint();
    const decision = decide(question);
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
    outcomes[decision.assignee.type] = (outcomes[decision.assignee.type] ?? 0) + 1;
  }
  times.sort((a, b) => a - b);
  const at = (q) => times[Math.min(times.length - 1, Math.floor(times.length * q))];
  return {
    figures: { 'routing.routeP99Ms': Math.round(at(0.99) * 1000) / 1000 },
    details: { p50: at(0.5), p99: at(0.99), max: times[times.length - 1], officers: world.officers, shifts: world.shifts, outcomes },
  };
}

export async function benchRouting() {
  return (await measureRouting()).figures;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { figures, details } = await measureRouting();
  console.log(`officers ${details.officers}, shifts ${details.shifts}; ${TIMED} decisions: p50 ${details.p50.toFixed(4)} ms, p99 ${details.p99.toFixed(4)} ms, max ${details.max.toFixed(3)} ms`);
  console.log('outcomes', JSON.stringify(details.outcomes));
  console.log(JSON.stringify(figures));
  console.log(figures['routing.routeP99Ms'] <= ROUTE_P99_BUDGET_MS ? 'within budget' : 'OVER BUDGET');
}
