#!/usr/bin/env node
// cloud.dbCallsPerAction: database round trips per main action, counted by the local database
// through the real functions (scripts/bench/db-calls.ts). In CloudBase each round trip is a
// network request (≈ 10–30 ms, billed): this is the production latency of an action.
// Budget: no action over 8, reserve ≤ 6 (a resident's own, and for a family member: reserveFamily).
//
//   node scripts/bench-db.mjs [--trace]   (--trace: each request of each action and the code that sent it)
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { importLocalCloudModule } from './bench/import-typescript.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const DB_CALLS_BUDGET = 8;
export const RESERVE_DB_CALLS_BUDGET = 6;

/** Counted beside reserve, but not among issue 18's main actions: printed without a budget. */
export const UNBUDGETED_ACTIONS = new Set(['reschedule', 'cancel']);

export const dbCallsBudgetOf = (action) =>
  UNBUDGETED_ACTIONS.has(action) ? undefined : action === 'reserve' || action === 'reserveFamily' ? RESERVE_DB_CALLS_BUDGET : DB_CALLS_BUDGET;

export async function measureDbCallsPerAction({ trace } = {}) {
  // Source maps, so a traced request names the TypeScript line that sent it.
  if (trace) process.setSourceMapsEnabled(true);
  const { measureDbCalls } = await importLocalCloudModule(path.join(root, 'scripts', 'bench', 'db-calls.ts'), trace ? { sourcemap: 'inline' } : {});
  return measureDbCalls({ trace });
}

/** Lines for the report: each action's count beside its budget. */
export function describeDbCalls(calls) {
  return Object.entries(calls).map(([action, count]) => {
    const budget = dbCallsBudgetOf(action);
    if (budget === undefined) return `  cloud.dbCallsPerAction.${action.padEnd(21)} ${String(count).padStart(3)}  (not a main action: no budget)`;
    return `  cloud.dbCallsPerAction.${action.padEnd(21)} ${String(count).padStart(3)}  (budget ≤ ${budget})${count > budget ? '  OVER BUDGET' : ''}`;
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const calls = await measureDbCallsPerAction({ trace: process.argv.includes('--trace') ? (line) => console.log(line) : undefined });
  console.log(describeDbCalls(calls).join('\n'));
  if (process.argv.includes('--strict') && Object.entries(calls).some(([action, count]) => count > (dbCallsBudgetOf(action) ?? Infinity))) process.exitCode = 1;
}
