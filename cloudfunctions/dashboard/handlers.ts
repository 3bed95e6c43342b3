/** The station dashboard's two actions: the view (stored days, today topped up) and the timer that stores days. */
import type { dashboardActions, DashboardDayPoint } from '@domain/actions/dashboard';
import { ActionError } from '@domain/errors';
import { addDays, beijingDayOf, daysBetween, daysOf, periodRanges, sumDays, type DayRange, type FigureNames, type PeriodKind, type StationDay } from '@domain/dashboard/figures';
import { COLLECTIONS, type StationRecord, type StationDailyStatsRecord, type TimerCursorRecord, type WechatGroupRecord } from '@platform/cloud/collections';
import { currentDirectoryRecords } from '@platform/cloud/directory-records';
import type { Handlers } from '@platform/cloud/create-function';
import { findById, findMany } from '@platform/cloud/documents';
import { database } from '@platform/cloud/wx';
import { computeStationDay } from './station-day';

/** timer_cursors/<this>: the day being rolled up and the last station done on it. */
export const ROLL_UP_JOB = 'dashboard-daily-stats';
/** A run stops after this many station-days or this much time (the function's timeout is 20 s); the next run goes on. */
const ROLL_UP_BATCH = 200;
const ROLL_UP_BUDGET_MS = 12_000;
/** A timer that was off longer than this catches up only this far back. */
const MAX_CATCH_UP_DAYS = 400;
/** The very first run starts this far back, so a quarter and the one before it have figures from the start. */
const FIRST_RUN_DAYS = 184;
const MAX_RANGE_DAYS = 366;
/** Stored days per read: a busy day (hundreds of readers and replies) stays under 30 KB, so a read stays under 1 MB. */
const DAYS_PER_READ = 30;
/** A station names a few dozen to a few hundred neighbourhood groups (西罗园: ~134). */
const MAX_GROUPS = 1000;
/** A district has a few dozen stations at most; one page of them. */
const MAX_DISTRICT_STATIONS = 100;

const storedDay = (day: StationDay): StationDailyStatsRecord => ({ _id: `${day.stationId}:${day.day}`, ...day });

async function stationAfter(afterId: string): Promise<StationRecord | undefined> {
  const db = database();
  const _ = db.command;
  const [next] = await findMany<StationRecord>(db.collection(COLLECTIONS.stations).where({ _id: _.gt(afterId) }).orderBy('_id', 'asc').limit(1));
  return next;
}

/**
 * The stored days of [from, to], read in stretches of DAYS_PER_READ side by side: a year's days
 * with their samples and reader keys are more than the 1 MB one get() may return.
 */
async function readStoredDays(stationId: string, from: string, to: string): Promise<StationDay[]> {
  const db = database();
  const _ = db.command;
  const stretches: { from: string; to: string }[] = [];
  for (let first = from; first <= to; first = addDays(first, DAYS_PER_READ)) {
    const last = addDays(first, DAYS_PER_READ - 1);
    stretches.push({ from: first, to: last < to ? last : to });
  }
  const pages = await Promise.all(
    stretches.map((stretch) =>
      findMany<StationDailyStatsRecord>(db.collection(COLLECTIONS.stationDailyStats).where({ stationId, day: _.gte(stretch.from).and(_.lte(stretch.to)) }).orderBy('day', 'asc').limit(DAYS_PER_READ)),
    ),
  );
  return pages.flat().map(({ _id: _ignored, ...day }) => day);
}

/** How the figures name officers, communities and groups: the directory, and the station's named groups. */
async function figureNames(stationId: string, now: Date): Promise<FigureNames> {
  const directory = await currentDirectoryRecords(now);
  const groups = await findMany<WechatGroupRecord>(database().collection(COLLECTIONS.wechatGroups).where({ stationId }).orderBy('_id', 'asc').limit(MAX_GROUPS));
  const communityName = (id?: string) => (id ? directory.communities.get(id)?.name : undefined);
  const byGroup = new Map(groups.map((group) => [group._id, group]));
  const communityIds = [...directory.communities.values()].filter((community) => community.stationId === stationId).sort((a, b) => a.order - b.order).map((community) => community._id);
  return {
    officer: (id) => directory.officers.get(id)?.name,
    community: communityName,
    communityIds,
    group: (id) => {
      const group = byGroup.get(id);
      const community = communityName(group?.communityId);
      return group ? { ...(group.name ? { name: group.name } : {}), ...(community ? { communityName: community } : {}) } : undefined;
    },
    namedGroups: groups.flatMap((group) => {
      const community = communityName(group.communityId);
      return group.name ? [{ groupId: group._id, name: group.name, ...(community ? { communityName: community } : {}) }] : [];
    }),
  };
}

/** The days of a range that have begun (a period running to today has no later days). */
const pastDays = (range: DayRange, today: string) => daysOf(range).filter((day) => day <= today);

function rangesOf(period: PeriodKind, today: string, from?: string, to?: string): { current: DayRange; previous: DayRange } {
  if (period === 'custom' && from && to && daysBetween(from, to) + 1 > MAX_RANGE_DAYS) throw new ActionError('INVALID_INPUT', '自定义时间段最长一年');
  return periodRanges(period, today, from && to ? { from, to } : undefined);
}

/** A station's figures for a period and the one before, from its stored days and today counted now. */
async function stationPeriod(stationId: string, { current, previous }: { current: DayRange; previous: DayRange }, today: string, now: Date) {
  const names = await figureNames(stationId, now);
  const stored = await readStoredDays(stationId, previous.from, current.to < today ? current.to : today);
  const byDay = new Map(stored.map((day) => [day.day, day]));
  // Today is never final: computed now from the records (one day's worth), never stored by a view.
  if (current.to >= today && current.from <= today) byDay.set(today, await computeStationDay(stationId, today));
  const pick = (range: DayRange) => pastDays(range, today).flatMap((day) => (byDay.has(day) ? [byDay.get(day) as StationDay] : []));
  const pendingDays = [...pastDays(current, today), ...pastDays(previous, today)].filter((day) => day < today && !byDay.has(day)).length;
  return { byDay, figures: sumDays(pick(current), names), previousFigures: sumDays(pick(previous), names), pendingDays };
}

type DashboardHandlers = Pick<Handlers<typeof dashboardActions>, 'stationDashboard' | 'districtComparison' | 'rollUpDailyStats'>;

export const dashboardHandlers: DashboardHandlers = {
  async stationDashboard({ stationId, period, from, to }, context) {
    const station = await findById<StationRecord>(COLLECTIONS.stations, stationId);
    if (!station) throw new ActionError('NOT_FOUND', '没有找到这个派出所');
    const today = beijingDayOf(context.now);
    const ranges = rangesOf(period, today, from, to);
    const { byDay, ...figures } = await stationPeriod(stationId, ranges, today, context.now);
    const pointOf = (day: string): DashboardDayPoint => ({ day, questions: byDay.get(day)?.consult.questions ?? 0, bookings: byDay.get(day)?.booking.bookings ?? 0 });
    const series = pastDays(ranges.current, today).map(pointOf);
    const previousSeries = pastDays(ranges.previous, today).map(pointOf);
    return { stationId, stationName: station.name, period, ...ranges, ...figures, series, previousSeries, asOf: context.now.toISOString() };
  },

  async districtComparison({ districtId, period, from, to }, context) {
    const today = beijingDayOf(context.now);
    const ranges = rangesOf(period, today, from, to);
    const stations = await findMany<StationRecord>(database().collection(COLLECTIONS.stations).where({ districtId }).orderBy('order', 'desc').orderBy('_id', 'desc').limit(MAX_DISTRICT_STATIONS));
    const rows = [];
    let pendingDays = 0;
    // One station at a time: each reads its own stored days and (when the period runs to today) counts today.
    for (const station of [...stations].reverse()) {
      const { byDay: _byDay, pendingDays: pending, ...figures } = await stationPeriod(station._id, ranges, today, context.now);
      pendingDays += pending;
      rows.push({ stationId: station._id, stationName: station.name, ...figures });
    }
    return { districtId, period, ...ranges, stations: rows, pendingDays, asOf: context.now.toISOString() };
  },

  async rollUpDailyStats(_input, context) {
    const started = Date.now();
    const db = database();
    const yesterday = addDays(beijingDayOf(context.now), -1);
    const earliest = addDays(yesterday, -MAX_CATCH_UP_DAYS);
    const saved = await findById<TimerCursorRecord>(COLLECTIONS.timerCursors, ROLL_UP_JOB);
    let cursor = { day: saved?.day ?? addDays(yesterday, -(FIRST_RUN_DAYS - 1)), afterId: saved?.afterId ?? '' };
    if (cursor.day < earliest) cursor = { day: earliest, afterId: '' };
    let rolledUp = 0;
    while (cursor.day <= yesterday && rolledUp < ROLL_UP_BATCH && Date.now() - started < ROLL_UP_BUDGET_MS) {
      const station = await stationAfter(cursor.afterId);
      if (station) {
        const day = await computeStationDay(station._id, cursor.day);
        const { _id, ...data } = storedDay(day);
        await db.collection(COLLECTIONS.stationDailyStats).doc(_id).set({ data });
        rolledUp += 1;
        cursor = { day: cursor.day, afterId: station._id };
      } else {
        cursor = { day: addDays(cursor.day, 1), afterId: '' };
      }
      await db.collection(COLLECTIONS.timerCursors).doc(ROLL_UP_JOB).set({ data: cursor });
    }
    return { rolledUp, caughtUpTo: addDays(cursor.day, -1), done: cursor.day > yesterday };
  },
};
