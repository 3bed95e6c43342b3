import { isMissingDocument, type StoredDoc } from './documents';
import { database } from './wx';

/** The part of a CloudBase transaction the functions use (the SDK types it as `any`). */
export interface Transaction {
  collection(name: string): {
    doc(id: string): {
      get(): Promise<{ data: unknown }>;
      set(options: { data: Record<string, unknown> }): Promise<unknown>;
      update(options: { data: Record<string, unknown> }): Promise<unknown>;
      remove(): Promise<unknown>;
    };
    add(options: { data: Record<string, unknown> }): Promise<{ _id: string }>;
  };
  rollback(reason?: unknown): Promise<void>;
}

/**
 * Runs `body` as one CloudBase transaction: all its writes land, or none do. CloudBase may run
 * the body again on a write conflict, so it must not have side effects outside the transaction.
 */
export function inTransaction<T>(body: (transaction: Transaction) => Promise<T>): Promise<T> {
  return database().runTransaction(body) as Promise<T>;
}

/** A document read inside a transaction, or undefined when there is none. */
export async function readInTransaction<T extends StoredDoc>(transaction: Transaction, collection: string, id: string): Promise<T | undefined> {
  try {
    const { data } = await transaction.collection(collection).doc(id).get();
    return data as T;
  } catch (error) {
    if (isMissingDocument(error)) return undefined;
    throw error;
  }
}

const conflictText = (error: unknown): string =>
  typeof error === 'object' && error !== null ? `${(error as { errCode?: unknown }).errCode ?? ''} ${(error as { errMsg?: string }).errMsg ?? ''} ${(error as Error).message ?? ''}` : String(error);

/** CloudBase's DATABASE_TRANSACTION_CONFLICT, as the SDK rejects with it after its own re-runs. */
export const isTransactionConflict = (error: unknown): boolean => /TRANSACTION_CONFLICT|transaction conflict/i.test(conflictText(error));

/**
 * inTransaction for documents many people write at once (a slot's counter, an alert's count
 * shards): the SDK re-runs a conflicting transaction 3 times straight away, which a burst can
 * exhaust; this runs it again a few more times after a short random pause, then gives up with
 * `busy()` (nothing was written).
 */
export async function inContendedTransaction<T>(body: (transaction: Transaction) => Promise<T>, busy: () => Error, attempts = 6): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await inTransaction(body);
    } catch (error) {
      if (!isTransactionConflict(error)) throw error;
      if (attempt >= attempts) throw busy();
      await new Promise((resolve) => setTimeout(resolve, 5 + Math.random() * 20 * attempt));
    }
  }
}
