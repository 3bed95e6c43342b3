/**
 * The booking benchmark's in-process side: the real booking function on the local cloud's
 * embedded database (as in tests/support/cloud-harness.ts), and the overbooking count read
 * from a data directory after a run.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { actions } from '../../domain/actions';
import { lookupSlot, parseSlotId, type HallConfig } from '../../domain/booking';
import { LOCAL_FUNCTIONS, invokeLocalFunction } from '../../local-cloud/functions';
import { loadDemoData } from '../../local-cloud/seed/load-demo-data';
import { closeLocalDatabase, localDatabase } from '../../local-cloud/wx-server-sdk/engine';
import { configureLocalCloud } from '../../local-cloud/wx-server-sdk/state';

type Envelope = { ok: boolean; data?: unknown; error?: { code: string; message: string } };

const call = (openid: string, definition: { fn: keyof typeof LOCAL_FUNCTIONS; name: string }, input: unknown) =>
  invokeLocalFunction(definition.fn, { action: definition.name, input }, { openid, envId: 'bench' }) as Promise<Envelope>;

interface AvailabilityData {
  days: { status: string; slots: { slotId: string; left: number }[] }[];
}

/**
 * Availability of every service of one station (西罗园, 10 services) over its 14-day horizon,
 * through the real handler (dispatcher, identity, validation, taken-places query, slot engine),
 * after `bookings` reservations so places are taken. Returns one time per full pass in ms.
 */
export async function measureAvailability({ passes = 200, warmUp = 20, bookings = 120 } = {}) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-booking-'));
  process.env.LOCAL_CLOUD_FSYNC = '0';
  configureLocalCloud({ dataDir, envId: 'bench', publicUrl: 'http://127.0.0.1:0' });
  try {
    await loadDemoData(localDatabase());
    const stationId = 'xiluoyuan';
    const catalogue = await call('bench-reader', actions.booking.listServices, { stationId });
    if (!catalogue.ok) throw new Error(`listServices: ${catalogue.error?.message}`);
    const kinds = (catalogue.data as { services: { kind: string }[] }).services.map((service) => service.kind);

    // Spread bookings over the services' open slots so the taken-places query has documents to read.
    let made = 0;
    for (let i = 0; made < bookings && i < kinds.length * 40; i++) {
      const service = kinds[i % kinds.length];
      const view = await call(`bench-booker-${i}`, actions.booking.availability, { stationId, service });
      const slots = (view.data as AvailabilityData | undefined)?.days.flatMap((day) => day.slots.filter((slot) => slot.left > 0)) ?? [];
      const slot = slots[(i * 7) % Math.max(1, slots.length)];
      if (!slot) continue;
      const booked = await call(`bench-booker-${i}`, actions.booking.reserve, { slotId: slot.slotId, person: { self: true }, needs: { kinds: [] } });
      if (booked.ok) made++;
    }

    const pass = async () => {
      const start = process.hrtime.bigint();
      for (const service of kinds) {
        const result = await call('bench-reader', actions.booking.availability, { stationId, service });
        if (!result.ok) throw new Error(`availability ${service}: ${result.error?.message}`);
      }
      return Number(process.hrtime.bigint() - start) / 1e6;
    };
    for (let i = 0; i < warmUp; i++) await pass();
    const times: number[] = [];
    for (let i = 0; i < passes; i++) times.push(await pass());
    return { times, services: kinds.length, bookings: made };
  } finally {
    await closeLocalDatabase();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

/**
 * Database round trips of one reserve by a signed-in resident who has booked before (the first
 * call of a new openid also creates its account), and of one refused because the slot is full,
 * counted by the embedded database: each document or query call, and a transaction's start, each
 * of its operations and its commit, as wx-server-sdk sends them to CloudBase.
 */
export async function reserveRoundTrips() {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-booking-trips-'));
  process.env.LOCAL_CLOUD_FSYNC = '0';
  configureLocalCloud({ dataDir, envId: 'bench', publicUrl: 'http://127.0.0.1:0' });
  try {
    const engine = localDatabase();
    await loadDemoData(engine);
    const view = await call('bench-trips', actions.booking.availability, { stationId: 'xiluoyuan', service: 'hukouTransfer' });
    const open = (view.data as AvailabilityData).days.slice(1).flatMap((day) => day.slots.filter((slot) => slot.left > 0));
    const [first, second] = open;
    if (!first || !second) throw new Error('no open slots for the round-trip count');
    const reserve = (openid: string, slotId: string) => call(openid, actions.booking.reserve, { slotId, person: { self: true }, needs: { kinds: [] } });
    const other = await call('bench-trips', actions.booking.availability, { stationId: 'xiluoyuan', service: 'idRenewal' });
    const warm = (other.data as AvailabilityData).days.slice(1).flatMap((day) => day.slots.filter((slot) => slot.left > 0))[0];
    if (warm) {
      await reserve('bench-trips', warm.slotId);
      await reserve('bench-trips-late', warm.slotId);
    }
    let before = engine.roundTrips();
    const made = await reserve('bench-trips', first.slotId);
    if (!made.ok) throw new Error(`reserve: ${made.error?.message}`);
    const reserveTrips = engine.roundTrips() - before;
    // Fill the slot, then count a refusal.
    for (let i = 0; i < first.left; i++) await reserve(`bench-trips-fill-${i}`, first.slotId);
    before = engine.roundTrips();
    const refused = await reserve('bench-trips-late', first.slotId);
    if (refused.ok) throw new Error('expected the slot to be full');
    return {
      reserve: reserveTrips,
      full: engine.roundTrips() - before,
      breakdown: "caller 1, hall config 1, limits look-up and the slot's taken places side by side 2, one add of the booking that is its place and code claim 1",
    };
  } finally {
    await closeLocalDatabase();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

/**
 * Places over capacity, counted from the bookings stored in a data directory: each booking taking a
 * place holds a unique `<slotId>#<n>` (cloudfunctions/booking/places.ts); a slot is overbooked when
 * more of them are booked than its hall config gives it. Drift: a booking that takes a place without
 * holding one, or a place held by a cancelled booking no waitlist lists.
 */
export async function countOverbooked(dataDir: string) {
  configureLocalCloud({ dataDir, envId: 'bench', publicUrl: 'http://127.0.0.1:0' });
  try {
    const engine = localDatabase();
    const bookings = engine.find('bookings', {}) as { _id: string; slotId: string; status: string; placed?: boolean }[];
    const listed = new Set((engine.find('waitlists', {}) as { heldPlaces?: { bookingId: string }[] }[]).flatMap((waitlist) => (waitlist.heldPlaces ?? []).map((held) => held.bookingId)));
    const configs = new Map((engine.find('hall_configs', {}) as { _id: string }[]).map((config) => [config._id, { ...config, stationId: config._id } as unknown as HallConfig]));
    const bySlot = new Map<string, number>();
    let drift = 0;
    for (const booking of bookings) {
      if (booking.status === 'booked') bySlot.set(booking.slotId, (bySlot.get(booking.slotId) ?? 0) + 1);
      const takes = booking.status === 'booked' || booking.status === 'checkedIn' || booking.status === 'noShow';
      if (takes !== Boolean(booking.placed) && !(booking.status === 'cancelled' && booking.placed && listed.has(booking._id))) drift++;
    }
    let overbooked = 0;
    for (const [slotId, count] of bySlot) {
      const config = configs.get(parseSlotId(slotId)?.stationId ?? '');
      const lookup = config ? lookupSlot(config, slotId) : undefined;
      const capacity = lookup?.kind === 'slot' ? lookup.slot.capacity : 0;
      overbooked += Math.max(0, count - capacity);
    }
    return { overbooked, counterDrift: drift, counters: bySlot.size, booked: [...bySlot.values()].reduce((sum, count) => sum + count, 0) };
  } finally {
    await closeLocalDatabase();
  }
}
