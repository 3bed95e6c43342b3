/**
 * The snapshot: every collection as of journal sequence `lastSeq`. Written to a temp file,
 * synced, then renamed over the old one, so a crash leaves either the old or the new snapshot,
 * never a mix. Journal records with a sequence <= lastSeq are already inside it.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { crc32Hex } from './checksum';

export const SNAPSHOT_FILE = 'snapshot.json';
const MAGIC = 'LOCALDB-SNAPSHOT 1';

export interface SnapshotData {
  lastSeq: number;
  /** [collection name, encoded documents in natural order] */
  collections: Array<[string, unknown[]]>;
}

export class SnapshotCorruptError extends Error {
  constructor(file: string, reason: string) {
    super(`snapshot ${file} is damaged (${reason}); refusing to open`);
    this.name = 'SnapshotCorruptError';
  }
}

export function syncDirectory(dir: string): void {
  let fd: number | undefined;
  try {
    fd = fs.openSync(dir, 'r');
    fs.fsyncSync(fd);
  } catch {
    // Some platforms cannot fsync a directory; the rename is still atomic there.
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

export function writeSnapshot(dir: string, data: SnapshotData, fsync: boolean): number {
  const file = path.join(dir, SNAPSHOT_FILE);
  const temp = `${file}.tmp`;
  const body = Buffer.from(JSON.stringify(data), 'utf8');
  const header = Buffer.from(`${MAGIC} ${crc32Hex(body)} ${body.length}\n`, 'latin1');
  const fd = fs.openSync(temp, 'w');
  try {
    fs.writeSync(fd, header);
    let written = 0;
    while (written < body.length) written += fs.writeSync(fd, body, written, body.length - written);
    if (fsync) fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fs.renameSync(temp, file);
  if (fsync) syncDirectory(dir);
  return header.length + body.length;
}

export function readSnapshot(dir: string): { data: SnapshotData; bytes: number } | undefined {
  const file = path.join(dir, SNAPSHOT_FILE);
  // A leftover temp file is an interrupted compaction: the journal still has its data.
  fs.rmSync(`${file}.tmp`, { force: true });
  let raw: Buffer;
  try {
    raw = fs.readFileSync(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  const newline = raw.indexOf(0x0a);
  if (newline === -1) throw new SnapshotCorruptError(file, 'no header');
  const [magic1, magic2, checksum, length] = raw.toString('latin1', 0, newline).split(' ');
  if (`${magic1} ${magic2}` !== MAGIC) throw new SnapshotCorruptError(file, 'unknown format');
  const body = raw.subarray(newline + 1);
  if (body.length !== Number(length)) throw new SnapshotCorruptError(file, 'wrong length');
  if (crc32Hex(body) !== checksum) throw new SnapshotCorruptError(file, 'checksum mismatch');
  const data = JSON.parse(body.toString('utf8')) as SnapshotData;
  if (typeof data.lastSeq !== 'number' || !Array.isArray(data.collections)) throw new SnapshotCorruptError(file, 'bad content');
  return { data, bytes: raw.length };
}
