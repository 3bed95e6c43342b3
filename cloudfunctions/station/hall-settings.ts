import type { HallSettingsView, WeekHoursSetting, stationActions } from '@domain/actions/station';
import {
  DEFAULT_BOOKING_RULES,
  SERVICES,
  SERVICE_LABELS,
  WEEKDAY_KEYS,
  capacityOf,
  checkHallConfig,
  lookupSlot,
  serviceMinutes,
  shanghaiDay,
  shanghaiMinuteOfDay,
  timeOf,
  weeklyHoursText,
  type HallConfig,
  type HallWindow,
  type ServiceKind,
  type WeekdayKey,
  type WeeklyHours,
} from '@domain/booking';
import { ActionError } from '@domain/errors';
import { DISPLACED_REASONS, hallChangeImpact, hallSettingsProblems, windowChanges } from '@domain/station';
import { COLLECTIONS, type BookingRecord, type HallConfigRecord } from '@platform/cloud/collections';
import { requireUser, type Handlers, type ActionContext } from '@platform/cloud/create-function';
import { findById, findMany } from '@platform/cloud/documents';
import { inTransaction, readInTransaction } from '@platform/cloud/transaction';
import { database } from '@platform/cloud/wx';
import { sendBookingMessage } from '../booking/messages';
import { audit } from './shared';
import { BOOKING_TEMPLATES } from '@domain/booking/notifications';
import type { InputOf } from '@domain/actions/define';

type HallSettingsHandlers = Pick<Handlers<typeof stationActions>, 'getHallSettings' | 'saveHallSettings'>;
type SettingsInput = Omit<InputOf<typeof import('@domain/actions/station').stationActions.saveHallSettings>, 'confirmAffected'>;

/** A new hall starts with one window serving everything; its admin renames it and adds the others. */
const FIRST_WINDOW: HallWindow = { id: 'w1', name: '综合窗口' };
const WEEKDAYS_9_TO_5 = { start: '09:00', end: '12:00' };

const hoursSetting = (hours: WeeklyHours): WeekHoursSetting =>
  Object.fromEntries(WEEKDAY_KEYS.map((key) => [key, [...(hours[key] ?? [])].map((period) => ({ start: period.start, end: period.end }))])) as WeekHoursSetting;

/** Only open weekdays are stored, as the domain's WeeklyHours has them. */
const weeklyHoursOf = (hours: WeekHoursSetting): WeeklyHours => Object.fromEntries(WEEKDAY_KEYS.filter((key) => hours[key].length > 0).map((key) => [key, hours[key]]));

function settingsView(stationId: string, config: HallConfig | undefined): HallSettingsView {
  const hours = hoursSetting(config?.hours ?? {});
  if (!config) for (const key of ['mon', 'tue', 'wed', 'thu', 'fri'] as WeekdayKey[]) hours[key] = [WEEKDAYS_9_TO_5, { start: '13:30', end: '17:00' }];
  return {
    stationId,
    windows: (config?.windows.length ? config.windows : [FIRST_WINDOW]).map((window) => ({ id: window.id, name: window.name })),
    services: (config?.services ?? []).map((offer) => ({
      kind: offer.kind,
      minutes: serviceMinutes(offer),
      placesPerSlot: capacityOf(config!, offer),
      note: offer.note ?? '',
      windows: [...offer.windows],
      ...(offer.hours ? { hours: hoursSetting(offer.hours) } : {}),
    })),
    hours,
    slotMinutes: config?.slotMinutes ?? DEFAULT_BOOKING_RULES.slotMinutes,
    holidays: [...(config?.holidays ?? [])].map((holiday) => ({ day: holiday.day, name: holiday.name })),
    makeUpWorkdays: [...(config?.makeUpWorkdays ?? [])],
    horizonDays: config?.horizonDays ?? DEFAULT_BOOKING_RULES.horizonDays,
    bookingCutoffMinutes: config?.bookingCutoffMinutes ?? DEFAULT_BOOKING_RULES.bookingCutoffMinutes,
    cancelCutoffMinutes: config?.cancelCutoffMinutes ?? DEFAULT_BOOKING_RULES.cancelCutoffMinutes,
    isNew: !config,
  };
}

const storedConfig = async (stationId: string): Promise<HallConfig | undefined> => {
  const record = await findById<HallConfigRecord>(COLLECTIONS.hallConfigs, stationId);
  if (!record) return undefined;
  const { _id, updatedAt: _updatedAt, ...config } = record;
  return { ...config, stationId: _id };
};

const sameHours = (a: WeekHoursSetting, b: WeekHoursSetting) =>
  WEEKDAY_KEYS.every((key) => a[key].length === b[key].length && a[key].every((period, index) => period.start === b[key][index]?.start && period.end === b[key][index]?.end));

/** The settings as a full hall config; ad-hoc closures (made from the hall roster) are kept from the stored one. */
function configFrom(input: SettingsInput, previous: HallConfig | undefined): HallConfig {
  return {
    stationId: input.stationId,
    hours: weeklyHoursOf(input.hours),
    slotMinutes: input.slotMinutes,
    windows: input.windows.map((window) => ({ id: window.id, name: window.name })),
    services: input.services.map((service) => ({
      kind: service.kind,
      windows: [...new Set(service.windows)],
      minutes: service.minutes,
      capacityPerSlot: service.placesPerSlot,
      ...(service.note ? { note: service.note } : {}),
      // Hours the same as the hall's are the hall's: the service then follows later changes to them.
      ...(service.hours && !sameHours(service.hours, input.hours) ? { hours: weeklyHoursOf(service.hours) } : {}),
    })),
    holidays: input.holidays,
    makeUpWorkdays: input.makeUpWorkdays,
    closures: previous?.closures ?? [],
    horizonDays: input.horizonDays,
    bookingCutoffMinutes: input.bookingCutoffMinutes,
    cancelCutoffMinutes: input.cancelCutoffMinutes,
  };
}

async function futureBookings(stationId: string, today: string): Promise<BookingRecord[]> {
  const _ = database().command;
  return findMany<BookingRecord>(database().collection(COLLECTIONS.bookings).where({ stationId, day: _.gte(today), status: 'booked' }).orderBy('day', 'asc').orderBy('_id', 'asc').limit(1000));
}

/** The places taken from today on (bookings and places held for the waitlist): a slot whose capacity drops has its places renumbered below it. */
async function futurePlaces(stationId: string, today: string): Promise<BookingRecord[]> {
  const _ = database().command;
  return findMany<BookingRecord>(
    database().collection(COLLECTIONS.bookings).where({ stationId, placed: true, day: _.gte(today) }).orderBy('day', 'asc').orderBy('_id', 'asc').field({ slotId: true, place: true, status: true }).limit(1000),
  );
}

/**
 * Places follow the new settings: where a slot now has fewer places, taken places numbered at or
 * above its capacity move to free numbers below it (a reserve takes only numbers below the
 * capacity, so the unique place index then keeps a slot from taking more than it has). Those that
 * do not fit stay where they are (their bookings are the displaced ones), and the slot takes nobody
 * new until enough of them have moved.
 */
function renumbered(next: HallConfig, taken: readonly BookingRecord[]): { bookingId: string; from: string; place: string }[] {
  const bySlot = new Map<string, BookingRecord[]>();
  for (const booking of taken) bySlot.set(booking.slotId, [...(bySlot.get(booking.slotId) ?? []), booking]);
  const moves: { bookingId: string; from: string; place: string }[] = [];
  for (const [slotId, bookings] of bySlot) {
    const lookup = lookupSlot(next, slotId);
    const capacity = lookup.kind === 'slot' && !lookup.closed ? lookup.slot.capacity : 0;
    const numberOf = (booking: BookingRecord) => Number(booking.place.slice(booking.place.lastIndexOf('#') + 1));
    const used = new Set(bookings.map(numberOf));
    const free: number[] = [];
    for (let n = 0; n < capacity; n++) if (!used.has(n)) free.push(n);
    for (const booking of bookings) {
      if (numberOf(booking) < capacity) continue;
      const n = free.shift();
      if (n === undefined) break;
      moves.push({ bookingId: booking._id, from: booking.place, place: `${slotId}#${n}` });
    }
  }
  return moves;
}

const asDate = (value: unknown) => (value instanceof Date ? value : new Date(String(value)));

async function save(input: SettingsInput, confirmAffected: boolean, context: ActionContext) {
  const { user } = requireUser(context);
  const { now } = context;
  const previous = await storedConfig(input.stationId);
  const next = configFrom(input, previous);
  // Problems at a box first (the page says them there), then whatever else makes the hall unusable.
  const atFields = hallSettingsProblems(next, previous);
  const [firstAtField] = Object.values(atFields);
  if (firstAtField) throw new ActionError('INVALID_INPUT', firstAtField, atFields);
  const problems = checkHallConfig(next);
  if (problems.length) throw new ActionError('INVALID_INPUT', problems[0], { settings: problems.join('；') });
  const today = shanghaiDay(now);
  const [bookings, takenAtFirst] = await Promise.all([futureBookings(input.stationId, today), futurePlaces(input.stationId, today)]);
  let taken = takenAtFirst;
  // A booking already moved off by a closure keeps its mark; the others must still fit.
  const live = bookings.filter((booking) => !booking.closure && asDate(booking.end).getTime() > now.getTime());
  const impact = hallChangeImpact(
    next,
    live.map((booking) => ({ bookingId: booking._id, slotId: booking.slotId, service: booking.service, day: booking.day, start: asDate(booking.start), createdAt: asDate(booking.createdAt), booking })),
  );
  const affected = impact.displaced.map((entry) => ({
    bookingId: entry.bookingId,
    name: entry.booking.person.name,
    service: SERVICE_LABELS[entry.service],
    time: `${entry.day} ${timeOf(shanghaiMinuteOfDay(entry.start))}`,
    why: DISPLACED_REASONS[entry.why],
  }));
  const displacedIds = new Set(impact.displaced.map((entry) => entry.bookingId));
  const keptByService = new Map<ServiceKind, number>();
  for (const booking of live) if (!displacedIds.has(booking._id)) keptByService.set(booking.service, (keptByService.get(booking.service) ?? 0) + 1);
  const moved = windowChanges(previous, next, keptByService).map((change) => ({ ...change, service: SERVICE_LABELS[change.service] }));
  if ((affected.length > 0 || moved.length > 0) && !confirmAffected) return { affected, windowChanges: moved, saved: false, notified: 0 };

  const saveIn = (places: readonly BookingRecord[]) =>
    inTransaction(async (transaction) => {
      const { stationId: _stationId, ...data } = next;
      await transaction.collection(COLLECTIONS.hallConfigs).doc(input.stationId).set({ data: { ...data, updatedAt: now } });
      for (const entry of impact.displaced) {
        const fresh = await readInTransaction<BookingRecord>(transaction, COLLECTIONS.bookings, entry.bookingId);
        if (!fresh || fresh.status !== 'booked' || fresh.closure) continue;
        await transaction.collection(COLLECTIONS.bookings).doc(entry.bookingId).update({ data: { closure: { reason: DISPLACED_REASONS[entry.why], closedAt: now, closedBy: user._id }, updatedAt: now } });
      }
      for (const move of renumbered(next, places)) {
        const fresh = await readInTransaction<BookingRecord>(transaction, COLLECTIONS.bookings, move.bookingId);
        if (!fresh?.placed || fresh.place !== move.from) continue;
        await transaction.collection(COLLECTIONS.bookings).doc(move.bookingId).update({ data: { place: move.place } });
      }
      await transaction.collection(COLLECTIONS.stations).doc(input.stationId).update({
        data: { hallHours: weeklyHoursText(next.hours), hallServices: next.services.map((offer) => SERVICES[offer.kind].label) },
      });
    });

  // A reserve may take a number a place was to move to meanwhile (E11000 on bookings.place_unique): then the places are read again and the save runs again.
  for (let attempt = 0; ; attempt++) {
    try {
      await saveIn(taken);
      break;
    } catch (error) {
      if (attempt >= 2 || !/place_unique/.test(String((error as { errMsg?: string }).errMsg ?? (error as Error).message))) throw error;
      taken = await futurePlaces(input.stationId, today);
    }
  }

  let notified = 0;
  for (const entry of impact.displaced) {
    const message = { service: SERVICE_LABELS[entry.service], time: `${entry.day} ${timeOf(shanghaiMinuteOfDay(entry.start))}`, detail: DISPLACED_REASONS[entry.why], hint: '请在我的预约里改约' };
    if (await sendBookingMessage(entry.booking.accountId, BOOKING_TEMPLATES.slotClosed, message, entry.bookingId)) notified++;
  }
  await audit('hall.settings-saved', user._id, input.stationId, now, {
    windows: next.windows.map((window) => ({ id: window.id, name: window.name })),
    windowsRemoved: (previous?.windows ?? []).filter((window) => !next.windows.some((kept) => kept.id === window.id)).map((window) => window.name),
    services: next.services.map((offer) => ({ kind: offer.kind, minutes: offer.minutes, places: offer.capacityPerSlot, windows: offer.windows, ...(offer.hours ? { hours: offer.hours } : {}) })),
    hours: next.hours,
    holidays: next.holidays.length,
    makeUpWorkdays: next.makeUpWorkdays?.length ?? 0,
    displaced: impact.displaced.map((entry) => entry.bookingId),
    windowChanges: moved,
  });
  return { affected, windowChanges: moved, saved: true, notified };
}

export const hallSettingsHandlers: HallSettingsHandlers = {
  async getHallSettings({ stationId }) {
    return settingsView(stationId, await storedConfig(stationId));
  },

  async saveHallSettings({ confirmAffected, ...input }, context) {
    return save(input, confirmAffected, context);
  },
};
