/**
 * Turns the `data` a function passes to add/set/update into storable values, enforcing what the
 * real service would refuse, and checks the per-document size limit.
 */
import { isDbRegExp, isQueryCommand, isServerDate, isUpdateCommand } from './commands';
import { encodeDoc } from './document-codec';
import { failure } from './errors';
import { isDate, isPlainObject, isRegExp, type Doc } from './values';

/** CloudBase refuses documents above 512 KB. */
export const MAX_DOCUMENT_BYTES = 512 * 1024;

export function checkFieldName(key: string, path: string): void {
  // '__proto__' would set an object's prototype instead of storing a field.
  if (key === '__proto__') throw failure('INVALID_PARAM', `field name "${path}" is not allowed`);
  if (key.startsWith('$')) throw failure('DATABASE_REQUEST_FAILED', `field name "${path}" must not start with '$'`);
  if (key.includes('.')) throw failure('DATABASE_REQUEST_FAILED', `field name "${path}" must not contain '.'`);
}

/**
 * Copies a value into its stored form: serverDate resolved to a Date, undefined object fields and
 * functions dropped (as the SDK's EJSON serialisation does), undefined array items become null.
 */
export function toStoredValue(value: unknown, now: number, path: string): unknown {
  if (value === null) return null;
  switch (typeof value) {
    case 'string':
    case 'boolean':
    case 'number':
      return value;
    case 'undefined':
    case 'function':
      return undefined;
    case 'object':
      break;
    default:
      throw failure('INVALID_PARAM', `unsupported value of type ${typeof value} at "${path}"`);
  }
  if (isServerDate(value)) return value.resolve(now);
  if (isDate(value)) {
    if (Number.isNaN(value.getTime())) throw failure('INVALID_PARAM', `invalid Date at "${path}"`);
    return new Date(value.getTime());
  }
  if (Array.isArray(value)) {
    return value.map((item, index) => {
      const stored = toStoredValue(item, now, `${path}.${index}`);
      return stored === undefined ? null : stored;
    });
  }
  if (isQueryCommand(value) || isUpdateCommand(value)) {
    throw failure('DATABASE_REQUEST_FAILED', `a command cannot be stored as a value (at "${path}"); update operators are only valid in update()`);
  }
  if (isDbRegExp(value) || isRegExp(value)) throw failure('INVALID_PARAM', `regular expressions cannot be stored (at "${path}")`);
  if (!isPlainObject(value)) throw failure('INVALID_PARAM', `unsupported object at "${path}" (only plain objects, arrays and Dates can be stored)`);
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    const childPath = path ? `${path}.${key}` : key;
    checkFieldName(key, childPath);
    const stored = toStoredValue(value[key], now, childPath);
    if (stored !== undefined) out[key] = stored;
  }
  return out;
}

/** Builds a whole stored document from add/set data. */
export function toStoredDocument(data: unknown, now: number): Doc {
  if (!isPlainObject(data)) throw failure('INVALID_PARAM', 'data must be an object');
  return toStoredValue(data, now, '') as Doc;
}

/**
 * Stored documents are never changed in place, so what they encode to is worked out once: each
 * one's size (every get() checks its answer's size), and for a document about to be written its
 * journal JSON, from the size check until the commit writes it (then dropped: memory stays small).
 */
const sizes = new WeakMap<Doc, number>();
const journalJson = new WeakMap<Doc, string>();

/** Size as stored (JSON with tagged dates): close enough to BSON size for a limit check. */
export function documentBytes(doc: Doc): number {
  let bytes = sizes.get(doc);
  if (bytes === undefined) {
    bytes = Buffer.byteLength(JSON.stringify(encodeDoc(doc)), 'utf8');
    sizes.set(doc, bytes);
  }
  return bytes;
}

/** The journal's JSON of a document being written (made by its size check when there was one). */
export function takeEncodedDocument(doc: Doc): string {
  const json = journalJson.get(doc);
  if (json === undefined) return JSON.stringify(encodeDoc(doc));
  journalJson.delete(doc);
  return json;
}

/** Checks a document about to be written, keeping its encoding for the journal. */
export function checkDocumentSize(doc: Doc): void {
  let bytes = sizes.get(doc);
  if (bytes === undefined) {
    const json = JSON.stringify(encodeDoc(doc));
    bytes = Buffer.byteLength(json, 'utf8');
    sizes.set(doc, bytes);
    journalJson.set(doc, json);
  }
  if (bytes > MAX_DOCUMENT_BYTES) {
    throw failure('DATABASE_REQUEST_FAILED', `document is too large: ${bytes} bytes, the limit is ${MAX_DOCUMENT_BYTES} bytes (512 KB)`);
  }
}
