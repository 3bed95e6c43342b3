/**
 * Housekeeping's care of places (places.ts):
 * - Bookings stored before places were documents get theirs, once: a booking still ahead that
 *   takes a place gets a free `<slotId>#<n>` and its code claim (`codeKey`); any other gets the
 *   released values derived from its id. Then the slot counters and code claims earlier versions
 *   kept (`slot_counters`, `check_in_codes`) are emptied. It walks `bookings` by `_id` a page at a time with a
 *   cursor (`timer_cursors/bookingPlacesMigration`), so a cut-off run resumes, and it is done for
 *   good once the walk reaches the end. (The unique indexes bookings.place_unique / code_unique are
 *   created after this reports `places.finished`: their `"after"` in database-indexes.json makes
 *   `npm run deploy` and the local start run it first; CloudBase refuses them while many lack the field.)
 * - Every waitlist of yesterday onwards lists as many held places as it has holders, each still
 *   on a cancelled booking: a listed place nobody holds any more is dropped, one more than the
 *   holders need goes back to the pool; a cancelled booking holding a place no waitlist lists
 *   gives it back too. The writes that move places keep this true in one
 *   transaction each, so a repair means something outside them (an older release, a hand edit, a
 *   restore, an erased booking): it is reported in the audit log.
 */
import { addDays, shanghaiDay } from '@domain/booking';
import { COLLECTIONS, type BookingRecord, type HeldPlace, type TimerCursorRecord, type WaitlistRecord } from '@platform/cloud/collections';
import { findById, findMany } from '@platform/cloud/documents';
import { readInTransaction } from '@platform/cloud/transaction';
import { database } from '@platform/cloud/wx';
import { bookingTransaction, codeKeyOf, duplicateOn, placeId, releaseHeldPlaces, releasedFields, takenPlaces } from './places';

const MIGRATION_ID = 'bookingPlacesMigration';
const PAGE = 100;
const TAKEN = ['booked', 'checkedIn', 'noShow'];

export interface PlaceRepair {
  slotId: string;
  /** Listed places no booking holds any more (dropped from the list). */
  dropped: number;
  /** Held places beyond the holders' number, given back to the pool. */
  released: number;
}

export interface PlaceCheckRun {
  /** Bookings of earlier versions given their place fields in this run. */
  migrated: number;
  /** Waitlists looked at. */
  checked: number;
  repaired: PlaceRepair[];
  /** True once no booking of an earlier version is left. */
  finished: boolean;
}

/** Gives one stored booking of an earlier version its place fields (a free place when it still takes one). */
async function migrateBooking(booking: BookingRecord, today: string, now: Date, taken: Map<string, Set<string>>): Promise<void> {
  const _ = database().command;
  const unmigrated = database().collection(COLLECTIONS.bookings).where({ _id: booking._id, placed: _.exists(false) });
  if (!(TAKEN.includes(booking.status) && booking.day >= today)) {
    await unmigrated.update({ data: releasedFields(booking._id) });
    return;
  }
  let used = taken.get(booking.slotId);
  if (!used) taken.set(booking.slotId, (used = new Set(await takenPlaces(booking.slotId))));
  let codeKey = codeKeyOf(booking);
  let n = 0;
  for (let tries = 0; tries < 1000; tries++) {
    const place = placeId(booking.slotId, n);
    if (used.has(place)) {
      n++;
      continue;
    }
    try {
      await unmigrated.update({ data: { place, placed: true, codeKey, updatedAt: now } });
      used.add(place);
      return;
    } catch (error) {
      const clash = duplicateOn(error);
      if (clash === 'place') used.add(place);
      // Its code was claimed by another booking of that day (the old claims prevented it): typing it finds nothing, its QR code still works.
      else if (clash === 'code') codeKey = releasedFields(booking._id).codeKey;
      else throw error;
    }
  }
}

/** What earlier versions kept beside the bookings (a counter per slot, a claim per code), emptied once every booking has its place. */
const LEGACY_COLLECTIONS = ['slot_counters', 'check_in_codes'];

/** Removes a legacy collection's documents a page at a time; true once it is empty (or was never made). */
async function emptyLegacy(collection: string, deadline: number): Promise<boolean> {
  const _ = database().command;
  while (Date.now() < deadline) {
    let page: { _id: string }[];
    try {
      page = await findMany<{ _id: string }>(database().collection(collection).where({ _id: _.gt('') }).orderBy('_id', 'asc').field({ _id: true }).limit(PAGE));
    } catch (error) {
      // A deployment that never had it: CloudBase answers DATABASE_COLLECTION_NOT_EXIST (-502005).
      if (/-502005|COLLECTION_NOT_EXIST|not exist/i.test(String((error as { errMsg?: string }).errMsg ?? (error as Error).message))) return true;
      throw error;
    }
    if (page.length === 0) return true;
    await database()
      .collection(collection)
      .where({ _id: _.in(page.map((doc) => doc._id)) })
      .remove();
  }
  return false;
}

async function migrate(now: Date, deadline: number): Promise<{ migrated: number; finished: boolean }> {
  const cursors = database().collection(COLLECTIONS.timerCursors);
  const stored = await findById<TimerCursorRecord & { done?: boolean }>(COLLECTIONS.timerCursors, MIGRATION_ID);
  if (stored?.done) return { migrated: 0, finished: true };
  const today = shanghaiDay(now);
  const taken = new Map<string, Set<string>>();
  let afterId = stored?.afterId ?? '';
  let migrated = 0;
  let finished = false;
  while (Date.now() < deadline) {
    const page = await findMany<BookingRecord>(
      database().collection(COLLECTIONS.bookings).where({ _id: database().command.gt(afterId) }).orderBy('_id', 'asc').limit(PAGE),
    );
    for (const booking of page) {
      if (typeof booking.placed !== 'boolean') {
        await migrateBooking(booking, today, now, taken);
        migrated++;
      }
      afterId = booking._id;
    }
    if (page.length < PAGE) {
      finished = true;
      break;
    }
  }
  // Then what earlier versions kept beside the bookings goes.
  for (const collection of LEGACY_COLLECTIONS) if (finished) finished = await emptyLegacy(collection, deadline);
  await cursors.doc(MIGRATION_ID).set({ data: { afterId, done: finished, updatedAt: now } });
  return { migrated, finished };
}

/** Checks one waitlist's held places against its holders; repairs it in a transaction. */
async function checkWaitlist(slotId: string, now: Date): Promise<PlaceRepair | undefined> {
  return bookingTransaction(async (transaction) => {
    const waitlist = await readInTransaction<WaitlistRecord>(transaction, COLLECTIONS.waitlists, slotId);
    if (!waitlist) return undefined;
    const holders = waitlist.entries.filter((entry) => entry.status === 'holding').length;
    const kept: HeldPlace[] = [];
    let dropped = 0;
    for (const held of waitlist.heldPlaces ?? []) {
      const booking = await readInTransaction<BookingRecord>(transaction, COLLECTIONS.bookings, held.bookingId);
      if (booking && booking.status === 'cancelled' && booking.place === held.place) kept.push(held);
      else dropped++;
    }
    const extra = kept.slice(holders);
    if (dropped === 0 && extra.length === 0) return undefined;
    await releaseHeldPlaces(transaction, extra, now);
    await transaction
      .collection(COLLECTIONS.waitlists)
      .doc(slotId)
      .update({ data: { heldPlaces: kept.slice(0, holders), updatedAt: now } });
    return { slotId, dropped, released: extra.length };
  });
}

/**
 * Places held by cancelled bookings of yesterday onwards that no waitlist lists (nobody can claim
 * them): given back to the pool, each in a transaction that sees it still unlisted.
 */
async function releaseUnlisted(now: Date, deadline: number): Promise<PlaceRepair[]> {
  const _ = database().command;
  const held = await findMany<BookingRecord>(
    database()
      .collection(COLLECTIONS.bookings)
      .where({ placed: true, status: 'cancelled', day: _.gte(addDays(shanghaiDay(now), -1)) })
      .orderBy('day', 'asc')
      .orderBy('_id', 'asc')
      .limit(200),
  );
  const repairs = new Map<string, PlaceRepair>();
  for (const booking of held) {
    if (Date.now() >= deadline) break;
    const released = await bookingTransaction(async (transaction) => {
      const fresh = await readInTransaction<BookingRecord>(transaction, COLLECTIONS.bookings, booking._id);
      if (!fresh?.placed || fresh.status !== 'cancelled') return false;
      const waitlist = await readInTransaction<WaitlistRecord>(transaction, COLLECTIONS.waitlists, fresh.slotId);
      if ((waitlist?.heldPlaces ?? []).some((listed) => listed.bookingId === fresh._id && listed.place === fresh.place)) return false;
      await releaseHeldPlaces(transaction, [{ bookingId: fresh._id, place: fresh.place }], now);
      return true;
    });
    if (!released) continue;
    const repair = repairs.get(booking.slotId) ?? { slotId: booking.slotId, dropped: 0, released: 0 };
    repair.released++;
    repairs.set(booking.slotId, repair);
  }
  return [...repairs.values()];
}

/** The migration (until done), then the waitlists of yesterday onwards with someone holding, then unlisted held places, until `deadline` (ms since epoch, real time). */
export async function checkPlaces(now: Date, deadline: number): Promise<PlaceCheckRun> {
  const { migrated, finished } = await migrate(now, deadline);
  const run: PlaceCheckRun = { migrated, checked: 0, repaired: [], finished };
  const waitlists = await findMany<WaitlistRecord>(
    database()
      .collection(COLLECTIONS.waitlists)
      .where({ 'entries.status': 'holding', day: database().command.gte(addDays(shanghaiDay(now), -1)) })
      .limit(100),
  );
  for (const waitlist of waitlists) {
    if (Date.now() >= deadline) break;
    const repair = await checkWaitlist(waitlist._id, now);
    if (repair) run.repaired.push(repair);
    run.checked++;
  }
  if (Date.now() < deadline) run.repaired.push(...(await releaseUnlisted(now, deadline)));
  if (run.repaired.length > 0) {
    console.warn(`[booking] held places repaired: ${run.repaired.map((repair) => `${repair.slotId} dropped ${repair.dropped}, released ${repair.released}`).join('; ')}`);
    await database()
      .collection(COLLECTIONS.auditLog)
      .add({ data: { type: 'booking.held-places-repaired', repairs: run.repaired, at: now, by: 'hallHousekeeping' } });
  }
  return run;
}
