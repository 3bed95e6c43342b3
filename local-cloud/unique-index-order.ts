/**
 * The local cloud's start follows the order `npm run deploy` follows (scripts/deploy/plan.ts): a
 * declared unique index that stored data keeps from being created (documents repeating a key, e.g.
 * bookings of an earlier version lacking `place`) waits for the run its `"after"` names
 * (config/index-prerequisites.ts) — the function invoked with its timer's event until the job
 * reports finished — and is created then. Fresh data (and `npm run reset`) has nothing pending.
 */
import { parsePrerequisite, prerequisiteName, runUntilFinished, type IndexPrerequisite } from '../config/index-prerequisites';
import type { IndexDeclaration, LocalDatabase } from './database';
import { LOCAL_FUNCTIONS, type LocalFunction } from './functions';

/** Runs one function with an event, as its timer trigger would (no OPENID). */
export type TimerInvoke = (fn: LocalFunction['name'], event: unknown) => Promise<unknown>;

function prerequisiteOf(index: IndexDeclaration): IndexPrerequisite | undefined {
  const where = `cloudbase/database-indexes.json ${index.collection}.${index.name}`;
  const prerequisite = parsePrerequisite(index.after, where);
  if (!prerequisite) return undefined;
  const fn = (LOCAL_FUNCTIONS as Record<string, LocalFunction | undefined>)[prerequisite.fn];
  if (!fn) throw new Error(`${where}: "after" names function ${prerequisite.fn}, which does not exist`);
  if (!(fn.config.triggers ?? []).some((trigger) => trigger.name === prerequisite.trigger)) {
    throw new Error(`${where}: "after" names ${prerequisite.fn}.${prerequisite.trigger}, which is not one of its timer triggers (config.json)`);
  }
  return prerequisite;
}

/**
 * Creates the unique indexes stored data kept from being created, each after the run it waits
 * for has finished. Throws, leaving them not in force, when a run never finishes or the data
 * still repeats a key — as the deploy stops; the message says what to do.
 */
export async function createPendingUniqueIndexes(engine: LocalDatabase, invoke: TimerInvoke, log: (line: string) => void = console.log): Promise<string[]> {
  const pending = engine.pendingUniqueIndexes();
  if (pending.length === 0) return [];
  const groups = new Map<string, { prerequisite?: IndexPrerequisite; indexes: IndexDeclaration[] }>();
  for (const index of pending) {
    const prerequisite = prerequisiteOf(index);
    const key = prerequisite ? prerequisiteName(prerequisite) : '';
    const group = groups.get(key) ?? { prerequisite, indexes: [] };
    group.indexes.push(index);
    groups.set(key, group);
  }
  const created: string[] = [];
  for (const { prerequisite, indexes } of groups.values()) {
    const names = indexes.map((index) => `${index.collection}.${index.name}`);
    if (prerequisite) {
      log(`[local-cloud] stored data keeps ${names.join(', ')} from being created: running ${prerequisiteName(prerequisite)} until it finishes, as npm run deploy does`);
      await runUntilFinished(prerequisite, (event) => invoke(prerequisite.fn as LocalFunction['name'], event), { log });
    }
    for (const index of indexes) {
      try {
        engine.createUniqueIndex(index.collection, index.name);
      } catch (error) {
        throw new Error(
          `the unique index ${index.collection}.${index.name} cannot be created: ${(error as Error).message}. ` +
            `Correct or remove the documents of ${index.collection} that share ${index.fields.map((field) => field.field).join(', ')} (a missing field counts as null), or start from the demo data again with npm run reset.`,
        );
      }
      created.push(`${index.collection}.${index.name}`);
    }
    log(`[local-cloud] created ${names.join(', ')}`);
  }
  return created;
}
