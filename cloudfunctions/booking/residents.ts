import type { bookingActions, BookingServiceView } from '@domain/actions/booking';
import {
  SERVICES,
  SERVICE_DESK_LABELS,
  availability,
  bookingIdFor,
  canCancel,
  canReschedule,
  canReserve,
  capacityOf,
  checkLimits,
  parseSlotId,
  refusalError,
  refuse,
  restrictionFor,
  serviceMinutes,
  shanghaiDay,
  type ServiceKind,
} from '@domain/booking';
import { ActionError } from '@domain/errors';
import { COLLECTIONS, type BookingPersonRecord, type BookingRecord, type FamilyMemberRecord, type SlotCounterRecord, type UserRecord } from '@platform/cloud/collections';
import { assertTextIsSafe } from '@platform/cloud/content-security';
import { requireUser, type Handlers } from '@platform/cloud/create-function';
import { findById, findMany, isoDate, updated } from '@platform/cloud/documents';
import { inTransaction, readInTransaction } from '@platform/cloud/transaction';
import { database } from '@platform/cloud/wx';
import { personKeyOfAccount } from './secrets';
import { FULL_MESSAGE, asDate, bookingView, hallConfigOf, hallConfigOfSlot, newBooking, releasePlace, stationNames, takePlace } from './shared';
import { freePlace } from './waitlist-places';

type ResidentHandlers = Pick<Handlers<typeof bookingActions>, 'listServices' | 'availability' | 'reserve' | 'cancel' | 'reschedule' | 'myBookings'>;

/** Active bookings per account (its own and those for family members). */
export const ACCOUNT_CAP = 3;

export interface Person {
  personKey: string;
  record: BookingPersonRecord;
  /** For refusal messages: "本人" or the family member's name. */
  label: string;
}

export async function resolvePerson(user: UserRecord, person: { self: true } | { familyMemberId: string }): Promise<Person> {
  if ('self' in person) {
    return { personKey: personKeyOfAccount(user._id), record: { self: true, name: user.nickname }, label: '本人' };
  }
  const member = await findById<FamilyMemberRecord>(COLLECTIONS.familyMembers, person.familyMemberId);
  if (!member || member.accountId !== user._id) throw new ActionError('NOT_FOUND', '没有找到这位家人，请先在“我的家人”里保存');
  return {
    personKey: member.personKey,
    record: { self: false, name: member.name, familyMemberId: member._id, idNumberMasked: member.idNumberMasked, phoneMasked: member.phoneMasked },
    label: member.name,
  };
}

/** Active bookings made by the account or for the person (what checkLimits needs). */
async function activeBookingsFor(accountId: string, personKey: string, now: Date): Promise<BookingRecord[]> {
  const _ = database().command;
  const bookings = database().collection(COLLECTIONS.bookings);
  const [byAccount, byPerson] = await Promise.all([
    findMany<BookingRecord>(bookings.where({ accountId, status: 'booked', end: _.gt(now) }).limit(100)),
    findMany<BookingRecord>(bookings.where({ personKey, status: 'booked', end: _.gt(now) }).limit(100)),
  ]);
  const all = new Map<string, BookingRecord>();
  for (const booking of [...byAccount, ...byPerson]) all.set(booking._id, booking);
  return [...all.values()];
}

/** No-show restriction, then the per-person and per-account limits. Returns a same-slot booking when there is one. */
export async function assertMayBook(accountId: string, person: Person, service: ServiceKind, slotId: string, now: Date, replacing?: string): Promise<BookingRecord | undefined> {
  if (!replacing) {
    const noShows = await findMany<BookingRecord>(
      database().collection(COLLECTIONS.bookings).where({ personKey: person.personKey, status: 'noShow' }).field({ start: true }).limit(100),
    );
    const restriction = restrictionFor(noShows.map((booking) => asDate(booking.start)), now);
    if (restriction.restricted) throw refusalError(refuse('RESTRICTED', restriction.message));
  }
  const active = await activeBookingsFor(accountId, person.personKey, now);
  const limits = checkLimits(
    active.map((booking) => ({ ...booking, id: booking._id })),
    { accountId, personKey: person.personKey, service, slotId, personLabel: person.label, ...(replacing ? { replacing } : {}) },
    { accountCap: ACCOUNT_CAP },
  );
  if (!limits.ok) throw refusalError(limits);
  return limits.sameBooking;
}

async function ownBooking(user: UserRecord, bookingId: string): Promise<BookingRecord> {
  const booking = await findById<BookingRecord>(COLLECTIONS.bookings, bookingId);
  // Someone else's booking is "not found": ids must not reveal whether a booking exists.
  if (!booking || booking.accountId !== user._id) throw new ActionError('NOT_FOUND', '没有找到这个预约');
  return booking;
}

export const residentHandlers: ResidentHandlers = {
  async listServices({ stationId }) {
    const config = await hallConfigOf(stationId);
    const stationName = await stationNames()(stationId);
    const services: BookingServiceView[] = config.services.map((offer) => {
      const info = SERVICES[offer.kind];
      return {
        kind: offer.kind,
        label: info.label,
        summary: info.summary,
        desk: info.desk,
        deskLabel: SERVICE_DESK_LABELS[info.desk],
        minutes: serviceMinutes(offer),
        onSitePhoto: info.onSitePhoto,
        materials: info.materials.map((item) => ({ ...item })),
        placesPerSlot: capacityOf(config, offer),
      };
    });
    return {
      stationId,
      stationName,
      horizonDays: config.horizonDays,
      bookingCutoffMinutes: config.bookingCutoffMinutes,
      cancelCutoffMinutes: config.cancelCutoffMinutes,
      services,
    };
  },

  async availability({ stationId, service, from }, context) {
    const config = await hallConfigOf(stationId);
    const _ = database().command;
    // Every counter of the horizon in one query; a slot without a counter has all its places.
    const counters = await findMany<SlotCounterRecord>(
      database()
        .collection(COLLECTIONS.slotCounters)
        .where({ stationId, service, day: _.gte(shanghaiDay(context.now)) })
        .field({ capacity: true, remaining: true })
        .limit(1000),
    );
    const booked = new Map(counters.map((counter) => [counter._id, Math.max(0, counter.capacity - counter.remaining)]));
    const days = availability(config, service, context.now, booked).filter((entry) => from === undefined || entry.day >= from);
    return {
      stationId,
      service,
      days: days.map((entry) => ({
        day: entry.day,
        status: entry.status,
        ...(entry.closedReason ? { closedReason: entry.closedReason } : {}),
        ...(entry.note !== undefined ? { note: entry.note } : {}),
        slots: entry.slots.map((slot) => ({ slotId: slot.slotId, time: slot.time, start: isoDate(slot.start), left: slot.left })),
      })),
    };
  },

  async reserve({ slotId, person, needs }, context) {
    const { user, openid } = requireUser(context);
    const { now } = context;
    const config = await hallConfigOfSlot(slotId);
    const check = canReserve(config, slotId, now);
    if (!check.ok) throw refusalError(check);
    const { slot } = check;
    const ref = parseSlotId(slotId);
    if (!ref) throw refusalError(refuse('UNKNOWN_SLOT'));
    const who = await resolvePerson(user, person);
    const bookingId = bookingIdFor(slotId, who.personKey);
    const stationName = await stationNames()(ref.stationId);

    // A repeated request (double tap, retry after a timeout) answers with the booking it made.
    const existing = await findById<BookingRecord>(COLLECTIONS.bookings, bookingId);
    if (existing && existing.status === 'booked' && existing.accountId === user._id && existing.personKey === who.personKey && existing.slotId === slotId) return bookingView(existing, stationName);
    const same = await assertMayBook(user._id, who, ref.service, slotId, now);
    if (same) return bookingView(same, stationName);
    if (needs.greenChannelReason) await assertTextIsSafe(openid, needs.greenChannelReason, 1);

    if (!(await takePlace(slotId, slot.capacity, now))) throw refusalError(refuse('FULL', FULL_MESSAGE));
    // From here a place is ours: any failure gives it back, so nothing is left half-done.
    let outcome: { booking: BookingRecord; raced: boolean };
    try {
      const record = await newBooking(slot, { accountId: user._id, personKey: who.personKey, person: who.record, needs }, now);
      outcome = await inTransaction(async (transaction) => {
        const current = await readInTransaction<BookingRecord>(transaction, COLLECTIONS.bookings, bookingId);
        if (current && current.status === 'booked') return { booking: current, raced: true };
        // New, or a cancelled booking of the same person and slot made active again.
        const { _id, ...data } = record;
        await transaction.collection(COLLECTIONS.bookings).doc(bookingId).set({ data });
        return { booking: record, raced: false };
      });
    } catch (error) {
      await releasePlace(slotId);
      throw error;
    }
    // A concurrent identical request won: it holds the place, ours goes back.
    if (outcome.raced) await releasePlace(slotId);
    return bookingView(outcome.booking, stationName);
  },

  async cancel({ bookingId }, context) {
    const { user } = requireUser(context);
    const booking = await ownBooking(user, bookingId);
    const config = await hallConfigOf(booking.stationId);
    // A time the hall closed may be given up until it starts: the cut-off protects the hall's plan, which changed.
    const check = canCancel({ status: booking.status, start: asDate(booking.start) }, context.now, booking.closure ? { cancelCutoffMinutes: 0 } : config);
    if (!check.ok) throw refusalError(check);
    // Conditional: of two racing cancels (or a cancel racing a reschedule) only one frees the place.
    const changed = await updated(
      database()
        .collection(COLLECTIONS.bookings)
        .where({ _id: bookingId, status: 'booked', slotId: booking.slotId })
        .update({ data: { status: 'cancelled', cancelledAt: context.now, updatedAt: context.now } }),
    );
    if (changed !== 1) throw refusalError(refuse('NOT_ACTIVE'));
    await freePlace(booking.slotId, context.now);
    return bookingView({ ...booking, status: 'cancelled', cancelledAt: context.now }, await stationNames()(booking.stationId));
  },

  async reschedule({ bookingId, slotId }, context) {
    const { user } = requireUser(context);
    const { now } = context;
    const booking = await ownBooking(user, bookingId);
    const [oldConfig, newConfig] = await Promise.all([hallConfigOf(booking.stationId), hallConfigOfSlot(slotId)]);
    const check = canReschedule(
      { status: booking.status, start: asDate(booking.start), slotId: booking.slotId, service: booking.service },
      slotId,
      now,
      booking.closure ? { cancelCutoffMinutes: 0 } : oldConfig,
      newConfig,
    );
    if (!check.ok) throw refusalError(check);
    const ref = parseSlotId(slotId);
    if (!ref) throw refusalError(refuse('UNKNOWN_SLOT'));
    await assertMayBook(user._id, { personKey: booking.personKey, record: booking.person, label: booking.person.self ? '本人' : booking.person.name }, booking.service, slotId, now, booking._id);

    const newId = bookingIdFor(slotId, booking.personKey);
    // 1. Take the new place; if that fails, nothing has changed.
    if (!(await takePlace(slotId, check.slot.capacity, now))) throw refusalError(refuse('FULL', FULL_MESSAGE));
    // 2. Move the booking in one transaction (new document booked, old one cancelled).
    let moved: BookingRecord;
    try {
      moved = await newBooking(check.slot, booking, now, { rescheduledFrom: booking._id });
      const { _id, ...data } = moved;
      await inTransaction(async (transaction) => {
        const current = await readInTransaction<BookingRecord>(transaction, COLLECTIONS.bookings, booking._id);
        if (!current || current.status !== 'booked' || current.slotId !== booking.slotId) throw refusalError(refuse('NOT_ACTIVE'));
        const target = await readInTransaction<BookingRecord>(transaction, COLLECTIONS.bookings, newId);
        if (target && target.status === 'booked') throw new ActionError('CONFLICT', '这个时段已经有这位办事人的预约了');
        await transaction.collection(COLLECTIONS.bookings).doc(newId).set({ data });
        await transaction
          .collection(COLLECTIONS.bookings)
          .doc(booking._id)
          .update({ data: { status: 'cancelled', cancelledAt: now, updatedAt: now, rescheduledTo: newId } });
      });
    } catch (error) {
      await releasePlace(slotId);
      throw error;
    }
    // 3. Only now give the old place back (to the first on its waitlist, if anyone waits).
    await freePlace(booking.slotId, now);
    return bookingView(moved, await stationNames()(ref.stationId));
  },

  async myBookings(_input, context) {
    const { user } = requireUser(context);
    const all = await findMany<BookingRecord>(
      database().collection(COLLECTIONS.bookings).where({ accountId: user._id }).orderBy('start', 'desc').limit(200),
    );
    const names = stationNames();
    const now = context.now.getTime();
    // A booking moved to another slot lives on as the new one; the old document is history only.
    const shown = all.filter((booking) => !booking.rescheduledTo);
    const views = await Promise.all(shown.map(async (booking) => ({ booking, view: bookingView(booking, await names(booking.stationId)) })));
    const upcoming = views.filter(({ booking }) => booking.status === 'booked' && asDate(booking.end).getTime() > now).map(({ view }) => view);
    const past = views.filter(({ booking }) => !(booking.status === 'booked' && asDate(booking.end).getTime() > now)).map(({ view }) => view);
    upcoming.reverse();
    return { upcoming, past };
  },
};
