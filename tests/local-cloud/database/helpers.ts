import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { openLocalDatabase, type LocalDatabase, type LocalDatabaseOptions } from '../../../local-cloud/database';

/** A fresh temp directory, removed by cleanupTempDirs(). */
const created: string[] = [];

export function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'localdb-test-'));
  created.push(dir);
  return dir;
}

export function cleanupTempDirs(): void {
  for (const dir of created.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
}

const open: LocalDatabase[] = [];

/** Opens a database in a new temp dir (fsync off: tests exercise logic, not the disk). */
export function openTestDatabase(options: Partial<LocalDatabaseOptions> = {}): LocalDatabase {
  const db = openLocalDatabase({ dir: tempDir(), fsync: false, ...options });
  open.push(db);
  return db;
}

export async function closeTestDatabases(): Promise<void> {
  for (const db of open.splice(0)) await db.close();
  cleanupTempDirs();
}

/** Resolves with the rejection of `promise` (fails the test if it resolves). */
export async function rejectionOf(promise: Promise<unknown>): Promise<Error & { errCode?: number; errMsg?: string }> {
  try {
    await promise;
  } catch (error) {
    return error as Error & { errCode?: number; errMsg?: string };
  }
  throw new Error('expected the promise to reject');
}
