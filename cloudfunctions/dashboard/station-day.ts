/**
 * One station's figures for one Beijing day, read from the records themselves. Only the timer
 * (for days that have ended) and the dashboard (for today) call this; a view of the dashboard
 * otherwise reads the stored days. Questions, ratings, escalations and bank checks count on the
 * day the thread was opened; bookings on the day of their slot.
 */
import { createHash } from 'node:crypto';
import { slotsFor } from '@domain/booking/slots';
import type { StationEventRecord } from '@domain/dashboard/events';
import { tallyBankChecks } from '@domain/anti-fraud/bank-check';
import { emptyStationDay, startOfBeijingDay, addDays, type GroupDay, type ResponseSample, type StationDay } from '@domain/dashboard/figures';
import { acceptedAt, mediationFigures, type CaseFacts } from '@domain/mediation/figures';
import {
  COLLECTIONS,
  type ArticleAckRecord,
  type ArticleReaderRecord,
  type BookingRecord,
  type CommunityRecord,
  type HallConfigRecord,
  type ConsultThreadRecord,
  type MediationCaseRecord,
  type QuizRoundRecord,
} from '@platform/cloud/collections';
import { countOf, findById, findMany, type StoredDoc } from '@platform/cloud/documents';
import { database } from '@platform/cloud/wx';

const PAGE = 1000;
const DAY_MS = 86_400_000;

type Query = { orderBy(field: string, direction: 'asc' | 'desc'): Query; skip(n: number): Query; limit(n: number): Query; get(): unknown };

/**
 * Every document a query matches, page by page (a server get() returns at most 1000), sorted by
 * the field after its equality conditions (`_id` when they pin every other field of the index).
 */
async function allOf<T extends StoredDoc>(query: Query, sortField: string): Promise<T[]> {
  const found: T[] = [];
  for (let skip = 0; ; skip += PAGE) {
    const sorted = sortField === '_id' ? query.orderBy('_id', 'asc') : query.orderBy(sortField, 'asc').orderBy('_id', 'asc');
    const page = await findMany<T>(sorted.skip(skip).limit(PAGE) as never);
    found.push(...page);
    if (page.length < PAGE) return found;
  }
}


/** The station's events of the day (domain/dashboard/events.ts), in the order they happened. */
async function eventsOf(stationId: string, start: Date, end: Date): Promise<StationEventRecord[]> {
  const db = database();
  const _ = db.command;
  return allOf<StationEventRecord>(db.collection(COLLECTIONS.stationEvents).where({ stationId, at: _.gte(start).and(_.lt(end)) }) as never, 'at');
}

/**
 * Questions and bank checks count on the day they were opened; a first reply, an escalation, a
 * rating and a 110 prompt on the day they happened (their event records), so a day once ended
 * never changes, whenever it is rolled up.
 */
async function consultFigures(stationId: string, start: Date, end: Date, events: readonly StationEventRecord[], day: StationDay): Promise<void> {
  const db = database();
  const _ = db.command;
  const threads = await allOf<ConsultThreadRecord>(db.collection(COLLECTIONS.consultThreads).where({ stationId, createdAt: _.gte(start).and(_.lt(end)) }) as never, 'createdAt');
  for (const thread of threads) {
    if (thread.kind === 'bankCheck') continue;
    day.consult.questions += 1;
    day.consult.byCategory[thread.category] = (day.consult.byCategory[thread.category] ?? 0) + 1;
  }
  const responses: ResponseSample[] = [];
  for (const event of events) {
    if (event.type === 'firstResponse') {
      responses.push({ minutes: event.minutes, withinTarget: event.withinTarget, ...(event.officerId ? { officerId: event.officerId } : {}), ...(event.communityId ? { communityId: event.communityId } : {}) });
    } else if (event.type === 'escalation') day.consult.escalations += 1;
    else if (event.type === 'rating') {
      day.consult.ratings += 1;
      day.consult.ratingStars += event.stars;
    } else if (event.type === 'emergencyPrompt') day.consult.emergencyPrompts += 1;
  }
  day.consult.responses = responses;
  day.consult.firstResponseMinutes = responses.map((response) => response.minutes);
  day.consult.withinTarget = responses.filter((response) => response.withinTarget).length;
  const tally = tallyBankChecks(threads.filter((thread) => thread.bankCheck).map((thread) => ({ amount: thread.bankCheck?.amount ?? 0, ...(thread.bankCheck?.outcome ? { outcome: thread.bankCheck.outcome } : {}) })));
  day.bankChecks = { raised: tally.raised, protectedChecks: tally.byOutcome.stopped + tally.byOutcome.dissuaded, protectedAmount: tally.protectedAmount };
}

async function bookingFigures(stationId: string, dayKey: string, events: readonly StationEventRecord[], day: StationDay): Promise<void> {
  day.booking.waitlistClaims = events.filter((event) => event.type === 'waitlistClaim').length;
  const db = database();
  // (stationId, day) pin the index's first two fields: sorted by _id, the index walks only the day's documents.
  const bookings = await allOf<BookingRecord>(db.collection(COLLECTIONS.bookings).where({ stationId, day: dayKey }) as never, '_id');
  for (const booking of bookings) {
    if (booking.status === 'cancelled') continue;
    day.booking.bookings += 1;
    if (booking.status === 'checkedIn') day.booking.checkedIn += 1;
    if (booking.status === 'noShow') day.booking.noShows += 1;
    if (booking.needs.kinds.length > 0) {
      day.booking.needsBookings += 1;
      if (booking.status === 'checkedIn') day.booking.needsServed += 1;
    }
  }
  // Utilisation is of every place the hall offered that day, not only of slots someone booked:
  // each offered slot's capacity, and the places its bookings took (booked, checked in, no-show).
  const takenBySlot = new Map<string, number>();
  for (const booking of bookings) if (booking.status !== 'cancelled') takenBySlot.set(booking.slotId, (takenBySlot.get(booking.slotId) ?? 0) + 1);
  const stored = await findById<HallConfigRecord>(COLLECTIONS.hallConfigs, stationId);
  // The stored config is keyed by the station (its own stationId field may be absent).
  const config = stored ? { ...stored, stationId } : undefined;
  for (const offer of config?.services ?? []) {
    for (const slot of slotsFor(config as HallConfigRecord, offer.kind, dayKey)) {
      day.booking.capacity += slot.capacity;
      day.booking.taken += takenBySlot.get(slot.slotId) ?? 0;
    }
  }
}

/** A person's key in a day's lists: counts them once across days without keeping who they are. */
export const personKeyOf = (userId: string): string => createHash('sha256').update(`dashboard\u0000${userId}`).digest('hex').slice(0, 16);

const sortedKeys = (userIds: Iterable<string>): string[] => [...new Set([...userIds].map(personKeyOf))].sort();

async function antiFraudFigures(stationId: string, start: Date, end: Date, events: readonly StationEventRecord[], day: StationDay): Promise<void> {
  const db = database();
  const _ = db.command;
  const communityIds = (await findMany<CommunityRecord>(db.collection(COLLECTIONS.communities).where({ stationId }).orderBy('_id', 'asc').limit(PAGE))).map((community) => community._id);
  const readers = await allOf<ArticleReaderRecord>(db.collection(COLLECTIONS.articleReaders).where({ stationId, at: _.gte(start).and(_.lt(end)) }) as never, 'at');
  const acks = await allOf<ArticleAckRecord>(db.collection(COLLECTIONS.articleAcks).where({ stationId, at: _.gte(start).and(_.lt(end)) }) as never, 'at');
  const antiFraud = day.antiFraud;
  antiFraud.newReaders = readers.length;
  antiFraud.readerKeys = sortedKeys(readers.map((reader) => reader.userId));
  antiFraud.acknowledgements = acks.length;
  const ackers: Record<string, string[]> = {};
  for (const communityId of communityIds) {
    const here = acks.filter((ack) => ack.areaKey === `community:${communityId}`).map((ack) => ack.userId);
    if (here.length > 0) ackers[communityId] = sortedKeys(here);
  }
  antiFraud.ackerKeysByCommunity = ackers;
  const residents: Record<string, number> = {};
  for (const communityId of communityIds) residents[communityId] = await countOf(db.collection(COLLECTIONS.users).where({ homeCommunityId: communityId, role: 'resident' }) as never);
  antiFraud.residentsByCommunity = residents;
  antiFraud.alertSubscribers = await countOf(db.collection(COLLECTIONS.alertSubscriptions).where({ stationId, subscribedAt: _.lt(end) }) as never);

  const rounds = await allOf<QuizRoundRecord>(db.collection(COLLECTIONS.quizRounds).where({ stationId, submittedAt: _.gte(start).and(_.lt(end)) }) as never, 'submittedAt');
  antiFraud.quizRounds = rounds.length;
  antiFraud.quizCorrect = rounds.reduce((total, round) => total + (round.score ?? 0), 0);
  antiFraud.quizQuestions = rounds.reduce((total, round) => total + round.questionIds.length, 0);
  antiFraud.quizParticipantKeys = sortedKeys(rounds.map((round) => round.userId));

  const groups: Record<string, GroupDay> = {};
  const groupOf = (groupId: string) => (groups[groupId] ??= { opens: 0, newReaders: 0, acknowledgements: 0 });
  antiFraud.shares = 0;
  antiFraud.landings = 0;
  for (const event of events) {
    if (event.type === 'share') antiFraud.shares += 1;
    else if (event.type === 'landing') antiFraud.landings += 1;
    else if (event.type === 'groupLanding') {
      const group = groupOf(event.groupId);
      group.opens += 1;
      if (event.newReader) group.newReaders += 1;
    } else if (event.type === 'groupAck') groupOf(event.groupId).acknowledgements += 1;
  }
  antiFraud.groups = groups;
}

const caseFacts = (record: MediationCaseRecord): CaseFacts => ({
  stationId: record.stationId,
  communityId: record.communityId,
  ownerOfficerId: record.ownerOfficerId,
  status: record.status,
  ...(record.outcome ? { outcome: record.outcome } : {}),
  ...(record.referral ? { referral: record.referral } : {}),
  ...(record.closedAt ? { closedAt: record.closedAt } : {}),
  history: record.history,
});

async function mediationDay(stationId: string, start: Date, end: Date, day: StationDay): Promise<void> {
  const db = database();
  const _ = db.command;
  // A case with anything on the day was updated on or after it.
  const cases = (await allOf<MediationCaseRecord>(db.collection(COLLECTIONS.mediationCases).where({ stationId, updatedAt: _.gte(start) }) as never, 'updatedAt')).map(caseFacts);
  const figures = mediationFigures(cases, { from: start, to: end });
  const daysToAgreement: number[] = [];
  for (const item of cases) {
    const accepted = acceptedAt(item.history);
    for (const entry of item.history) {
      if (entry.type === 'agree' && accepted && entry.at >= start && entry.at < end) daysToAgreement.push((entry.at.getTime() - accepted.getTime()) / DAY_MS);
    }
  }
  day.mediation = {
    opened: figures.opened,
    closed: figures.closed,
    resolved: figures.resolved,
    referred: figures.referred,
    daysToAgreement,
    followUps: figures.followUps,
    followUpsHeld: figures.followUpsHeld,
  };
}

/** The station's figures for one Beijing day (today: so far). */
export async function computeStationDay(stationId: string, dayKey: string): Promise<StationDay> {
  const start = startOfBeijingDay(dayKey);
  const end = startOfBeijingDay(addDays(dayKey, 1));
  const day = emptyStationDay(stationId, dayKey);
  const events = await eventsOf(stationId, start, end);
  await Promise.all([consultFigures(stationId, start, end, events, day), bookingFigures(stationId, dayKey, events, day), antiFraudFigures(stationId, start, end, events, day), mediationDay(stationId, start, end, day)]);
  return day;
}
