/**
 * Value helpers shared by the engine. Type checks use Object.prototype.toString rather than
 * `instanceof` so values created in another realm (jest runs tests in a vm context) still count.
 */

export type DocId = string | number;
export type Doc = Record<string, unknown>;

const toTag = (value: unknown): string => Object.prototype.toString.call(value);

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object' || toTag(value) !== '[object Object]') return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  // Plain objects from any realm have a prototype whose own prototype is null.
  return proto === null || Object.getPrototypeOf(proto) === null;
}

export function isDate(value: unknown): value is Date {
  return toTag(value) === '[object Date]';
}

export function isRegExp(value: unknown): value is RegExp {
  return toTag(value) === '[object RegExp]';
}

export function isDocId(value: unknown): value is DocId {
  return (typeof value === 'string' && value.length > 0) || (typeof value === 'number' && Number.isFinite(value));
}

/** Deep copy of stored data (plain objects, arrays, Dates, primitives). */
export function deepClone<T>(value: T): T {
  return cloneValue(value) as T;
}

function cloneValue(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    const out = new Array<unknown>(value.length);
    for (let i = 0; i < value.length; i++) out[i] = cloneValue(value[i]);
    return out;
  }
  // Every read copies whole documents: the common case (this realm's plain objects and Dates) first.
  const proto = Object.getPrototypeOf(value) as unknown;
  if (proto !== Object.prototype && proto !== null) {
    if (isDate(value)) return new Date(value.getTime());
    if (isRegExp(value)) return new RegExp(value.source, value.flags);
  }
  const out: Record<string, unknown> = {};
  const record = value as Record<string, unknown>;
  for (const key of Object.keys(record)) out[key] = cloneValue(record[key]);
  return out;
}

/** Mongo-style equality: Dates by time, objects key-order insensitive, arrays element-wise. */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a === 'number' && typeof b === 'number') return Number.isNaN(a) && Number.isNaN(b);
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return false;
  if (isDate(a) || isDate(b)) return isDate(a) && isDate(b) && a.getTime() === b.getTime();
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((item, index) => deepEqual(item, b[index]));
  }
  const aObj = a as Record<string, unknown>;
  const bObj = b as Record<string, unknown>;
  const aKeys = Object.keys(aObj);
  if (aKeys.length !== Object.keys(bObj).length) return false;
  return aKeys.every((key) => Object.prototype.hasOwnProperty.call(bObj, key) && deepEqual(aObj[key], bObj[key]));
}

/** MongoDB's cross-type sort order (null and missing first, then numbers, strings, ...). */
function typeRank(value: unknown): number {
  if (value === undefined || value === null) return 1;
  if (typeof value === 'number') return 2;
  if (typeof value === 'string') return 3;
  if (Array.isArray(value)) return 5;
  if (typeof value === 'boolean') return 8;
  if (isDate(value)) return 9;
  if (isRegExp(value)) return 11;
  if (typeof value === 'object') return 4;
  return 12;
}

export function compareValues(a: unknown, b: unknown): number {
  const rankA = typeRank(a);
  const rankB = typeRank(b);
  if (rankA !== rankB) return rankA < rankB ? -1 : 1;
  switch (rankA) {
    case 1:
      return 0;
    case 2: {
      const x = a as number;
      const y = b as number;
      if (Number.isNaN(x)) return Number.isNaN(y) ? 0 : -1; // NaN sorts below every number
      if (Number.isNaN(y)) return 1;
      return x < y ? -1 : x > y ? 1 : 0;
    }
    case 3:
      return (a as string) < (b as string) ? -1 : (a as string) > (b as string) ? 1 : 0;
    case 8:
      return a === b ? 0 : a ? 1 : -1;
    case 9:
      return Math.sign((a as Date).getTime() - (b as Date).getTime());
    case 5: {
      const x = a as unknown[];
      const y = b as unknown[];
      for (let i = 0; i < Math.min(x.length, y.length); i++) {
        const diff = compareValues(x[i], y[i]);
        if (diff !== 0) return diff;
      }
      return Math.sign(x.length - y.length);
    }
    case 4: {
      const x = a as Record<string, unknown>;
      const y = b as Record<string, unknown>;
      const xKeys = Object.keys(x);
      const yKeys = Object.keys(y);
      for (let i = 0; i < Math.min(xKeys.length, yKeys.length); i++) {
        const xKey = xKeys[i] as string;
        const yKey = yKeys[i] as string;
        const diff = compareValues(x[xKey], y[yKey]);
        if (diff !== 0) return diff;
        if (xKey !== yKey) return xKey < yKey ? -1 : 1;
      }
      return Math.sign(xKeys.length - yKeys.length);
    }
    default:
      return String(a) < String(b) ? -1 : String(a) > String(b) ? 1 : 0;
  }
}

export function describeType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (isDate(value)) return 'date';
  if (isRegExp(value)) return 'regex';
  return typeof value;
}
