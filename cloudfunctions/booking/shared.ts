import type { BookingNeedsView, BookingPersonView, BookingView, RosterEntryView } from '@domain/actions/booking';
import {
  bookingStatusLabel,
  SERVICE_LABELS,
  checkInPayload,
  bookingIdFor,
  checkInClaimId,
  needLabels,
  parseSlotId,
  timeOf,
  shanghaiMinuteOfDay,
  type HallConfig,
  type Needs,
  type Slot,
} from '@domain/booking';
import { ActionError } from '@domain/errors';
import {
  COLLECTIONS,
  type BookingPersonRecord,
  type BookingRecord,
  type HallConfigRecord,
  type StationRecord,
} from '@platform/cloud/collections';
import { findById, isoDate } from '@platform/cloud/documents';
import type { Transaction } from '@platform/cloud/transaction';

export const FULL_MESSAGE = '这个时段已经约满了，请选择其他时间';

/**
 * The last config object built per station, with the stored content it was built from: the slot
 * engine compiles a config once per object (slots.ts), so an unchanged config must come back as
 * the same object, or every availability call would compile the hall again.
 */
const configCache = new Map<string, { content: string; config: HallConfig }>();

/** The station's hall config, or NOT_FOUND when the station takes no online bookings. */
export async function hallConfigOf(stationId: string): Promise<HallConfig> {
  const record = await findById<HallConfigRecord>(COLLECTIONS.hallConfigs, stationId);
  if (!record) throw new ActionError('NOT_FOUND', '这个派出所暂未开通网上预约');
  const { _id, updatedAt: _updatedAt, ...stored } = record;
  const content = JSON.stringify(stored);
  const cached = configCache.get(_id);
  if (cached && cached.content === content) return cached.config;
  const config: HallConfig = { ...stored, stationId: _id };
  configCache.set(_id, { content, config });
  return config;
}

/** The hall config of the station a slot id names (NOT_FOUND for a malformed id or a station without one). */
export async function hallConfigOfSlot(slotId: string): Promise<HallConfig> {
  const ref = parseSlotId(slotId);
  if (!ref) throw new ActionError('NOT_FOUND', '没有找到这个时段，请刷新后重新选择');
  return hallConfigOf(ref.stationId);
}

/** A station's name changes rarely: a warm function instance reuses it for a minute instead of a database round trip per call. */
const STATION_NAME_TTL_MS = 60_000;
const stationNameCache = new Map<string, { name: Promise<string>; until: number }>();

/** Station names for views. */
export function stationNames(): (stationId: string) => Promise<string> {
  return (stationId) => {
    const now = Date.now();
    const cached = stationNameCache.get(stationId);
    if (cached && cached.until > now) return cached.name;
    const name = findById<StationRecord>(COLLECTIONS.stations, stationId).then((station) => station?.name ?? '');
    // A failed read is not remembered.
    name.catch(() => stationNameCache.delete(stationId));
    stationNameCache.set(stationId, { name, until: now + STATION_NAME_TTL_MS });
    return name;
  };
}

/** A new booking taking `place` (reserve, reschedule, a claimed waitlist hold) and claiming its code. */
export function bookingRecord(
  slot: Slot,
  who: { accountId: string; personKey: string; person: BookingPersonRecord; needs: Needs },
  checkInCode: string,
  place: string,
  now: Date,
  extra: Partial<BookingRecord> = {},
): BookingRecord {
  const ref = parseSlotId(slot.slotId);
  if (!ref) throw new ActionError('NOT_FOUND', '没有找到这个时段，请刷新后重新选择');
  return {
    _id: bookingIdFor(slot.slotId, who.personKey),
    stationId: ref.stationId,
    service: ref.service,
    slotId: slot.slotId,
    day: ref.day,
    start: slot.start,
    end: slot.end,
    accountId: who.accountId,
    personKey: who.personKey,
    person: who.person,
    status: 'booked',
    needs: { kinds: [...who.needs.kinds], ...(who.needs.greenChannelReason ? { greenChannelReason: who.needs.greenChannelReason } : {}) },
    checkInCode,
    place,
    placed: true,
    codeKey: checkInClaimId(ref.stationId, ref.day, checkInCode),
    createdAt: now,
    updatedAt: now,
    ...extra,
  };
}

/** Writes a booking inside a transaction (set: a cancelled booking of the same person and slot becomes active again). */
export async function writeBookingIn(transaction: Transaction, booking: BookingRecord): Promise<void> {
  const { _id, ...data } = booking;
  await transaction.collection(COLLECTIONS.bookings).doc(_id).set({ data: data as unknown as Record<string, unknown> });
}

export function needsView(needs: Needs | undefined): BookingNeedsView {
  return {
    kinds: [...(needs?.kinds ?? [])],
    ...(needs?.greenChannelReason ? { greenChannelReason: needs.greenChannelReason } : {}),
    labels: needLabels(needs),
  };
}

/** Masks a name for officers' lists: '王建国' → '王*国', '李华' → '李*'. */
export function maskName(name: string): string {
  const chars = Array.from(name);
  if (chars.length <= 1) return name;
  if (chars.length === 2) return `${chars[0]}*`;
  return `${chars[0]}${'*'.repeat(chars.length - 2)}${chars[chars.length - 1]}`;
}

export function personView(person: BookingPersonRecord, forOfficer: boolean): BookingPersonView {
  return {
    self: person.self,
    name: forOfficer ? maskName(person.name) : person.self ? '本人' : person.name,
    ...(person.familyMemberId && !forOfficer ? { familyMemberId: person.familyMemberId } : {}),
    ...(person.idNumberMasked ? { idNumberMasked: person.idNumberMasked } : {}),
    ...(person.phoneMasked ? { phoneMasked: person.phoneMasked } : {}),
  };
}

export function bookingView(booking: BookingRecord, stationName: string): BookingView {
  return {
    id: booking._id,
    stationId: booking.stationId,
    stationName,
    service: booking.service,
    serviceLabel: SERVICE_LABELS[booking.service],
    slotId: booking.slotId,
    day: booking.day,
    time: timeOf(shanghaiMinuteOfDay(booking.start)),
    start: isoDate(booking.start),
    end: isoDate(booking.end),
    status: booking.status,
    statusLabel: bookingStatusLabel(booking),
    person: personView(booking.person, false),
    needs: needsView(booking.needs),
    checkInCode: booking.checkInCode,
    checkInPayload: checkInPayload(booking._id, booking.checkInCode),
    ...(booking.previousCheckInCode ? { previousCheckInCode: booking.previousCheckInCode } : {}),
    createdAt: isoDate(booking.createdAt),
    ...(booking.checkedInAt ? { checkedInAt: isoDate(booking.checkedInAt) } : {}),
    ...(booking.closure ? { closure: { reason: booking.closure.reason } } : {}),
  };
}

export function rosterEntryView(booking: BookingRecord): RosterEntryView {
  return {
    bookingId: booking._id,
    service: booking.service,
    serviceLabel: SERVICE_LABELS[booking.service],
    status: booking.status,
    statusLabel: bookingStatusLabel(booking),
    person: personView(booking.person, true),
    needs: needsView(booking.needs),
    ...(booking.checkedInAt ? { checkedInAt: isoDate(booking.checkedInAt) } : {}),
    ...(booking.closure ? { closure: { reason: booking.closure.reason } } : {}),
  };
}

/** Stored dates come back as Date objects from the database; the rules want Dates. */
export const asDate = (value: unknown): Date => (value instanceof Date ? value : new Date(value as string));
