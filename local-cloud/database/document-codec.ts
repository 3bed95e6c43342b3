/**
 * JSON encoding of documents for the snapshot and the journal. JSON has no Date, NaN or
 * Infinity, so those become tagged objects. Stored field names never start with `$`
 * (document-data.ts refuses them), so a `$date` / `$num` object is always one of our tags.
 */
import { isDate, type Doc } from './values';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export function encodeValue(value: unknown): Json {
  if (value === null || value === undefined) return null;
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return value;
    case 'number':
      return Number.isFinite(value) ? value : { $num: String(value) };
    case 'object': {
      if (Array.isArray(value)) return value.map(encodeValue);
      if (isDate(value)) return { $date: value.getTime() };
      const out: { [key: string]: Json } = {};
      for (const key of Object.keys(value)) {
        const item = (value as Record<string, unknown>)[key];
        if (item !== undefined) out[key] = encodeValue(item);
      }
      return out;
    }
    default:
      throw new TypeError(`cannot store a value of type ${typeof value}`);
  }
}

export function decodeValue(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) value[i] = decodeValue(value[i]);
    return value;
  }
  const record = value as Record<string, unknown>;
  // Tags are single-key objects, so cheap to recognise before walking keys.
  if ('$date' in record && typeof record.$date === 'number') return new Date(record.$date);
  if ('$num' in record && typeof record.$num === 'string') return Number(record.$num);
  for (const key of Object.keys(record)) record[key] = decodeValue(record[key]);
  return record;
}

export function encodeDoc(doc: Doc): Json {
  return encodeValue(doc);
}

/** Decodes in place (the input comes straight from JSON.parse and is not shared). */
export function decodeDoc(encoded: unknown): Doc {
  return decodeValue(encoded) as Doc;
}
