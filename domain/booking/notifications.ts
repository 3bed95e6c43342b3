/**
 * Subscribe-message templates of the booking function (ids as registered in the WeChat admin
 * console). One definition: the client asks the resident to accept these ids, the function sends
 * with them — a renamed id breaks both sides together.
 */
export const BOOKING_TEMPLATES = {
  /** The day before a booking. */
  dayBeforeReminder: 'tmpl-booking-reminder',
  /**
   * One hour before it. A template of its own: each accepted template lets the cloud send one
   * message, so one acceptance could carry only one of the two reminders.
   */
  hourBeforeReminder: 'tmpl-booking-reminder-hour',
  /** The hall closed a booked slot: offer another time. */
  slotClosed: 'tmpl-booking-slot-closed',
  /** A place freed for the first person on a slot's waitlist, held for them for 30 minutes. */
  waitlistOffer: 'tmpl-booking-waitlist-offer',
} as const;

export type BookingTemplate = (typeof BOOKING_TEMPLATES)[keyof typeof BOOKING_TEMPLATES];

/** What a resident is asked to accept when confirming a booking, in one prompt (WeChat allows ≤ 3 per prompt). */
export const BOOKING_CONFIRM_TEMPLATES: readonly BookingTemplate[] = [BOOKING_TEMPLATES.dayBeforeReminder, BOOKING_TEMPLATES.hourBeforeReminder, BOOKING_TEMPLATES.slotClosed];

/** The template each reminder goes out on. */
export const REMINDER_TEMPLATES = { dayBefore: BOOKING_TEMPLATES.dayBeforeReminder, hourBefore: BOOKING_TEMPLATES.hourBeforeReminder } as const;

/** The page a booking message opens. */
export const MY_BOOKINGS_PAGE = 'packages/booking/pages/mine/index';
