/**
 * Unique indexes (`"unique": true` in cloudbase/database-indexes.json), enforced as CloudBase does:
 * no two documents of a collection may hold the same values in all of an index's fields, and a
 * missing field counts as `null`, so at most one document may lack it
 * (https://developers.weixin.qq.com/miniprogram/dev/wxcloudservice/wxcloud/guide/database/index.md
 * 唯一性限制; MongoDB: https://www.mongodb.com/docs/manual/core/index-unique/ "Unique Index and
 * Missing Field"). A write that would break one fails with MongoDB's E11000 duplicate key error,
 * which CloudBase reports as DATABASE_DUPLICATE_WRITE
 * (https://docs.cloudbase.net/en/error-code/DATABASE_DUPLICATE_WRITE: 写入失败，索引键重复 … 检查唯一索引字段是否有重复值).
 *
 * Checked on every commit (plain writes and transactions alike, before anything is journaled) and,
 * inside a transaction, already at the write that takes the key, against committed documents and
 * the transaction's own writes. Two transactions taking the same key both pass their write-time
 * check; the second to commit fails with a transaction conflict (MongoDB's WriteConflict on the
 * index key), and its re-run then meets the duplicate at the write.
 *
 * Values are compared as stored (strings, numbers, booleans, dates, null); an array field is
 * compared as a whole (multikey unique indexes are not used here).
 *
 * As CloudBase refuses to create a unique index over documents that already repeat a key, an
 * index whose collection is stored with repeated keys (written before it was declared, e.g.
 * bookings of an earlier version lacking `place`) is not in force: nothing is checked against it
 * until `create` finds the data free of repeats (the local start runs the migration its `after`
 * names first: local-cloud/unique-index-order.ts), exactly as the deploy creates it after that run.
 */
import { failure, type DatabaseFailure } from './errors';
import { splitPath } from './field-path';
import type { IndexDeclaration } from './indexes';
import { isDate, isPlainObject, type Doc, type DocId } from './values';

function valueAt(doc: Doc, path: readonly string[]): unknown {
  let current: unknown = doc;
  for (const segment of path) {
    if (!isPlainObject(current) || !Object.prototype.hasOwnProperty.call(current, segment)) return null;
    current = current[segment];
  }
  return current === undefined ? null : current;
}

const encode = (value: unknown): string => JSON.stringify(value, (_key, item: unknown) => (isDate(item) ? { $date: (item as Date).getTime() } : item));

export class UniqueIndex {
  private readonly paths: string[][];
  private readonly owners = new Map<string, DocId>();
  private readonly keyOfDoc = new Map<DocId, string>();
  /** False while stored documents repeat a key: the index does not exist yet (CloudBase would refuse to create it). */
  inForce = true;
  /** When not in force: how many stored documents repeat a key, and the first repeated key. */
  repeats: { count: number; key: string } | undefined;

  constructor(readonly declaration: IndexDeclaration) {
    this.paths = declaration.fields.map(({ field }) => splitPath(field));
  }

  keyOf(doc: Doc): string {
    return encode(this.paths.map((path) => valueAt(doc, path)));
  }

  /** The document holding `key` in committed data, if any. */
  ownerOf(key: string): DocId | undefined {
    return this.owners.get(key);
  }

  /** The key a committed document holds. */
  committedKeyOf(id: DocId): string | undefined {
    return this.keyOfDoc.get(id);
  }

  duplicate(key: string): DatabaseFailure {
    const shown = this.declaration.fields.map(({ field }, i) => `${field}: ${JSON.stringify((JSON.parse(key) as unknown[])[i])}`).join(', ');
    const error = failure('DATABASE_REQUEST_FAILED', `E11000 duplicate key error collection: ${this.declaration.collection} index: ${this.declaration.name} dup key: { ${shown} }`);
    (error as { code?: string }).code = 'DATABASE_DUPLICATE_WRITE';
    return error;
  }

  replace(id: DocId, after: Doc | undefined): void {
    const before = this.keyOfDoc.get(id);
    if (before !== undefined && this.owners.get(before) === id) this.owners.delete(before);
    this.keyOfDoc.delete(id);
    if (!after) return;
    const key = this.keyOf(after);
    this.keyOfDoc.set(id, key);
    // Data stored before the index existed may already repeat a key: the first holder keeps it.
    if (!this.owners.has(key)) this.owners.set(key, id);
  }

  /** Builds the index from a collection's documents; it is in force only when none repeats a key. */
  rebuild(docs: Iterable<Doc>): void {
    this.owners.clear();
    this.keyOfDoc.clear();
    let repeated = 0;
    let first: string | undefined;
    for (const doc of docs) {
      const key = this.keyOf(doc);
      if (this.owners.has(key)) {
        repeated++;
        first ??= key;
      }
      this.replace(doc._id as DocId, doc);
    }
    this.inForce = repeated === 0;
    this.repeats = first === undefined ? undefined : { count: repeated, key: first };
    if (!this.inForce) {
      this.owners.clear();
      this.keyOfDoc.clear();
    }
  }

  /** What a refused creation says: CloudBase's E11000 naming the first repeated key, and how many repeat. */
  refusal(): DatabaseFailure {
    const error = this.duplicate(this.repeats!.key);
    error.message = `${error.message} (${this.repeats!.count} stored document(s) repeat a key: the unique index is not created)`;
    return error;
  }

  /**
   * Throws the duplicate key error when the final state of a batch (`after`: every document the
   * batch changes, undefined for a removal) would leave two documents with one key. A document
   * that keeps the key it already held (stored before the index existed) is let through.
   */
  checkBatch(after: ReadonlyMap<DocId, Doc | undefined>): void {
    const taken = new Map<string, DocId>();
    for (const [id, doc] of after) {
      if (!doc) continue;
      const key = this.keyOf(doc);
      const inBatch = taken.get(key);
      if (inBatch !== undefined && inBatch !== id) throw this.duplicate(key);
      taken.set(key, id);
      if (this.keyOfDoc.get(id) === key) continue;
      const owner = this.owners.get(key);
      if (owner === undefined || owner === id) continue;
      // The holder gives the key up in this same batch.
      if (after.has(owner)) {
        const next = after.get(owner);
        if (!next || this.keyOf(next) !== key) continue;
      }
      throw this.duplicate(key);
    }
  }
}

export class UniqueIndexSet {
  private readonly byCollection = new Map<string, UniqueIndex[]>();

  constructor(declarations: readonly IndexDeclaration[]) {
    for (const declaration of declarations) {
      if (!declaration.unique) continue;
      const list = this.byCollection.get(declaration.collection) ?? [];
      list.push(new UniqueIndex(declaration));
      this.byCollection.set(declaration.collection, list);
    }
  }

  /** The indexes of a collection that are in force (created). */
  of(collection: string): readonly UniqueIndex[] {
    return (this.byCollection.get(collection) ?? []).filter((index) => index.inForce);
  }

  rebuild(collection: string, docs: () => Iterable<Doc>): void {
    for (const index of this.byCollection.get(collection) ?? []) index.rebuild(docs());
  }

  /** Declared unique indexes not in force, because stored documents repeat a key. */
  pending(): UniqueIndex[] {
    return [...this.byCollection.values()].flat().filter((index) => !index.inForce);
  }

  /**
   * Creates a pending index over the collection's documents, as CloudBase's createIndex does:
   * throws E11000 (and stays pending) when they still repeat a key.
   */
  create(collection: string, name: string, docs: Iterable<Doc>): void {
    const index = (this.byCollection.get(collection) ?? []).find((candidate) => candidate.declaration.name === name);
    if (!index) throw new Error(`no unique index ${collection}.${name} is declared`);
    if (index.inForce) return;
    index.rebuild(docs);
    if (!index.inForce) throw index.refusal();
  }

  replace(collection: string, id: DocId, after: Doc | undefined): void {
    for (const index of this.of(collection)) index.replace(id, after);
  }

  clear(): void {
    for (const indexes of this.byCollection.values()) for (const index of indexes) index.rebuild([]);
  }

  /** See UniqueIndex.checkBatch; `changes` are a batch's final documents per collection. */
  checkBatch(changes: ReadonlyMap<string, ReadonlyMap<DocId, Doc | undefined>>): void {
    for (const [collection, after] of changes) for (const index of this.of(collection)) index.checkBatch(after);
  }

  /**
   * A transaction's write of `doc` (id `id`): throws the duplicate key error when a committed
   * document other than those the transaction changed holds one of its keys, or another document
   * the transaction wrote does (`own`: the transaction's current view of the documents it wrote).
   */
  checkWrite(collection: string, id: DocId, doc: Doc, own: ReadonlyMap<DocId, Doc | undefined>): void {
    for (const index of this.of(collection)) {
      const key = index.keyOf(doc);
      if (index.committedKeyOf(id) === key) continue;
      for (const [otherId, other] of own) if (otherId !== id && other && index.keyOf(other) === key) throw index.duplicate(key);
      const owner = index.ownerOf(key);
      if (owner === undefined || owner === id) continue;
      if (own.has(owner)) {
        const next = own.get(owner);
        if (!next || index.keyOf(next) !== key) continue;
      }
      throw index.duplicate(key);
    }
  }
}
