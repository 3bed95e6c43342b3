/**
 * Declared indexes, as CloudBase has them (composite, each field ascending or descending; created
 * from cloudbase/database-indexes.json; see README.md). Locally an index is kept as one list per
 * value of its first field (an array field is indexed by each element, as a Mongo multikey
 * index), sorted by the remaining fields (plus an `_id` tie-break). A sorted get() whose filter
 * pins the first field (equality or `in`, lists merged), maybe further fields by equality, and
 * whose orderBy is the fields that follow, walks those lists from the range bound on the first
 * ordered field and stops once the page is full: it examines about as many documents as it
 * returns instead of the whole collection. `indexServes` says which queries CloudBase would serve
 * with an index (strict index mode refuses the others).
 *
 * The full filter is still tested on every document the walk reaches, so an index only ever
 * changes how many documents are examined, never which ones are returned or in what order.
 */
import { collectPathValues, plainValueAt, splitPath, THROUGH_ARRAY } from './field-path';
import type { Filter } from './query';
import { compareKeys, sortValue, type SortKey } from './sort';
import { isDate, isPlainObject, type Doc, type DocId } from './values';

export interface IndexField {
  field: string;
  direction: 1 | -1;
}

export interface IndexDeclaration {
  collection: string;
  name: string;
  /** The key field first, then the sort fields; the last one must be `_id` (it makes the order total). */
  fields: IndexField[];
  /** No two documents may hold the same values in all its fields (unique-indexes.ts). */
  unique?: boolean;
  /** What stored data needs before it can be created (config/index-prerequisites.ts), e.g. "booking.hallHousekeeping:places". */
  after?: string;
}

/** The shape of cloudbase/database-indexes.json: indexes by collection. */
export type IndexFile = Record<string, Array<{ name: string; unique?: boolean; after?: string; keys: IndexField[] }>>;

export function indexDeclarationsFrom(file: IndexFile): IndexDeclaration[] {
  return Object.entries(file).flatMap(([collection, indexes]) =>
    indexes.map((index) => ({ collection, name: index.name, fields: index.keys, ...(index.unique ? { unique: true } : {}), ...(index.after ? { after: index.after } : {}) })),
  );
}

interface Entry {
  id: DocId;
  values: unknown[];
  /** The type of each sort field's stored value ('array' when it is one, or reached through one). */
  types: string[];
}

/** How the last get() found its documents; tests and the bench read it to prove an index was used. */
export interface QueryPlanStats {
  collection: string;
  plan: 'scan' | 'ids' | `index:${string}`;
  docsExamined: number;
  returned: number;
}

/** Equality values an index can look up: scalars whose equality is plain `===` in Mongo too. */
function keyOf(value: unknown): string | undefined {
  if (typeof value === 'string') return `s:${value}`;
  if (typeof value === 'number' && !Number.isNaN(value)) return `n:${value}`;
  if (typeof value === 'boolean') return `b:${value}`;
  return undefined;
}

function typeNameOf(value: unknown): string {
  if (isDate(value)) return 'date';
  if (Array.isArray(value)) return 'array';
  if (value === null || value === undefined) return 'null';
  return typeof value;
}

/** Binary search: the first position in `list` whose entry is not before `probe`. */
function lowerBound(list: readonly Entry[], probe: (entry: Entry) => number): number {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (probe(list[middle] as Entry) < 0) low = middle + 1;
    else high = middle;
  }
  return low;
}

export class SortedIndex {
  private readonly keyPath: string[];
  private readonly sortPaths: Array<{ path: string[]; direction: 1 | -1 }>;
  private readonly lists = new Map<string, Entry[]>();
  private readonly entriesOf = new Map<DocId, { keys: string[]; entry: Entry }>();
  /**
   * The last batch that changed a document filed under each key (or took one out of it): a query
   * pinned to some keys depends on nothing else, so it need not wait for writes elsewhere in the
   * collection to reach the disk (absent: not since open).
   */
  private readonly listVersions = new Map<string, number>();
  /** Per sort position: how many documents hold each type of value there ('array' when reached through one). */
  private readonly typesAt: Array<Map<string, number>>;

  /** The declared fields but `_id`, split once (every write checks their size). */
  readonly indexedPaths: ReadonlyArray<{ field: string; path: string[] }>;

  constructor(readonly declaration: IndexDeclaration) {
    this.indexedPaths = declaration.fields.filter(({ field }) => field !== '_id').map(({ field }) => ({ field, path: splitPath(field) }));
    const [key, ...sort] = declaration.fields;
    if (!key) throw new Error(`index ${declaration.collection}.${declaration.name}: needs at least one field`);
    this.keyPath = splitPath(key.field);
    // The order inside one key value must be total, or a walk could not resume where it stopped.
    const total = sort.some((item) => item.field === '_id') ? sort : [...sort, { field: '_id', direction: 1 as const }];
    this.sortPaths = total.map((item) => ({ path: splitPath(item.field), direction: item.direction }));
    this.typesAt = this.sortPaths.map(() => new Map());
  }

  get keyField(): string {
    return this.declaration.fields[0]?.field as string;
  }

  /** The fields after the key, as walked (with the implicit `_id` tie-break when not declared). */
  get sortFields(): IndexField[] {
    return this.sortPaths.map((item) => ({ field: item.path.join('.'), direction: item.direction }));
  }

  private compare = (a: Entry, b: Entry): number => {
    for (let i = 0; i < this.sortPaths.length; i++) {
      const diff = compareKeys(a.values[i], b.values[i]);
      if (diff !== 0) return diff * (this.sortPaths[i] as { direction: number }).direction;
    }
    return 0;
  };

  private keysOf(doc: Doc): string[] {
    const plain = plainValueAt(doc, this.keyPath);
    if (plain !== THROUGH_ARRAY) {
      const key = keyOf(plain);
      return key === undefined ? [] : [key];
    }
    const reached = collectPathValues(doc, this.keyPath).flatMap((value) => (Array.isArray(value) ? value : [value]));
    const keys = new Set<string>();
    for (const value of reached) {
      const key = keyOf(value);
      if (key !== undefined) keys.add(key);
    }
    return [...keys];
  }

  private entryOf(doc: Doc): Entry {
    const types = this.sortPaths.map((sort) => {
      const plain = plainValueAt(doc, sort.path);
      if (plain !== THROUGH_ARRAY) return plain === undefined ? 'null' : typeNameOf(plain);
      const reached = collectPathValues(doc, sort.path);
      return reached.length === 1 ? typeNameOf(reached[0]) : reached.length === 0 ? 'null' : 'array';
    });
    return { id: doc._id as DocId, values: this.sortPaths.map((sort) => sortValue(doc, sort.path, sort.direction)), types };
  }

  private countTypes(entry: Entry, by: number): void {
    entry.types.forEach((name, i) => {
      const counts = this.typesAt[i] as Map<string, number>;
      const count = (counts.get(name) ?? 0) + by;
      if (count === 0) counts.delete(name);
      else counts.set(name, count);
    });
  }

  /** True when every indexed document holds a value of `type` at sort position `i` (so type-bracketed comparisons can seek). */
  private onlyTypeAt(i: number, type: string): boolean {
    const counts = this.typesAt[i] as Map<string, number>;
    return counts.size === 1 && counts.has(type);
  }

  private hasArraysAt(i: number): boolean {
    return (this.typesAt[i]?.get('array') ?? 0) > 0;
  }

  /**
   * Files a document under its keys: appended (`place` = 'append', the lists are sorted once
   * afterwards) while rebuilding, or at its sorted position for a single write.
   */
  private add(doc: Doc, place: 'append' | 'sorted'): void {
    const keys = this.keysOf(doc);
    if (keys.length === 0) return;
    const entry = this.entryOf(doc);
    this.entriesOf.set(entry.id, { keys, entry });
    this.countTypes(entry, 1);
    for (const key of keys) {
      let list = this.lists.get(key);
      if (!list) this.lists.set(key, (list = []));
      if (place === 'append') list.push(entry);
      else list.splice(lowerBound(list, (candidate) => this.compare(candidate, entry)), 0, entry);
    }
  }

  /** Builds from scratch: one sort per list instead of an insertion per document. */
  rebuild(docs: Iterable<Doc>): void {
    this.lists.clear();
    this.entriesOf.clear();
    for (const counts of this.typesAt) counts.clear();
    for (const doc of docs) this.add(doc, 'append');
    for (const list of this.lists.values()) list.sort(this.compare);
  }

  remove(id: DocId): void {
    const known = this.entriesOf.get(id);
    if (!known) return;
    this.entriesOf.delete(id);
    this.countTypes(known.entry, -1);
    for (const key of known.keys) {
      const list = this.lists.get(key);
      if (!list) continue;
      const at = lowerBound(list, (candidate) => this.compare(candidate, known.entry));
      if (list[at] === known.entry) list.splice(at, 1);
      else list.splice(list.indexOf(known.entry), 1); // cannot happen while the order is total
      if (list.length === 0) this.lists.delete(key);
    }
  }

  insert(doc: Doc): void {
    this.add(doc, 'sorted');
  }

  /**
   * Files the new version of a document. Most writes leave an index's fields alone (a booking's
   * status changes, not its account or end): then its entry stays where it is, without the
   * removal and sorted insertion in every list it sits in.
   */
  replace(id: DocId, after: Doc | undefined, seq: number): void {
    const known = this.entriesOf.get(id);
    if (known) for (const key of known.keys) this.listVersions.set(key, seq);
    if (after && known) {
      const keys = this.keysOf(after);
      const entry = this.entryOf(after);
      if (sameKeys(keys, known.keys) && this.sameEntry(entry, known.entry)) return;
    }
    this.remove(id);
    if (after) {
      this.insert(after);
      const filed = this.entriesOf.get(id);
      if (filed) for (const key of filed.keys) this.listVersions.set(key, seq);
    }
  }

  private sameEntry(a: Entry, b: Entry): boolean {
    for (let i = 0; i < this.sortPaths.length; i++) {
      if (a.types[i] !== b.types[i] || compareKeys(a.values[i], b.values[i]) !== 0) return false;
    }
    return true;
  }

  private listSize = (key: string): number => this.lists.get(key)?.length ?? 0;

  /**
   * How many entries a walk for this query would have in its lists, or undefined when the index
   * cannot serve it: what the planner compares to pick among indexes that all could.
   */
  entriesToWalk(filter: Filter, order: readonly SortKey[]): number | undefined {
    if (order.length === 0) return undefined;
    const clauses = topLevelClauses(filter);
    const keys = clauses && keyValuesFor(clauses, this.keyField, this.listSize);
    return keys?.reduce((sum, key) => sum + this.listSize(key), 0);
  }

  /**
   * Walks the documents the filter can match in the query's order, or returns false when this
   * index cannot serve the query: the key field must be pinned (equality or `in`), further
   * fields may be pinned by equality, and the order must be the fields that follow (a prefix of
   * them, in the declared directions or all reversed). `visit` returns false to stop the walk.
   */
  walk(filter: Filter, order: readonly SortKey[], visit: (id: DocId) => boolean): false | { version: number } {
    if (order.length === 0) return false; // unordered reads keep the collection's natural order (a scan)
    const clauses = topLevelClauses(filter);
    if (!clauses) return false;
    const keys = keyValuesFor(clauses, this.keyField, this.listSize);
    if (!keys) return false;
    const sortFields = this.sortFields;
    // Equality on the fields after the key narrows each list to one contiguous run (no arrays there).
    const pinned: unknown[] = [];
    while (pinned.length < sortFields.length && !this.hasArraysAt(pinned.length)) {
      const value = scalarEqualityFor(clauses, (sortFields[pinned.length] as IndexField).field);
      if (value === undefined || order.some((key) => key.field === (sortFields[pinned.length] as IndexField).field)) break;
      pinned.push(value);
    }
    const from = pinned.length;
    if (order.length > sortFields.length - from) return false;
    if (order.some((key, i) => key.field !== sortFields[from + i]?.field)) return false;
    // The declared directions, or all of them reversed (the index is walked backwards).
    const reversed = order.every((key, i) => key.direction !== sortFields[from + i]?.direction);
    if (!reversed && order.some((key, i) => key.direction !== sortFields[from + i]?.direction)) return false;
    // An array sorts by its smallest element ascending and its largest descending: the stored order
    // reversed is the reversed sort only when no array is involved.
    if (reversed && order.some((_key, i) => this.hasArraysAt(from + i))) return false;

    const prefix = (entry: Entry): number => {
      for (let i = 0; i < from; i++) {
        const diff = compareKeys(entry.values[i], pinned[i]) * (sortFields[i] as IndexField).direction;
        if (diff !== 0) return diff;
      }
      return 0;
    };
    const bounds = this.seekBounds(clauses, from);
    // In declared order, each list's run that can match is [lo, hi).
    const start = (entry: Entry): number => prefix(entry) || (bounds.start ? bounds.start(entry) : 1);
    const pastEnd = (entry: Entry): boolean => {
      const side = prefix(entry);
      return side > 0 || (side === 0 && bounds.beyond !== undefined && bounds.beyond(entry));
    };
    const cursors = keys.flatMap((key) => {
      const list = this.lists.get(key);
      if (!list) return [];
      const lo = from > 0 || bounds.start ? lowerBound(list, start) : 0;
      const hi = from > 0 || bounds.beyond ? lowerBound(list, (entry) => (pastEnd(entry) ? 1 : -1)) : list.length;
      return lo < hi ? [{ list, lo, hi, at: reversed ? hi - 1 : lo }] : [];
    });
    // Only documents filed under these keys can match: the answer depends on their lists alone.
    const walked = { version: keys.reduce((max, key) => Math.max(max, this.listVersions.get(key) ?? 0), 0) };
    const step = reversed ? -1 : 1;
    const seen = new Set<DocId>();
    for (;;) {
      let best: (typeof cursors)[number] | undefined;
      for (const cursor of cursors) {
        if (cursor.at < cursor.lo || cursor.at >= cursor.hi) continue;
        if (!best || this.compare(cursor.list[cursor.at] as Entry, best.list[best.at] as Entry) * step < 0) best = cursor;
      }
      if (!best) return walked;
      const entry = best.list[best.at] as Entry;
      best.at += step;
      if (seen.has(entry.id)) continue; // a multikey document sits in several of the merged lists
      seen.add(entry.id);
      if (!visit(entry.id)) return walked;
    }
  }

  /**
   * Range conditions on the first ordered field narrow the walk: where it starts, and where it
   * may stop. Mongo compares only values of the same type, so this is used only when every
   * indexed document holds a value of the bound's own type there (and no array) — then skipping
   * by the index order skips exactly the documents the condition rejects.
   */
  private seekBounds(clauses: Filter[], position: number): { start?: (entry: Entry) => number; beyond?: (entry: Entry) => boolean } {
    const first = this.sortFields[position];
    if (!first || first.field === '_id') return {};
    const conditions: Array<[string, unknown]> = [];
    for (const clause of clauses) {
      const value = clause[first.field];
      if (!isPlainObject(value) || Object.keys(clause).length !== 1) continue;
      for (const [operator, operand] of Object.entries(value)) {
        if (['$lt', '$lte', '$gt', '$gte'].includes(operator)) conditions.push([operator, operand]);
      }
    }
    if (conditions.length === 0) return {};
    const bounds: { start?: (entry: Entry) => number; beyond?: (entry: Entry) => boolean } = {};
    const ascending = first.direction === 1;
    for (const [operator, operand] of conditions) {
      const type = typeNameOf(operand);
      if (type === 'array' || type === 'null' || type === 'object' || !this.onlyTypeAt(position, type)) continue;
      const cmp = (entry: Entry) => compareKeys(entry.values[position], operand);
      // In walk order, "upper" conditions ($lt/$lte) cut the start when descending and the end when ascending.
      const isUpper = operator === '$lt' || operator === '$lte';
      const inclusive = operator === '$lte' || operator === '$gte';
      if (isUpper !== ascending) {
        // Skip everything the condition excludes at the front of the walk.
        bounds.start = ascending
          ? (entry) => (inclusive ? (cmp(entry) < 0 ? -1 : 1) : cmp(entry) <= 0 ? -1 : 1)
          : (entry) => (inclusive ? (cmp(entry) > 0 ? -1 : 1) : cmp(entry) >= 0 ? -1 : 1);
      } else {
        bounds.beyond = ascending ? (entry) => (inclusive ? cmp(entry) > 0 : cmp(entry) >= 0) : (entry) => (inclusive ? cmp(entry) < 0 : cmp(entry) <= 0);
      }
    }
    return bounds;
  }
}

const sameKeys = (a: readonly string[], b: readonly string[]): boolean => a.length === b.length && a.every((key, i) => key === b[i]);

/**
 * A query's filter is planned against every index of its collection (a dozen for bookings), and
 * each would split it into clauses again: they are worked out once per filter object.
 */
const clausesOfFilter = new WeakMap<Filter, Filter[] | undefined>();

/** The ANDed conditions of a filter, one per field where CloudBase's flattening made them so. */
function topLevelClauses(filter: Filter): Filter[] | undefined {
  if (clausesOfFilter.has(filter)) return clausesOfFilter.get(filter);
  const clauses = splitClauses(filter);
  clausesOfFilter.set(filter, clauses);
  return clauses;
}

function splitClauses(filter: Filter): Filter[] | undefined {
  if (Object.keys(filter).length === 0) return [];
  if (Array.isArray(filter.$and) && Object.keys(filter).length === 1) {
    const clauses: Filter[] = [];
    for (const clause of filter.$and) {
      if (!isPlainObject(clause)) return undefined;
      const nested = splitClauses(clause);
      if (!nested) return undefined;
      clauses.push(...nested);
    }
    return clauses;
  }
  return Object.entries(filter).map(([field, value]) => ({ [field]: value }));
}

/**
 * The index keys an equality, `in` or `all` on the key field allows, or undefined when the
 * filter does not pin it. Every document `all` matches holds each of its keys, so one key's list
 * holds them all: the shortest one (`sizeOf`), as MongoDB's plan race settles on the predicate
 * whose index scan ends first. Of several pinning clauses, the one with the fewest entries wins.
 */
function keyValuesFor(clauses: Filter[], field: string, sizeOf: (key: string) => number = () => 0): string[] | undefined {
  let narrowest: { keys: string[]; size: number } | undefined;
  for (const clause of clauses) {
    if (!Object.prototype.hasOwnProperty.call(clause, field) || Object.keys(clause).length !== 1) continue;
    const value = clause[field];
    let values: unknown[] | undefined;
    let all = false;
    if (isPlainObject(value)) {
      const operators = Object.keys(value);
      if (operators.length === 1 && operators[0] === '$eq') values = [value.$eq];
      else if (operators.length === 1 && operators[0] === '$in' && Array.isArray(value.$in)) values = value.$in;
      else if (operators.length === 1 && operators[0] === '$all' && Array.isArray(value.$all) && value.$all.length > 0) {
        values = value.$all;
        all = true;
      }
    } else {
      values = [value];
    }
    if (!values) continue;
    const keys = values.map(keyOf);
    if (keys.some((key) => key === undefined)) continue;
    let unique = [...new Set(keys as string[])];
    if (all) unique = [unique.reduce((best, key) => (sizeOf(key) < sizeOf(best) ? key : best))];
    const size = unique.reduce((sum, key) => sum + sizeOf(key), 0);
    if (!narrowest || size < narrowest.size || (size === narrowest.size && unique.length < narrowest.keys.length)) narrowest = { keys: unique, size };
  }
  return narrowest?.keys;
}

/** The value of a plain equality on `field` (string, number or boolean), if the filter has one. */
function scalarEqualityFor(clauses: Filter[], field: string): unknown {
  for (const clause of clauses) {
    if (!Object.prototype.hasOwnProperty.call(clause, field) || Object.keys(clause).length !== 1) continue;
    let value = clause[field];
    if (isPlainObject(value)) {
      const operators = Object.keys(value);
      if (operators.length !== 1 || operators[0] !== '$eq') continue;
      value = value.$eq;
    }
    if (keyOf(value) !== undefined) return value;
  }
  return undefined;
}

const constraintsOfClauses = new WeakMap<Filter[], Map<string, 'equal' | 'in' | 'range' | 'other'>>();

/** How each field of a filter is constrained, as a query planner sees it (top-level AND clauses only). */
function constraintsOf(clauses: Filter[]): Map<string, 'equal' | 'in' | 'range' | 'other'> {
  let found = constraintsOfClauses.get(clauses);
  if (!found) constraintsOfClauses.set(clauses, (found = findConstraints(clauses)));
  return found;
}

function findConstraints(clauses: Filter[]): Map<string, 'equal' | 'in' | 'range' | 'other'> {
  const found = new Map<string, 'equal' | 'in' | 'range' | 'other'>();
  const rank = { equal: 3, in: 2, range: 1, other: 0 } as const;
  for (const clause of clauses) {
    for (const [field, value] of Object.entries(clause)) {
      if (field.startsWith('$')) continue;
      let kind: 'equal' | 'in' | 'range' | 'other' = 'equal';
      if (isPlainObject(value) && !isDate(value)) {
        const operators = Object.keys(value);
        if (operators.every((operator) => ['$lt', '$lte', '$gt', '$gte'].includes(operator))) kind = 'range';
        else if (operators.length === 1 && (operators[0] === '$in' || operators[0] === '$all')) kind = 'in';
        else if (operators.length === 1 && operators[0] === '$eq') kind = 'equal';
        else kind = 'other';
      } else if (value instanceof RegExp) kind = 'other';
      const known = found.get(field);
      if (!known || rank[kind] > rank[known]) found.set(field, kind);
    }
  }
  return found;
}

/**
 * Whether an index with these fields serves a query, the way MongoDB (under CloudBase) plans it:
 * the filter pins a leading run of the index's fields by equality or `in`, the sort (leaving out
 * fields pinned by equality) is the fields that follow, all in the declared directions or all
 * reversed; with nothing pinned, the index still serves a range on its first field, or a read
 * of the whole collection in its order.
 */
export function indexServes(fields: readonly IndexField[], filter: Filter, order: readonly SortKey[]): boolean {
  const clauses = topLevelClauses(filter);
  if (!clauses) return false;
  const constraints = constraintsOf(clauses);
  let pinned = 0;
  while (pinned < fields.length) {
    const kind = constraints.get((fields[pinned] as IndexField).field);
    if (kind !== 'equal' && kind !== 'in') break;
    pinned++;
  }
  const sort = order.filter((key) => constraints.get(key.field) !== 'equal');
  if (sort.length > 0) {
    const following = fields.slice(pinned, pinned + sort.length);
    if (following.length !== sort.length || following.some((field, i) => field.field !== sort[i]?.field)) return false;
    const sameWay = following.every((field, i) => field.direction === sort[i]?.direction);
    const reversed = following.every((field, i) => field.direction !== sort[i]?.direction);
    if (!sameWay && !reversed) return false;
  }
  if (pinned > 0) return true;
  const first = fields[0]?.field;
  if (first !== undefined && constraints.get(first) === 'range') return true;
  return clauses.length === 0 && sort.length > 0;
}

/** The `_id` index every CloudBase collection has. */
const ID_INDEX: readonly IndexField[] = [{ field: '_id', direction: 1 }];

/** CloudBase: up to 100 indexes per collection, up to 31 fields per index (https://docs.cloudbase.net/en/faq/database). */
export const MAX_INDEXES_PER_COLLECTION = 100;
export const MAX_FIELDS_PER_INDEX = 31;
/** CloudBase: an indexed field's value may not exceed 1024 bytes (https://cloud.tencent.com/document/product/876/19371, 大小限制). */
export const MAX_INDEX_KEY_BYTES = 1024;

/** The declared indexes of every collection, kept in step with each committed write. */
export class IndexSet {
  private readonly byCollection = new Map<string, SortedIndex[]>();

  constructor(declarations: readonly IndexDeclaration[]) {
    for (const declaration of declarations) {
      if (declaration.fields.length > MAX_FIELDS_PER_INDEX) {
        throw new Error(`index ${declaration.collection}.${declaration.name}: ${declaration.fields.length} fields, CloudBase allows ${MAX_FIELDS_PER_INDEX}`);
      }
      if ((this.byCollection.get(declaration.collection)?.length ?? 0) >= MAX_INDEXES_PER_COLLECTION) {
        throw new Error(`collection ${declaration.collection}: more than ${MAX_INDEXES_PER_COLLECTION} indexes, the most CloudBase allows`);
      }
      const list = this.byCollection.get(declaration.collection) ?? [];
      list.push(new SortedIndex(declaration));
      this.byCollection.set(declaration.collection, list);
    }
  }

  of(collection: string): readonly SortedIndex[] {
    return this.byCollection.get(collection) ?? [];
  }

  /** Whether a declared index (or the `_id` index) serves this filter and sort (see indexServes). */
  serves(collection: string, filter: Filter, order: readonly SortKey[]): boolean {
    if (indexServes(ID_INDEX, filter, order)) return true;
    return this.of(collection).some((index) => indexServes(index.declaration.fields, filter, order));
  }

  /** The indexed value of `doc` longer than CloudBase indexes (a string over 1024 bytes), if any. */
  oversizedKey(collection: string, doc: Doc): { field: string; bytes: number } | undefined {
    for (const index of this.of(collection)) {
      for (const { field, path } of index.indexedPaths) {
        const plain = plainValueAt(doc, path);
        // Only a string can be too long: a plain field holding anything else needs no look.
        if (plain !== THROUGH_ARRAY && (typeof plain !== 'string' || plain.length * 3 <= MAX_INDEX_KEY_BYTES)) continue;
        for (const reached of collectPathValues(doc, path)) {
          for (const value of Array.isArray(reached) ? reached : [reached]) {
            if (typeof value !== 'string' || value.length * 3 <= MAX_INDEX_KEY_BYTES) continue;
            const bytes = Buffer.byteLength(value, 'utf8');
            if (bytes > MAX_INDEX_KEY_BYTES) return { field, bytes };
          }
        }
      }
    }
    return undefined;
  }

  rebuild(collection: string, docs: () => Iterable<Doc>): void {
    for (const index of this.of(collection)) index.rebuild(docs());
  }

  /** Called for every changed document, with the stored version before and after the change. */
  replace(collection: string, id: DocId, after: Doc | undefined, seq: number): void {
    for (const index of this.of(collection)) index.replace(id, after, seq);
  }

  clear(): void {
    for (const indexes of this.byCollection.values()) for (const index of indexes) index.rebuild([]);
  }
}
