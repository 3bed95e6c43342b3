/**
 * The storage engine: collections held in memory, every committed batch appended to the journal
 * before it is applied, snapshots for compaction, and the change feed.
 *
 * All engine methods are synchronous. A batch is therefore applied atomically with respect to
 * everything else in the process: nothing can interleave between the journal write and the
 * in-memory update. Stored documents are never mutated in place (updates replace them), which
 * lets transactions detect concurrent changes by object identity.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DirectoryLock } from './directory-lock';
import { takeEncodedDocument } from './document-data';
import { decodeDoc, encodeDoc } from './document-codec';
import { failure } from './errors';
import { IndexSet, MAX_INDEX_KEY_BYTES, type IndexDeclaration, type QueryPlanStats } from './indexes';
import { UniqueIndexSet } from './unique-indexes';
import { DocumentLocks } from './locks';
import { readSnapshot, syncDirectory, writeSnapshot } from './snapshot';
import { Journal, readJournal, type JournalRecord, type MutationKind } from './storage-log';
import { deepClone, type Doc, type DocId } from './values';

export const JOURNAL_FILE = 'journal.log';

export type ChangeType = MutationKind;

export interface DatabaseChange {
  collection: string;
  docId: DocId;
  type: ChangeType;
  /** Copy of the document after the change (absent for 'remove'). */
  doc?: Record<string, unknown>;
}

export type ChangeListener = (change: DatabaseChange) => void;

/** One change of a batch. `doc` is the complete new document (absent for remove). */
export type Mutation =
  | { collection: string; type: 'create' }
  | { collection: string; type: 'add' | 'update' | 'set'; id: DocId; doc: Doc }
  | { collection: string; type: 'remove'; id: DocId };

export interface EngineOptions {
  dir: string;
  fsync: boolean;
  /** Compact while running once the journal is larger than this and than the snapshot. */
  autoCompactBytes: number;
  /** Compact on open when the journal is larger than this. */
  openCompactBytes: number;
  /** Declared indexes (cloudbase/database-indexes.json), kept in step with every write. */
  indexes?: readonly IndexDeclaration[];
}

export interface OpenStats {
  docs: number;
  journalRecords: number;
  droppedBytes: number;
  compacted: boolean;
  ms: number;
}

interface SyncGroup {
  /** The last batch the group's sync covers (set when its fdatasync starts). */
  through: number;
  promise: Promise<void>;
  resolve: () => void;
  reject: (error: unknown) => void;
}

function newSyncGroup(): SyncGroup {
  let resolve!: () => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<void>((ok, fail) => {
    resolve = ok;
    reject = fail;
  });
  promise.catch(() => undefined); // every waiter gets the rejection; none is left unhandled
  return { through: 0, promise, resolve, reject };
}

export class Engine {
  private collections = new Map<string, Map<DocId, Doc>>();
  private readonly listeners = new Set<ChangeListener>();
  private seq = 0;
  private snapshotBytes = 0;
  private closed = false;
  private readonly journal: Journal;
  private readonly lock: DirectoryLock;
  readonly openStats: OpenStats;
  readonly indexes: IndexSet;
  readonly unique: UniqueIndexSet;
  /** How the most recent get() found its documents. */
  lastQuery: QueryPlanStats | undefined;
  /** Write locks of open transactions (transaction.ts); plain writes wait for them. */
  readonly locks = new DocumentLocks();
  /** The journal sequence of each document's last change since open (absent: unchanged since open). */
  private readonly versions = new Map<string, Map<DocId, number>>();
  /** The journal sequence of each collection's last change since open (a query's answer depends on all of it). */
  private readonly collectionVersions = new Map<string, number>();
  /** Every batch up to this one is on disk (synced, or there when the database was opened). */
  private syncedSeq = 0;
  /**
   * Group commit, pipelined: `syncing` is the fdatasync in flight (off the event loop, in libuv's
   * thread pool), `waiting` the group of records appended since it started, which the next sync
   * covers as soon as it ends. Every commit is acknowledged only after a sync that covers it; while
   * the disk syncs, the process keeps serving (a synchronous sync stopped every request for as long
   * as the disk took, tens of milliseconds on a busy machine).
   */
  private syncing: SyncGroup | undefined;
  private waiting: SyncGroup | undefined;
  private syncs = 0;

  constructor(private readonly options: EngineOptions) {
    const started = performance.now();
    fs.mkdirSync(options.dir, { recursive: true });
    this.lock = DirectoryLock.acquire(options.dir);
    try {
      const snapshot = readSnapshot(options.dir);
      let docs = 0;
      if (snapshot) {
        this.seq = snapshot.data.lastSeq;
        this.snapshotBytes = snapshot.bytes;
        for (const [name, encodedDocs] of snapshot.data.collections) {
          const collection = new Map<DocId, Doc>();
          for (const encoded of encodedDocs) {
            const doc = decodeDoc(encoded);
            collection.set(doc._id as DocId, doc);
          }
          docs += collection.size;
          this.collections.set(name, collection);
        }
      }
      const journalPath = path.join(options.dir, JOURNAL_FILE);
      const { records, validBytes, droppedBytes } = readJournal(journalPath);
      let replayed = 0;
      for (const record of records) {
        if (record.s <= this.seq) continue; // already in the snapshot (compaction was interrupted)
        this.applyRecord(record);
        this.seq = record.s;
        replayed++;
      }
      if (droppedBytes > 0) {
        console.warn(`[local-db] ${journalPath}: ignored an incomplete trailing record (${droppedBytes} bytes) left by an interrupted write`);
      }
      // Built once after loading and replay (a sort per list), then maintained write by write.
      this.indexes = new IndexSet(options.indexes ?? []);
      this.unique = new UniqueIndexSet(options.indexes ?? []);
      for (const name of this.collections.keys()) {
        this.indexes.rebuild(name, () => this.all(name));
        this.unique.rebuild(name, () => this.all(name));
      }
      for (const index of this.unique.pending()) {
        console.warn(
          `[local-db] unique index ${index.declaration.collection}.${index.declaration.name} is not in force: ${index.repeats?.count} stored document(s) repeat a key, so CloudBase would refuse to create it; it is created once they no longer do (createUniqueIndex)`,
        );
      }
      this.journal = new Journal(journalPath, validBytes, options.fsync);
      if (options.fsync) syncDirectory(options.dir);
      let compacted = false;
      if (this.journal.size > options.openCompactBytes) {
        this.compact();
        compacted = true;
      }
      this.syncedSeq = this.seq;
      this.openStats = { docs, journalRecords: replayed, droppedBytes, compacted, ms: performance.now() - started };
    } catch (error) {
      this.lock.release();
      throw error;
    }
  }

  private applyRecord(record: JournalRecord): void {
    for (const mutation of record.m) {
      if (mutation.t === 'create') this.collectionFor(mutation.c);
      else if (mutation.t === 'drop') this.collections.delete(mutation.c);
      else if (mutation.d !== undefined) this.collectionFor(mutation.c).set(mutation.i as DocId, decodeDoc(mutation.d));
      else this.collections.get(mutation.c)?.delete(mutation.i as DocId);
    }
  }

  private collectionFor(name: string): Map<DocId, Doc> {
    let collection = this.collections.get(name);
    if (!collection) {
      collection = new Map();
      this.collections.set(name, collection);
    }
    return collection;
  }

  assertOpen(): void {
    if (this.closed) throw failure('SYS_ERR', 'the local database is closed');
  }

  hasCollection(name: string): boolean {
    return this.collections.has(name);
  }

  collectionNames(): string[] {
    return [...this.collections.keys()].sort();
  }

  /** The sequence number of the last committed batch. */
  get sequence(): number {
    return this.seq;
  }

  /** The batch that last changed a document (0 when not since open): transactions compare it with their start. */
  versionOf(collection: string, id: DocId): number {
    return this.versions.get(collection)?.get(id) ?? 0;
  }

  private setVersion(collection: string, id: DocId, seq: number): void {
    let byId = this.versions.get(collection);
    if (!byId) this.versions.set(collection, (byId = new Map()));
    byId.set(id, seq);
  }

  /** The batch that last changed anything in a collection (0 when nothing since open). */
  collectionVersion(collection: string): number {
    return this.collectionVersions.get(collection) ?? 0;
  }

  /** The stored document (not a copy: callers must not mutate it). */
  get(collection: string, id: DocId): Doc | undefined {
    return this.collections.get(collection)?.get(id);
  }

  /** Stored documents in natural (insertion) order (not copies). */
  all(collection: string): Iterable<Doc> {
    return this.collections.get(collection)?.values() ?? [];
  }

  /** How many documents a collection holds. */
  size(collection: string): number {
    return this.collections.get(collection)?.size ?? 0;
  }

  onChange(listener: ChangeListener): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  /** How many fdatasyncs the journal has had since open (group commit: one per tick with writes). */
  get syncCount(): number {
    return this.syncs;
  }

  /** The pending group sync, if records were written since the last one. */
  durable(): Promise<void> | undefined {
    return (this.waiting ?? this.syncing)?.promise;
  }

  /**
   * Undefined when every batch up to `seq` is on disk, else the group sync that puts it there: a
   * read that saw the changes of batch `seq` answers after it, so nobody is shown a write that
   * could still be lost — and a read of data unchanged since the last sync answers at once.
   */
  durableThrough(seq: number): Promise<void> | undefined {
    if (seq <= this.syncedSeq || !this.options.fsync) return undefined;
    if (this.syncing && seq <= this.syncing.through) return this.syncing.promise;
    // Appended after the sync in flight started (or during a bulk load, which syncs at its end).
    return this.waiting?.promise;
  }

  /** Nesting depth of bulkLoad(): while above 0, commits are acknowledged without waiting for a sync. */
  private bulkLoads = 0;

  /**
   * Runs a load that starts over from nothing when interrupted (the demo data: its marker is
   * written last) without an fdatasync per commit, then syncs once. Never for people's writes.
   */
  async bulkLoad<T>(load: () => Promise<T>): Promise<T> {
    this.bulkLoads += 1;
    try {
      return await load();
    } finally {
      this.bulkLoads -= 1;
      if (this.bulkLoads === 0 && this.options.fsync && !this.closed) {
        this.journal.sync();
        this.syncs++;
        this.syncedSeq = this.seq;
      }
    }
  }

  private groupSync(): Promise<void> {
    if (!this.options.fsync || this.bulkLoads > 0) return Promise.resolve();
    if (!this.waiting) {
      this.waiting = newSyncGroup();
      // The rest of this tick's commits join the group before its sync starts.
      if (!this.syncing) setImmediate(() => this.startSync());
    }
    return this.waiting.promise;
  }

  /** Starts the waiting group's fdatasync (one at a time); when it ends, the group is acknowledged and the next one starts. */
  private startSync(): void {
    const group = this.waiting;
    if (!group || this.syncing) return;
    this.waiting = undefined;
    if (this.closed) return group.resolve(); // close() synced it
    this.syncing = group;
    group.through = this.seq;
    this.journal.syncAsync((error) => {
      if (this.syncing === group) this.syncing = undefined;
      if (error) group.reject(failure('SYS_ERR', `could not sync the journal: ${error.message}`));
      else {
        this.syncs++;
        this.syncedSeq = Math.max(this.syncedSeq, group.through);
        group.resolve();
      }
      this.startSync();
    });
  }

  /** Synchronously syncs whatever is appended, acknowledging every group still pending (closing). */
  private syncNow(): void {
    const pending = [this.syncing, this.waiting].filter((group): group is SyncGroup => group !== undefined);
    this.syncing = undefined;
    this.waiting = undefined;
    if (pending.length === 0) return;
    try {
      this.journal.sync();
      this.syncs++;
      this.syncedSeq = this.seq;
      for (const group of pending) group.resolve();
    } catch (error) {
      for (const group of pending) group.reject(failure('SYS_ERR', `could not sync the journal: ${(error as Error).message}`));
    }
  }

  /**
   * Journals a batch (written to the file at once, synced with the rest of the tick's commits)
   * and applies it to memory; the promise resolves once the batch is on disk — only then may
   * the write be acknowledged. Throws (changing nothing) if the journal write fails.
   */
  commit(mutations: readonly Mutation[]): Promise<void> {
    this.assertOpen();
    if (mutations.length === 0) return this.durable() ?? Promise.resolve();
    for (const mutation of mutations) {
      if (mutation.type === 'create' || mutation.type === 'remove') continue;
      const oversized = this.indexes.oversizedKey(mutation.collection, mutation.doc);
      if (oversized) {
        throw failure(
          'DATABASE_REQUEST_FAILED',
          `${mutation.collection}/${String(mutation.id)}: the indexed field "${oversized.field}" holds ${oversized.bytes} bytes; CloudBase indexes at most ${MAX_INDEX_KEY_BYTES} bytes per field`,
        );
      }
    }
    this.checkUnique(mutations);
    const seq = this.seq + 1;
    // The record { s, m: JournalMutation[] } written out directly: each document's JSON was made by its size check.
    const encoded = mutations.map((mutation) => {
      const head = `{"c":${JSON.stringify(mutation.collection)},"t":"${mutation.type}"`;
      if (mutation.type === 'create') return `${head}}`;
      if (mutation.type === 'remove') return `${head},"i":${JSON.stringify(mutation.id)}}`;
      return `${head},"i":${JSON.stringify(mutation.id)},"d":${takeEncodedDocument(mutation.doc)}}`;
    });
    try {
      this.journal.appendJson(`{"s":${seq},"m":[${encoded.join(',')}]}`);
    } catch (error) {
      throw failure('SYS_ERR', `could not write the journal: ${(error as Error).message}`);
    }
    this.seq = seq;
    for (const mutation of mutations) {
      const collection = this.collectionFor(mutation.collection);
      this.collectionVersions.set(mutation.collection, seq);
      if (mutation.type === 'create') continue;
      this.setVersion(mutation.collection, mutation.id, seq);
      this.indexes.replace(mutation.collection, mutation.id, mutation.type === 'remove' ? undefined : mutation.doc, seq);
      this.unique.replace(mutation.collection, mutation.id, mutation.type === 'remove' ? undefined : mutation.doc);
      if (mutation.type === 'remove') collection.delete(mutation.id);
      else collection.set(mutation.id, mutation.doc);
    }
    this.notify(mutations);
    const synced = this.groupSync();
    if (this.journal.size > Math.max(this.options.autoCompactBytes, this.snapshotBytes)) {
      try {
        this.compact();
      } catch (error) {
        // The batch is in the journal already (synced with its group); compaction can wait for the next try.
        console.warn(`[local-db] compaction failed: ${(error as Error).message}`);
      }
    }
    return synced;
  }

  /** Declared unique indexes not in force because stored documents repeat a key (`{ collection, name, after? }`). */
  pendingUniqueIndexes(): IndexDeclaration[] {
    return this.unique.pending().map((index) => index.declaration);
  }

  /** Creates a pending unique index as CloudBase would: E11000 when stored documents still repeat a key. */
  createUniqueIndex(collection: string, name: string): void {
    this.assertOpen();
    this.unique.create(collection, name, this.all(collection));
  }

  /** A batch that would leave two documents with one key of a unique index fails whole (E11000). */
  private checkUnique(mutations: readonly Mutation[]): void {
    let changes: Map<string, Map<DocId, Doc | undefined>> | undefined;
    for (const mutation of mutations) {
      if (mutation.type === 'create' || this.unique.of(mutation.collection).length === 0) continue;
      changes ??= new Map();
      let after = changes.get(mutation.collection);
      if (!after) changes.set(mutation.collection, (after = new Map()));
      after.set(mutation.id, mutation.type === 'remove' ? undefined : mutation.doc);
    }
    if (changes) this.unique.checkBatch(changes);
  }

  private notify(mutations: readonly Mutation[]): void {
    if (this.listeners.size === 0) return;
    for (const mutation of mutations) {
      if (mutation.type === 'create') continue;
      const change: DatabaseChange = { collection: mutation.collection, docId: mutation.id, type: mutation.type };
      for (const listener of [...this.listeners]) {
        const delivered = mutation.type === 'remove' ? { ...change } : { ...change, doc: deepClone(mutation.doc) };
        try {
          listener(delivered);
        } catch (error) {
          console.error('[local-db] change listener failed:', error);
        }
      }
    }
  }

  /** Writes everything into a new snapshot and empties the journal. */
  compact(): void {
    this.assertOpen();
    const collections: Array<[string, unknown[]]> = [];
    for (const [name, docs] of this.collections) collections.push([name, [...docs.values()].map(encodeDoc)]);
    this.snapshotBytes = writeSnapshot(this.options.dir, { lastSeq: this.seq, collections }, this.options.fsync);
    this.journal.reset();
  }

  /** Drops every collection, durably (an empty snapshot replaces the old one). */
  clear(): void {
    this.assertOpen();
    const removed: Mutation[] = [];
    for (const [name, docs] of this.collections) {
      for (const id of docs.keys()) removed.push({ collection: name, type: 'remove', id });
    }
    this.seq += 1;
    for (const mutation of removed) if (mutation.type === 'remove') this.setVersion(mutation.collection, mutation.id, this.seq);
    for (const name of this.collections.keys()) this.collectionVersions.set(name, this.seq);
    this.snapshotBytes = writeSnapshot(this.options.dir, { lastSeq: this.seq, collections: [] }, this.options.fsync);
    this.syncedSeq = this.seq;
    this.journal.reset();
    this.collections = new Map();
    this.indexes.clear();
    this.unique.clear();
    this.notify(removed);
  }

  close(): void {
    if (this.closed) return;
    // Writes waiting for their group sync get it before the file closes.
    this.syncNow();
    this.closed = true;
    this.listeners.clear();
    this.journal.close();
    this.lock.release();
  }
}
