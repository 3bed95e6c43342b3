/**
 * Places freed while people wait (候补): the first in line gets the place held for 30 minutes and
 * a subscribe message; a hold not taken in time passes to the next; with nobody left the place
 * goes back to the public pool. The rules are domain/booking/waitlist.ts; here each transition is
 * one transaction over the slot's waitlist document and the bookings holding its places (a held
 * place stays on the cancelled booking that gave it up, listed in `heldPlaces`, so nobody else can
 * book it meanwhile; places.ts).
 */
import {
  BOOKING_TEMPLATES,
  MINUTE_MS,
  SERVICE_LABELS,
  nextHolder,
  parseSlotId,
  shanghaiDay,
  timeOf,
  shanghaiMinuteOfDay,
} from '@domain/booking';
import { COLLECTIONS, type WaitlistEntryRecord, type WaitlistRecord } from '@platform/cloud/collections';
import { findMany } from '@platform/cloud/documents';
import { readInTransaction } from '@platform/cloud/transaction';
import { database } from '@platform/cloud/wx';
import { sendBookingMessage } from './messages';
import { bookingTransaction, releaseHeldPlaces } from './places';
import { hallConfigOfSlot } from './shared';
import { entriesOf, holdOptions } from './waitlist-entries';

export { entriesOf, holdOptions } from './waitlist-entries';

/** Tells the first in line a place is held for them (without a subscription left, 我的预约 still shows it). */
export async function notifyOffer(entry: WaitlistEntryRecord): Promise<void> {
  const ref = parseSlotId(entry.slotId);
  if (!ref || !entry.holdUntil) return;
  await sendBookingMessage(
    entry.accountId,
    BOOKING_TEMPLATES.waitlistOffer,
    {
      service: SERVICE_LABELS[ref.service],
      time: `${ref.day} ${ref.hhmm.slice(0, 2)}:${ref.hhmm.slice(2)}`,
      detail: `候补名额为您保留到${timeOf(shanghaiMinuteOfDay(entry.holdUntil))}`,
      hint: '请在我的预约里确认，过时顺延',
    },
    entry.id,
  );
}

/** Timer: holds that ran out pass to the next in line (or back to the pool). */
export async function expireHolds(now: Date, deadline = Number.POSITIVE_INFINITY): Promise<{ expired: number; offered: number; returned: number }> {
  const _ = database().command;
  const queues = await findMany<WaitlistRecord>(
    database()
      .collection(COLLECTIONS.waitlists)
      .where({ 'entries.status': 'holding', day: _.gte(shanghaiDay(new Date(now.getTime() - 24 * 60 * MINUTE_MS))) })
      .limit(100),
  );
  const totals = { expired: 0, offered: 0, returned: 0 };
  for (const queue of queues) {
    // What is left is found again by the next run (the query only finds queues still holding).
    if (Date.now() >= deadline) break;
    const options = holdOptions(await hallConfigOfSlot(queue._id), queue._id);
    const step = await bookingTransaction(async (transaction) => {
      const current = await readInTransaction<WaitlistRecord>(transaction, COLLECTIONS.waitlists, queue._id);
      if (!current) return undefined;
      const result = nextHolder(entriesOf(current), now, options);
      if (result.expired.length === 0) return undefined;
      // Held places pass to the next in line (still on the bookings that gave them up) or go back to the pool.
      const pool = current.heldPlaces ?? [];
      const returned = pool.slice(0, result.placesReturned);
      await releaseHeldPlaces(transaction, returned, now);
      await transaction
        .collection(COLLECTIONS.waitlists)
        .doc(queue._id)
        .update({ data: { entries: result.queue, heldPlaces: pool.slice(returned.length), updatedAt: now } });
      return result;
    });
    if (!step) continue;
    totals.expired += step.expired.length;
    totals.offered += step.offered.length;
    totals.returned += step.placesReturned;
    for (const entry of step.offered) await notifyOffer(entry as WaitlistEntryRecord);
  }
  return totals;
}
