import type { bookingActions, RosterView } from '@domain/actions/booking';
import {
  checkInClaimId,
  chineseDate,
  matchesCheckIn,
  parseCheckInInput,
  refusalError,
  refuse,
  shanghaiDay,
  shanghaiMinuteOfDay,
  timeOf,
} from '@domain/booking';
import { ActionError } from '@domain/errors';
import { COLLECTIONS, type BookingRecord, type CheckInCodeRecord } from '@platform/cloud/collections';
import { requireUser, type Handlers } from '@platform/cloud/create-function';
import { findById, findMany, isoDate, updated } from '@platform/cloud/documents';
import { database } from '@platform/cloud/wx';
import { asDate, rosterEntryView } from './shared';

type HallHandlers = Pick<Handlers<typeof bookingActions>, 'hallRoster' | 'checkIn'>;

/** Officers' access to residents' personal data is logged. */
async function audit(entry: Record<string, unknown>): Promise<void> {
  await database().collection(COLLECTIONS.auditLog).add({ data: entry });
}

async function bookingForCheckIn(stationId: string, input: string, today: string): Promise<BookingRecord> {
  const ref = parseCheckInInput(input);
  if (!ref) throw refusalError(refuse('BAD_CHECK_IN_CODE', '签到码是6位数字，请核对，或扫描居民的预约二维码'));
  let booking: BookingRecord | undefined;
  if (ref.bookingId) booking = await findById<BookingRecord>(COLLECTIONS.bookings, ref.bookingId);
  else {
    // A typed code is only unique among this station's bookings of today.
    const claim = await findById<CheckInCodeRecord>(COLLECTIONS.checkInCodes, checkInClaimId(stationId, today, ref.code));
    booking = claim ? await findById<BookingRecord>(COLLECTIONS.bookings, claim.bookingId) : undefined;
  }
  if (!booking || !matchesCheckIn(ref, { id: booking._id, checkInCode: booking.checkInCode })) throw refusalError(refuse('BAD_CHECK_IN_CODE'));
  return booking;
}

export const hallHandlers: HallHandlers = {
  async hallRoster({ stationId, day }, context) {
    const { user } = requireUser(context);
    const rosterDay = day ?? shanghaiDay(context.now);
    const bookings = await findMany<BookingRecord>(
      database().collection(COLLECTIONS.bookings).where({ stationId, day: rosterDay }).orderBy('start', 'asc').limit(1000),
    );
    const shown = bookings.filter((booking) => booking.status !== 'cancelled');
    const slots: RosterView['slots'] = [];
    for (const booking of shown) {
      const start = asDate(booking.start);
      const time = timeOf(shanghaiMinuteOfDay(start));
      let slot = slots[slots.length - 1];
      if (!slot || slot.time !== time) {
        slot = { time, start: isoDate(start), entries: [] };
        slots.push(slot);
      }
      slot.entries.push(rosterEntryView(booking));
    }
    await audit({ type: 'booking.roster-viewed', stationId, day: rosterDay, by: user._id, count: shown.length, at: context.now });
    return { stationId, day: rosterDay, slots, total: shown.length };
  },

  async checkIn({ stationId, code }, context) {
    const { user } = requireUser(context);
    const today = shanghaiDay(context.now);
    const booking = await bookingForCheckIn(stationId, code, today);
    if (booking.stationId !== stationId) throw new ActionError('CONFLICT', '这个预约不是在本所办理的，请居民到预约的派出所办理');
    if (booking.day !== today) throw new ActionError('CONFLICT', `这个预约是${chineseDate(booking.day, today)}的，不是今天的`);
    if (booking.status === 'checkedIn') throw new ActionError('CONFLICT', '这位居民已经签到过了');
    if (booking.status === 'cancelled') throw refusalError(refuse('NOT_ACTIVE', '这个预约已经取消了'));
    const _ = database().command;
    // A late arrival already marked as a no-show may still be checked in.
    const changed = await updated(
      database()
        .collection(COLLECTIONS.bookings)
        .where({ _id: booking._id, status: _.in(['booked', 'noShow']) })
        .update({ data: { status: 'checkedIn', checkedInAt: context.now, checkedInBy: user._id, updatedAt: context.now } }),
    );
    if (changed !== 1) throw new ActionError('CONFLICT', '这位居民已经签到过了');
    await audit({ type: 'booking.checked-in', stationId, bookingId: booking._id, by: user._id, at: context.now });
    return rosterEntryView({ ...booking, status: 'checkedIn', checkedInAt: context.now, checkedInBy: user._id });
  },
};
