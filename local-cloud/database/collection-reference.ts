/**
 * db.collection(name), its queries and doc(id) references: the non-transactional API.
 * Each operation runs synchronously against the engine once called, so it is atomic; a
 * multi-document where().update()/remove() is one journal record.
 */
import { isQueryCommand } from './commands';
import { encodeDoc } from './document-codec';
import { checkDocumentSize, documentBytes } from './document-data';
import { duplicateKeyFailure, prepareAdd, prepareSet, requireData } from './document-writes';
import type { Engine, Mutation } from './engine';
import { apiError, failure, notFoundError, parameterError, runApi, WX_DATABASE_QUERY_SIZE_EXCEED_LIMIT } from './errors';
import { docKey } from './locks';
import { compileProjection, normalizeFieldSpec } from './projection';
import { compileFilter, encodeQuery, type CompiledFilter } from './query';
import { sortDocuments, type SortKey } from './sort';
import type {
  AddManyResult,
  AddResult,
  CollectionReference as CollectionReferenceApi,
  CountResult,
  DatabaseQuery,
  DocumentGetResult,
  DocumentReference as DocumentReferenceApi,
  GetResult,
  OrderDirection,
  RemoveResult,
  SetResult,
  StoredDocument,
  UpdateResult,
  WriteOptions,
} from './types';
import { applyUpdate, encodeUpdate } from './update';
import { deepClone, isDocId, isPlainObject, type Doc, type DocId } from './values';

/** Server-side caps: 100 documents without limit(), at most 1000 with it. */
export const DEFAULT_GET_LIMIT = 100;
export const MAX_GET_LIMIT = 1000;
/** WeChat rejects a query answer above 1 MB. */
export const MAX_RESULT_BYTES = 1024 * 1024;

export interface DatabaseContext {
  readonly engine: Engine;
  /** When true, using a collection that was never created fails as on CloudBase. */
  readonly strictCollections: boolean;
  readonly throwOnNotFound: boolean;
  /**
   * Strict index mode: above this many documents in a collection, a query no declared index (nor
   * `_id`) serves is refused, so nothing that would scan in production passes locally. Off when undefined.
   */
  readonly strictIndexesAbove: number | undefined;
}

export function checkCollectionName(name: unknown): asserts name is string {
  if (typeof name !== 'string' || name === '') throw new Error('Collection name is required');
}

/** Reads of a collection that does not exist: empty, or CloudBase's error in strict mode. */
export function checkReadable(context: DatabaseContext, collection: string): void {
  context.engine.assertOpen();
  if (context.strictCollections && !context.engine.hasCollection(collection)) {
    throw failure('DATABASE_COLLECTION_NOT_EXIST', `[ResourceNotFound] Db or Table not exist: ${collection}`);
  }
}

/** CloudBase: each environment can create up to 100 collections (https://docs.cloudbase.net/en/faq/database). */
export const MAX_COLLECTIONS = 100;

/** Refuses to create one collection more than CloudBase allows. */
export function checkCollectionQuota(context: DatabaseContext, collection: string): void {
  if (context.engine.collectionNames().length >= MAX_COLLECTIONS) {
    throw failure('DATABASE_REQUEST_FAILED', `cannot create collection "${collection}": an environment holds at most ${MAX_COLLECTIONS} collections`);
  }
}

/** Mutations that create the collection first when a write needs it. */
export function ensureCollection(context: DatabaseContext, collection: string): Mutation[] {
  checkReadable(context, collection);
  if (context.engine.hasCollection(collection)) return [];
  checkCollectionQuota(context, collection);
  return [{ collection, type: 'create' }];
}

interface QueryState {
  filter: unknown;
  order: SortKey[];
  offset: number | undefined;
  limit: number | undefined;
  projection: Record<string, unknown> | undefined;
}

/** A query's where() compiled once: encoded with the call's time, then matched with mingo. */
function compiledWhere(filter: unknown, now: number): CompiledFilter {
  return compileFilter(encodeQuery(filter, now));
}

const describeOrder = (order: readonly SortKey[]): string => (order.length === 0 ? 'none' : order.map((key) => `${key.field} ${key.direction === 1 ? 'asc' : 'desc'}`).join(', '));

/** Strict index mode: refuses a query that would scan the collection in production (see DatabaseContext). */
export function checkIndexed(context: DatabaseContext, collection: string, compiled: CompiledFilter, order: readonly SortKey[], operation: string): void {
  const above = context.strictIndexesAbove;
  if (above === undefined || compiled.ids) return;
  const { engine } = context;
  if (engine.size(collection) <= above) return;
  if (engine.indexes.serves(collection, compiled.filter, order)) return;
  throw failure(
    'DATABASE_REQUEST_FAILED',
    `[STRICT_INDEX] no declared index serves this ${operation} on collection "${collection}": filter ${JSON.stringify(compiled.filter)}, sort ${describeOrder(order)}. ` +
      `Declare one in cloudbase/database-indexes.json (equality/in fields first, then the sort fields), or query by _id.`,
  );
}

function matchingDocs(context: DatabaseContext, collection: string, compiled: CompiledFilter): Doc[] {
  const { engine } = context;
  if (compiled.ids) {
    const found: Doc[] = [];
    for (const id of new Set(compiled.ids)) {
      const doc = engine.get(collection, id);
      if (doc && compiled.test(doc)) found.push(doc);
    }
    // Keep natural order, as a collection scan would.
    if (found.length < 2) return found;
    const wanted = new Set(found);
    return [...engine.all(collection)].filter((doc) => wanted.has(doc));
  }
  const found: Doc[] = [];
  for (const doc of engine.all(collection)) if (compiled.test(doc)) found.push(doc);
  return found;
}

/**
 * get(): through a declared index when one fits the filter and order (it walks documents in
 * the query's order and stops once `wanted` match), otherwise as matchingDocs + sort.
 */
function queryDocs(context: DatabaseContext, collection: string, compiled: CompiledFilter, order: readonly SortKey[], wanted: number): { docs: Doc[]; version: number } {
  const { engine } = context;
  if (!compiled.ids) {
    // Of the indexes that may serve the query, the one with the fewest entries to walk first (a
    // keyword's rarest character pair before the reader's whole feed), as MongoDB's plan race would.
    const candidates = engine.indexes
      .of(collection)
      .map((index) => ({ index, entries: index.entriesToWalk(compiled.filter, order) ?? Number.POSITIVE_INFINITY }))
      .sort((a, b) => a.entries - b.entries)
      .map(({ index }) => index);
    for (const index of candidates) {
      const found: Doc[] = [];
      let examined = 0;
      const used = index.walk(compiled.filter, order, (id) => {
        const doc = engine.get(collection, id);
        examined++;
        if (doc && compiled.test(doc)) found.push(doc);
        return found.length < wanted;
      });
      if (used) {
        engine.lastQuery = { collection, plan: `index:${index.declaration.name}`, docsExamined: examined, returned: found.length };
        return { docs: found, version: used.version };
      }
    }
  }
  const matches = matchingDocs(context, collection, compiled);
  engine.lastQuery = {
    collection,
    plan: compiled.ids ? 'ids' : 'scan',
    docsExamined: compiled.ids ? new Set(compiled.ids).size : engine.size(collection),
    returned: matches.length,
  };
  return { docs: sortDocuments(matches, order), version: answerVersion(context, collection, compiled) };
}

/**
 * The last batch that changed anything a query's answer depends on (what it returned, and what it
 * left out): the documents its `_id`s name, else the whole collection. Index walks know better
 * (only the documents filed under the keys they walk, see SortedIndex.walk).
 */
function answerVersion(context: DatabaseContext, collection: string, compiled: CompiledFilter): number {
  if (!compiled.ids) return context.engine.collectionVersion(collection);
  let version = 0;
  for (const id of compiled.ids) version = Math.max(version, context.engine.versionOf(collection, id));
  return version;
}

/**
 * Plain writes wait while an open transaction holds a document they change, then run against
 * what was committed (MongoDB, see locks.ts). `plan` finds the documents and returns how to apply.
 */
/**
 * A read's answer, given once every write it may have seen — up to batch `seq`, the last change of
 * what it read — is on disk (group commit, engine.ts).
 */
export function afterDurable<T>(context: DatabaseContext, seq: number, value: T): T | Promise<T> {
  const pending = context.engine.durableThrough(seq);
  return pending ? pending.then(() => value) : value;
}

/** A document read depends on that document only (its absence included). */
const documentVersion = (context: DatabaseContext, collection: string, id: DocId): number => (isDocId(id) ? context.engine.versionOf(collection, id) : 0);

async function whenUnlocked<T>(context: DatabaseContext, collection: string, plan: () => { ids: readonly DocId[]; apply: () => T | Promise<T> }): Promise<T> {
  const { locks } = context.engine;
  for (;;) {
    const { ids, apply } = plan();
    const waiting = locks.size === 0 ? undefined : locks.waitFor(ids.map((id) => docKey(collection, id)));
    if (!waiting) return apply();
    await waiting;
    context.engine.assertOpen();
  }
}

function checkInteger(name: string, value: unknown): asserts value is number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) throw parameterError(`${name} must be a non-negative integer`);
}

export class Query implements DatabaseQuery {
  constructor(
    protected readonly context: DatabaseContext,
    readonly collectionName: string,
    protected readonly state: QueryState = { filter: undefined, order: [], offset: undefined, limit: undefined, projection: undefined },
  ) {}

  protected with(changes: Partial<QueryState>): Query {
    return new Query(this.context, this.collectionName, { ...this.state, ...changes });
  }

  where(query: object): DatabaseQuery {
    // Same synchronous checks as the SDK's where().
    if (isQueryCommand(query)) return this.with({ filter: query });
    if (!isPlainObject(query)) throw parameterError('query must be an object');
    const keys = Object.keys(query);
    if (keys.length > 0 && keys.every((key) => query[key] === undefined)) throw parameterError('query values must not all be undefined');
    return this.with({ filter: query });
  }

  orderBy(fieldPath: string, direction: OrderDirection): DatabaseQuery {
    if (typeof fieldPath !== 'string' || fieldPath === '') throw parameterError('orderBy field path must be a non-empty string');
    if (direction !== 'asc' && direction !== 'desc') throw parameterError('orderBy direction must be "asc" or "desc"');
    const key: SortKey = { field: fieldPath, direction: direction === 'desc' ? -1 : 1 };
    // The SDK keeps orders in an object: ordering the same field again replaces it in place.
    const order = this.state.order.some((item) => item.field === fieldPath)
      ? this.state.order.map((item) => (item.field === fieldPath ? key : item))
      : [...this.state.order, key];
    return this.with({ order });
  }

  skip(offset: number): DatabaseQuery {
    checkInteger('offset', offset);
    return this.with({ offset });
  }

  limit(max: number): DatabaseQuery {
    checkInteger('limit', max);
    return this.with({ limit: max });
  }

  field(projection: object): DatabaseQuery {
    return this.with({ projection: normalizeFieldSpec(projection) });
  }

  get(): Promise<GetResult> {
    return runApi('collection.get', () => {
      checkReadable(this.context, this.collectionName);
      const projection = compileProjection(this.state.projection);
      const offset = this.state.offset ?? 0;
      // limit(0) counts as "no limit" in the SDK (it only sends a truthy limit).
      const limit = this.state.limit ? Math.min(this.state.limit, MAX_GET_LIMIT) : DEFAULT_GET_LIMIT;
      const compiled = compiledWhere(this.state.filter, Date.now());
      checkIndexed(this.context, this.collectionName, compiled, this.state.order, 'get()');
      const { docs: sorted, version } = queryDocs(this.context, this.collectionName, compiled, this.state.order, offset + limit);
      const page = sorted.slice(offset, offset + limit);
      const data = page.map((doc) => (projection ? projection.apply(doc) : deepClone(doc))) as StoredDocument[];
      // The answer's JSON is `[doc,doc,…]`; field() only ever leaves fields out, so the whole
      // documents' size bounds it, and the projected answer is measured only past the limit.
      let bytes = page.reduce((sum, doc) => sum + documentBytes(doc), 0) + Math.max(1, page.length) + 1;
      if (bytes > MAX_RESULT_BYTES && projection) bytes = Buffer.byteLength(JSON.stringify(data.map((doc) => encodeDoc(doc))), 'utf8');
      if (bytes > MAX_RESULT_BYTES) {
        throw apiError('collection.get', WX_DATABASE_QUERY_SIZE_EXCEED_LIMIT, `the result is ${bytes} bytes; use limit() or field() to return less`);
      }
      return afterDurable(this.context, version, { data, errMsg: 'collection.get:ok' });
    });
  }

  count(): Promise<CountResult> {
    return runApi('collection.count', () => {
      checkReadable(this.context, this.collectionName);
      const compiled = compiledWhere(this.state.filter, Date.now());
      // Counting a whole collection reads its metadata; a filtered count walks an index like a get().
      if (Object.keys(compiled.filter).length > 0) checkIndexed(this.context, this.collectionName, compiled, [], 'count()');
      return afterDurable(this.context, answerVersion(this.context, this.collectionName, compiled), {
        total: matchingDocs(this.context, this.collectionName, compiled).length,
        errMsg: 'collection.count:ok',
      });
    });
  }

  update(options: WriteOptions): Promise<UpdateResult> {
    return runApi('collection.update', () => {
      const data = requireData(options);
      checkReadable(this.context, this.collectionName);
      const now = Date.now();
      const ops = encodeUpdate(data, now);
      // Every match is updated (skip/limit/orderBy do not apply, as on CloudBase).
      const compiled = compiledWhere(this.state.filter, now);
      checkIndexed(this.context, this.collectionName, compiled, [], 'update()');
      return whenUnlocked(this.context, this.collectionName, () => {
        const matches = matchingDocs(this.context, this.collectionName, compiled);
        return {
          ids: matches.map((doc) => doc._id as DocId),
          apply: async () => {
            if (matches.length === 0) {
              await afterDurable(this.context, answerVersion(this.context, this.collectionName, compiled), undefined);
              return { stats: { updated: 0 }, errMsg: 'collection.update:ok' };
            }
            const mutations: Mutation[] = matches.map((doc) => {
              const next = applyUpdate(doc, ops);
              checkDocumentSize(next);
              return { collection: this.collectionName, type: 'update', id: doc._id as DocId, doc: next };
            });
            await this.context.engine.commit(mutations);
            return { stats: { updated: matches.length }, errMsg: 'collection.update:ok' };
          },
        };
      });
    });
  }

  remove(): Promise<RemoveResult> {
    return runApi('collection.remove', () => {
      checkReadable(this.context, this.collectionName);
      const compiled = compiledWhere(this.state.filter, Date.now());
      checkIndexed(this.context, this.collectionName, compiled, [], 'remove()');
      return whenUnlocked(this.context, this.collectionName, () => {
        const matches = matchingDocs(this.context, this.collectionName, compiled);
        return {
          ids: matches.map((doc) => doc._id as DocId),
          apply: async () => {
            if (matches.length === 0) await afterDurable(this.context, answerVersion(this.context, this.collectionName, compiled), undefined);
            else await this.context.engine.commit(matches.map((doc) => ({ collection: this.collectionName, type: 'remove', id: doc._id as DocId })));
            return { stats: { removed: matches.length }, errMsg: 'collection.remove:ok' };
          },
        };
      });
    });
  }
}

export class CollectionReference extends Query implements CollectionReferenceApi {
  constructor(context: DatabaseContext, collectionName: string) {
    checkCollectionName(collectionName);
    super(context, collectionName);
  }

  doc(id: DocId): DocumentReferenceApi {
    return new DocumentReference(this.context, this.collectionName, id, undefined);
  }

  add(options: { data: Record<string, unknown>[] }): Promise<AddManyResult>;
  add(options: { data: Record<string, unknown> }): Promise<AddResult>;
  add(options: { data: Record<string, unknown> | Record<string, unknown>[] }): Promise<AddResult | AddManyResult> {
    return runApi('collection.add', () => {
      if (!options || typeof options !== 'object') throw parameterError('options must be an object');
      const now = Date.now();
      const items = Array.isArray(options.data) ? options.data : [options.data];
      const prepared = items.map((item) => prepareAdd(item, now));
      return whenUnlocked(this.context, this.collectionName, () => ({
        ids: prepared.map((item) => item.id),
        apply: async () => {
          const mutations = ensureCollection(this.context, this.collectionName);
          const ids = new Set<DocId>();
          for (const { id, doc } of prepared) {
            if (ids.has(id) || this.context.engine.get(this.collectionName, id)) throw duplicateKeyFailure(this.collectionName, id);
            ids.add(id);
            mutations.push({ collection: this.collectionName, type: 'add', id, doc });
          }
          await this.context.engine.commit(mutations);
          const added = [...ids];
          return Array.isArray(options.data) ? { _ids: added, errMsg: 'collection.add:ok' } : { _id: added[0] as DocId, errMsg: 'collection.add:ok' };
        },
      }));
    });
  }
}

export class DocumentReference implements DocumentReferenceApi {
  constructor(
    private readonly context: DatabaseContext,
    private readonly collectionName: string,
    readonly _id: DocId,
    private readonly projection: Record<string, unknown> | undefined,
  ) {}

  field(projection: object): DocumentReferenceApi {
    return new DocumentReference(this.context, this.collectionName, this._id, normalizeFieldSpec(projection));
  }

  get(): Promise<DocumentGetResult> {
    return runApi('document.get', () => {
      checkReadable(this.context, this.collectionName);
      const doc = isDocId(this._id) ? this.context.engine.get(this.collectionName, this._id) : undefined;
      if (!doc) {
        const seen = documentVersion(this.context, this.collectionName, this._id);
        if (this.context.throwOnNotFound) {
          // Missing because of a remove not yet on disk: the refusal waits for it like an answer.
          const pending = this.context.engine.durableThrough(seen);
          if (!pending) throw notFoundError('document.get', this._id);
          return pending.then(() => {
            throw notFoundError('document.get', this._id);
          });
        }
        return afterDurable(this.context, seen, { data: null, errMsg: 'document.get:ok' });
      }
      const projection = compileProjection(this.projection);
      return afterDurable(this.context, documentVersion(this.context, this.collectionName, this._id), {
        data: (projection ? projection.apply(doc) : deepClone(doc)) as StoredDocument,
        errMsg: 'document.get:ok',
      });
    });
  }

  update(options: WriteOptions): Promise<UpdateResult> {
    return runApi('document.update', () => {
      const data = requireData(options);
      checkReadable(this.context, this.collectionName);
      const ops = encodeUpdate(data, Date.now());
      const id = this._id;
      return whenUnlocked(this.context, this.collectionName, () => {
        const doc = isDocId(id) ? this.context.engine.get(this.collectionName, id) : undefined;
        return {
          ids: doc ? [id] : [],
          apply: async () => {
            if (!doc) {
              await afterDurable(this.context, documentVersion(this.context, this.collectionName, id), undefined);
              return { stats: { updated: 0 }, errMsg: 'document.update:ok' };
            }
            const next = applyUpdate(doc, ops);
            checkDocumentSize(next);
            await this.context.engine.commit([{ collection: this.collectionName, type: 'update', id, doc: next }]);
            return { stats: { updated: 1 }, errMsg: 'document.update:ok' };
          },
        };
      });
    });
  }

  set(options: WriteOptions): Promise<SetResult> {
    return runApi('document.set', () => {
      const data = requireData(options);
      const { id, doc } = prepareSet(this._id, data, Date.now());
      return whenUnlocked(this.context, this.collectionName, () => ({
        ids: [id],
        apply: async () => {
          const mutations = ensureCollection(this.context, this.collectionName);
          const existed = this.context.engine.get(this.collectionName, id) !== undefined;
          mutations.push({ collection: this.collectionName, type: 'set', id, doc });
          await this.context.engine.commit(mutations);
          return { _id: id, stats: { updated: existed ? 1 : 0, created: existed ? 0 : 1 }, errMsg: 'document.set:ok' };
        },
      }));
    });
  }

  remove(): Promise<RemoveResult> {
    return runApi('document.remove', () => {
      checkReadable(this.context, this.collectionName);
      const id = this._id;
      return whenUnlocked(this.context, this.collectionName, () => {
        const exists = isDocId(id) && this.context.engine.get(this.collectionName, id) !== undefined;
        return {
          ids: exists ? [id] : [],
          apply: async () => {
            if (exists) await this.context.engine.commit([{ collection: this.collectionName, type: 'remove', id }]);
            else await afterDurable(this.context, documentVersion(this.context, this.collectionName, id), undefined);
            return { stats: { removed: exists ? 1 : 0 }, errMsg: 'document.remove:ok' };
          },
        };
      });
    });
  }
}
