/**
 * A slot's places as the bookings hold them (cloudfunctions/booking/places.ts): each booking taking
 * a place holds `place` = `<slotId>#<n>` with `placed: true`; a cancelled one still placed holds it
 * for the waitlist. `capacity` is the slot's in the stored hall config (a closure does not change it).
 */
import { lookupSlot, parseSlotId, type HallConfig } from '@domain/booking';

interface Finder {
  find(collection: string, filter?: Record<string, unknown>): Record<string, unknown>[];
}

export interface SlotPlaces {
  capacity: number;
  /** Places nobody holds. */
  remaining: number;
  /** Places held for the waitlist (on cancelled bookings). */
  held: number;
  /** Places of bookings (booked, checked in, no-show). */
  taken: number;
  /** Every place value held, for uniqueness checks. */
  places: string[];
}

export function slotPlaces(engine: Finder, slotId: string): SlotPlaces {
  const ref = parseSlotId(slotId);
  const stored = ref ? engine.find('hall_configs', { _id: ref.stationId })[0] : undefined;
  const lookup = stored && ref ? lookupSlot({ ...(stored as unknown as HallConfig), stationId: ref.stationId }, slotId) : undefined;
  const capacity = lookup?.kind === 'slot' ? lookup.slot.capacity : 0;
  const holders = engine.find('bookings', { slotId, placed: true });
  const held = holders.filter((booking) => booking.status === 'cancelled').length;
  return { capacity, remaining: capacity - holders.length, held, taken: holders.length - held, places: holders.map((booking) => String(booking.place)) };
}
