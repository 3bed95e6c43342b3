import path from 'node:path';
import indexFile from '../../cloudbase/database-indexes.json';
import { indexDeclarationsFrom, openLocalDatabase, type IndexFile, type LocalDatabase } from '../database';
import { localCloudState } from './state';

let engine: LocalDatabase | undefined;

/** The indexes production has (declared in cloudbase/database-indexes.json), so local queries are planned alike. */
export const DECLARED_INDEXES = indexDeclarationsFrom(indexFile as IndexFile);

/** The embedded database behind `cloud.database()`, opened on first use in the configured data dir. */
export function localDatabase(): LocalDatabase {
  engine ??= openLocalDatabase({
    dir: path.join(localCloudState().dataDir, 'database'),
    fsync: process.env.LOCAL_CLOUD_FSYNC !== '0',
    indexes: DECLARED_INDEXES,
  });
  return engine;
}

export async function closeLocalDatabase(): Promise<void> {
  const open = engine;
  engine = undefined;
  await open?.close();
}
