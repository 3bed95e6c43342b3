/**
 * The station dashboard (成效可评估): one day's figures of a station as the timer stores them,
 * and the arithmetic that turns a run of days into a period's figures. Pure: the dashboard
 * function and its tests compute the same way. Everything a period needs is a sum over days,
 * except percentiles and medians, for which a day keeps its raw samples (a few dozen numbers).
 */
import type { ConsultCategory } from '../routing/model';

/** One question's first officer reply, on the day it was given. */
export interface ResponseSample {
  minutes: number;
  withinTarget: boolean;
  officerId?: string;
  communityId?: string;
}

export interface ConsultDay {
  /** Questions opened that day (bank checks are counted apart). */
  questions: number;
  byCategory: Partial<Record<ConsultCategory, number>>;
  /** Minutes from a question to its first officer reply, for the first replies given that day. */
  firstResponseMinutes: number[];
  /** Of those, given within the station's response target. */
  withinTarget: number;
  /** The same replies with who answered and for which community (p50/p90 per officer and community). */
  responses?: ResponseSample[];
  escalations: number;
  ratings: number;
  ratingStars: number;
  emergencyPrompts: number;
}

export interface BookingDay {
  /** Bookings for the day's slots that were not cancelled. */
  bookings: number;
  /** Places in the day's slots, and those taken. */
  capacity: number;
  taken: number;
  checkedIn: number;
  noShows: number;
  /** Bookings with accessibility needs, and those of them checked in (the need met at the window). */
  needsBookings: number;
  needsServed: number;
  /** Places freed from a full slot and claimed by the person first on its waitlist, that day. */
  waitlistClaims?: number;
}

/** One neighbourhood group's day: cards opened from it, people opening the item there first, 我已知晓 of those. */
export interface GroupDay {
  opens: number;
  newReaders: number;
  acknowledgements: number;
}

export interface AntiFraudDay {
  /** First openings of the station's items that day (a person counts once per item). */
  newReaders: number;
  acknowledgements: number;
  /** Alert subscribers of the station's communities at the end of the day (a level, not a flow). */
  alertSubscribers: number;
  /** readerKeyOf() of each person who first opened one of the station's items that day: a period's unique readers are their union. */
  readerKeys?: string[];
  /** Times the station's items were shared, and opened from a shared card. */
  shares?: number;
  landings?: number;
  /** Quiz rounds handed in that day by the station's residents, their correct answers and questions, and who (keys). */
  quizRounds?: number;
  quizCorrect?: number;
  quizQuestions?: number;
  quizParticipantKeys?: string[];
  /** Per community of the station: keys of the residents who tapped 我已知晓 on a station item that day. */
  ackerKeysByCommunity?: Record<string, string[]>;
  /** Per community of the station: residents registered there at the end of the day (a level). */
  residentsByCommunity?: Record<string, number>;
  /** Reach per neighbourhood group (`none`: opened from a chat or 朋友圈, where WeChat names no group). */
  groups?: Record<string, GroupDay>;
}

export interface MediationDay {
  opened: number;
  closed: number;
  resolved: number;
  referred: number;
  daysToAgreement: number[];
  followUps: number;
  followUpsHeld: number;
}

export interface BankCheckDay {
  raised: number;
  /** Checks closed that day as stopped or dissuaded, and the yuan they kept. */
  protectedChecks: number;
  protectedAmount: number;
}

/** One `station_daily_stats` document: `_id` = dailyStatsId(stationId, day). */
export interface StationDay {
  stationId: string;
  /** Beijing day, 'YYYY-MM-DD'. */
  day: string;
  consult: ConsultDay;
  booking: BookingDay;
  antiFraud: AntiFraudDay;
  mediation: MediationDay;
  bankChecks: BankCheckDay;
}

export const dailyStatsId = (stationId: string, day: string): string => `${stationId}:${day}`;

const BEIJING_OFFSET_MS = 8 * 3_600_000;
const DAY_MS = 86_400_000;

/** The Beijing day an instant falls on. */
export const beijingDayOf = (at: Date): string => new Date(at.getTime() + BEIJING_OFFSET_MS).toISOString().slice(0, 10);
/** The instant a Beijing day starts (00:00 +08:00). */
export const startOfBeijingDay = (day: string): Date => new Date(Date.parse(`${day}T00:00:00.000Z`) - BEIJING_OFFSET_MS);
export const addDays = (day: string, days: number): string => new Date(Date.parse(`${day}T00:00:00.000Z`) + days * DAY_MS).toISOString().slice(0, 10);
export const daysBetween = (from: string, to: string): number => Math.round((Date.parse(`${to}T00:00:00.000Z`) - Date.parse(`${from}T00:00:00.000Z`)) / DAY_MS);

// ---- periods ----

export const PERIOD_KINDS = ['thisWeek', 'lastWeek', 'month', 'quarter', 'custom'] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];
export const PERIOD_LABELS: Record<PeriodKind, string> = { thisWeek: '本周', lastWeek: '上周', month: '本月', quarter: '本季度', custom: '自定义' };

/** Days [from, to] inclusive, Beijing. */
export interface DayRange {
  from: string;
  to: string;
}

/** Monday of the day's week (weeks start on Monday in China). */
function mondayOf(day: string): string {
  const weekday = new Date(`${day}T00:00:00.000Z`).getUTCDay(); // 0 = Sunday
  return addDays(day, -((weekday + 6) % 7));
}

/**
 * The period and the one before it to compare with. This week, month and quarter run to today
 * (compared with the same number of days of the previous week, month or quarter); last week and
 * a custom range are compared with the equally long range just before.
 */
export function periodRanges(kind: PeriodKind, today: string, custom?: DayRange): { current: DayRange; previous: DayRange } {
  const sameLengthBefore = (range: DayRange): DayRange => {
    const length = daysBetween(range.from, range.to) + 1;
    return { from: addDays(range.from, -length), to: addDays(range.from, -1) };
  };
  if (kind === 'custom') {
    if (!custom) throw new Error('a custom period needs its range');
    return { current: custom, previous: sameLengthBefore(custom) };
  }
  if (kind === 'thisWeek' || kind === 'lastWeek') {
    const monday = kind === 'thisWeek' ? mondayOf(today) : addDays(mondayOf(today), -7);
    const current = { from: monday, to: kind === 'thisWeek' ? today : addDays(monday, 6) };
    return { current, previous: { from: addDays(current.from, -7), to: addDays(current.to, -7) } };
  }
  const [year, month] = today.split('-').map(Number) as [number, number];
  const firstMonth = kind === 'month' ? month : month - ((month - 1) % 3);
  const span = kind === 'month' ? 1 : 3;
  const startOf = (y: number, m: number) => new Date(Date.UTC(y, m - 1, 1)).toISOString().slice(0, 10);
  const from = startOf(year, firstMonth);
  const previousFrom = startOf(year, firstMonth - span);
  const elapsed = daysBetween(from, today);
  // The previous period's same stretch, cut at its own end (31 March has no 31 February).
  const previousTo = [addDays(previousFrom, elapsed), addDays(from, -1)].sort()[0] as string;
  return { current: { from, to: today }, previous: { from: previousFrom, to: previousTo } };
}

export const daysOf = (range: DayRange): string[] => {
  const days: string[] = [];
  for (let day = range.from; day <= range.to; day = addDays(day, 1)) days.push(day);
  return days;
};

// ---- summing days ----

/** First-response figures of one officer or community. */
export interface ResponseGroupFigures {
  id: string;
  name: string;
  answered: number;
  p50Minutes: number | null;
  p90Minutes: number | null;
  withinTargetRate: number | null;
}

/** 我已知晓 in one community: people who tapped it on a station item in the period, of the residents registered there. */
export interface CommunityAckFigures {
  communityId: string;
  name: string;
  residents: number;
  acknowledged: number;
  share: number | null;
}

export interface GroupReachFigures {
  groupId: string;
  name: string;
  communityName?: string;
  opens: number;
  newReaders: number;
  acknowledgements: number;
}

/** How the figures name what the days keep by id (the function reads the directory and the station's groups). */
export interface FigureNames {
  officer(id: string): string | undefined;
  community(id: string): string | undefined;
  /** The station's communities, in their order: each gets a 我已知晓 row, also with nobody. */
  communityIds: readonly string[];
  group(id: string): { name?: string; communityName?: string } | undefined;
  /** The station's named groups: those with no opening in the period are listed as not reached. */
  namedGroups: readonly { groupId: string; name: string; communityName?: string }[];
}

const NO_NAMES: FigureNames = { officer: () => undefined, community: () => undefined, communityIds: [], group: () => undefined, namedGroups: [] };

/** Landings WeChat names no group for are kept under this pseudo-group (cloudfunctions/feed/group-reach.ts). */
export const NO_GROUP_ID = 'none';

export interface PeriodFigures {
  days: number;
  consult: {
    questions: number;
    byCategory: Partial<Record<ConsultCategory, number>>;
    answered: number;
    firstResponseP50Minutes: number | null;
    firstResponseP90Minutes: number | null;
    withinTargetRate: number | null;
    escalations: number;
    ratings: number;
    averageRating: number | null;
    emergencyPrompts: number;
    /** First response per officer who answered and per community asked from, most answers first. */
    byOfficer: ResponseGroupFigures[];
    byCommunity: ResponseGroupFigures[];
  };
  booking: {
    bookings: number;
    utilisation: number | null;
    noShows: number;
    noShowRate: number | null;
    needsBookings: number;
    needsServed: number;
    waitlistClaims: number;
  };
  antiFraud: {
    newReaders: number;
    /** People (not page views, not per item) who first opened a station item in the period. */
    uniqueReaders: number;
    acknowledgements: number;
    alertSubscribers: number;
    shares: number;
    landings: number;
    quizRounds: number;
    quizParticipants: number;
    /** Mean correct answers per round, and the share of questions answered right. */
    quizAverageScore: number | null;
    quizCorrectRate: number | null;
    acknowledgedByCommunity: CommunityAckFigures[];
    /** Reach per named or seen group, most new readers first; landings from chats and 朋友圈; named groups not reached. */
    groups: GroupReachFigures[];
    landingsWithoutGroup: number;
    unreachedGroups: { groupId: string; name: string; communityName?: string }[];
  };
  mediation: {
    opened: number;
    closed: number;
    resolved: number;
    resolutionRate: number | null;
    settledLocallyRate: number | null;
    agreements: number;
    medianDaysToAgreement: number | null;
    followUps: number;
    holdingRate: number | null;
  };
  bankChecks: { raised: number; protectedChecks: number; protectedAmount: number };
}

const ratio = (part: number, whole: number): number | null => (whole === 0 ? null : part / whole);

/** Nearest-rank percentile (p in 0..100); null for no samples. */
export function percentile(values: readonly number[], p: number): number | null {
  return percentileOfSorted([...values].sort((a, b) => a - b), p);
}

function percentileOfSorted(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1] as number;
}

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

function responseGroups(samples: readonly ResponseSample[], keyOf: (sample: ResponseSample) => string | undefined, nameOf: (id: string) => string | undefined, unknown: string): ResponseGroupFigures[] {
  const byKey = new Map<string, { minutes: number[]; withinTarget: number }>();
  for (const sample of samples) {
    const key = keyOf(sample);
    if (!key) continue;
    let group = byKey.get(key);
    if (!group) byKey.set(key, (group = { minutes: [], withinTarget: 0 }));
    group.minutes.push(sample.minutes);
    if (sample.withinTarget) group.withinTarget += 1;
  }
  return [...byKey.entries()]
    .map(([id, group]) => {
      const sorted = group.minutes.sort((a, b) => a - b);
      return {
        id,
        name: nameOf(id) ?? unknown,
        answered: sorted.length,
        p50Minutes: percentileOfSorted(sorted, 50),
        p90Minutes: percentileOfSorted(sorted, 90),
        withinTargetRate: ratio(group.withinTarget, sorted.length),
      };
    })
    .sort((a, b) => b.answered - a.answered || a.id.localeCompare(b.id));
}

function unionSize(lists: readonly (readonly string[] | undefined)[]): number {
  const seen = new Set<string>();
  for (const list of lists) for (const key of list ?? []) seen.add(key);
  return seen.size;
}

/** A period's figures from its days (missing days count as empty; levels — subscribers, residents — are the last day's). */
export function sumDays(days: readonly StationDay[], names: FigureNames = NO_NAMES): PeriodFigures {
  const sum = (pick: (day: StationDay) => number) => days.reduce((total, day) => total + pick(day), 0);
  const byCategory: Partial<Record<ConsultCategory, number>> = {};
  for (const day of days) {
    for (const [category, count] of Object.entries(day.consult.byCategory) as [ConsultCategory, number][]) byCategory[category] = (byCategory[category] ?? 0) + count;
  }
  const responses = days.flatMap((day) => day.consult.firstResponseMinutes);
  const sortedResponses = [...responses].sort((a, b) => a - b);
  const agreementDays = days.flatMap((day) => day.mediation.daysToAgreement);
  const ratings = sum((day) => day.consult.ratings);
  const closed = sum((day) => day.mediation.closed);
  const followUps = sum((day) => day.mediation.followUps);
  const bookings = sum((day) => day.booking.bookings);
  const latest = [...days].sort((a, b) => a.day.localeCompare(b.day)).at(-1);
  const samples = days.flatMap((day) => day.consult.responses ?? []);
  const quizRounds = sum((day) => day.antiFraud.quizRounds ?? 0);
  const quizQuestions = sum((day) => day.antiFraud.quizQuestions ?? 0);
  const quizCorrect = sum((day) => day.antiFraud.quizCorrect ?? 0);
  const communityIds = [...new Set([...names.communityIds, ...days.flatMap((day) => Object.keys(day.antiFraud.ackerKeysByCommunity ?? {}))])];
  const acknowledgedByCommunity = communityIds.map((communityId) => {
    const residents = latest?.antiFraud.residentsByCommunity?.[communityId] ?? 0;
    const acknowledged = unionSize(days.map((day) => day.antiFraud.ackerKeysByCommunity?.[communityId]));
    return { communityId, name: names.community(communityId) ?? '其他社区', residents, acknowledged, share: ratio(acknowledged, residents) };
  });
  const groupTotals = new Map<string, GroupDay>();
  for (const day of days) {
    for (const [groupId, group] of Object.entries(day.antiFraud.groups ?? {})) {
      const total = groupTotals.get(groupId) ?? { opens: 0, newReaders: 0, acknowledgements: 0 };
      groupTotals.set(groupId, { opens: total.opens + group.opens, newReaders: total.newReaders + group.newReaders, acknowledgements: total.acknowledgements + group.acknowledgements });
    }
  }
  const groups = [...groupTotals.entries()]
    .filter(([groupId]) => groupId !== NO_GROUP_ID)
    .map(([groupId, total]) => {
      const named = names.group(groupId);
      return { groupId, name: named?.name ?? '未命名的群', ...(named?.communityName ? { communityName: named.communityName } : {}), ...total };
    })
    .sort((a, b) => b.newReaders - a.newReaders || b.opens - a.opens || a.groupId.localeCompare(b.groupId));
  return {
    days: days.length,
    consult: {
      questions: sum((day) => day.consult.questions),
      byCategory,
      answered: responses.length,
      firstResponseP50Minutes: percentileOfSorted(sortedResponses, 50),
      firstResponseP90Minutes: percentileOfSorted(sortedResponses, 90),
      withinTargetRate: ratio(sum((day) => day.consult.withinTarget), responses.length),
      escalations: sum((day) => day.consult.escalations),
      ratings,
      averageRating: ratio(sum((day) => day.consult.ratingStars), ratings),
      emergencyPrompts: sum((day) => day.consult.emergencyPrompts),
      byOfficer: responseGroups(samples, (sample) => sample.officerId, names.officer, '民警'),
      byCommunity: responseGroups(samples, (sample) => sample.communityId, names.community, '其他社区'),
    },
    booking: {
      bookings,
      utilisation: ratio(sum((day) => day.booking.taken), sum((day) => day.booking.capacity)),
      noShows: sum((day) => day.booking.noShows),
      noShowRate: ratio(sum((day) => day.booking.noShows), sum((day) => day.booking.noShows + day.booking.checkedIn)),
      needsBookings: sum((day) => day.booking.needsBookings),
      needsServed: sum((day) => day.booking.needsServed),
      waitlistClaims: sum((day) => day.booking.waitlistClaims ?? 0),
    },
    antiFraud: {
      newReaders: sum((day) => day.antiFraud.newReaders),
      uniqueReaders: unionSize(days.map((day) => day.antiFraud.readerKeys)),
      acknowledgements: sum((day) => day.antiFraud.acknowledgements),
      alertSubscribers: latest?.antiFraud.alertSubscribers ?? 0,
      shares: sum((day) => day.antiFraud.shares ?? 0),
      landings: sum((day) => day.antiFraud.landings ?? 0),
      quizRounds,
      quizParticipants: unionSize(days.map((day) => day.antiFraud.quizParticipantKeys)),
      quizAverageScore: ratio(quizCorrect, quizRounds),
      quizCorrectRate: ratio(quizCorrect, quizQuestions),
      acknowledgedByCommunity,
      groups,
      landingsWithoutGroup: groupTotals.get(NO_GROUP_ID)?.opens ?? 0,
      unreachedGroups: names.namedGroups.filter((group) => !groupTotals.has(group.groupId)),
    },
    mediation: {
      opened: sum((day) => day.mediation.opened),
      closed,
      resolved: sum((day) => day.mediation.resolved),
      resolutionRate: ratio(sum((day) => day.mediation.resolved), closed),
      settledLocallyRate: ratio(closed - sum((day) => day.mediation.referred), closed),
      agreements: agreementDays.length,
      medianDaysToAgreement: median(agreementDays),
      followUps,
      holdingRate: ratio(sum((day) => day.mediation.followUpsHeld), followUps),
    },
    bankChecks: {
      raised: sum((day) => day.bankChecks.raised),
      protectedChecks: sum((day) => day.bankChecks.protectedChecks),
      protectedAmount: sum((day) => day.bankChecks.protectedAmount),
    },
  };
}

export const emptyStationDay = (stationId: string, day: string): StationDay => ({
  stationId,
  day,
  consult: { questions: 0, byCategory: {}, firstResponseMinutes: [], withinTarget: 0, responses: [], escalations: 0, ratings: 0, ratingStars: 0, emergencyPrompts: 0 },
  booking: { bookings: 0, capacity: 0, taken: 0, checkedIn: 0, noShows: 0, needsBookings: 0, needsServed: 0, waitlistClaims: 0 },
  antiFraud: {
    newReaders: 0,
    acknowledgements: 0,
    alertSubscribers: 0,
    readerKeys: [],
    shares: 0,
    landings: 0,
    quizRounds: 0,
    quizCorrect: 0,
    quizQuestions: 0,
    quizParticipantKeys: [],
    ackerKeysByCommunity: {},
    residentsByCommunity: {},
    groups: {},
  },
  mediation: { opened: 0, closed: 0, resolved: 0, referred: 0, daysToAgreement: [], followUps: 0, followUpsHeld: 0 },
  bankChecks: { raised: 0, protectedChecks: 0, protectedAmount: 0 },
});
