import path from 'node:path';
import indexFile from '../../cloudbase/database-indexes.json';
import { indexDeclarationsFrom, openLocalDatabase, type IndexFile, type LocalDatabase } from '../database';
import { localCloudState } from './state';

let engine: LocalDatabase | undefined;

/** The indexes production has (declared in cloudbase/database-indexes.json), so local queries are planned alike. */
export const DECLARED_INDEXES = indexDeclarationsFrom(indexFile as IndexFile);

/**
 * Strict index mode (on unless LOCAL_CLOUD_STRICT_INDEXES=off): in a collection holding more than
 * this many documents, a query no declared index serves is refused, as it would scan in
 * production. LOCAL_CLOUD_STRICT_INDEXES=<n> sets another size.
 */
export function strictIndexesAbove(setting = process.env.LOCAL_CLOUD_STRICT_INDEXES): number | undefined {
  if (setting === 'off') return undefined;
  const size = setting === undefined || setting === '' ? STRICT_INDEXES_ABOVE : Number(setting);
  if (!Number.isInteger(size) || size < 0) throw new Error(`LOCAL_CLOUD_STRICT_INDEXES must be "off" or a document count, not "${setting}"`);
  return size;
}

/** Small enough that every function test's data trips it; directory tables are read by _id. */
export const STRICT_INDEXES_ABOVE = 0;

/** The embedded database behind `cloud.database()`, opened on first use in the configured data dir. */
export function localDatabase(): LocalDatabase {
  engine ??= openLocalDatabase({
    dir: path.join(localCloudState().dataDir, 'database'),
    fsync: process.env.LOCAL_CLOUD_FSYNC !== '0',
    indexes: DECLARED_INDEXES,
    strictIndexesAbove: strictIndexesAbove(),
  });
  return engine;
}

/** True when `candidate` is the database the cloud functions use (so seeding through their actions reaches it). */
export const isFunctionsDatabase = (candidate: LocalDatabase): boolean => engine !== undefined && engine === candidate;

export async function closeLocalDatabase(): Promise<void> {
  const open = engine;
  engine = undefined;
  await open?.close();
}
