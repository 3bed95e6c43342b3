/**
 * orderBy(): Mongo's sort semantics. Missing and null sort first ascending; an array field sorts
 * by its smallest element ascending and its largest descending; ties keep insertion order.
 */
import { collectPathValues, plainValueAt, splitPath, THROUGH_ARRAY } from './field-path';
import { compareValues, type Doc } from './values';

export interface SortKey {
  field: string;
  direction: 1 | -1;
}

/** Mongo sorts an empty array below null and missing. */
const EMPTY_ARRAY = Symbol('empty array');

export function compareKeys(a: unknown, b: unknown): number {
  if (a === EMPTY_ARRAY || b === EMPTY_ARRAY) return a === b ? 0 : a === EMPTY_ARRAY ? -1 : 1;
  return compareValues(a, b);
}

/** The value a document sorts by on one key (arrays by their smallest/largest element). */
export function sortValue(doc: Doc, path: readonly string[], direction: 1 | -1): unknown {
  const plain = plainValueAt(doc, path);
  if (plain !== THROUGH_ARRAY) return plain === undefined ? null : plain;
  const reached = collectPathValues(doc, path);
  const values = reached.flatMap((value) => (Array.isArray(value) ? value : [value]));
  if (values.length === 0) return reached.length > 0 ? EMPTY_ARRAY : null;
  let best = values[0];
  for (const value of values.slice(1)) {
    const diff = compareValues(value, best);
    if (direction === 1 ? diff < 0 : diff > 0) best = value;
  }
  return best;
}

export function sortDocuments(docs: Doc[], keys: readonly SortKey[]): Doc[] {
  if (keys.length === 0) return docs;
  const parsed = keys.map((key) => ({ path: splitPath(key.field), direction: key.direction }));
  // Decorate once so each comparison does not walk paths again.
  const decorated = docs.map((doc, index) => ({ doc, index, values: parsed.map((key) => sortValue(doc, key.path, key.direction)) }));
  decorated.sort((a, b) => {
    for (let i = 0; i < parsed.length; i++) {
      const diff = compareKeys(a.values[i], b.values[i]);
      if (diff !== 0) return diff * (parsed[i] as { direction: number }).direction;
    }
    return a.index - b.index;
  });
  return decorated.map((entry) => entry.doc);
}
