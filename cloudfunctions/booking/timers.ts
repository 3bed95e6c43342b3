import type { bookingActions } from '@domain/actions/booking';
import { BOOKING_TEMPLATES, HOUR_MS, SERVICE_LABELS, isNoShow, remindersDue, shanghaiDay, shanghaiMinuteOfDay, timeOf, type ReminderKind } from '@domain/booking';
import { COLLECTIONS, type BookingRecord } from '@platform/cloud/collections';
import type { Handlers } from '@platform/cloud/create-function';
import { findMany, updated } from '@platform/cloud/documents';
import { database } from '@platform/cloud/wx';
import { sendBookingMessage } from './messages';
import { asDate, stationNames } from './shared';
import { expireHolds } from './waitlist-places';

type TimerHandlers = Pick<Handlers<typeof bookingActions>, 'sendBookingReminders' | 'markNoShows' | 'hallHousekeeping'>;


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

export const timerHandlers: TimerHandlers = {
  async sendBookingReminders(_input, context) {
    const { now } = context;
    const _ = database().command;
    // The day-before window opens at most 24 h before a slot; the hour-before one 1 h before.
    const candidates = await findMany<BookingRecord>(
      database()
        .collection(COLLECTIONS.bookings)
        .where({ status: 'booked', start: _.gt(now).and(_.lte(new Date(now.getTime() + 25 * HOUR_MS))) })
        .limit(1000),
    );
    // A closed time gets no reminder: the resident was told to move it.
    const due = remindersDue(candidates.filter((booking) => !booking.closure).map(asReminderBooking), now);
    const names = stationNames();
    let sent = 0;
    for (const kind of ['dayBefore', 'hourBefore'] as const) {
      for (const booking of due[kind]) {
        // Claim the reminder first: of two overlapping timer runs only one sees updated === 1.
        const claimed = await updated(
          database()
            .collection(COLLECTIONS.bookings)
            .where({ _id: booking._id, status: 'booked', [FLAG[kind]]: _.exists(false) })
            .update({ data: { [FLAG[kind]]: now } }),
        );
        if (claimed !== 1) continue;
        const message = {
          service: SERVICE_LABELS[booking.service],
          time: `${booking.day} ${timeOf(shanghaiMinuteOfDay(booking.start))}`,
          detail: (await names(booking.stationId)) || '派出所服务大厅',
          hint: kind === 'dayBefore' ? '明天办理，请带齐材料' : '1小时后办理，请准时到达',
        };
        if (await sendBookingMessage(booking.accountId, BOOKING_TEMPLATES.reminder, message, booking._id)) sent++;
      }
    }
    return { dayBefore: due.dayBefore.length, hourBefore: due.hourBefore.length, sent };
  },

  async hallHousekeeping(input, context) {
    const reminders = await timerHandlers.sendBookingReminders(input, context);
    const noShows = await timerHandlers.markNoShows(input, context);
    const waitlist = await expireHolds(context.now);
    return { reminders, noShows, waitlist };
  },

  async markNoShows(_input, context) {
    const { now } = context;
    const _ = database().command;
    const candidates = await findMany<BookingRecord>(
      database()
        .collection(COLLECTIONS.bookings)
        .where({ status: 'booked', end: _.lt(now), day: _.gte(shanghaiDay(new Date(now.getTime() - 7 * 24 * HOUR_MS))) })
        .limit(1000),
    );
    let marked = 0;
    for (const booking of candidates) {
      // Nobody is a no-show for a time the hall itself closed.
      if (booking.closure || !isNoShow({ status: booking.status, end: asDate(booking.end) }, now)) continue;
      marked += await updated(
        database()
          .collection(COLLECTIONS.bookings)
          .where({ _id: booking._id, status: 'booked' })
          .update({ data: { status: 'noShow', noShowAt: now, updatedAt: now } }),
      );
    }
    return { marked };
  },
};
