/**
 * Dot-path access into documents ("a.b.0.c"), with Mongo's rules: numeric segments index arrays,
 * missing objects are created on write, writing through a scalar is an error.
 */
import { failure } from './errors';
import { describeType, isPlainObject } from './values';

export function splitPath(path: string): string[] {
  const segments = path.split('.');
  if (path === '' || segments.some((segment) => segment === '')) throw failure('INVALID_PARAM', `invalid field path "${path}"`);
  for (const segment of segments) {
    if (segment === '__proto__') throw failure('INVALID_PARAM', `invalid field path "${path}"`);
    if (segment.startsWith('$')) throw failure('DATABASE_INVALID_OPERRATOR', `invalid field path "${path}": a field name must not start with '$'`);
  }
  return segments;
}

const isIndex = (segment: string): boolean => /^(0|[1-9]\d*)$/.test(segment);

type Container = Record<string, unknown> | unknown[];

function child(container: Container, segment: string): unknown {
  if (Array.isArray(container)) return isIndex(segment) ? container[Number(segment)] : undefined;
  return Object.prototype.hasOwnProperty.call(container, segment) ? container[segment] : undefined;
}

function isContainer(value: unknown): value is Container {
  return Array.isArray(value) || isPlainObject(value);
}

/** Value at a path without expanding arrays (numeric segments index them). */
export function getPath(doc: Record<string, unknown>, segments: readonly string[]): { found: boolean; value: unknown } {
  let current: unknown = doc;
  for (const segment of segments) {
    if (!isContainer(current)) return { found: false, value: undefined };
    if (Array.isArray(current) ? !(isIndex(segment) && Number(segment) < current.length) : !Object.prototype.hasOwnProperty.call(current, segment)) {
      return { found: false, value: undefined };
    }
    current = child(current, segment);
  }
  return { found: true, value: current };
}

function assign(container: Container, segment: string, value: unknown, path: string): void {
  if (Array.isArray(container)) {
    if (!isIndex(segment)) throw failure('DATABASE_REQUEST_FAILED', `Cannot create field '${segment}' in an array (path '${path}')`);
    const index = Number(segment);
    while (container.length < index) container.push(null); // Mongo pads with nulls
    container[index] = value;
  } else {
    container[segment] = value;
  }
}

/** Sets a value, creating missing intermediate objects. The document is mutated (callers pass a copy). */
export function setPath(doc: Record<string, unknown>, segments: readonly string[], value: unknown): void {
  const path = segments.join('.');
  let current: Container = doc;
  for (let i = 0; i < segments.length - 1; i++) {
    const segment = segments[i] as string;
    let next = child(current, segment);
    if (next === undefined) {
      next = {};
      assign(current, segment, next, path);
    } else if (!isContainer(next)) {
      throw failure('DATABASE_REQUEST_FAILED', `Cannot create field '${segments[i + 1]}' in element {${segment}: ${describeType(next)}} (path '${path}')`);
    }
    current = next as Container;
  }
  assign(current, segments[segments.length - 1] as string, value, path);
}

/** Removes a field; an array element is set to null, as Mongo's $unset does. */
export function unsetPath(doc: Record<string, unknown>, segments: readonly string[]): void {
  let current: unknown = doc;
  for (let i = 0; i < segments.length - 1; i++) {
    if (!isContainer(current)) return;
    current = child(current, segments[i] as string);
  }
  const last = segments[segments.length - 1] as string;
  if (Array.isArray(current)) {
    if (isIndex(last) && Number(last) < current.length) current[Number(last)] = null;
  } else if (isPlainObject(current)) {
    delete current[last];
  }
}

/**
 * Every value a path reaches, expanding arrays along the way (Mongo's query/sort semantics:
 * "a.b" on { a: [{ b: 1 }, { b: 2 }] } reaches 1 and 2).
 */
export function collectPathValues(value: unknown, segments: readonly string[], from = 0): unknown[] {
  if (from === segments.length) return value === undefined ? [] : [value];
  const segment = segments[from] as string;
  if (Array.isArray(value)) {
    if (isIndex(segment)) return collectPathValues(value[Number(segment)], segments, from + 1);
    return value.flatMap((item) => (isPlainObject(item) ? collectPathValues(item, segments, from) : []));
  }
  if (!isPlainObject(value) || !Object.prototype.hasOwnProperty.call(value, segment)) return [];
  return collectPathValues(value[segment], segments, from + 1);
}

/** What plainValueAt answers for a path that meets an array (then collectPathValues decides). */
export const THROUGH_ARRAY: unique symbol = Symbol('path meets an array');

/**
 * The value at a path when no array lies on it (undefined when it reaches nothing), else
 * THROUGH_ARRAY: most stored fields are plain, and walking them needs no lists of reached values.
 */
export function plainValueAt(value: unknown, segments: readonly string[]): unknown {
  let current = value;
  for (const segment of segments) {
    if (Array.isArray(current)) return THROUGH_ARRAY;
    if (!isPlainObject(current) || !Object.prototype.hasOwnProperty.call(current, segment)) return undefined;
    current = current[segment];
  }
  return Array.isArray(current) ? THROUGH_ARRAY : current;
}
