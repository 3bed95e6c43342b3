/**
 * Small synchronous file helpers for the emulated services' state. Synchronous on purpose: a
 * call that returned has its record on disk, and one Node process never interleaves two writes.
 */
import fs from 'node:fs';
import path from 'node:path';

/** Same switch as the embedded database: tests turn fsync off for speed, never correctness. */
const shouldFsync = (): boolean => process.env.LOCAL_CLOUD_FSYNC !== '0';

/** Appends one JSON line; it is flushed (and fsync'ed) before this returns. */
export function appendJsonLine(file: string, record: unknown): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const fd = fs.openSync(file, 'a+');
  try {
    // After a crash mid-append the file may end in a torn line: start on a fresh line, or this
    // record would be glued to the torn one and lost with it.
    const size = fs.fstatSync(fd).size;
    const last = Buffer.alloc(1);
    const needsNewline = size > 0 && fs.readSync(fd, last, 0, 1, size - 1) === 1 && last[0] !== 0x0a;
    fs.writeSync(fd, `${needsNewline ? '\n' : ''}${JSON.stringify(record)}\n`);
    if (shouldFsync()) fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * Every complete line, oldest first. A torn last line (a crash mid-append, never acknowledged)
 * is skipped rather than failing the whole read.
 */
export function readJsonLines<T>(file: string): T[] {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const records: T[] = [];
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    try {
      records.push(JSON.parse(line) as T);
    } catch {
      // Only an unterminated tail can be partial; skip it.
    }
  }
  return records;
}

export function truncateFile(file: string): void {
  if (fs.existsSync(file)) fs.truncateSync(file, 0);
}

export function readJsonFile<T>(file: string, fallback: T): T {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as T;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return fallback;
    throw error;
  }
}

/** Replaces a JSON file atomically (temp file + rename), so a crash leaves old or new, never half. */
export function writeJsonFileAtomic(file: string, value: unknown): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.tmp`;
  const fd = fs.openSync(temp, 'w');
  try {
    fs.writeSync(fd, JSON.stringify(value, null, 1));
    if (shouldFsync()) fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fs.renameSync(temp, file);
}
