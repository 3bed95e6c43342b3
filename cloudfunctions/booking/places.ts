/**
 * The writes that move places, done inside one CloudBase transaction with the booking they belong
 * to: a slot's counter never disagrees with its bookings, because both change in the same commit
 * or neither does. Everything a transaction touches is addressed by id (CloudBase transactions
 * take no queries): the counter is `slot_counters/<slotId>`, the waitlist `waitlists/<slotId>`,
 * the booking `bookings/<bookingIdFor(slotId, personKey)>` and the check-in code claim
 * `check_in_codes/<station:day:code>`.
 */
import { checkInClaimId, checkInCodeFor, parseSlotId, placeFreed, type HoldOptions } from '@domain/booking';
import { ActionError } from '@domain/errors';
import { COLLECTIONS, type CheckInCodeRecord, type SlotCounterRecord, type WaitlistEntryRecord, type WaitlistRecord } from '@platform/cloud/collections';
import { isDuplicateId } from '@platform/cloud/documents';
import { inContendedTransaction, readInTransaction, type Transaction } from '@platform/cloud/transaction';
import { database } from '@platform/cloud/wx';
import { bookingSecret } from './secrets';
import { entriesOf } from './waitlist-entries';

export const BUSY_MESSAGE = '现在预约的人很多，请稍等几秒再试一次';

export { isDuplicateId } from '@platform/cloud/documents';

/** One booking transaction: re-run with a random back-off while other transactions hold the same documents, then the resident is asked to try again. */
export const bookingTransaction = <T>(body: (transaction: Transaction) => Promise<T>): Promise<T> =>
  inContendedTransaction(body, () => new ActionError('CONFLICT', BUSY_MESSAGE));

/** Inside a transaction: takes one place (creating the counter at full capacity the first time). False when none is left. */
export async function takePlaceIn(transaction: Transaction, slotId: string, capacity: number, now: Date): Promise<boolean> {
  const ref = parseSlotId(slotId);
  if (!ref) return false;
  const counters = transaction.collection(COLLECTIONS.slotCounters);
  const counter = await readInTransaction<SlotCounterRecord>(transaction, COLLECTIONS.slotCounters, slotId);
  if (!counter) {
    if (capacity <= 0) return false;
    const created: Omit<SlotCounterRecord, '_id'> = { stationId: ref.stationId, service: ref.service, day: ref.day, capacity, remaining: capacity - 1, held: 0, createdAt: now };
    await counters.doc(slotId).set({ data: created as unknown as Record<string, unknown> });
    return true;
  }
  if (counter.remaining <= 0) return false;
  await counters.doc(slotId).update({ data: { remaining: database().command.inc(-1) } });
  return true;
}

/**
 * Inside a transaction: a booked place was given up (cancel, moved away). With someone waiting
 * (and `holds` given: the slot can still be booked) it is held for the first in line, who is
 * returned for the message sent after commit; otherwise it goes back to the pool.
 */
export async function freePlaceIn(transaction: Transaction, slotId: string, now: Date, holds: HoldOptions | undefined): Promise<WaitlistEntryRecord | undefined> {
  const _ = database().command;
  const counter = transaction.collection(COLLECTIONS.slotCounters).doc(slotId);
  const waitlist = holds ? await readInTransaction<WaitlistRecord>(transaction, COLLECTIONS.waitlists, slotId) : undefined;
  const result = waitlist && holds ? placeFreed(entriesOf(waitlist), now, holds) : undefined;
  if (!result?.offered) {
    await counter.update({ data: { remaining: _.inc(1) } });
    return undefined;
  }
  await transaction
    .collection(COLLECTIONS.waitlists)
    .doc(slotId)
    .update({ data: { entries: result.queue, updatedAt: now } });
  await counter.update({ data: { held: _.inc(1) } });
  return result.offered as WaitlistEntryRecord;
}

/** Thrown out of a transaction whose check-in code claim clashed: run it again with the next attempt. */
export class CodeTaken extends Error {}

/**
 * Inside a transaction: claims the check-in code of `attempt` for the booking (unique among its
 * station's bookings of that day: add() of an id that exists fails, and so does the transaction).
 */
export async function claimCodeIn(transaction: Transaction, bookingId: string, stationId: string, day: string, attempt: number, now: Date): Promise<string> {
  const code = checkInCodeFor(bookingId, bookingSecret(), attempt);
  await claimGivenCodeIn(transaction, code, bookingId, stationId, day, now);
  return code;
}

/** Claims this very code (keeping a resident's code when a booking moves to another day). */
export async function claimGivenCodeIn(transaction: Transaction, code: string, bookingId: string, stationId: string, day: string, now: Date): Promise<void> {
  const claim: Omit<CheckInCodeRecord, '_id'> = { bookingId, stationId, day, createdAt: now };
  try {
    await transaction.collection(COLLECTIONS.checkInCodes).add({ data: { _id: checkInClaimId(stationId, day, code), ...claim } });
  } catch (error) {
    if (isDuplicateId(error)) throw new CodeTaken(code);
    throw error;
  }
}

/** Runs `body(attempt)` as a booking transaction until its code claim does not clash. */
export async function withCodeAttempts<T>(body: (attempt: number) => Promise<T>): Promise<T> {
  for (let attempt = 0; attempt < 20; attempt++) {
    try {
      return await body(attempt);
    } catch (error) {
      if (!(error instanceof CodeTaken)) throw error;
    }
  }
  throw new Error('no free check-in code after 20 attempts');
}
