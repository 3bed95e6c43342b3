/**
 * One station's figures for one Beijing day, read from the records themselves. Only the timer
 * (for days that have ended) and the dashboard (for today) call this; a view of the dashboard
 * otherwise reads the stored days. Questions, ratings, escalations and bank checks count on the
 * day the thread was opened; bookings on the day of their slot.
 */
import { tallyBankChecks } from '@domain/anti-fraud/bank-check';
import { DEFAULT_RESPONSE_TARGET_MINUTES, type ResponseTargets } from '@domain/consult/response-target';
import { emptyStationDay, startOfBeijingDay, addDays, type StationDay } from '@domain/dashboard/figures';
import { acceptedAt, mediationFigures, type CaseFacts } from '@domain/mediation/figures';
import {
  COLLECTIONS,
  type ArticleRecord,
  type BookingRecord,
  type ConsultMessageRecord,
  type ConsultSettingsRecord,
  type ConsultThreadRecord,
  type MediationCaseRecord,
  type RoutingDecisionRecord,
  type SlotCounterRecord,
} from '@platform/cloud/collections';
import { countOf, findById, findMany, type StoredDoc } from '@platform/cloud/documents';
import { database } from '@platform/cloud/wx';

const PAGE = 1000;
const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;
/** `in` lists are sent in slices this long. */
const IN_SLICE = 100;

type Query = { orderBy(field: string, direction: 'asc' | 'desc'): Query; skip(n: number): Query; limit(n: number): Query; get(): unknown };

/** Every document a query matches, page by page (a server get() returns at most 1000). */
async function allOf<T extends StoredDoc>(query: Query, sortField: string): Promise<T[]> {
  const found: T[] = [];
  for (let skip = 0; ; skip += PAGE) {
    const page = await findMany<T>(query.orderBy(sortField, 'asc').orderBy('_id', 'asc').skip(skip).limit(PAGE) as never);
    found.push(...page);
    if (page.length < PAGE) return found;
  }
}

const slices = <T>(items: readonly T[]): T[][] => {
  const result: T[][] = [];
  for (let index = 0; index < items.length; index += IN_SLICE) result.push(items.slice(index, index + IN_SLICE));
  return result;
};

async function firstOfficerReplyAt(threadId: string): Promise<Date | undefined> {
  const db = database();
  const messages = await findMany<ConsultMessageRecord>(db.collection(COLLECTIONS.consultMessages).where({ threadId }).orderBy('createdAt', 'asc').orderBy('_id', 'asc').limit(50));
  return messages.find((message) => message.from === 'officer')?.createdAt;
}

async function consultFigures(stationId: string, start: Date, end: Date, day: StationDay): Promise<void> {
  const db = database();
  const _ = db.command;
  const threads = await allOf<ConsultThreadRecord>(db.collection(COLLECTIONS.consultThreads).where({ stationId, createdAt: _.gte(start).and(_.lt(end)) }) as never, 'createdAt');
  const settings = await findById<ConsultSettingsRecord>(COLLECTIONS.consultSettings, stationId);
  const targets: ResponseTargets = { ...DEFAULT_RESPONSE_TARGET_MINUTES, ...settings?.targets };
  const questions = threads.filter((thread) => thread.kind !== 'bankCheck');
  for (const thread of questions) {
    day.consult.questions += 1;
    day.consult.byCategory[thread.category] = (day.consult.byCategory[thread.category] ?? 0) + 1;
    if (thread.escalated) day.consult.escalations += 1;
    if (thread.rating) {
      day.consult.ratings += 1;
      day.consult.ratingStars += thread.rating.stars;
    }
  }
  const replies = await Promise.all(questions.map((thread) => firstOfficerReplyAt(thread._id)));
  questions.forEach((thread, index) => {
    const reply = replies[index];
    if (!reply) return;
    const minutes = Math.round((reply.getTime() - thread.createdAt.getTime()) / MINUTE_MS);
    day.consult.firstResponseMinutes.push(minutes);
    if (minutes <= targets[thread.priority]) day.consult.withinTarget += 1;
  });
  const tally = tallyBankChecks(threads.filter((thread) => thread.bankCheck).map((thread) => ({ amount: thread.bankCheck?.amount ?? 0, ...(thread.bankCheck?.outcome ? { outcome: thread.bankCheck.outcome } : {}) })));
  day.bankChecks = { raised: tally.raised, protectedChecks: tally.byOutcome.stopped + tally.byOutcome.dissuaded, protectedAmount: tally.protectedAmount };
  const decisions = await allOf<RoutingDecisionRecord>(db.collection(COLLECTIONS.routingDecisions).where({ stationId, at: _.gte(start).and(_.lt(end)) }) as never, 'at');
  day.consult.emergencyPrompts = decisions.filter((decision) => decision.emergency).length;
}

async function bookingFigures(stationId: string, dayKey: string, day: StationDay): Promise<void> {
  const db = database();
  const bookings = await allOf<BookingRecord>(db.collection(COLLECTIONS.bookings).where({ stationId, day: dayKey }) as never, 'day');
  const counters = await allOf<SlotCounterRecord>(db.collection(COLLECTIONS.slotCounters).where({ stationId, day: dayKey }) as never, 'day');
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
  for (const counter of counters) {
    day.booking.capacity += counter.capacity;
    day.booking.taken += counter.capacity - counter.remaining - (counter.held ?? 0);
  }
}

async function antiFraudFigures(stationId: string, start: Date, end: Date, day: StationDay): Promise<void> {
  const db = database();
  const _ = db.command;
  const articles = await allOf<ArticleRecord>(db.collection(COLLECTIONS.articles).where({ stationId }) as never, 'publishedAt');
  for (const ids of slices(articles.map((article) => article._id))) {
    day.antiFraud.newReaders += await countOf(db.collection(COLLECTIONS.articleReaders).where({ articleId: _.in(ids), at: _.gte(start).and(_.lt(end)) }) as never);
    day.antiFraud.acknowledgements += await countOf(db.collection(COLLECTIONS.articleAcks).where({ articleId: _.in(ids), at: _.gte(start).and(_.lt(end)) }) as never);
  }
  day.antiFraud.alertSubscribers = await countOf(db.collection(COLLECTIONS.alertSubscriptions).where({ stationId, acceptedAt: _.lt(end) }) as never);
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
  await Promise.all([consultFigures(stationId, start, end, day), bookingFigures(stationId, dayKey, day), antiFraudFigures(stationId, start, end, day), mediationDay(stationId, start, end, day)]);
  return day;
}
