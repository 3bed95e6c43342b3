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
  slotsFor,
  timeOf,
  tryMinutesOf,
  type Closure,
  type HallConfig,
} from '@domain/booking';
import { ActionError } from '@domain/errors';
import { COLLECTIONS, type BookingRecord, type ClosureJobRecord, type HallConfigRecord } from '@platform/cloud/collections';
import { requireUser, type Handlers } from '@platform/cloud/create-function';
import { findById, findMany, isoDate, updated } from '@platform/cloud/documents';
import { readInTransaction } from '@platform/cloud/transaction';
import { database } from '@platform/cloud/wx';
import { closureJobId, runClosure } from './closures';
import { bookingTransaction } from './places';
import { asDate, hallConfigOf, rosterEntryView } from './shared';

/** closeHall's own share of the function's 3 s; what is left is finished by hallHousekeeping. */
const closeHallBudgetMs = (): number => Number(process.env.BOOKING_CLOSE_HALL_BUDGET_MS ?? 1500);

type HallHandlers = Pick<Handlers<typeof bookingActions>, 'hallRoster' | 'checkIn' | 'closeHall'>;

/** The closure for a whole day, or for the one slot time starting at `time` (any service's grid). */
function closureFor(config: HallConfig, day: string, time: string | undefined, reason: string): Closure {
  if (time === undefined) return { day, reason };
  const start = tryMinutesOf(time) as number;
  const onGrid = config.services.some((offer) => slotsFor(config, offer.kind, day).some((slot) => slot.time === time));
  if (!onGrid) throw new ActionError('INVALID_INPUT', `${time} 不是这一天的预约时段，请从名单里选择要停办的时段`, { time: '不是这一天的预约时段' });
  return { day, period: { start: time, end: timeOf(start + config.slotMinutes) }, reason };
}

const sameClosure = (a: Closure, b: Closure) => a.day === b.day && a.period?.start === b.period?.start && !a.services && !b.services;

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
    // A typed code is only unique among this station's bookings of today: the booking claiming it holds it as its codeKey (unique index).
    [booking] = await findMany<BookingRecord>(database().collection(COLLECTIONS.bookings).where({ codeKey: checkInClaimId(stationId, today, ref.code) }).limit(1));
  }
  if (!booking || !matchesCheckIn(ref, { id: booking._id, checkInCode: booking.checkInCode })) throw refusalError(refuse('BAD_CHECK_IN_CODE'));
  // A booking moved to another time (改时间) is checked in as the booking it became: the resident
  // may bring the QR code or the code they wrote down before moving it.
  for (let hops = 0; booking.status === 'cancelled' && booking.rescheduledTo && hops < 10; hops++) {
    const next: BookingRecord | undefined = await findById<BookingRecord>(COLLECTIONS.bookings, booking.rescheduledTo);
    if (!next) break;
    booking = next;
  }
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
    await audit({ type: 'booking.checked-in', stationId, bookingId: booking._id, userId: booking.accountId, by: user._id, at: context.now });
    return rosterEntryView({ ...booking, status: 'checkedIn', checkedInAt: context.now, checkedInBy: user._id });
  },

  async closeHall({ stationId, day, time, reason }, context) {
    const { user } = requireUser(context);
    const { now } = context;
    if (day < shanghaiDay(now)) throw new ActionError('INVALID_INPUT', '这一天已经过去了，不能再停办', { day: '这一天已经过去了' });
    const config = await hallConfigOf(stationId);
    const closure = closureFor(config, day, time, reason);
    const jobId = closureJobId(stationId, day, time);
    // One small transaction: the closure in the config (no new bookings from now on) and the job
    // that marks its bookings and ends its waitlists, page by page (closures.ts).
    const job = await bookingTransaction(async (transaction) => {
      const current = await readInTransaction<HallConfigRecord>(transaction, COLLECTIONS.hallConfigs, stationId);
      if (!current) throw new ActionError('NOT_FOUND', '这个派出所暂未开通网上预约');
      if (!current.closures.some((existing) => sameClosure(existing, closure))) {
        await transaction
          .collection(COLLECTIONS.hallConfigs)
          .doc(stationId)
          .update({ data: { closures: [...current.closures, closure], updatedAt: now } });
      }
      const record: ClosureJobRecord = { _id: jobId, kind: 'closure', stationId, day, ...(time ? { time } : {}), reason, closedBy: user._id, phase: 'bookings', afterId: '', affected: 0, createdAt: now, updatedAt: now };
      const { _id, ...data } = record;
      await transaction.collection(COLLECTIONS.timerCursors).doc(jobId).set({ data: data as unknown as Record<string, unknown> });
      return record;
    });
    const progress = await runClosure(job, now, Date.now() + closeHallBudgetMs());
    const { affected, waitlistEnded, notified } = progress;
    await audit({ type: 'booking.hall-closed', stationId, day, time: time ?? null, reason, affected, waitlistEnded, by: user._id, at: now });
    return { stationId, day, ...(time ? { time } : {}), affected, waitlistEnded, notified, ...(progress.finished ? {} : { continuing: true }) };
  },
};
