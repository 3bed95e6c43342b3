import { ActionError } from '@domain/errors';
import { COLLECTIONS } from './collections';
import { findById } from './documents';
import { inTransaction, readInTransaction } from './transaction';

interface Window {
  max: number;
  windowMinutes: number;
}

interface CounterRecord {
  _id: string;
  count: number;
  windowStart: Date;
}

const inWindow = (counter: CounterRecord | undefined, window: Window, now: Date): counter is CounterRecord =>
  counter !== undefined && now.getTime() - counter.windowStart.getTime() < window.windowMinutes * 60_000;

/** Throws RATE_LIMITED when `key` has used up its attempts in the current window. */
export async function assertWithinLimit(key: string, window: Window, now: Date): Promise<void> {
  const counter = await findById<CounterRecord>(COLLECTIONS.rateLimits, key);
  if (inWindow(counter, window, now) && counter.count >= window.max) {
    const minutes = Math.ceil((counter.windowStart.getTime() + window.windowMinutes * 60_000 - now.getTime()) / 60_000);
    throw new ActionError('RATE_LIMITED', `尝试次数过多，请${minutes}分钟后再试`);
  }
}

/** Counts one attempt against `key` (a transaction, so concurrent attempts all count). */
export async function countAttempt(key: string, window: Window, now: Date): Promise<void> {
  await inTransaction(async (transaction) => {
    const ref = transaction.collection(COLLECTIONS.rateLimits).doc(key);
    const current = await readInTransaction<CounterRecord>(transaction, COLLECTIONS.rateLimits, key);
    if (inWindow(current, window, now)) {
      await ref.update({ data: { count: current.count + 1 } });
    } else {
      await ref.set({ data: { count: 1, windowStart: now } });
    }
  });
}
