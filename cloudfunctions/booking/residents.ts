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
  weeklyHoursText,
  windowsServing,
  checkInCodeFor,
  checkLimits,
  DAY_MS,
  NO_SHOW_POLICY,
  parseSlotId,
  refusalError,
  refuse,
  restrictionFor,
  serviceMinutes,
  shanghaiDay,
  type Needs,
  type ServiceKind,
  type Slot,
} from '@domain/booking';
import { ActionError } from '@domain/errors';
import { COLLECTIONS, type BookingPersonRecord, type BookingRecord, type FamilyMemberRecord, type UserRecord } from '@platform/cloud/collections';
import { assertTextIsSafe } from '@platform/cloud/content-security';
import { requireUser, type Handlers } from '@platform/cloud/create-function';
import { findById, findMany, isoDate } from '@platform/cloud/documents';
import { readInTransaction } from '@platform/cloud/transaction';
import { database } from '@platform/cloud/wx';
import { bookingTransaction, duplicateOn, givePlaceUp, releasedFields, takenPlaces, withPlaceAttempts } from './places';
import { bookingSecret, personKeyOfAccount } from './secrets';
import { asDate, bookingRecord, bookingView, hallConfigOf, hallConfigOfSlot, stationNames, writeBookingIn } from './shared';
import { FAMILY_MEMBER_CAP } from './family';
import { holdsFor } from './waitlist-entries';
import { notifyOffer } from './waitlist-places';

type ResidentHandlers = Pick<Handlers<typeof bookingActions>, 'listServices' | 'availability' | 'reserve' | 'cancel' | 'reschedule' | 'myBookings'>;

/** Active bookings per account (its own and those for family members). */
export const ACCOUNT_CAP = 3;

export interface Person {
  personKey: string;
  record: BookingPersonRecord;
  /** For refusal messages: "本人" or the family member's name. */
  label: string;
}

/** The family member a booking is for (one of the caller's own), or NOT_FOUND. */
function personOf(member: FamilyMemberRecord | undefined): Person {
  if (!member) throw new ActionError('NOT_FOUND', '没有找到这位家人，请先在“我的家人”里保存');
  return {
    personKey: member.personKey,
    record: { self: false, name: member.name, familyMemberId: member._id, idNumberMasked: member.idNumberMasked, phoneMasked: member.phoneMasked },
    label: member.name,
  };
}

/** How far back a no-show still counts towards a restriction (its window, then the restriction it may start). */
const NO_SHOW_LOOKBACK_MS = (NO_SHOW_POLICY.windowDays + NO_SHOW_POLICY.restrictDays) * DAY_MS;

const LIMITS_STATUSES = ['booked', 'noShow'];

/**
 * The bookings the limits need, by indexed look-ups (bookings.limits_by_account / limits_by_person):
 * those of the account, and for a family member also those anyone made for that person. The account
 * holder's own person key is derived from the account, so nobody else books for it.
 */
async function bookingsForLimits(accountId: string, person: Person, now: Date): Promise<BookingRecord[]> {
  const _ = database().command;
  const since = new Date(now.getTime() - NO_SHOW_LOOKBACK_MS);
  const bookings = database().collection(COLLECTIONS.bookings);
  const byAccount = findMany<BookingRecord>(
    bookings.where({ accountId, end: _.gt(since), status: _.in(LIMITS_STATUSES) }).orderBy('end', 'asc').orderBy('_id', 'asc').limit(100),
  );
  const byPerson = person.record.self
    ? Promise.resolve([])
    : findMany<BookingRecord>(
        bookings.where({ personKey: person.personKey, end: _.gt(since), status: _.in(LIMITS_STATUSES) }).orderBy('end', 'asc').orderBy('_id', 'asc').limit(100),
      );
  const all = new Map<string, BookingRecord>();
  for (const booking of [...(await byAccount), ...(await byPerson)]) all.set(booking._id, booking);
  return [...all.values()];
}

/**
 * Whom a new booking is for and the bookings its limits need, in as few round trips as that person
 * allows (both promises start at once, beside whatever the caller reads meanwhile):
 * - the account holder: nothing to read for the person; the account's bookings in one query;
 * - a family member: the account's family in one query (it names the member asked for), then, in
 *   one query by `limits_by_person`, the bookings of everyone the account books for. An account books
 *   only for itself and the family it saved (removing a member erases the bookings made for them),
 *   so these are all of the account's bookings, and for the member also those other accounts made.
 */
export function personAndLimits(user: UserRecord, person: { self: true } | { familyMemberId: string }, now: Date): { who: Promise<Person>; recent: Promise<BookingRecord[]> } {
  if ('self' in person) {
    const who: Person = { personKey: personKeyOfAccount(user._id), record: { self: true, name: user.nickname }, label: '本人' };
    return { who: Promise.resolve(who), recent: bookingsForLimits(user._id, who, now) };
  }
  const family = findMany<FamilyMemberRecord>(
    database().collection(COLLECTIONS.familyMembers).where({ accountId: user._id }).orderBy('createdAt', 'asc').limit(FAMILY_MEMBER_CAP * 2),
  );
  const who = family.then((members) => personOf(members.find((member) => member._id === person.familyMemberId)));
  const recent = family.then((members) => {
    const _ = database().command;
    const personKeys = [personKeyOfAccount(user._id), ...new Set(members.map((member) => member.personKey))];
    return findMany<BookingRecord>(
      database()
        .collection(COLLECTIONS.bookings)
        .where({ personKey: _.in(personKeys), end: _.gt(new Date(now.getTime() - NO_SHOW_LOOKBACK_MS)), status: _.in(LIMITS_STATUSES) })
        .orderBy('end', 'asc')
        .orderBy('_id', 'asc')
        .limit(300),
    );
  });
  return { who, recent };
}

/**
 * No-show restriction, then the per-person and per-account limits. Returns a same-slot booking when
 * there is one. `read` is the look-up already under way (started beside the hall config's read).
 */
export async function assertMayBook(
  accountId: string,
  person: Person,
  service: ServiceKind,
  slotId: string,
  now: Date,
  replacing?: string,
  read: Promise<BookingRecord[]> = bookingsForLimits(accountId, person, now),
): Promise<BookingRecord | undefined> {
  const recent = await read;
  if (!replacing) {
    const noShows = recent.filter((booking) => booking.status === 'noShow' && booking.personKey === person.personKey);
    const restriction = restrictionFor(noShows.map((booking) => asDate(booking.start)), now);
    if (restriction.restricted) throw refusalError(refuse('RESTRICTED', restriction.message));
  }
  const active = recent.filter((booking) => booking.status === 'booked' && asDate(booking.end).getTime() > now.getTime());
  const limits = checkLimits(
    active.map((booking) => ({ ...booking, id: booking._id })),
    { accountId, personKey: person.personKey, service, slotId, personLabel: person.label, ...(replacing ? { replacing } : {}) },
    { accountCap: ACCOUNT_CAP },
  );
  if (!limits.ok) throw refusalError(limits);
  return limits.sameBooking;
}

/**
 * The person's booking of this very slot answers a repeated request, but only to the account that
 * made it: another account booking the same family member learns nothing about that booking.
 */
function mineOrRefused(booking: BookingRecord, accountId: string): BookingRecord {
  if (booking.accountId === accountId) return booking;
  throw new ActionError('CONFLICT', '这位办事人在这个时段已经有预约了，请选择其他时间');
}

/** A cancelled booking of this person and slot still holding its place for someone on the waitlist: it cannot take a second one. */
const HELD_FOR_WAITLIST = '这个时段您让出的名额正留给候补的人，请选择其他时间';

/**
 * Takes a place, claims a check-in code and writes the booking with one single-document add (the
 * unique indexes on `place` and `codeKey` make it atomic; places.ts). `taken` is the slot's taken
 * places, read beside the other reads of the request. When the booking id exists (a double tap that
 * won, or this person's cancelled booking of the same slot) a transaction reads it and answers with
 * it, or makes it active again with its old code.
 */
export async function placeBooking(
  slot: Slot,
  who: { accountId: string; personKey: string; person: BookingPersonRecord; needs: Needs },
  now: Date,
  taken: Promise<string[]> | string[] = takenPlaces(slot.slotId),
): Promise<{ booking: BookingRecord; raced: boolean }> {
  const ref = parseSlotId(slot.slotId);
  if (!ref) throw refusalError(refuse('UNKNOWN_SLOT'));
  const bookingId = bookingIdFor(slot.slotId, who.personKey);
  let exists = false;
  const added = await withPlaceAttempts(slot.slotId, slot.capacity, taken, async (place, attempt) => {
    const record = bookingRecord(slot, who, checkInCodeFor(bookingId, bookingSecret(), attempt), place, now);
    const { _id, ...data } = record;
    try {
      await database()
        .collection(COLLECTIONS.bookings)
        .add({ data: { _id, ...data } as unknown as Record<string, unknown> });
    } catch (error) {
      if (duplicateOn(error) !== 'id') throw error;
      exists = true;
      return undefined;
    }
    return record;
  });
  if (added && !exists) return { booking: added, raced: false };
  const current = await findById<BookingRecord>(COLLECTIONS.bookings, bookingId);
  if (!current) throw new ActionError('CONFLICT', '情况刚刚有变化，请再点一次预约');
  if (current.status === 'booked') return { booking: mineOrRefused(current, who.accountId), raced: true };
  if (current.placed) throw new ActionError('CONFLICT', HELD_FOR_WAITLIST);
  // The cancelled booking becomes active again: its code stays when its claim is still its own.
  return withPlaceAttempts(slot.slotId, slot.capacity, takenPlaces(slot.slotId), (place, attempt) =>
    bookingTransaction(async (transaction) => {
      const fresh = await readInTransaction<BookingRecord>(transaction, COLLECTIONS.bookings, bookingId);
      if (!fresh) throw new ActionError('CONFLICT', '情况刚刚有变化，请再点一次预约');
      if (fresh.status === 'booked') return { booking: mineOrRefused(fresh, who.accountId), raced: true };
      if (fresh.placed) throw new ActionError('CONFLICT', HELD_FOR_WAITLIST);
      const code = attempt === 0 ? fresh.checkInCode : checkInCodeFor(bookingId, bookingSecret(), attempt);
      const next = bookingRecord(slot, who, code, place, now);
      await writeBookingIn(transaction, next);
      return { booking: next, raced: false };
    }),
  );
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
        windows: windowsServing(config, offer).map((window) => window.name),
        ...(offer.hours ? { hours: weeklyHoursText(offer.hours) } : {}),
        ...(offer.note ? { note: offer.note } : {}),
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
    // Every taken place of the horizon in one query (only its slot id is sent back); a slot without one has all its places.
    const booked = new Map<string, number>();
    for (let page = 0; ; page++) {
      const taken = await findMany<Pick<BookingRecord, '_id' | 'slotId'>>(
        database()
          .collection(COLLECTIONS.bookings)
          .where({ stationId, service, placed: true, day: _.gte(shanghaiDay(context.now)) })
          .orderBy('day', 'asc')
          .orderBy('_id', 'asc')
          .field({ slotId: true })
          .skip(page * 1000)
          .limit(1000),
      );
      for (const { slotId } of taken) booked.set(slotId, (booked.get(slotId) ?? 0) + 1);
      if (taken.length < 1000) break;
    }
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
    // The hall config, the person and their bookings are read side by side (one round trip of
    // waiting instead of two or three); the refusals still come in the same order.
    const configRead = hallConfigOfSlot(slotId);
    const reads = parseSlotId(slotId) ? personAndLimits(user, person, now) : undefined;
    // The slot's taken places too: the booking then needs one write (5 round trips in all).
    const taken = reads ? takenPlaces(slotId) : undefined;
    // A read whose answer is not awaited (an earlier refusal) must not become an unhandled rejection.
    for (const pending of [reads?.who, reads?.recent, taken]) pending?.catch(() => undefined);
    const config = await configRead;
    const check = canReserve(config, slotId, now);
    if (!check.ok) throw refusalError(check);
    const { slot } = check;
    const ref = parseSlotId(slotId);
    if (!ref || !reads || !taken) throw refusalError(refuse('UNKNOWN_SLOT'));
    const who = await reads.who;
    const limitsRead = reads.recent;
    const stationName = stationNames()(ref.stationId);

    // A repeated request (double tap, retry after a timeout) answers with the booking it made.
    const same = await assertMayBook(user._id, who, ref.service, slotId, now, undefined, limitsRead);
    if (same) return bookingView(mineOrRefused(same, user._id), await stationName);
    if (needs.greenChannelReason) await assertTextIsSafe(openid, needs.greenChannelReason, 1);

    const { booking } = await placeBooking(slot, { accountId: user._id, personKey: who.personKey, person: who.record, needs }, now, taken);
    return bookingView(booking, await stationName);
  },

  async cancel({ bookingId }, context) {
    const { user } = requireUser(context);
    const { now } = context;
    // One transaction: the booking is read and cancelled, its place freed (held for the first
    // waiting, or back to the pool). Reading the booking inside it (not before) saves a round trip; the hall config, read
    // meanwhile, is an ordinary read, which a transaction's body may make.
    const { booking, offered } = await bookingTransaction(async (transaction) => {
      const current = await readInTransaction<BookingRecord>(transaction, COLLECTIONS.bookings, bookingId);
      // Someone else's booking is "not found": ids must not reveal whether a booking exists.
      if (!current || current.accountId !== user._id) throw new ActionError('NOT_FOUND', '没有找到这个预约');
      const config = await hallConfigOf(current.stationId);
      // A time the hall closed may be given up until it starts: the cut-off protects the hall's plan, which changed.
      // Of two racing cancels (or a cancel racing a reschedule) only one sees it booked and frees the place.
      const check = canCancel({ status: current.status, start: asDate(current.start) }, now, current.closure ? { cancelCutoffMinutes: 0 } : config);
      if (!check.ok) throw refusalError(check);
      // The place goes back to the pool, or stays on this booking, held for the first waiting.
      const givenUp = await givePlaceUp(transaction, current, now, holdsFor(config, current.slotId));
      await transaction
        .collection(COLLECTIONS.bookings)
        .doc(bookingId)
        .update({ data: { status: 'cancelled', cancelledAt: now, updatedAt: now, ...givenUp.fields } });
      return { booking: current, offered: givenUp.offered };
    });
    if (offered) await notifyOffer(offered);
    return bookingView({ ...booking, status: 'cancelled', cancelledAt: now }, await stationNames()(booking.stationId));
  },

  async reschedule({ bookingId, slotId }, context) {
    const { user } = requireUser(context);
    const { now } = context;
    const booking = await ownBooking(user, bookingId);
    const sameStation = parseSlotId(slotId)?.stationId === booking.stationId;
    const oldConfig = await hallConfigOf(booking.stationId);
    const newConfig = sameStation ? oldConfig : await hallConfigOfSlot(slotId);
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
    const taken = takenPlaces(slotId);
    taken.catch(() => undefined);
    await assertMayBook(user._id, { personKey: booking.personKey, record: booking.person, label: booking.person.self ? '本人' : booking.person.name }, booking.service, slotId, now, booking._id);

    const newId = bookingIdFor(slotId, booking.personKey);
    const holds = holdsFor(oldConfig, booking.slotId);
    const sameDay = ref.stationId === booking.stationId && ref.day === booking.day;
    // One transaction: the old booking gives its place up (held for the first waiting, or back to
    // the pool) and is cancelled, pointing at the new one, which takes a place in the new slot. The
    // resident keeps the code they were given (the claim moves with the booking); only when another
    // booking of that day holds it already is a new one chosen, and the answer says so.
    const { moved, offered } = await withPlaceAttempts(slotId, check.slot.capacity, taken, (place, attempt) =>
      bookingTransaction(async (transaction) => {
        const current = await readInTransaction<BookingRecord>(transaction, COLLECTIONS.bookings, booking._id);
        if (!current || current.status !== 'booked' || current.slotId !== booking.slotId) throw refusalError(refuse('NOT_ACTIVE'));
        const target = await readInTransaction<BookingRecord>(transaction, COLLECTIONS.bookings, newId);
        if (target && target.status === 'booked') throw new ActionError('CONFLICT', '这个时段已经有这位办事人的预约了');
        if (target?.placed) throw new ActionError('CONFLICT', HELD_FOR_WAITLIST);
        const code = attempt === 0 ? current.checkInCode : checkInCodeFor(newId, bookingSecret(), attempt - 1);
        const givenUp = await givePlaceUp(transaction, current, now, holds);
        // The old booking lets its code claim go first when the new one (same station and day) takes it over.
        await transaction
          .collection(COLLECTIONS.bookings)
          .doc(booking._id)
          .update({ data: { status: 'cancelled', cancelledAt: now, updatedAt: now, rescheduledTo: newId, ...givenUp.fields, ...(sameDay && code === current.checkInCode ? { codeKey: releasedFields(booking._id).codeKey } : {}) } });
        const record = bookingRecord(check.slot, booking, code, place, now, {
          rescheduledFrom: booking._id,
          ...(code !== current.checkInCode ? { previousCheckInCode: current.checkInCode } : {}),
        });
        await writeBookingIn(transaction, record);
        return { moved: record, offered: givenUp.offered };
      }),
    );
    if (offered) await notifyOffer(offered);
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
    // Where to go is the hall's now: a window renamed or moved after booking shows as it is today.
    const halls = new Map(await Promise.all([...new Set(upcoming.map((view) => view.stationId))].map(async (stationId) => [stationId, await hallConfigOf(stationId).catch(() => undefined)] as const)));
    for (const view of upcoming) {
      const hall = halls.get(view.stationId);
      const offer = hall?.services.find((service) => service.kind === view.service);
      if (hall && offer) view.windows = windowsServing(hall, offer).map((window) => window.name);
    }
    const past = views.filter(({ booking }) => !(booking.status === 'booked' && asDate(booking.end).getTime() > now)).map(({ view }) => view);
    upcoming.reverse();
    return { upcoming, past };
  },
};
