import type { WaitlistEntryView, bookingActions } from '@domain/actions/booking';
import {
  MAX_WAITING_PER_SLOT,
  MAX_WAITLISTS_PER_ACCOUNT,
  SERVICE_LABELS,
  TOO_MANY_WAITLISTS_MESSAGE,
  WAITLIST_FULL_MESSAGE,
  bookingIdFor,
  canReserve,
  checkInCodeFor,
  claimHold,
  fnv1a64,
  hashBase32,
  joinWaitlist,
  leaveWaitlist,
  parseSlotId,
  refusalError,
  refuse,
  shanghaiDay,
  trimFinished,
} from '@domain/booking';
import { ActionError } from '@domain/errors';
import { recordStationEvent } from '@platform/cloud/station-events';
import { COLLECTIONS, type BookingRecord, type WaitlistEntryRecord, type WaitlistRecord } from '@platform/cloud/collections';
import { assertTextIsSafe } from '@platform/cloud/content-security';
import { requireUser, type Handlers } from '@platform/cloud/create-function';
import { findById, findMany, isoDate } from '@platform/cloud/documents';
import { readInTransaction } from '@platform/cloud/transaction';
import { bookingTransaction, duplicateOn, freePlaces, placeReleased, releaseHeldPlaces, takenPlaces } from './places';
import { bookingSecret } from './secrets';
import { database } from '@platform/cloud/wx';
import { assertMayBook, personAndLimits } from './residents';
import { FULL_MESSAGE, bookingRecord, bookingView, hallConfigOfSlot, needsView, personView, stationNames, writeBookingIn } from './shared';
import { entriesOf, holdOptions, notifyOffer } from './waitlist-places';

type WaitlistHandlers = Pick<Handlers<typeof bookingActions>, 'joinWaitlist' | 'myWaitlist' | 'claimWaitlistHold' | 'leaveWaitlist'>;

const isLive = (entry: WaitlistEntryRecord) => entry.status === 'waiting' || entry.status === 'holding';

function entryView(entry: WaitlistEntryRecord, entries: WaitlistEntryRecord[], stationName: string): WaitlistEntryView {
  const ref = parseSlotId(entry.slotId);
  const [hh, mm] = [ref?.hhmm.slice(0, 2), ref?.hhmm.slice(2)];
  const waiting = entries.filter((candidate) => candidate.status === 'waiting');
  return {
    id: entry.id,
    slotId: entry.slotId,
    stationId: ref?.stationId ?? '',
    stationName,
    service: ref?.service ?? 'idRenewal',
    serviceLabel: ref ? SERVICE_LABELS[ref.service] : '',
    day: ref?.day ?? '',
    time: `${hh}:${mm}`,
    status: entry.status === 'holding' ? 'holding' : 'waiting',
    ...(entry.status === 'waiting' ? { position: waiting.findIndex((candidate) => candidate.id === entry.id) + 1 } : {}),
    ...(entry.status === 'holding' && entry.holdUntil ? { holdUntil: isoDate(entry.holdUntil) } : {}),
    person: personView(entry.person, false),
    needs: needsView(entry.needs),
  };
}

/** The caller's live entry in a slot's waitlist, or NOT_FOUND (someone else's entry included). */
async function ownEntry(accountId: string, slotId: string, entryId: string): Promise<{ record: WaitlistRecord; entry: WaitlistEntryRecord }> {
  const record = await findById<WaitlistRecord>(COLLECTIONS.waitlists, slotId);
  const entry = record ? entriesOf(record).find((candidate) => candidate.id === entryId && candidate.accountId === accountId) : undefined;
  if (!record || !entry) throw new ActionError('NOT_FOUND', '没有找到这条候补');
  return { record, entry };
}

export const waitlistHandlers: WaitlistHandlers = {
  async joinWaitlist({ slotId, person, needs }, context) {
    const { user, openid } = requireUser(context);
    const { now } = context;
    const config = await hallConfigOfSlot(slotId);
    const check = canReserve(config, slotId, now);
    if (!check.ok) throw refusalError(check);
    const ref = parseSlotId(slotId);
    if (!ref) throw refusalError(refuse('UNKNOWN_SLOT'));
    if ((await takenPlaces(slotId)).length < check.slot.capacity) throw new ActionError('CONFLICT', '这个时段还有名额，可以直接预约，不用候补', { slotId: '这个时段还有名额' });
    const reads = personAndLimits(user, person, now);
    reads.recent.catch(() => undefined);
    const who = await reads.who;
    const mine = await findMany<WaitlistRecord>(
      database()
        .collection(COLLECTIONS.waitlists)
        .where({ accountIds: user._id, day: database().command.gte(shanghaiDay(now)) })
        .orderBy('day', 'asc')
        .orderBy('_id', 'asc')
        .limit(50),
    );
    const waitingElsewhere = mine.filter((record) => record._id !== slotId && record.entries.some((item) => item.accountId === user._id && isLive(item))).length;
    if (waitingElsewhere >= MAX_WAITLISTS_PER_ACCOUNT) throw new ActionError('CONFLICT', TOO_MANY_WAITLISTS_MESSAGE, { slotId: TOO_MANY_WAITLISTS_MESSAGE });
    // The same limits as a booking: a place offered later must be one they may take.
    const same = await assertMayBook(user._id, who, ref.service, slotId, now, undefined, reads.recent);
    if (same) throw new ActionError('CONFLICT', '这个时段已经有这位办事人的预约了');
    if (needs.greenChannelReason) await assertTextIsSafe(openid, needs.greenChannelReason, 1);

    const entry: WaitlistEntryRecord = {
      id: `wl_${hashBase32(fnv1a64(`waitlist\u0000${slotId}\u0000${who.personKey}\u0000${now.getTime()}`))}`,
      slotId,
      accountId: user._id,
      personKey: who.personKey,
      joinedAt: now,
      status: 'waiting',
      person: who.record,
      needs: { kinds: [...needs.kinds], ...(needs.greenChannelReason ? { greenChannelReason: needs.greenChannelReason } : {}) },
    };
    const entries = await bookingTransaction(async (transaction) => {
      const current = await readInTransaction<WaitlistRecord>(transaction, COLLECTIONS.waitlists, slotId);
      const before = current ? entriesOf(current) : [];
      const joined = joinWaitlist(before, entry, now);
      if (!joined.ok) throw refusalError(joined);
      if (before.filter((item) => item.status === 'waiting').length >= MAX_WAITING_PER_SLOT) throw new ActionError('CONFLICT', WAITLIST_FULL_MESSAGE, { slotId: WAITLIST_FULL_MESSAGE });
      const queue = trimFinished(joined.queue.map((item) => (item.id === entry.id ? entry : item)) as WaitlistEntryRecord[]);
      const accountIds = [...new Set(queue.map((item) => item.accountId))];
      // The places held for those holding stay listed (set replaces the whole document).
      const record: Omit<WaitlistRecord, '_id'> = { stationId: ref.stationId, service: ref.service, day: ref.day, entries: queue, accountIds, heldPlaces: current?.heldPlaces ?? [], updatedAt: now };
      await transaction.collection(COLLECTIONS.waitlists).doc(slotId).set({ data: record as unknown as Record<string, unknown> });
      return queue;
    });
    return entryView(entry, entries, await stationNames()(ref.stationId));
  },

  async myWaitlist(_input, context) {
    const { user } = requireUser(context);
    const _ = database().command;
    const records = await findMany<WaitlistRecord>(
      database()
        .collection(COLLECTIONS.waitlists)
        .where({ accountIds: user._id, day: _.gte(shanghaiDay(context.now)) })
        .orderBy('day', 'asc')
        .orderBy('_id', 'asc')
        .limit(50),
    );
    const names = stationNames();
    const views: WaitlistEntryView[] = [];
    for (const record of records) {
      const entries = entriesOf(record);
      for (const entry of entries) if (entry.accountId === user._id && isLive(entry)) views.push(entryView(entry, entries, await names(record.stationId)));
    }
    return views;
  },

  async claimWaitlistHold({ slotId, entryId }, context) {
    const { user } = requireUser(context);
    const { now } = context;
    const { entry } = await ownEntry(user._id, slotId, entryId);
    if (entry.status !== 'holding') throw refusalError(refuse(entry.status === 'expired' ? 'HOLD_EXPIRED' : 'NO_HOLD'));
    const ref = parseSlotId(slotId);
    if (!ref) throw refusalError(refuse('UNKNOWN_SLOT'));
    const config = await hallConfigOfSlot(slotId);
    const lookup = canReserve(config, slotId, now);
    if (!lookup.ok) throw refusalError(lookup);
    const person = { personKey: entry.personKey, record: entry.person, label: entry.person.self ? '本人' : entry.person.name };
    const same = await assertMayBook(user._id, person, ref.service, slotId, now);
    if (same) return bookingView(same, await stationNames()(ref.stationId));

    const bookingId = bookingIdFor(slotId, entry.personKey);
    // The place held for them (on the cancelled booking that gave it up); a hold made before places
    // were documents has none listed, and takes a free place if one is left.
    let fallback: string[] | undefined;
    let codeAttempt = 0;
    // One transaction: the hold is claimed, the held place passes from the booking that gave it up
    // to this booking, which claims its code and is written. A clash on the code tries the next
    // code; on a fallback place, the next free one.
    const claimOnce = (attempt: number) =>
      bookingTransaction(async (transaction) => {
        const current = await readInTransaction<WaitlistRecord>(transaction, COLLECTIONS.waitlists, slotId);
        const claimed = claimHold(current ? entriesOf(current) : [], entry.personKey, now);
        if (!claimed.ok) throw refusalError(claimed);
        const existing = await readInTransaction<BookingRecord>(transaction, COLLECTIONS.bookings, bookingId);
        if (existing && existing.status === 'booked') throw new ActionError('CONFLICT', '这个时段已经有这位办事人的预约了');
        const pool = current?.heldPlaces ?? [];
        // Their own cancelled booking holding a place passes it to itself; else the first listed.
        const mine = pool.findIndex((held) => held.bookingId === bookingId);
        const at = mine >= 0 ? mine : existing?.placed ? -1 : 0;
        const held = at >= 0 ? pool[at] : undefined;
        const rest = held ? pool.filter((_item, i) => i !== at) : pool;
        let place = held?.place;
        if (held && held.bookingId !== bookingId) {
          const holder = await readInTransaction<BookingRecord>(transaction, COLLECTIONS.bookings, held.bookingId);
          if (holder && holder.status === 'cancelled' && holder.place === held.place) {
            await transaction
              .collection(COLLECTIONS.bookings)
              .doc(held.bookingId)
              .update({ data: { ...placeReleased(held.bookingId), updatedAt: now } });
          } else place = undefined;
        }
        if (!place) {
          fallback ??= freePlaces(slotId, lookup.slot.capacity, await takenPlaces(slotId));
          place = fallback[0];
        }
        if (!place) throw refusalError(refuse('FULL', FULL_MESSAGE));
        // A cancelled booking of this person and slot keeps its code (its claim is still its own).
        const code = existing && attempt === 0 ? existing.checkInCode : checkInCodeFor(bookingId, bookingSecret(), attempt);
        await transaction
          .collection(COLLECTIONS.waitlists)
          .doc(slotId)
          .update({ data: { entries: claimed.queue, heldPlaces: rest, updatedAt: now } });
        const record = bookingRecord(lookup.slot, entry, code, place, now);
        await writeBookingIn(transaction, record);
        await recordStationEvent(ref.stationId, { type: 'waitlistClaim', service: ref.service }, now, transaction);
        return record;
      });
    let booking: BookingRecord | undefined;
    for (let round = 0; !booking; round++) {
      try {
        booking = await claimOnce(codeAttempt);
      } catch (error) {
        const clash = duplicateOn(error);
        if (!clash || clash === 'id' || round >= 30) throw error;
        if (clash === 'code') codeAttempt++;
        else fallback = fallback?.slice(1).length ? fallback.slice(1) : undefined;
      }
    }
    return bookingView(booking, await stationNames()(ref.stationId));
  },

  async leaveWaitlist({ slotId, entryId }, context) {
    const { user } = requireUser(context);
    const { now } = context;
    const { entry } = await ownEntry(user._id, slotId, entryId);
    if (!isLive(entry)) return { left: true };
    const options = holdOptions(await hallConfigOfSlot(slotId), slotId);
    const offered = await bookingTransaction(async (transaction) => {
      const current = await readInTransaction<WaitlistRecord>(transaction, COLLECTIONS.waitlists, slotId);
      if (!current) return undefined;
      const result = leaveWaitlist(entriesOf(current), entry.personKey, now, options);
      // A held place passes on (still held) or goes back to the pool.
      const pool = current.heldPlaces ?? [];
      const returned = result.placeReturned ? pool.slice(0, 1) : [];
      await releaseHeldPlaces(transaction, returned, now);
      await transaction
        .collection(COLLECTIONS.waitlists)
        .doc(slotId)
        .update({ data: { entries: result.queue, heldPlaces: pool.slice(returned.length), updatedAt: now } });
      return result.offered;
    });
    if (offered) await notifyOffer(offered as WaitlistEntryRecord);
    return { left: true };
  },
};
