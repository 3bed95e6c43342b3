/**
 * The figures a station head reviews (成效可评估), from the cases' own histories. Pure, so the
 * mediation function and the station dashboard compute them the same way.
 *
 * Over a period [from, to):
 * - opened: cases taken on (受理) in the period — a resident's request counts from its acceptance;
 *   a declined request never was a case.
 * - closed, resolved: cases closed in the period, and those closed as 化解.
 * - resolutionRate (化解率) = resolved ÷ closed.
 * - settledLocallyRate (矛盾不上交率) = closed without a referral (人民调解委员会, 诉调对接, 12345) ÷ closed.
 * - daysToAgreement: for each agreement reached in the period, days from acceptance to it (mean, median).
 * - holdingRate: 回访 recorded in the period that found the agreement held ÷ all 回访 recorded in it.
 * A rate with nothing to divide by is null ("no cases"), never 0 % or 100 %.
 */
import type { HistoryEntry } from './lifecycle';
import type { CaseOutcome, CaseStatus, Referral } from './model';

export interface CaseFacts {
  stationId: string;
  communityId: string;
  ownerOfficerId: string;
  status: CaseStatus;
  outcome?: CaseOutcome;
  referral?: Referral;
  closedAt?: Date;
  history: readonly HistoryEntry[];
}

export interface Period {
  from: Date;
  to: Date;
}

export interface MediationFigures {
  opened: number;
  closed: number;
  resolved: number;
  partlyResolved: number;
  unresolved: number;
  referred: number;
  resolutionRate: number | null;
  settledLocallyRate: number | null;
  agreements: number;
  meanDaysToAgreement: number | null;
  medianDaysToAgreement: number | null;
  followUps: number;
  followUpsHeld: number;
  holdingRate: number | null;
}

const DAY_MS = 24 * 3_600_000;
const within = (at: Date, period: Period) => at.getTime() >= period.from.getTime() && at.getTime() < period.to.getTime();
const ratio = (part: number, whole: number): number | null => (whole === 0 ? null : part / whole);

/** When the case was taken on: its acceptance, or its opening when an officer entered it. */
export function acceptedAt(history: readonly HistoryEntry[]): Date | undefined {
  const entry = history.find((item) => item.type === 'accept' || (item.type === 'open' && item.to === 'accepted'));
  return entry?.at;
}

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

export function mediationFigures(cases: readonly CaseFacts[], period: Period): MediationFigures {
  let opened = 0;
  const closedCases: CaseFacts[] = [];
  const daysToAgreement: number[] = [];
  let followUps = 0;
  let followUpsHeld = 0;
  for (const item of cases) {
    const accepted = acceptedAt(item.history);
    if (accepted && within(accepted, period)) opened += 1;
    if (item.status === 'closed' && item.closedAt && within(item.closedAt, period)) closedCases.push(item);
    for (const entry of item.history) {
      if (!within(entry.at, period)) continue;
      if (entry.type === 'agree' && accepted) daysToAgreement.push((entry.at.getTime() - accepted.getTime()) / DAY_MS);
      if (entry.type === 'followUp') {
        followUps += 1;
        if (entry.detail?.result === 'held') followUpsHeld += 1;
      }
    }
  }
  const count = (outcome: CaseOutcome) => closedCases.filter((item) => item.outcome === outcome).length;
  const closed = closedCases.length;
  const resolved = count('resolved');
  const referred = closedCases.filter((item) => item.referral !== undefined).length;
  return {
    opened,
    closed,
    resolved,
    partlyResolved: count('partlyResolved'),
    unresolved: count('unresolved'),
    referred,
    resolutionRate: ratio(resolved, closed),
    settledLocallyRate: ratio(closed - referred, closed),
    agreements: daysToAgreement.length,
    meanDaysToAgreement: daysToAgreement.length ? daysToAgreement.reduce((sum, days) => sum + days, 0) / daysToAgreement.length : null,
    medianDaysToAgreement: median(daysToAgreement),
    followUps,
    followUpsHeld,
    holdingRate: ratio(followUpsHeld, followUps),
  };
}

export type FiguresGrouping = 'station' | 'community' | 'officer';

const KEY_OF: Record<FiguresGrouping, (item: CaseFacts) => string> = {
  station: (item) => item.stationId,
  community: (item) => item.communityId,
  officer: (item) => item.ownerOfficerId,
};

/** The same figures per station, community or owning officer (keys in first-seen order). */
export function mediationFiguresBy(cases: readonly CaseFacts[], period: Period, grouping: FiguresGrouping): Map<string, MediationFigures> {
  const groups = new Map<string, CaseFacts[]>();
  for (const item of cases) {
    const key = KEY_OF[grouping](item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return new Map([...groups].map(([key, group]) => [key, mediationFigures(group, period)]));
}

/** "87.5%", or "—" when there is nothing to count. */
export const formatRate = (rate: number | null): string => (rate === null ? '—' : `${Math.round(rate * 1000) / 10}%`);

/** The calendar periods the officers' figures offer, in Beijing time by the cloud's clock. */
export const FIGURES_PERIODS = ['thisYear', 'thisQuarter', 'thisMonth', 'lastMonth'] as const;
export type FiguresPeriod = (typeof FIGURES_PERIODS)[number];
export const FIGURES_PERIOD_LABELS: Record<FiguresPeriod, string> = { thisYear: '今年', thisQuarter: '本季度', thisMonth: '本月', lastMonth: '上月' };

const BEIJING_OFFSET_MS = 8 * 3_600_000;
/** Midnight in Beijing of the first day of a (possibly overflowing) month. */
const beijingMonthStart = (year: number, month: number) => new Date(Date.UTC(year, month, 1) - BEIJING_OFFSET_MS);

/** The period `kind` around `now`, and how it reads: "2026 年", "2026 年第 4 季度", "2026 年 11 月". */
export function figuresPeriod(kind: FiguresPeriod, now: Date): Period & { label: string } {
  const local = new Date(now.getTime() + BEIJING_OFFSET_MS);
  const year = local.getUTCFullYear();
  const month = local.getUTCMonth();
  if (kind === 'thisYear') return { from: beijingMonthStart(year, 0), to: beijingMonthStart(year + 1, 0), label: `${year} 年` };
  if (kind === 'thisQuarter') {
    const first = month - (month % 3);
    return { from: beijingMonthStart(year, first), to: beijingMonthStart(year, first + 3), label: `${year} 年第 ${first / 3 + 1} 季度` };
  }
  const start = kind === 'thisMonth' ? beijingMonthStart(year, month) : beijingMonthStart(year, month - 1);
  const startLocal = new Date(start.getTime() + BEIJING_OFFSET_MS);
  return { from: start, to: beijingMonthStart(startLocal.getUTCFullYear(), startLocal.getUTCMonth() + 1), label: `${startLocal.getUTCFullYear()} 年 ${startLocal.getUTCMonth() + 1} 月` };
}
