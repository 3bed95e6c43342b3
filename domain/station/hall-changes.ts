/**
 * What a change to the service hall's settings does to bookings already made. Fewer places, a
 * day closed, shorter hours or a service dropped can leave a booking without a place; the admin
 * sees who before saving, and on saving those bookings are treated as a closure treats them (the
 * resident is told and may move the booking even inside the usual cut-off).
 *
 * The rule that matters: after the change no slot holds more active bookings than it has places.
 */
import { compileHall, lookupSlot, slotsFor, type HallConfig, type ServiceKind } from '../booking';

/** A booking still holding a place (status booked, not already marked by a closure). */
export interface PlaceHolder {
  bookingId: string;
  slotId: string;
  service: ServiceKind;
  day: string;
  start: Date;
  createdAt: Date;
}

export type DisplacedWhy = 'slotGone' | 'fewerPlaces';

export const DISPLACED_REASONS: Record<DisplacedWhy, string> = {
  slotGone: '大厅调整了办理时间，原时段不再办理',
  fewerPlaces: '大厅减少了这个时段的名额',
};

export interface SlotPlaces {
  slotId: string;
  capacity: number;
  /** Bookings that keep their place. */
  kept: number;
}

export interface HallChangeImpact<B extends PlaceHolder> {
  /** Bookings that lose their place, earliest slot first. */
  displaced: (B & { why: DisplacedWhy })[];
  /** For every slot that has bookings: its places under the new settings and how many keep theirs. */
  slots: SlotPlaces[];
}

/**
 * Which bookings keep their place under `next`. In a slot with fewer places than bookings, the
 * earliest made keep theirs (first come, first served; ties by id so the answer is stable).
 */
export function hallChangeImpact<B extends PlaceHolder>(next: HallConfig, holders: readonly B[]): HallChangeImpact<B> {
  const bySlot = new Map<string, B[]>();
  for (const holder of holders) {
    const list = bySlot.get(holder.slotId);
    if (list) list.push(holder);
    else bySlot.set(holder.slotId, [holder]);
  }
  const displaced: (B & { why: DisplacedWhy })[] = [];
  const slots: SlotPlaces[] = [];
  for (const [slotId, list] of bySlot) {
    const lookup = lookupSlot(next, slotId);
    const capacity = lookup.kind === 'slot' && !lookup.closed ? lookup.slot.capacity : 0;
    list.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || (a.bookingId < b.bookingId ? -1 : 1));
    const why: DisplacedWhy = capacity === 0 ? 'slotGone' : 'fewerPlaces';
    list.slice(capacity).forEach((holder) => displaced.push({ ...holder, why }));
    slots.push({ slotId, capacity, kept: Math.min(capacity, list.length) });
  }
  displaced.sort((a, b) => a.start.getTime() - b.start.getTime() || (a.bookingId < b.bookingId ? -1 : 1));
  return { displaced, slots };
}

/** The hall's opening periods on a day (any service open), merged: for the roster's hall gaps. */
export function hallOpenings(config: HallConfig | undefined, day: string): { start: string; end: string }[] {
  if (!config) return [];
  const hall = compileHall(config);
  const spans: [string, string][] = [];
  for (const kind of hall.services.keys()) for (const slot of slotsFor(config, kind, day)) spans.push([slot.time, endClock(slot.end)]);
  spans.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const merged: { start: string; end: string }[] = [];
  for (const [start, end] of spans) {
    const last = merged[merged.length - 1];
    if (last && start <= last.end) {
      if (end > last.end) last.end = end;
    } else merged.push({ start, end });
  }
  return merged;
}

const endClock = (end: Date) => new Date(end.getTime() + 8 * 3_600_000).toISOString().slice(11, 16);
