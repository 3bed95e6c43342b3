/**
 * Which reminders are due. A timer trigger (e.g. every 10 minutes) calls remindersDue, sends
 * each one (subscribe message; the outbox in local mode) and records it with markReminded —
 * ideally as a conditional update (`where({_id, remindedDayBeforeAt: _.exists(false)})`) so two
 * overlapping timer runs cannot both send. A booking with its flag set is never due again.
 *
 * - Day before: from 18:00 Beijing on the previous day until that day's midnight. Missed windows
 *   are skipped (a "tomorrow" message sent on the day would be wrong); the hour-before one covers.
 *   Not sent for bookings made after 18:00 the day before — the confirmation has just been seen.
 * - Hour before: from start − 60 min until the start. Not sent for bookings made inside that hour.
 */
import type { Booking } from './booking';
import { MINUTE_MS, atShanghai, dayStartMs, minutesOf, tryDayNumber } from './time';

export const REMINDER_KINDS = ['dayBefore', 'hourBefore'] as const;
export type ReminderKind = (typeof REMINDER_KINDS)[number];

export const REMINDER_DEFAULTS = { dayBeforeAt: '18:00', hourBeforeMinutes: 60 } as const;

export interface ReminderOptions {
  /** 'HH:mm' on the previous day. */
  dayBeforeAt?: string;
  hourBeforeMinutes?: number;
}

export type ReminderBooking = Pick<Booking, 'status' | 'day' | 'start' | 'createdAt' | 'remindedDayBeforeAt' | 'remindedHourBeforeAt'>;

export interface DueReminders<B> {
  dayBefore: B[];
  hourBefore: B[];
}

/** [from, to) of the day-before window, epoch ms; undefined for a malformed day. */
function dayBeforeWindow(day: string, at: string): [number, number] | undefined {
  const n = tryDayNumber(day);
  if (n === undefined) return undefined;
  const midnight = dayStartMs(n);
  return [midnight - 24 * 60 * MINUTE_MS + minutesOf(at) * MINUTE_MS, midnight];
}

export function remindersDue<B extends ReminderBooking>(bookings: readonly B[], now: Date, options: ReminderOptions = {}): DueReminders<B> {
  const at = options.dayBeforeAt ?? REMINDER_DEFAULTS.dayBeforeAt;
  const lead = (options.hourBeforeMinutes ?? REMINDER_DEFAULTS.hourBeforeMinutes) * MINUTE_MS;
  const t = now.getTime();
  const due: DueReminders<B> = { dayBefore: [], hourBefore: [] };
  for (const b of bookings) {
    if (b.status !== 'booked') continue;
    const start = b.start.getTime();
    const created = b.createdAt.getTime();
    if (!b.remindedDayBeforeAt) {
      const window = dayBeforeWindow(b.day, at);
      if (window && t >= window[0] && t < window[1] && created < window[0]) due.dayBefore.push(b);
    }
    if (!b.remindedHourBeforeAt && t >= start - lead && t < start && created < start - lead) due.hourBefore.push(b);
  }
  return due;
}

/** The booking with the reminder recorded as sent at `at`. */
export function markReminded<B extends ReminderBooking>(booking: B, kind: ReminderKind, at: Date): B {
  return kind === 'dayBefore' ? { ...booking, remindedDayBeforeAt: at } : { ...booking, remindedHourBeforeAt: at };
}

/** When the day-before reminder of a day goes out (for showing "我们会在…提醒您"). */
export const dayBeforeReminderAt = (day: string, at: string = REMINDER_DEFAULTS.dayBeforeAt): Date => new Date(atShanghai(day, at).getTime() - 24 * 60 * MINUTE_MS);
