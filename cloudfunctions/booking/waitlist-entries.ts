import { MINUTE_MS, lookupSlot, type HallConfig, type HoldOptions } from '@domain/booking';
import type { WaitlistEntryRecord, WaitlistRecord } from '@platform/cloud/collections';

const asDate = (value: unknown): Date => (value instanceof Date ? value : new Date(value as string));

/** Stored dates come back as Dates, or as strings from older records: the rules want Dates. */
export const entriesOf = (record: WaitlistRecord): WaitlistEntryRecord[] =>
  record.entries.map((entry) => ({ ...entry, joinedAt: asDate(entry.joinedAt), ...(entry.holdUntil ? { holdUntil: asDate(entry.holdUntil) } : {}) }));

/** No hold lasts past the slot's booking cut-off. */
export function holdOptions(config: HallConfig, slotId: string): HoldOptions {
  const found = lookupSlot(config, slotId);
  if (found.kind !== 'slot') return { latestHoldEnd: new Date(0) };
  return { latestHoldEnd: new Date(found.slot.start.getTime() - config.bookingCutoffMinutes * MINUTE_MS) };
}

/** Hold options when a freed place may go to the waitlist; undefined when the slot is gone or closed (nobody is offered it). */
export function holdsFor(config: HallConfig, slotId: string): HoldOptions | undefined {
  const found = lookupSlot(config, slotId);
  if (found.kind !== 'slot' || found.closed) return undefined;
  return holdOptions(config, slotId);
}
