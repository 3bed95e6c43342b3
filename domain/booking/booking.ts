/**
 * A booking as the rules see it. The stored record (cloud function) carries more — the person's
 * name, masked ID number and phone, an audit trail — but the domain rules only read these fields,
 * and each function asks for just the ones it uses (Pick<Booking, …>).
 */
import type { Needs } from './needs';
import type { ServiceKind } from './services';

export const BOOKING_STATUSES = ['booked', 'checkedIn', 'cancelled', 'noShow'] as const;
export type BookingStatus = (typeof BOOKING_STATUSES)[number];

export const BOOKING_STATUS_LABELS: Record<BookingStatus, string> = {
  booked: '待办理',
  checkedIn: '已签到',
  cancelled: '已取消',
  noShow: '未到场',
};

export interface Booking {
  /** bookingIdFor(slotId, personKey): a double tap lands on the same id. */
  id: string;
  stationId: string;
  service: ServiceKind;
  slotId: string;
  /** Beijing day of the slot, 'YYYY-MM-DD'. */
  day: string;
  start: Date;
  end: Date;
  /** The account (user) that made the booking — counts against its cap. */
  accountId: string;
  /** Whom it is for (the account holder or a family member): personKeyFor(ID number). */
  personKey: string;
  status: BookingStatus;
  needs: Needs;
  /** 6-digit code, unique among the station's bookings of that day. */
  checkInCode: string;
  createdAt: Date;
  /** Set when the reminder went out; remindersDue never returns a booking twice for one kind. */
  remindedDayBeforeAt?: Date;
  remindedHourBeforeAt?: Date;
}

/** Holds a place: booked and the slot not over yet. Checked-in, cancelled and no-show ones do not. */
/** The label a person sees: a booking moved to another time is 已改约, not the 已取消 its old document records. */
export function bookingStatusLabel(booking: { status: BookingStatus; rescheduledTo?: string }): string {
  return booking.status === 'cancelled' && booking.rescheduledTo ? '已改约' : BOOKING_STATUS_LABELS[booking.status];
}

export function isActiveBooking(booking: Pick<Booking, 'status' | 'end'>, now: Date): boolean {
  return booking.status === 'booked' && now.getTime() < booking.end.getTime();
}
