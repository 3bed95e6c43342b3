/**
 * The append-only journal: one line per committed batch, `<crc32 hex> <json>\n`.
 *
 * Crash safety: a batch is acknowledged only after its whole line was written (and fdatasync'ed
 * when `fsync` is on), with explicit file positions so a failed write can be cut off again. On
 * open, replay stops at the first line that is incomplete or fails its checksum; such a line can
 * only be the torn tail of a write that was never acknowledged, so it is truncated away. A bad
 * line followed by good ones is real damage, and opening refuses rather than drop data.
 */
import * as fs from 'node:fs';
import { crc32Hex } from './checksum';
import type { DocId } from './values';

export type MutationKind = 'add' | 'update' | 'set' | 'remove';

/** One change inside a journal record. `d` present = store this document, absent = delete. */
export interface JournalMutation {
  /** collection */
  c: string;
  /** kind; 'create' creates an empty collection, 'drop' removes one */
  t: MutationKind | 'create' | 'drop';
  /** document id */
  i?: DocId;
  /** encoded document */
  d?: unknown;
}

export interface JournalRecord {
  /** sequence number, strictly increasing */
  s: number;
  m: JournalMutation[];
}

export interface JournalReadResult {
  records: JournalRecord[];
  /** bytes of valid records; the file is cut to this length */
  validBytes: number;
  /** bytes dropped from a torn tail */
  droppedBytes: number;
}

const NEWLINE = 0x0a;

export class JournalCorruptError extends Error {
  constructor(path: string, offset: number) {
    super(`journal ${path} is damaged at byte ${offset}: a bad record is followed by valid ones; refusing to open (inspect or restore the file)`);
    this.name = 'JournalCorruptError';
  }
}

function parseLine(line: Buffer): JournalRecord | undefined {
  // 8 hex digits, a space, then at least "{}".
  if (line.length < 11 || line[8] !== 0x20) return undefined;
  const json = line.subarray(9);
  if (crc32Hex(json) !== line.toString('latin1', 0, 8)) return undefined;
  try {
    const record = JSON.parse(json.toString('utf8')) as JournalRecord;
    if (typeof record.s !== 'number' || !Array.isArray(record.m)) return undefined;
    return record;
  } catch {
    return undefined;
  }
}

export function readJournal(path: string): JournalReadResult {
  let data: Buffer;
  try {
    data = fs.readFileSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { records: [], validBytes: 0, droppedBytes: 0 };
    throw error;
  }
  const records: JournalRecord[] = [];
  let offset = 0;
  let lastSeq = -Infinity;
  while (offset < data.length) {
    const end = data.indexOf(NEWLINE, offset);
    // A line without its newline was cut mid-write.
    const record = end === -1 ? undefined : parseLine(data.subarray(offset, end));
    if (!record || record.s <= lastSeq) {
      if (end !== -1 && hasValidRecordAfter(data, end + 1)) throw new JournalCorruptError(path, offset);
      return { records, validBytes: offset, droppedBytes: data.length - offset };
    }
    records.push(record);
    lastSeq = record.s;
    offset = (end as number) + 1;
  }
  return { records, validBytes: offset, droppedBytes: 0 };
}

function hasValidRecordAfter(data: Buffer, from: number): boolean {
  let offset = from;
  while (offset < data.length) {
    const end = data.indexOf(NEWLINE, offset);
    if (end === -1) return false;
    if (parseLine(data.subarray(offset, end))) return true;
    offset = end + 1;
  }
  return false;
}

export function encodeRecord(record: JournalRecord): Buffer {
  return encodeRecordJson(JSON.stringify(record));
}

/** A journal line from a record already written as JSON. */
export function encodeRecordJson(recordJson: string): Buffer {
  const json = Buffer.from(recordJson, 'utf8');
  const line = Buffer.allocUnsafe(json.length + 10);
  line.write(crc32Hex(json), 0, 'latin1');
  line[8] = 0x20;
  json.copy(line, 9);
  line[line.length - 1] = NEWLINE;
  return line;
}

/** Appends records to an open journal file. */
export class Journal {
  private fd: number;
  private bytes: number;
  private broken: Error | undefined;

  constructor(
    readonly path: string,
    validBytes: number,
    private readonly fsync: boolean,
  ) {
    if (!fs.existsSync(path)) fs.writeFileSync(path, '');
    this.fd = fs.openSync(path, 'r+');
    // Drop a torn tail before anything new is appended after it.
    if (fs.fstatSync(this.fd).size !== validBytes) {
      fs.ftruncateSync(this.fd, validBytes);
      if (fsync) fs.fsyncSync(this.fd);
    }
    this.bytes = validBytes;
  }

  get size(): number {
    return this.bytes;
  }

  /**
   * Writes one record into the file (the OS holds it: it survives a killed process). It is on
   * disk only after the next sync(), which the engine runs once for all records of a tick.
   */
  append(record: JournalRecord): void {
    this.appendLine(encodeRecord(record));
  }

  /** append() of a record given as its JSON (the engine joins documents it encoded already). */
  appendJson(recordJson: string): void {
    this.appendLine(encodeRecordJson(recordJson));
  }

  private appendLine(line: Buffer): void {
    if (this.broken) throw this.broken;
    let written = 0;
    try {
      while (written < line.length) written += fs.writeSync(this.fd, line, written, line.length - written, this.bytes + written);
    } catch (error) {
      // Cut off a partial line so the journal stays a clean sequence of records.
      try {
        fs.ftruncateSync(this.fd, this.bytes);
      } catch (truncateError) {
        this.broken = new Error(`journal ${this.path} could not be repaired after a failed write (${(truncateError as Error).message}); reopen the database`);
      }
      throw error;
    }
    this.bytes += line.length;
  }

  /** fdatasync: every record appended so far is on disk once this returns (a no-op with fsync off). */
  sync(): void {
    if (this.broken) throw this.broken;
    if (!this.fsync || this.fd < 0) return;
    try {
      fs.fdatasyncSync(this.fd);
    } catch (error) {
      // What the kernel failed to write is unknown: nothing more may be acknowledged (as databases do on fsync failure).
      this.broken = new Error(`journal ${this.path} could not be synced (${(error as Error).message}); reopen the database`);
      throw this.broken;
    }
  }

  /**
   * fdatasync in libuv's thread pool: every record appended before the call is on disk when `done`
   * is called without an error. Records appended meanwhile may or may not be: the next sync covers them.
   */
  syncAsync(done: (error?: Error) => void): void {
    if (this.broken) return done(this.broken);
    if (!this.fsync || this.fd < 0) return done();
    fs.fdatasync(this.fd, (error) => {
      if (!error) return done();
      // What the kernel failed to write is unknown: nothing more may be acknowledged (as databases do on fsync failure).
      this.broken ??= new Error(`journal ${this.path} could not be synced (${error.message}); reopen the database`);
      done(this.broken);
    });
  }

  /** Empties the journal (after its records went into a snapshot). */
  reset(): void {
    if (this.broken) throw this.broken;
    fs.ftruncateSync(this.fd, 0);
    if (this.fsync) fs.fsyncSync(this.fd);
    this.bytes = 0;
  }

  close(): void {
    if (this.fd >= 0) {
      fs.closeSync(this.fd);
      this.fd = -1;
    }
  }
}
