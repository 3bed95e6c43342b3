import { database } from './wx';

/**
 * wx-server-sdk types every query result as `Promise | void | string`; these helpers give the
 * functions typed results without changing the calls WeChat receives.
 */
export type StoredDoc = { _id: string };

type Awaitable = Promise<unknown> | void | string;

async function settle<T>(pending: Awaitable): Promise<T> {
  return (await (pending as Promise<T>)) as T;
}

export const isMissingDocument = (error: unknown): boolean =>
  typeof error === 'object' && error !== null && /does not exist|not exist|document\.get:fail/i.test(String((error as { errMsg?: string; message?: string }).errMsg ?? (error as Error).message));

const errorText = (error: unknown): string =>
  typeof error === 'object' && error !== null ? `${(error as { errCode?: unknown }).errCode ?? ''} ${(error as { errMsg?: string }).errMsg ?? ''} ${(error as Error).message ?? ''}` : String(error);

/** add() of an id that exists (MongoDB's E11000 under CloudBase). */
export const isDuplicateId = (error: unknown): boolean => /E11000|duplicate key/i.test(errorText(error));

/** A document by id, or undefined — the SDK rejects on a missing id. */
export async function findById<T extends StoredDoc>(collection: string, id: string): Promise<T | undefined> {
  try {
    const result = await settle<{ data: T }>(database().collection(collection).doc(id).get());
    return result.data;
  } catch (error) {
    if (isMissingDocument(error)) return undefined;
    throw error;
  }
}

export async function findMany<T extends StoredDoc>(query: { get(): Awaitable }): Promise<T[]> {
  const result = await settle<{ data: T[] }>(query.get());
  return result.data;
}

export async function countOf(query: { count(): Awaitable }): Promise<number> {
  const result = await settle<{ total: number }>(query.count());
  return result.total;
}

export async function insert(collection: string, data: Record<string, unknown>): Promise<string> {
  const result = await settle<{ _id: string }>(database().collection(collection).add({ data }));
  return result._id;
}

/** Returns how many documents the update touched (`stats.updated`): conditional updates rely on it. */
export async function updated(pending: Awaitable): Promise<number> {
  const result = await settle<{ stats: { updated: number } }>(pending);
  return result.stats.updated;
}

export async function removed(pending: Awaitable): Promise<number> {
  const result = await settle<{ stats: { removed: number } }>(pending);
  return result.stats.removed;
}

/** Stored dates come back as Date objects; views send ISO strings. */
export function isoDate(value: unknown): string {
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'string' || typeof value === 'number') return new Date(value).toISOString();
  return new Date(0).toISOString();
}
