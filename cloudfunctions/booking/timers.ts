import type { bookingActions } from '@domain/actions/booking';
import { REMINDER_TEMPLATES, HOUR_MS, MINUTE_MS, SERVICE_LABELS, isNoShow, remindersDue, shanghaiMinuteOfDay, timeOf, type ReminderKind } from '@domain/booking';
import { COLLECTIONS, type BookingRecord, type TimerCursorRecord } from '@platform/cloud/collections';
import type { Handlers } from '@platform/cloud/create-function';
import { findById, findMany, updated } from '@platform/cloud/documents';
import { database } from '@platform/cloud/wx';
import { finishClosures } from './closures';
import { checkPlaces } from './place-check';
import { sendBookingMessage } from './messages';
import { asDate, stationNames } from './shared';
import { expireHolds } from './waitlist-places';

type TimerHandlers = Pick<Handlers<typeof bookingActions>, 'sendBookingReminders' | 'markNoShows' | 'hallHousekeeping'>;

/**
 * CloudBase stops a function at its timeout (config.json: 3 s by default). Each timer job works
 * in pages and stops starting new work once its share of the run is spent; what it did not reach
 * is found by the next run (its stored cursor, or the flags it sets), so nothing is lost.
 */
const timerBudgetMs = (): number => Number(process.env.BOOKING_TIMER_BUDGET_MS ?? 2000);
const PAGE = 50;

/** A reminder claimed by a run that was cut off before sending is sent by a later run once the claim is this old. */
export const REMINDER_LEASE_MS = 2 * MINUTE_MS;

const FLAG: Record<ReminderKind, 'remindedDayBeforeAt' | 'remindedHourBeforeAt'> = {
  dayBefore: 'remindedDayBeforeAt',
  hourBefore: 'remindedHourBeforeAt',
};

const asReminderBooking = (booking: BookingRecord): BookingRecord => ({
  ...booking,
  start: asDate(booking.start),
  end: asDate(booking.end),
  createdAt: asDate(booking.createdAt),
});

type TimeField = 'start' | 'end';

/**
 * Pages through bookings matching `filter` in (field, _id) order from a cursor stored in
 * `timer_cursors/<job>`. `range` bounds the field; the cursor, when inside it, starts later.
 */
async function nextPage(job: string, filter: Record<string, unknown>, field: TimeField, range: { gt?: Date; lt?: Date; lte?: Date }): Promise<{ page: BookingRecord[]; cursor: { at?: Date; afterId: string } }> {
  const _ = database().command;
  const stored = await findById<TimerCursorRecord>(COLLECTIONS.timerCursors, job);
  const storedAt = stored?.at ? asDate(stored.at) : undefined;
  const inRange = storedAt && (!range.gt || storedAt.getTime() > range.gt.getTime()) && (!range.lt || storedAt < range.lt) && (!range.lte || storedAt <= range.lte);
  const bookings = database().collection(COLLECTIONS.bookings);
  const bound = (from: Date | undefined) => {
    const lower = from ?? range.gt;
    const conditions: unknown[] = [];
    if (lower) conditions.push(_.gt(lower));
    if (range.lt) conditions.push(_.lt(range.lt));
    if (range.lte) conditions.push(_.lte(range.lte));
    return _.and(...(conditions as Parameters<typeof _.and>));
  };
  let page: BookingRecord[] = [];
  if (inRange && stored) {
    // The rest of the documents sharing the cursor's time, then everything after it.
    page = await findMany<BookingRecord>(bookings.where({ ...filter, [field]: storedAt, _id: _.gt(stored.afterId) }).orderBy(field, 'asc').orderBy('_id', 'asc').limit(PAGE));
  }
  if (page.length < PAGE) {
    const rest = await findMany<BookingRecord>(
      bookings
        .where({ ...filter, [field]: bound(inRange ? storedAt : undefined) })
        .orderBy(field, 'asc')
        .orderBy('_id', 'asc')
        .limit(PAGE - page.length),
    );
    page = [...page, ...rest];
  }
  return { page, cursor: { ...(inRange ? { at: storedAt } : {}), afterId: inRange ? (stored?.afterId ?? '') : '' } };
}

async function saveCursor(job: string, cursor: { at?: Date; afterId: string }, now: Date): Promise<void> {
  await database()
    .collection(COLLECTIONS.timerCursors)
    .doc(job)
    .set({ data: { ...(cursor.at ? { at: cursor.at } : {}), afterId: cursor.afterId, updatedAt: now } });
}

/**
 * Walks a job's pages until done or `deadline`; `visit` handles one booking. The cursor is saved
 * after each page (and cleared when the walk reached the end), so a cut-off run resumes there.
 */
async function walk(
  job: string,
  now: Date,
  deadline: number,
  filter: Record<string, unknown>,
  field: TimeField,
  range: { gt?: Date; lt?: Date; lte?: Date },
  visit: (booking: BookingRecord) => Promise<void>,
): Promise<{ finished: boolean }> {
  for (;;) {
    if (Date.now() >= deadline) return { finished: false };
    const { page, cursor } = await nextPage(job, filter, field, range);
    let done = cursor;
    for (const booking of page) {
      if (Date.now() >= deadline) break;
      await visit(booking);
      done = { at: asDate(booking[field]), afterId: booking._id };
    }
    const reachedEnd = page.length < PAGE && done.afterId === (page[page.length - 1]?._id ?? done.afterId);
    await saveCursor(job, reachedEnd ? { afterId: '' } : done, now);
    if (reachedEnd) return { finished: true };
  }
}

async function sendReminders(now: Date, deadline: number): Promise<{ dayBefore: number; hourBefore: number; sent: number }> {
  const _ = database().command;
  const names = stationNames();
  const totals = { dayBefore: 0, hourBefore: 0, sent: 0 };
  // The day-before window opens at most 24 h before a slot; the hour-before one 1 h before.
  await walk('bookingReminders', now, deadline, { status: 'booked' }, 'start', { gt: now, lte: new Date(now.getTime() + 25 * HOUR_MS) }, async (stored) => {
    // A closed time gets no reminder: the resident was told to move it.
    if (stored.closure) return;
    const booking = asReminderBooking(stored);
    const due = remindersDue([booking], now);
    for (const kind of ['dayBefore', 'hourBefore'] as const) {
      if (due[kind].length === 0) continue;
      totals[kind]++;
      // Claim first (of two overlapping runs only one sees updated === 1); a claim whose run
      // was cut off before sending runs out after REMINDER_LEASE_MS and is taken again.
      const lease = `reminderClaims.${kind}`;
      const claimed = await updated(
        database()
          .collection(COLLECTIONS.bookings)
          .where({ _id: booking._id, status: 'booked', [FLAG[kind]]: _.exists(false), [lease]: _.or(_.exists(false), _.lt(new Date(now.getTime() - REMINDER_LEASE_MS))) })
          .update({ data: { [lease]: now } }),
      );
      if (claimed !== 1) continue;
      const message = {
        service: SERVICE_LABELS[booking.service],
        time: `${booking.day} ${timeOf(shanghaiMinuteOfDay(booking.start))}`,
        detail: (await names(booking.stationId)) || '派出所服务大厅',
        hint: kind === 'dayBefore' ? '明天办理，请带齐材料' : '1小时后办理，请准时到达',
      };
      if (await sendBookingMessage(booking.accountId, REMINDER_TEMPLATES[kind], message, booking._id)) totals.sent++;
      await database()
        .collection(COLLECTIONS.bookings)
        .doc(booking._id)
        .update({ data: { [FLAG[kind]]: now } });
    }
  });
  return totals;
}

async function markOverdue(now: Date, deadline: number): Promise<{ marked: number }> {
  let marked = 0;
  const since = new Date(now.getTime() - 7 * 24 * HOUR_MS);
  await walk('bookingNoShows', now, deadline, { status: 'booked' }, 'end', { gt: since, lt: now }, async (booking) => {
    // Nobody is a no-show for a time the hall itself closed.
    if (booking.closure || !isNoShow({ status: booking.status, end: asDate(booking.end) }, now)) return;
    marked += await updated(
      database()
        .collection(COLLECTIONS.bookings)
        .where({ _id: booking._id, status: 'booked' })
        .update({ data: { status: 'noShow', noShowAt: now, updatedAt: now } }),
    );
  });
  return { marked };
}

/** The run's end for a job given `share` of what is left of the budget. */
const deadlineFor = (runEnd: number, share: number) => Date.now() + Math.max(0, runEnd - Date.now()) * share;

export const timerHandlers: TimerHandlers = {
  async sendBookingReminders(_input, context) {
    return sendReminders(context.now, Date.now() + timerBudgetMs());
  },

  async hallHousekeeping(_input, context) {
    const { now } = context;
    const runEnd = Date.now() + timerBudgetMs();
    const reminders = await sendReminders(now, deadlineFor(runEnd, 0.4));
    const noShows = await markOverdue(now, deadlineFor(runEnd, 0.4));
    const waitlist = await expireHolds(now, deadlineFor(runEnd, 0.5));
    const closures = await finishClosures(now, deadlineFor(runEnd, 0.5));
    const places = await checkPlaces(now, runEnd);
    return { reminders, noShows, waitlist, closures, places };
  },

  async markNoShows(_input, context) {
    return markOverdue(context.now, Date.now() + timerBudgetMs());
  },
};
