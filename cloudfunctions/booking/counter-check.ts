/**
 * Housekeeping's check that every slot counter agrees with its bookings: of `capacity` places,
 * each is free (`remaining`), held for someone on the waitlist (`held`) or taken by a booking that
 * is booked, checked in or a no-show. Reserve, cancel, reschedule, claims and closures change a
 * counter and its bookings in one transaction, so a disagreement means something outside them
 * (an older release, a hand edit, a restore) — the check repairs it and reports it.
 *
 * It walks the counters of yesterday onwards a page at a time with a cursor stored between runs
 * (`timer_cursors/slotCounterCheck`), so a run cut off by the timeout resumes where it stopped.
 */
import { addDays, shanghaiDay } from '@domain/booking';
import { COLLECTIONS, type SlotCounterRecord, type TimerCursorRecord, type WaitlistRecord } from '@platform/cloud/collections';
import { countOf, findById, findMany } from '@platform/cloud/documents';
import { readInTransaction } from '@platform/cloud/transaction';
import { database } from '@platform/cloud/wx';
import { bookingTransaction } from './places';

const CURSOR_ID = 'slotCounterCheck';
const PAGE = 50;
/** Counters are made at most this far ahead (a hall's horizon is at most 60 days). */
const LAST_DAY_AHEAD = 62;

export interface CounterRepair {
  slotId: string;
  was: { remaining: number; held: number };
  now: { remaining: number; held: number };
  bookings: number;
}

export interface CounterCheckRun {
  checked: number;
  repaired: CounterRepair[];
  /** True when it went through every counter (the cursor starts over next run). */
  finished: boolean;
}

const TAKEN = ['booked', 'checkedIn', 'noShow'];

/** Compares one counter with its bookings and waitlist; repairs it when nothing changed meanwhile. */
async function checkCounter(counter: SlotCounterRecord, now: Date): Promise<CounterRepair | undefined> {
  const _ = database().command;
  const [bookings, waitlist] = await Promise.all([
    countOf(database().collection(COLLECTIONS.bookings).where({ slotId: counter._id, status: _.in(TAKEN) })),
    findById<WaitlistRecord>(COLLECTIONS.waitlists, counter._id),
  ]);
  const held = waitlist?.entries.filter((entry) => entry.status === 'holding').length ?? 0;
  const remaining = counter.capacity - bookings - held;
  const was = { remaining: counter.remaining, held: counter.held ?? 0 };
  if (was.remaining === remaining && was.held === held) return undefined;
  // Every change to this slot's bookings changes its counter in the same transaction: if the
  // counter is still what was read before counting, the count is current.
  const repaired = await bookingTransaction(async (transaction) => {
    const current = await readInTransaction<SlotCounterRecord>(transaction, COLLECTIONS.slotCounters, counter._id);
    if (!current || current.remaining !== was.remaining || (current.held ?? 0) !== was.held) return false;
    await transaction
      .collection(COLLECTIONS.slotCounters)
      .doc(counter._id)
      .update({ data: { remaining, held, repairedAt: now } });
    return true;
  });
  return repaired ? { slotId: counter._id, was, now: { remaining, held }, bookings } : undefined;
}

/** Checks counters page by page until `deadline` (ms since epoch, real time) or the end. */
export async function checkSlotCounters(now: Date, deadline: number): Promise<CounterCheckRun> {
  const cursors = database().collection(COLLECTIONS.timerCursors);
  const stored = await findById<TimerCursorRecord>(COLLECTIONS.timerCursors, CURSOR_ID);
  const firstDay = addDays(shanghaiDay(now), -1);
  const lastDay = addDays(shanghaiDay(now), LAST_DAY_AHEAD);
  const resume = stored?.day !== undefined && stored.day >= firstDay ? stored.day : undefined;
  let day = resume ?? firstDay;
  let afterId = resume ? stored?.afterId ?? '' : '';
  const run: CounterCheckRun = { checked: 0, repaired: [], finished: false };
  while (Date.now() < deadline) {
    if (day > lastDay) {
      run.finished = true;
      day = firstDay;
      afterId = '';
      break;
    }
    const page = await findMany<SlotCounterRecord>(
      database()
        .collection(COLLECTIONS.slotCounters)
        .where({ day, _id: database().command.gt(afterId) })
        .orderBy('day', 'asc')
        .orderBy('_id', 'asc')
        .limit(PAGE),
    );
    let complete = true;
    for (const counter of page) {
      if (Date.now() >= deadline) {
        complete = false;
        break;
      }
      const repair = await checkCounter(counter, now);
      if (repair) run.repaired.push(repair);
      run.checked++;
      afterId = counter._id;
    }
    if (complete && page.length < PAGE) {
      day = addDays(day, 1);
      afterId = '';
    }
  }
  await cursors.doc(CURSOR_ID).set({ data: { day, afterId, updatedAt: now } });
  if (run.repaired.length > 0) {
    console.warn(`[booking] slot counters repaired: ${run.repaired.map((repair) => `${repair.slotId} ${JSON.stringify(repair.was)}→${JSON.stringify(repair.now)}`).join('; ')}`);
    await database()
      .collection(COLLECTIONS.auditLog)
      .add({ data: { type: 'booking.slot-counters-repaired', repairs: run.repaired, at: now, by: 'hallHousekeeping' } });
  }
  return run;
}
