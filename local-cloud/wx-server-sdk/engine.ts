import path from 'node:path';
import { openLocalDatabase, type LocalDatabase } from '../database';
import { localCloudState } from './state';

let engine: LocalDatabase | undefined;

/** The embedded database behind `cloud.database()`, opened on first use in the configured data dir. */
export function localDatabase(): LocalDatabase {
  engine ??= openLocalDatabase({ dir: path.join(localCloudState().dataDir, 'database'), fsync: process.env.LOCAL_CLOUD_FSYNC !== '0' });
  return engine;
}

export async function closeLocalDatabase(): Promise<void> {
  const open = engine;
  engine = undefined;
  await open?.close();
}
