/**
 * Closing a hall time reaches every booking and waitlist of it without one transaction over
 * hundreds of documents (CloudBase transactions are meant to be small and short). The closure
 * itself goes into the hall config in one small transaction — from then on nobody can book the
 * time — together with a job document (`timer_cursors/closure:<station>:<day>:<time>`). The job
 * then marks the bookings a page at a time, each with its own conditional update (a booking is
 * marked once, and only its first marking sends the message), and ends each waitlist of the time
 * in a transaction over that waitlist and its counter. closeHall works on it while its time lasts;
 * hallHousekeeping finishes what a cut-off run left, from the cursor stored in the job.
 */
import { BOOKING_TEMPLATES, SERVICE_LABELS, parseSlotId, shanghaiMinuteOfDay, timeOf } from '@domain/booking';
import { COLLECTIONS, type BookingRecord, type ClosureJobRecord, type WaitlistEntryRecord, type WaitlistRecord } from '@platform/cloud/collections';
import { findById, findMany, updated } from '@platform/cloud/documents';
import { readInTransaction } from '@platform/cloud/transaction';
import { database } from '@platform/cloud/wx';
import { sendBookingMessage } from './messages';
import { bookingTransaction, releaseHeldPlaces } from './places';
import { asDate } from './shared';

const PAGE = 50;

export const closureJobId = (stationId: string, day: string, time: string | undefined) => `closure:${stationId}:${day}:${time ?? 'day'}`;

export interface ClosureProgress {
  affected: number;
  waitlistEnded: number;
  notified: number;
  /** False when time ran out first: housekeeping carries on. */
  finished: boolean;
}

/** Tells one resident their booked time was closed; without a subscription left they still see it on 我的预约. */
const notifyClosed = (booking: BookingRecord, reason: string): Promise<boolean> =>
  sendBookingMessage(
    booking.accountId,
    BOOKING_TEMPLATES.slotClosed,
    { service: SERVICE_LABELS[booking.service], time: `${booking.day} ${timeOf(shanghaiMinuteOfDay(asDate(booking.start)))}`, detail: reason, hint: '大厅临时停办，请在我的预约里改约' },
    booking._id,
  );

/** Ends one waitlist of the closed time in a transaction (held places back to the pool); the people in it are returned to be told. */
async function endWaitlist(slotId: string, now: Date): Promise<WaitlistEntryRecord[]> {
  return bookingTransaction(async (transaction) => {
    const fresh = await readInTransaction<WaitlistRecord>(transaction, COLLECTIONS.waitlists, slotId);
    const live = fresh?.entries.filter((entry) => entry.status === 'waiting' || entry.status === 'holding') ?? [];
    if (!fresh || live.length === 0) return [];
    await releaseHeldPlaces(transaction, fresh.heldPlaces ?? [], now);
    await transaction
      .collection(COLLECTIONS.waitlists)
      .doc(slotId)
      .update({ data: { entries: fresh.entries.map((entry) => (live.includes(entry) ? { ...entry, status: 'left' } : entry)), heldPlaces: [], updatedAt: now } });
    return live;
  });
}

/** Works on a closure job until it is done or `deadline` (ms, real time) passes; progress is stored after every page. */
export async function runClosure(job: ClosureJobRecord, now: Date, deadline: number): Promise<ClosureProgress> {
  const _ = database().command;
  const progress: ClosureProgress = { affected: 0, waitlistEnded: 0, notified: 0, finished: false };
  const jobs = database().collection(COLLECTIONS.timerCursors);
  const inClosedTime = (start: unknown) => job.time === undefined || timeOf(shanghaiMinuteOfDay(asDate(start))) === job.time;
  let afterId = job.afterId;
  while (job.phase === 'bookings') {
    if (Date.now() >= deadline) return progress;
    const page = await findMany<BookingRecord>(
      database()
        .collection(COLLECTIONS.bookings)
        .where({ stationId: job.stationId, day: job.day, _id: _.gt(afterId) })
        .orderBy('_id', 'asc')
        .limit(PAGE),
    );
    let marked = 0;
    for (const booking of page) {
      afterId = booking._id;
      if (booking.status !== 'booked' || booking.closure || !inClosedTime(booking.start)) continue;
      // Marked once: of two runs only one sees updated === 1, and only it sends the message.
      const changed = await updated(
        database()
          .collection(COLLECTIONS.bookings)
          .where({ _id: booking._id, status: 'booked', closure: _.exists(false) })
          .update({ data: { closure: { reason: job.reason, closedAt: now, closedBy: job.closedBy }, updatedAt: now } }),
      );
      if (changed !== 1) continue;
      marked++;
      progress.affected++;
      if (await notifyClosed(booking, job.reason)) progress.notified++;
    }
    if (page.length < PAGE) job.phase = 'waitlists';
    await jobs.doc(job._id).update({ data: { afterId, phase: job.phase, affected: _.inc(marked), updatedAt: now } });
  }
  if (Date.now() >= deadline) return progress;
  const queues = await findMany<WaitlistRecord>(database().collection(COLLECTIONS.waitlists).where({ stationId: job.stationId, day: job.day }).limit(100));
  for (const queue of queues) {
    if (job.time !== undefined && !queue._id.endsWith(`:${job.time.replace(':', '')}`)) continue;
    if (Date.now() >= deadline) return progress;
    const ended = await endWaitlist(queue._id, now);
    progress.waitlistEnded += ended.length;
    for (const entry of ended) {
      const ref = parseSlotId(entry.slotId);
      if (!ref) continue;
      const message = { service: SERVICE_LABELS[ref.service], time: `${ref.day} ${ref.hhmm.slice(0, 2)}:${ref.hhmm.slice(2)}`, detail: job.reason, hint: '大厅临时停办，候补已取消' };
      if (await sendBookingMessage(entry.accountId, BOOKING_TEMPLATES.slotClosed, message, entry.id)) progress.notified++;
    }
  }
  await jobs.doc(job._id).update({ data: { phase: 'done', updatedAt: now } });
  progress.finished = true;
  return progress;
}

/** Housekeeping: carries on closure jobs a cut-off closeHall left unfinished. */
export async function finishClosures(now: Date, deadline: number): Promise<{ jobs: number; affected: number; finished: number }> {
  const pending = await findMany<ClosureJobRecord>(
    database().collection(COLLECTIONS.timerCursors).where({ kind: 'closure', phase: database().command.in(['bookings', 'waitlists']) }).orderBy('_id', 'asc').limit(20),
  );
  const totals = { jobs: pending.length, affected: 0, finished: 0 };
  for (const job of pending) {
    if (Date.now() >= deadline) break;
    const current = await findById<ClosureJobRecord>(COLLECTIONS.timerCursors, job._id);
    if (!current) continue;
    const progress = await runClosure(current, now, deadline);
    totals.affected += progress.affected;
    if (progress.finished) totals.finished++;
  }
  return totals;
}
