/**
 * Embedded stand-in for the CloudBase database used by wx-server-sdk's `cloud.database()`:
 * in-memory collections, an append-only journal plus snapshots in a data directory, WeChat's
 * server-side query semantics and limits. See README.md beside this file.
 */
import type { DatabaseContext } from './collection-reference';
import { createDatabaseApi } from './database-api';
import { Engine, type ChangeListener, type OpenStats } from './engine';
import type { IndexDeclaration, QueryPlanStats } from './indexes';
import { roundTrips, toApiError } from './errors';
import { compileFilter, encodeQuery } from './query';
import { TransactionManager } from './transaction';
import type { CloudDatabase, DatabaseConfig } from './types';
import { deepClone } from './values';

export { command, DbRegExp, QueryCommand, ServerDate, UpdateCommand } from './commands';
export type { DatabaseCommand } from './commands';
export type { ChangeListener, ChangeType, DatabaseChange, OpenStats } from './engine';
export type { CloudSdkError } from './errors';
export { indexDeclarationsFrom } from './indexes';
export type { IndexDeclaration, IndexFile, QueryPlanStats } from './indexes';
export type * from './types';

export interface LocalDatabaseOptions {
  /** Directory holding snapshot.json, journal.log and LOCK (created if missing). */
  dir: string;
  /** fdatasync the journal before acknowledging writes (default true), once per tick for all of its commits (group commit). Off is still safe against process crashes, not power loss. */
  fsync?: boolean;
  /** Fail on collections never created, as CloudBase does (default false: created on first write). */
  strictCollections?: boolean;
  /** Roll back a transaction left open this long (default 30 000 ms). */
  transactionTimeoutMs?: number;
  /** Compact while running once the journal exceeds this many bytes and the snapshot size (default 8 MiB). */
  autoCompactBytes?: number;
  /** Compact on open when the journal exceeds this many bytes (default 1 MiB). */
  openCompactBytes?: number;
  /** Declared indexes (see indexes.ts); get() uses one when its filter and order fit. */
  indexes?: readonly IndexDeclaration[];
  /**
   * Strict index mode: in a collection holding more than this many documents, a get(), filtered
   * count(), update() or remove() that neither `_id` nor a declared index serves is refused
   * (default: off). The jest suite and the local cloud turn it on.
   */
  strictIndexesAbove?: number;
}

export interface LocalDatabase {
  /** What cloud.database() returns (collection, command, serverDate, RegExp, runTransaction, startTransaction). */
  api: CloudDatabase;
  /** cloud.database(config): same data, honouring { throwOnNotFound }. */
  database(config?: DatabaseConfig): CloudDatabase;
  onChange(listener: ChangeListener): () => void;
  collectionNames(): string[];
  /** Direct read used by the local cloud's realtime feed and admin pages: docs of a collection matching a Mongo-style or command query, already deep-copied. */
  find(collection: string, query?: unknown): Record<string, unknown>[];
  /** Remove every collection (used by the demo-data reset command). */
  clear(): Promise<void>;
  compact(): Promise<void>;
  close(): Promise<void>;
  /** How the last open went (documents loaded, journal records replayed, time taken). */
  readonly openStats: OpenStats;
  /** How the most recent get() found its documents (scan, ids or an index) and how many it examined. */
  lastQueryPlan(): QueryPlanStats | undefined;
  /**
   * Declared unique indexes not in force because stored documents repeat a key (CloudBase would
   * refuse to create them; unique-indexes.ts), with the `after` their declaration names.
   */
  pendingUniqueIndexes(): IndexDeclaration[];
  /** Creates a pending unique index, as CloudBase's createIndex: throws E11000 while stored documents still repeat a key. */
  createUniqueIndex(collection: string, name: string): void;
  /** fdatasyncs of the journal since open: with group commit, one per tick that had writes. */
  syncCount(): number;
  /** Runs a load that starts over when interrupted with one fdatasync at its end instead of one per commit. */
  bulkLoad<T>(load: () => Promise<T>): Promise<T>;
  /** Requests sent so far by every database of this process (see `roundTrips` in errors.ts): take the difference around an action. */
  roundTrips(): number;
  /** Calls `listener` with each request's API name as it is counted (the db bench's --trace); undefined stops it. */
  traceRoundTrips(listener: ((apiName: string) => void) | undefined): void;
}

/** Opens (or creates) a database directory. Synchronous so the local cloud can start quickly. */
export function openLocalDatabase(options: LocalDatabaseOptions): LocalDatabase {
  if (!options || typeof options.dir !== 'string' || options.dir === '') throw new Error('openLocalDatabase: options.dir is required');
  const engine = new Engine({
    dir: options.dir,
    fsync: options.fsync ?? true,
    autoCompactBytes: options.autoCompactBytes ?? 8 * 1024 * 1024,
    openCompactBytes: options.openCompactBytes ?? 1024 * 1024,
    indexes: options.indexes ?? [],
  });
  const transactions = new TransactionManager(options.transactionTimeoutMs ?? 30_000);
  const strictCollections = options.strictCollections ?? false;
  const strictIndexesAbove = options.strictIndexesAbove;
  const database = (config?: DatabaseConfig): CloudDatabase => {
    const context: DatabaseContext = { engine, strictCollections, throwOnNotFound: config?.throwOnNotFound ?? true, strictIndexesAbove };
    return createDatabaseApi(context, transactions);
  };
  return {
    api: database(),
    database,
    onChange: (listener) => engine.onChange(listener),
    collectionNames: () => engine.collectionNames(),
    find(collection, query) {
      try {
        engine.assertOpen();
        const compiled = compileFilter(encodeQuery(query, Date.now()));
        const found: Record<string, unknown>[] = [];
        for (const doc of engine.all(collection)) if (compiled.test(doc)) found.push(deepClone(doc));
        return found;
      } catch (error) {
        throw toApiError('find', error);
      }
    },
    clear: async () => engine.clear(),
    compact: async () => engine.compact(),
    close: async () => engine.close(),
    get openStats() {
      return engine.openStats;
    },
    lastQueryPlan: () => engine.lastQuery,
    roundTrips: () => roundTrips.count,
    traceRoundTrips: (listener) => {
      roundTrips.listener = listener;
    },
    syncCount: () => engine.syncCount,
    pendingUniqueIndexes: () => engine.pendingUniqueIndexes(),
    createUniqueIndex: (collection, name) => engine.createUniqueIndex(collection, name),
    bulkLoad: (load) => engine.bulkLoad(load),
  };
}
