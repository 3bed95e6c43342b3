/**
 * runTransaction() / startTransaction().
 *
 * - Only single-document operations are allowed (collection.add, doc().get/set/update/remove),
 *   as on CloudBase; queries built inside a transaction reject.
 * - Transactions run one at a time (a FIFO mutex held from start to commit/rollback).
 * - Writes are buffered in the transaction and applied as one journal record at commit; reads
 *   see the transaction's own writes.
 * - Plain (non-transactional) writes do not wait for the mutex. Instead commit checks that no
 *   document the transaction read or wrote changed meanwhile (stored documents are replaced,
 *   never mutated, so identity tells); if one did, commit fails with a conflict and
 *   runTransaction re-runs the callback, like the SDK does on DATABASE_TRANSACTION_CONFLICT.
 * - A transaction neither committed nor rolled back within `timeoutMs` is rolled back, so a
 *   forgotten startTransaction() cannot block the others forever.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { checkReadable, ensureCollection, type DatabaseContext } from './collection-reference';
import { checkDocumentSize } from './document-data';
import { duplicateKeyFailure, prepareAdd, prepareSet, requireData } from './document-writes';
import type { Mutation } from './engine';
import { DatabaseFailure, failure, notFoundError, roundTrips, runApi, TCB_ERR_CODE, toApiError } from './errors';
import { generateRequestId } from './ids';
import { Mutex } from './mutex';
import { compileProjection, normalizeFieldSpec } from './projection';
import type {
  AddResult,
  CountResult,
  DatabaseQuery,
  DocumentGetResult,
  GetResult,
  RemoveResult,
  SetResult,
  StoredDocument,
  Transaction as TransactionApi,
  TransactionCollectionReference as TransactionCollectionApi,
  TransactionDocumentReference as TransactionDocumentApi,
  UpdateResult,
  WriteOptions,
} from './types';
import { applyUpdate, encodeUpdate } from './update';
import { deepClone, isDocId, type Doc, type DocId } from './values';

type WriteKind = 'add' | 'set' | 'update' | 'remove';

interface Entry {
  collection: string;
  id: DocId;
  /** The stored document when the transaction first touched it (identity is compared at commit). */
  base: Doc | undefined;
  /** What the transaction sees now, its own writes included. */
  current: Doc | undefined;
  lastWrite: WriteKind | undefined;
  /** How a document that did not exist at `base` came to exist (for the change feed type). */
  createdBy: 'add' | 'set' | undefined;
}

export const CONFLICT_CODE = 'DATABASE_TRANSACTION_CONFLICT';

class TransactionConflict extends DatabaseFailure {
  readonly code = CONFLICT_CODE;

  constructor(collection: string, id: DocId) {
    super(TCB_ERR_CODE.SYS_ERR, `[${CONFLICT_CODE}] database transaction conflict: ${collection}/${String(id)} was changed by another write during the transaction`);
  }
}

const ONLY_SINGLE_DOCUMENT =
  'only single-document operations are allowed in a transaction: collection.add and doc().get/set/update/remove (where(), get(), count(), update() and remove() on queries are not)';

class TransactionState {
  status: 'active' | 'committed' | 'aborted' | 'expired' = 'active';
  abortReason: unknown;
  readonly id = generateRequestId();
  private readonly entries = new Map<string, Entry>();
  private readonly timer: NodeJS.Timeout;

  constructor(
    readonly context: DatabaseContext,
    private readonly release: () => void,
    timeoutMs: number,
  ) {
    this.timer = setTimeout(() => this.expire(timeoutMs), timeoutMs);
    this.timer.unref();
  }

  private expire(timeoutMs: number): void {
    if (this.status !== 'active') return;
    console.warn(`[local-db] transaction ${this.id} was neither committed nor rolled back within ${timeoutMs} ms: rolled back`);
    this.finish('expired');
  }

  private finish(status: 'committed' | 'aborted' | 'expired'): void {
    this.status = status;
    clearTimeout(this.timer);
    this.entries.clear();
    this.release();
  }

  assertActive(): void {
    this.context.engine.assertOpen();
    if (this.status === 'active') return;
    const reason = this.status === 'expired' ? 'expired (it was open too long)' : this.status === 'committed' ? 'already committed' : 'rolled back';
    throw failure('SYS_ERR', `transaction ${this.id} is ${reason}`);
  }

  private entry(collection: string, id: DocId): Entry {
    const key = `${collection}\u0000${typeof id}\u0000${String(id)}`;
    let entry = this.entries.get(key);
    if (!entry) {
      const base = this.context.engine.get(collection, id);
      entry = { collection, id, base, current: base, lastWrite: undefined, createdBy: undefined };
      this.entries.set(key, entry);
    }
    return entry;
  }

  read(collection: string, id: DocId): Doc | undefined {
    this.assertActive();
    checkReadable(this.context, collection);
    return this.entry(collection, id).current;
  }

  write(collection: string, id: DocId, doc: Doc | undefined, kind: WriteKind): void {
    const entry = this.entry(collection, id);
    if (entry.current === undefined && doc !== undefined) entry.createdBy = kind === 'set' ? 'set' : 'add';
    entry.current = doc;
    entry.lastWrite = kind;
  }

  /** Applies every buffered write as one journal record, or throws without applying any. */
  commit(): void {
    this.assertActive();
    try {
      this.applyWrites();
    } catch (error) {
      // A failed commit ends the transaction (and frees the mutex), as the server aborts it.
      this.finish('aborted');
      throw error;
    }
    this.finish('committed');
  }

  private applyWrites(): void {
    const { engine } = this.context;
    for (const entry of this.entries.values()) {
      if (engine.get(entry.collection, entry.id) !== entry.base) throw new TransactionConflict(entry.collection, entry.id);
    }
    const mutations: Mutation[] = [];
    const created = new Set<string>();
    for (const entry of this.entries.values()) {
      if (!entry.lastWrite) continue;
      const { collection, id, base, current } = entry;
      if (!current) {
        if (base) mutations.push({ collection, type: 'remove', id });
        continue;
      }
      if (!created.has(collection)) {
        created.add(collection);
        mutations.push(...ensureCollection(this.context, collection));
      }
      // Re-adding a document removed earlier in the transaction replaces it.
      const type = base ? (entry.lastWrite === 'update' ? 'update' : 'set') : (entry.createdBy ?? 'add');
      mutations.push({ collection, type, id, doc: current });
    }
    engine.commit(mutations);
  }

  rollback(reason: unknown): void {
    if (this.status !== 'active') return;
    this.abortReason = reason;
    this.finish('aborted');
  }
}

/** Same for every query method: transactions cannot run queries. */
class RejectingQuery implements DatabaseQuery {
  where(): DatabaseQuery {
    return this;
  }

  orderBy(): DatabaseQuery {
    return this;
  }

  skip(): DatabaseQuery {
    return this;
  }

  limit(): DatabaseQuery {
    return this;
  }

  field(): DatabaseQuery {
    return this;
  }

  get(): Promise<GetResult> {
    return runApi('collection.get', () => {
      throw failure('DATABASE_REQUEST_FAILED', ONLY_SINGLE_DOCUMENT);
    });
  }

  count(): Promise<CountResult> {
    return runApi('collection.count', () => {
      throw failure('DATABASE_REQUEST_FAILED', ONLY_SINGLE_DOCUMENT);
    });
  }

  update(): Promise<UpdateResult> {
    return runApi('collection.update', () => {
      throw failure('DATABASE_REQUEST_FAILED', ONLY_SINGLE_DOCUMENT);
    });
  }

  remove(): Promise<RemoveResult> {
    return runApi('collection.remove', () => {
      throw failure('DATABASE_REQUEST_FAILED', ONLY_SINGLE_DOCUMENT);
    });
  }
}

class TransactionDocumentReference implements TransactionDocumentApi {
  constructor(
    private readonly state: TransactionState,
    private readonly collectionName: string,
    readonly _id: DocId,
    private readonly projection: Record<string, unknown> | undefined,
  ) {}

  field(projection: object): TransactionDocumentApi {
    return new TransactionDocumentReference(this.state, this.collectionName, this._id, normalizeFieldSpec(projection));
  }

  get(): Promise<DocumentGetResult> {
    return runApi('document.get', () => {
      const doc = isDocId(this._id) ? this.state.read(this.collectionName, this._id) : undefined;
      if (!doc) {
        this.state.assertActive();
        if (this.state.context.throwOnNotFound) throw notFoundError('document.get', this._id);
        return { data: null, errMsg: 'document.get:ok' };
      }
      const projection = compileProjection(this.projection);
      return { data: (projection ? projection.apply(doc) : deepClone(doc)) as StoredDocument, errMsg: 'document.get:ok' };
    });
  }

  update(options: WriteOptions): Promise<UpdateResult> {
    return runApi('document.update', () => {
      const data = requireData(options);
      const ops = encodeUpdate(data, Date.now());
      const doc = isDocId(this._id) ? this.state.read(this.collectionName, this._id) : undefined;
      this.state.assertActive();
      if (!doc) return { stats: { updated: 0 }, errMsg: 'document.update:ok' };
      const next = applyUpdate(doc, ops);
      checkDocumentSize(next);
      this.state.write(this.collectionName, this._id, next, 'update');
      return { stats: { updated: 1 }, errMsg: 'document.update:ok' };
    });
  }

  set(options: WriteOptions): Promise<SetResult> {
    return runApi('document.set', () => {
      const data = requireData(options);
      const { id, doc } = prepareSet(this._id, data, Date.now());
      const existed = this.state.read(this.collectionName, id) !== undefined;
      this.state.write(this.collectionName, id, doc, 'set');
      // wx-server-sdk reads `upsertedId`, which the transactional set does not return, so
      // `created` is always 0 inside a transaction in production too.
      return { _id: id, stats: { updated: existed ? 1 : 0, created: 0 }, errMsg: 'document.set:ok' };
    });
  }

  remove(): Promise<RemoveResult> {
    return runApi('document.remove', () => {
      const exists = isDocId(this._id) && this.state.read(this.collectionName, this._id) !== undefined;
      this.state.assertActive();
      if (exists) this.state.write(this.collectionName, this._id, undefined, 'remove');
      return { stats: { removed: exists ? 1 : 0 }, errMsg: 'document.remove:ok' };
    });
  }

  delete(): Promise<RemoveResult> {
    return this.remove();
  }
}

class TransactionCollectionReference extends RejectingQuery implements TransactionCollectionApi {
  constructor(
    private readonly state: TransactionState,
    readonly collectionName: string,
  ) {
    super();
  }

  doc(id: DocId): TransactionDocumentApi {
    return new TransactionDocumentReference(this.state, this.collectionName, id, undefined);
  }

  add(options: { data: Record<string, unknown> }): Promise<AddResult> {
    return runApi('collection.add', () => {
      if (!options || typeof options !== 'object' || Array.isArray(options.data)) throw failure('INVALID_PARAM', 'add() in a transaction takes one document');
      const { id, doc } = prepareAdd(options.data, Date.now());
      if (this.state.read(this.collectionName, id) !== undefined) throw duplicateKeyFailure(this.collectionName, id);
      this.state.write(this.collectionName, id, doc, 'add');
      return { _id: id, errMsg: 'collection.add:ok' };
    });
  }
}

class Transaction implements TransactionApi {
  constructor(private readonly state: TransactionState) {}

  collection(name: string): TransactionCollectionApi {
    if (typeof name !== 'string' || name === '') throw new Error('Collection name is required');
    return new TransactionCollectionReference(this.state, name);
  }

  commit(): Promise<{ requestId: string }> {
    return runApi('transaction.commit', () => {
      this.state.commit();
      return { requestId: this.state.id };
    });
  }

  rollback(reason?: unknown): Promise<{ requestId: string }> {
    return runApi('transaction.rollback', () => {
      this.state.assertActive();
      this.state.rollback(reason);
      return { requestId: this.state.id };
    });
  }
}

export class TransactionManager {
  private readonly mutex = new Mutex();
  private readonly current = new AsyncLocalStorage<TransactionState>();

  constructor(private readonly timeoutMs: number) {}

  private async begin(context: DatabaseContext): Promise<TransactionState> {
    // database.startTransaction is one request of its own.
    roundTrips.count++;
    context.engine.assertOpen();
    // Waiting for the mutex from inside a transaction would wait for ourselves forever.
    if (this.current.getStore()?.status === 'active') throw failure('SYS_ERR', 'nested transactions are not supported');
    const release = await this.mutex.acquire();
    try {
      context.engine.assertOpen();
    } catch (error) {
      release();
      throw error;
    }
    return new TransactionState(context, release, this.timeoutMs);
  }

  async startTransaction(context: DatabaseContext): Promise<TransactionApi> {
    try {
      return new Transaction(await this.begin(context));
    } catch (error) {
      throw toApiError('startTransaction', error);
    }
  }

  async runTransaction<T>(context: DatabaseContext, callback: (transaction: TransactionApi) => T | Promise<T>, times = 3): Promise<T> {
    let state: TransactionState;
    try {
      state = await this.begin(context);
    } catch (error) {
      throw toApiError('runTransaction', error);
    }
    let result: T;
    try {
      result = await this.current.run(state, () => callback(new Transaction(state)));
    } catch (error) {
      // The SDK rolls back, then rethrows (or rejects with the rollback reason if the callback rolled back).
      const rolledBack = state.status === 'aborted';
      if (!rolledBack) roundTrips.count++;
      state.rollback(undefined);
      throw rolledBack ? state.abortReason : error;
    }
    if (state.status === 'aborted') throw state.abortReason;
    if (state.status === 'committed') return result;
    roundTrips.count++;
    try {
      state.commit();
    } catch (error) {
      state.rollback(undefined);
      if (error instanceof TransactionConflict && times > 0) return this.runTransaction(context, callback, times - 1);
      throw toApiError('transaction.commit', error);
    }
    return result;
  }
}
