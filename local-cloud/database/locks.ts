/**
 * Document write locks held by open transactions, as MongoDB (under CloudBase) takes them: the
 * first transaction to write a document holds it until it commits or aborts. Another
 * transaction's write to it fails at once with a write conflict; a plain (non-transactional)
 * write waits until the lock is released, then runs against what was committed.
 * https://www.mongodb.com/docs/manual/core/transactions-production-consideration/#in-progress-transactions-and-write-conflicts
 */
import type { DocId } from './values';

export const docKey = (collection: string, id: DocId): string => `${collection}\u0000${typeof id}\u0000${String(id)}`;

interface Held {
  owner: object;
  released: Promise<void>;
  release: () => void;
}

export class DocumentLocks {
  private readonly held = new Map<string, Held>();

  /** The owner holding the document, if any. */
  holder(key: string): object | undefined {
    return this.held.get(key)?.owner;
  }

  /** Takes the lock for `owner` (a no-op when it already holds it). The caller checked it is free. */
  take(key: string, owner: object): void {
    if (this.held.has(key)) return;
    let release!: () => void;
    const released = new Promise<void>((resolve) => {
      release = resolve;
    });
    this.held.set(key, { owner, released, release });
  }

  /** Releases every lock in `keys` held by `owner` and wakes the plain writes waiting for them. */
  releaseAll(keys: Iterable<string>, owner: object): void {
    for (const key of keys) {
      const held = this.held.get(key);
      if (held?.owner !== owner) continue;
      this.held.delete(key);
      held.release();
    }
  }

  /** Resolves once none of these documents is held (undefined when none is held now). */
  waitFor(keys: Iterable<string>): Promise<void> | undefined {
    const pending: Promise<void>[] = [];
    for (const key of keys) {
      const held = this.held.get(key);
      if (held) pending.push(held.released);
    }
    return pending.length === 0 ? undefined : Promise.all(pending).then(() => undefined);
  }

  get size(): number {
    return this.held.size;
  }
}
