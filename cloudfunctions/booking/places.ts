/**
 * A slot's places are its booking documents: a booking that takes a place holds `place` =
 * `<slotId>#<n>` (n < the slot's capacity) and `placed: true`, and its check-in code as `codeKey` =
 * `<stationId>:<day>:<code>`; both fields carry UNIQUE indexes (cloudbase/database-indexes.json:
 * bookings.place_unique, bookings.code_unique). So one single-document write takes the place,
 * claims the code and stores the booking, atomically: a second taker of the same place or code
 * gets E11000 (DATABASE_DUPLICATE_WRITE) and nothing is written — no transaction, no counter.
 *
 * A booking that gives its place up gets `place` / `codeKey` values derived from its own id
 * (`free:<_id>`): a unique index counts a missing field as null and allows only one such document
 * (https://developers.weixin.qq.com/miniprogram/dev/wxcloudservice/wxcloud/guide/database/index.md 唯一性限制).
 * A place freed while people wait stays on the cancelled booking and is listed in the slot's
 * waitlist (`heldPlaces`) until the hold is claimed (the new booking takes it over in one
 * transaction), passes on, or goes back to the pool (released).
 */
import { checkInClaimId, parseSlotId, placeFreed, refuse, refusalError, type HoldOptions } from '@domain/booking';
import { ActionError } from '@domain/errors';
import { COLLECTIONS, type BookingRecord, type HeldPlace, type WaitlistEntryRecord, type WaitlistRecord } from '@platform/cloud/collections';
import { findMany } from '@platform/cloud/documents';
import { inContendedTransaction, readInTransaction, type Transaction } from '@platform/cloud/transaction';
import { database } from '@platform/cloud/wx';
import { FULL_MESSAGE } from './shared';
import { entriesOf } from './waitlist-entries';

export const BUSY_MESSAGE = '现在预约的人很多，请稍等几秒再试一次';

export { isDuplicateId } from '@platform/cloud/documents';

/** One booking transaction: re-run with a random back-off while other transactions hold the same documents, then the resident is asked to try again. */
export const bookingTransaction = <T>(body: (transaction: Transaction) => Promise<T>): Promise<T> =>
  inContendedTransaction(body, () => new ActionError('CONFLICT', BUSY_MESSAGE));

export const placeId = (slotId: string, n: number): string => `${slotId}#${n}`;
const released = (bookingId: string): string => `free:${bookingId}`;

/** The fields of a booking that holds no place and no code (cancelled, moved away). */
export const releasedFields = (bookingId: string): { place: string; placed: false; codeKey: string } => ({ place: released(bookingId), placed: false, codeKey: released(bookingId) });
/** The same, keeping the booking's check-in code claimed (a cancelled booking keeps its code: rebooking the slot gives it back). */
export const placeReleased = (bookingId: string): { place: string; placed: false } => ({ place: released(bookingId), placed: false });

/** The code claim a booking's code makes on its station's day. */
export const codeKeyOf = (booking: Pick<BookingRecord, 'stationId' | 'day' | 'checkInCode'>): string => checkInClaimId(booking.stationId, booking.day, booking.checkInCode);

/** Which unique index a write clashed on: `_id`, the place or the check-in code (undefined: not a duplicate). */
export function duplicateOn(error: unknown): 'id' | 'place' | 'code' | undefined {
  const text = typeof error === 'object' && error !== null ? `${(error as { errMsg?: string }).errMsg ?? ''} ${(error as Error).message ?? ''}` : String(error);
  if (!/E11000|duplicate key/i.test(text)) return undefined;
  if (/place_unique/.test(text)) return 'place';
  if (/code_unique/.test(text)) return 'code';
  return 'id';
}

/** The places of a slot now taken (booked, checked in, no-show, or held for the waitlist). */
export async function takenPlaces(slotId: string): Promise<string[]> {
  const docs = await findMany<Pick<BookingRecord, '_id' | 'place'>>(
    database().collection(COLLECTIONS.bookings).where({ slotId, placed: true }).orderBy('_id', 'asc').field({ place: true }).limit(1000),
  );
  return docs.map((doc) => doc.place);
}

/**
 * The free places of a slot, starting at a random one (racing residents then rarely pick the same):
 * none when as many are taken as the slot has (a hall that lowered its capacity renumbers, so taken
 * places above it are displaced bookings).
 */
export function freePlaces(slotId: string, capacity: number, taken: readonly string[]): string[] {
  if (taken.length >= capacity) return [];
  const used = new Set(taken);
  const free: string[] = [];
  for (let n = 0; n < capacity; n++) if (!used.has(placeId(slotId, n))) free.push(placeId(slotId, n));
  const start = Math.floor(Math.random() * free.length);
  return [...free.slice(start), ...free.slice(0, start)];
}

/** Thrown to stop the attempts: the slot has no free place. */
const full = () => refusalError(refuse('FULL', FULL_MESSAGE));

/**
 * Runs `write(place, codeAttempt)` until it neither clashes on its place nor on its code: a place
 * someone took meanwhile → the next free one (read again when the known ones are used up; FULL when
 * none is left), a code another booking of that day holds → the next code attempt.
 */
export async function withPlaceAttempts<T>(slotId: string, capacity: number, taken: Promise<string[]> | string[], write: (place: string, codeAttempt: number) => Promise<T>): Promise<T> {
  let candidates = freePlaces(slotId, capacity, await taken);
  let codeAttempt = 0;
  for (let round = 0; round < 60; round++) {
    const place = candidates[0];
    if (!place) throw full();
    try {
      return await write(place, codeAttempt);
    } catch (error) {
      const clash = duplicateOn(error);
      if (clash === 'code') codeAttempt++;
      else if (clash === 'place') {
        candidates = candidates.slice(1);
        if (candidates.length === 0) candidates = freePlaces(slotId, capacity, await takenPlaces(slotId));
      } else throw error;
    }
  }
  throw new ActionError('CONFLICT', BUSY_MESSAGE);
}

/**
 * Inside a transaction: a booking gives its place up (cancel, moved away). With someone waiting (and
 * `holds` given: the slot can still be booked) the place stays on the booking, held for the first
 * in line, who is returned for the message sent after commit; otherwise it goes back to the pool.
 * Returns the fields to write on the booking with its own change.
 */
export async function givePlaceUp(
  transaction: Transaction,
  booking: Pick<BookingRecord, '_id' | 'slotId' | 'place' | 'placed'>,
  now: Date,
  holds: HoldOptions | undefined,
): Promise<{ fields: Record<string, unknown>; offered?: WaitlistEntryRecord }> {
  const waitlist = holds && booking.placed ? await readInTransaction<WaitlistRecord>(transaction, COLLECTIONS.waitlists, booking.slotId) : undefined;
  const result = waitlist && holds ? placeFreed(entriesOf(waitlist), now, holds) : undefined;
  if (!waitlist || !result?.offered) return { fields: placeReleased(booking._id) };
  const heldPlaces: HeldPlace[] = [...(waitlist.heldPlaces ?? []), { bookingId: booking._id, place: booking.place }];
  await transaction
    .collection(COLLECTIONS.waitlists)
    .doc(booking.slotId)
    .update({ data: { entries: result.queue, heldPlaces, updatedAt: now } });
  return { fields: {}, offered: result.offered as WaitlistEntryRecord };
}

/**
 * Inside a transaction: gives held places back to the pool (a hold expired with nobody next, a
 * holder left, the slot closed). Each holder is read first: only a cancelled booking still holding
 * that very place lets it go (an erased one has let it go already).
 */
export async function releaseHeldPlaces(transaction: Transaction, held: readonly HeldPlace[], now: Date): Promise<void> {
  for (const { bookingId, place } of held) {
    const holder = await readInTransaction<BookingRecord>(transaction, COLLECTIONS.bookings, bookingId);
    if (!holder || holder.status !== 'cancelled' || holder.place !== place) continue;
    await transaction
      .collection(COLLECTIONS.bookings)
      .doc(bookingId)
      .update({ data: { ...placeReleased(bookingId), updatedAt: now } });
  }
}

/** The slot a place belongs to (`<slotId>#<n>`). */
export const slotOfPlace = (place: string): string | undefined => {
  const at = place.lastIndexOf('#');
  return at > 0 && parseSlotId(place.slice(0, at)) ? place.slice(0, at) : undefined;
};
