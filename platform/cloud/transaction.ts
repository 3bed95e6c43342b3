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
