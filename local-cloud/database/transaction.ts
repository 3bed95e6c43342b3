/**
 * runTransaction() / startTransaction(), as CloudBase runs them (MongoDB transactions underneath).
 *
 * - Document operations by id only (collection.add, doc().get/set/update/remove), on as many
 *   documents as needed; queries built inside a transaction reject, as on CloudBase
 *   (https://developers.weixin.qq.com/miniprogram/dev/wxcloudservice/wxcloud/reference-sdk-api/database/Database.runTransaction.md:
 *   只允许进行单记录操作，不允许进行批量操作，但可以在一个事务中对多个记录进行操作).
 * - Transactions run concurrently. The first to write a document holds it (locks.ts) until it
 *   ends; another transaction writing it fails at once with DATABASE_TRANSACTION_CONFLICT, and so
 *   does a transaction writing a document changed by anyone since it started. A plain write to a
 *   held document waits for the transaction to end. Reads never block.
 * - runTransaction re-runs its callback on a conflict — thrown by a write inside the callback or
 *   by the commit — as @cloudbase/database 1.4.3 does (dist/commonjs/transaction/index.js: `times`
 *   defaults to 3 and the callback runs at most `times` + 1 times; any other error is not retried).
 * - Writes are buffered and applied at commit as one journal record; reads see the transaction's
 *   own writes.
 * - A transaction neither committed nor rolled back within `timeoutMs` (CloudBase: 30 s,
 *   https://docs.cloudbase.net/en/error-code/DATABASE_TRANSACTION_FAIL) is rolled back and its
 *   locks freed; using it afterwards fails.
 */
import { checkReadable, ensureCollection, type DatabaseContext } from './collection-reference';
import { checkDocumentSize } from './document-data';
import { duplicateKeyFailure, prepareAdd, prepareSet, requireData } from './document-writes';
import type { Mutation } from './engine';
import { countRoundTrip, DatabaseFailure, failure, notFoundError, runApi, TCB_ERR_CODE, toApiError } from './errors';
import { generateRequestId } from './ids';
import { docKey } from './locks';
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
  /** The stored document when the transaction first touched it. */
  base: Doc | undefined;
  /** What the transaction sees now, its own writes included. */
  current: Doc | undefined;
  lastWrite: WriteKind | undefined;
  /** How a document that did not exist at `base` came to exist (for the change feed type). */
  createdBy: 'add' | 'set' | undefined;
}

export const CONFLICT_CODE = 'DATABASE_TRANSACTION_CONFLICT';

export class TransactionConflict extends DatabaseFailure {
  readonly code = CONFLICT_CODE;

  constructor(collection: string, id: DocId, why: string) {
    // A signal runTransaction retries on, many per second under contention: its stack says nothing
    // (the API error the caller sees carries one), and capturing it was a noticeable share of the work.
    const limit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    try {
      super(TCB_ERR_CODE.SYS_ERR, `[${CONFLICT_CODE}] database transaction conflict: ${collection}/${String(id)} ${why}`);
    } finally {
      Error.stackTraceLimit = limit;
    }
  }
}

const ONLY_SINGLE_DOCUMENT =
  'only single-document operations are allowed in a transaction: collection.add and doc().get/set/update/remove (where(), get(), count(), update() and remove() on queries are not)';

class TransactionState {
  status: 'active' | 'committed' | 'aborted' | 'expired' = 'active';
  /** Set when the callback called transaction.rollback(reason). */
  rolledBack = false;
  abortReason: unknown;
  /** The write conflict that aborted it: every later use of the transaction fails with it again. */
  private conflicted: TransactionConflict | undefined;
  private requestId: string | undefined;
  /** Changes committed after this one are conflicts when it writes the same document. */
  private readonly startSeq: number;
  private readonly entries = new Map<string, Entry>();
  private readonly timer: NodeJS.Timeout;
  /** The last batch that changed a document this transaction read: its end waits until that is on disk. */
  private observed = 0;

  constructor(
    readonly context: DatabaseContext,
    timeoutMs: number,
  ) {
    this.startSeq = context.engine.sequence;
    this.timer = setTimeout(() => this.expire(timeoutMs), timeoutMs);
    this.timer.unref();
  }

  /** The request id commit() and rollback() answer with: made when first asked for (random bytes cost a system call). */
  get id(): string {
    this.requestId ??= generateRequestId();
    return this.requestId;
  }

  private expire(timeoutMs: number): void {
    if (this.status !== 'active') return;
    console.warn(`[local-db] transaction ${this.id} was neither committed nor rolled back within ${timeoutMs} ms: rolled back`);
    this.finish('expired');
  }

  private finish(status: 'committed' | 'aborted' | 'expired'): void {
    this.status = status;
    clearTimeout(this.timer);
    this.context.engine.locks.releaseAll(this.entries.keys(), this);
    this.entries.clear();
  }

  /**
   * Reads inside a transaction answer at once; what the transaction saw leaves it only when it
   * ends (its commit, its rollback, the error runTransaction rethrows), and that end waits for
   * this: every change it saw on disk (group commit), so nobody is shown a write that could be lost.
   */
  seenDurable(): Promise<void> | undefined {
    return this.context.engine.durableThrough(this.observed);
  }

  assertActive(): void {
    this.context.engine.assertOpen();
    if (this.status === 'active') return;
    if (this.conflicted) throw this.conflicted;
    const reason = this.status === 'expired' ? 'expired (it was open too long)' : this.status === 'committed' ? 'already committed' : 'rolled back';
    throw failure('SYS_ERR', `transaction ${this.id} is ${reason}`);
  }

  private entry(collection: string, id: DocId): Entry {
    const key = docKey(collection, id);
    let entry = this.entries.get(key);
    if (!entry) {
      const base = this.context.engine.get(collection, id);
      this.observed = Math.max(this.observed, this.context.engine.versionOf(collection, id));
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

  /** The server aborts a transaction on a write conflict: its locks are freed at once. */
  private conflict(collection: string, id: DocId, why: string): never {
    this.conflicted = new TransactionConflict(collection, id, why);
    this.finish('aborted');
    throw this.conflicted;
  }

  write(collection: string, id: DocId, doc: Doc | undefined, kind: WriteKind): void {
    this.assertActive();
    const { engine } = this.context;
    const key = docKey(collection, id);
    const holder = engine.locks.holder(key);
    if (holder !== undefined && holder !== this) this.conflict(collection, id, 'is being written by another transaction');
    if (holder === undefined) {
      if (engine.versionOf(collection, id) > this.startSeq) this.conflict(collection, id, 'was changed by another write after this transaction started');
    }
    // A key of a unique index held by a committed document, or by another document this transaction wrote, is refused at this write (E11000).
    if (doc !== undefined && engine.unique.of(collection).length > 0) engine.unique.checkWrite(collection, id, doc, this.writtenIn(collection));
    if (holder === undefined) engine.locks.take(key, this);
    const entry = this.entry(collection, id);
    if (entry.current === undefined && doc !== undefined) entry.createdBy = kind === 'set' ? 'set' : 'add';
    entry.current = doc;
    entry.lastWrite = kind;
  }

  /** The documents this transaction wrote in `collection`, as it sees them now. */
  private writtenIn(collection: string): Map<DocId, Doc | undefined> {
    const written = new Map<DocId, Doc | undefined>();
    for (const entry of this.entries.values()) if (entry.collection === collection && entry.lastWrite) written.set(entry.id, entry.current);
    return written;
  }

  /**
   * Applies every buffered write as one journal record, or throws without applying any; the
   * promise resolves once that record is on disk (group commit).
   */
  commit(): Promise<void> {
    this.assertActive();
    let synced: Promise<void>;
    try {
      synced = this.applyWrites();
    } catch (error) {
      // A failed commit ends the transaction, as the server aborts it.
      this.finish('aborted');
      throw error;
    }
    this.finish('committed');
    return synced;
  }

  private applyWrites(): Promise<void> {
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
    // A commit's own record comes after everything it read: its sync covers them.
    if (mutations.length === 0) return this.seenDurable() ?? Promise.resolve();
    try {
      return this.context.engine.commit(mutations);
    } catch (error) {
      // Another transaction committed a key of a unique index this one took meanwhile: MongoDB's
      // WriteConflict on the index key, so runTransaction re-runs it (and the re-run meets the duplicate).
      if ((error as { code?: unknown }).code === 'DATABASE_DUPLICATE_WRITE') {
        const first = mutations.find((mutation) => mutation.type !== 'create');
        this.conflict(first?.collection ?? '', first && 'id' in first ? first.id : '', 'took a unique index key another transaction committed first');
      }
      throw error;
    }
  }

  /** Ends it without writing anything; `reason` is set when the callback asked for it. */
  rollback(reason?: { reason: unknown }): void {
    if (this.status !== 'active') return;
    if (reason) {
      this.rolledBack = true;
      this.abortReason = reason.reason;
    }
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
    return runApi('transaction.commit', async () => {
      await this.state.commit();
      return { requestId: this.state.id };
    });
  }

  rollback(reason?: unknown): Promise<{ requestId: string }> {
    return runApi('transaction.rollback', async () => {
      this.state.assertActive();
      this.state.rollback({ reason });
      await this.state.seenDurable();
      return { requestId: this.state.id };
    });
  }
}

export class TransactionManager {
  constructor(private readonly timeoutMs: number) {}

  private begin(context: DatabaseContext): TransactionState {
    // database.startTransaction is one request of its own.
    countRoundTrip('startTransaction');
    context.engine.assertOpen();
    return new TransactionState(context, this.timeoutMs);
  }

  async startTransaction(context: DatabaseContext): Promise<TransactionApi> {
    try {
      return new Transaction(this.begin(context));
    } catch (error) {
      throw toApiError('startTransaction', error);
    }
  }

  async runTransaction<T>(context: DatabaseContext, callback: (transaction: TransactionApi) => T | Promise<T>, times = 3): Promise<T> {
    let state: TransactionState;
    try {
      state = this.begin(context);
    } catch (error) {
      throw toApiError('runTransaction', error);
    }
    let result: T;
    try {
      result = await callback(new Transaction(state));
    } catch (error) {
      // The SDK rolls back, then re-runs the callback on a conflict while `times` lasts, else rethrows
      // (the rollback reason if the callback rolled back).
      if (state.status === 'active') countRoundTrip('transaction.rollback');
      state.rollback();
      if (isConflict(error) && times > 0) return this.runTransaction(context, callback, times - 1);
      await state.seenDurable();
      throw state.rolledBack ? state.abortReason : error;
    }
    if (state.rolledBack) {
      await state.seenDurable();
      throw state.abortReason;
    }
    if (state.status === 'committed') return result;
    countRoundTrip('transaction.commit');
    let synced: Promise<void>;
    try {
      synced = state.commit();
    } catch (error) {
      state.rollback();
      if (isConflict(error) && times > 0) return this.runTransaction(context, callback, times - 1);
      await state.seenDurable();
      throw toApiError('transaction.commit', error);
    }
    try {
      await synced;
    } catch (error) {
      throw toApiError('transaction.commit', error);
    }
    return result;
  }
}

function isConflict(error: unknown): boolean {
  return error instanceof TransactionConflict || (typeof error === 'object' && error !== null && (error as { code?: unknown }).code === CONFLICT_CODE);
}
