/**
 * A station's weekly duty roster (值班表) as its admin keeps it: shifts by kind (值班, 社区, 大厅),
 * leave, swaps, repeating a week, who is on duty now, and the gaps in the days ahead.
 *
 * Times are Beijing time whatever the machine's zone: a day is 'YYYY-MM-DD' (Beijing), a clock
 * 'HH:mm'. A shift covers [start, end); an end at or before the start means "the next morning"
 * (a night duty 18:00–08:00). Routing only asks "on duty at t?" (domain/routing/duty.ts); the kind
 * is what the gaps check and the roster page show.
 */
import { dayFromNumber, dayNumber, isDay, minutesOf, shanghaiDay, tryMinutesOf, DAY_MS, MINUTE_MS } from '../booking/time';

export const SHIFT_KINDS = ['duty', 'community', 'hall'] as const;
export type ShiftKind = (typeof SHIFT_KINDS)[number];

export const SHIFT_KIND_LABELS: Record<ShiftKind, string> = { duty: '值班', community: '社区', hall: '大厅' };

/** What the roster page proposes for a new shift of each kind; the admin may change the times. */
export const DEFAULT_SHIFT_HOURS: Record<ShiftKind, { start: string; end: string }> = {
  duty: { start: '18:00', end: '08:00' },
  community: { start: '08:00', end: '18:00' },
  hall: { start: '08:30', end: '17:30' },
};

const OFFSET_MS = 8 * 3_600_000;

/** The instant of `day` at `clock`, Beijing time. */
export function beijingInstant(day: string, clock: string): Date {
  return new Date(dayNumber(day) * DAY_MS + minutesOf(clock) * MINUTE_MS - OFFSET_MS);
}

/** [start, end) of a shift given by its day and clocks; an end not after the start is on the next day. */
export function shiftSpan(day: string, startClock: string, endClock: string): { start: Date; end: Date } {
  const start = beijingInstant(day, startClock);
  let end = beijingInstant(day, endClock);
  if (end.getTime() <= start.getTime()) end = new Date(end.getTime() + DAY_MS);
  return { start, end };
}

/** Problems with a shift the admin entered, in Chinese; empty when it can be saved. */
export function checkShiftTimes(day: string, startClock: string, endClock: string): string[] {
  const problems: string[] = [];
  if (!isDay(day)) problems.push('日期无效');
  if (tryMinutesOf(startClock) === undefined) problems.push('开始时间应为 08:00 这样的格式');
  if (tryMinutesOf(endClock) === undefined) problems.push('结束时间应为 18:00 这样的格式');
  if (problems.length === 0 && startClock === endClock) problems.push('开始和结束时间不能相同');
  return problems;
}

/** The Monday of the (Beijing) week `day` falls in. */
export function weekStartOf(day: string): string {
  const n = dayNumber(day);
  // Day number 0 (1970-01-01) was a Thursday: Monday-based index = (n + 3) mod 7.
  return dayFromNumber(n - (((n + 3) % 7) + 7) % 7);
}

export const weekDays = (weekStart: string): string[] => Array.from({ length: 7 }, (_, i) => dayFromNumber(dayNumber(weekStart) + i));

export const addDays = (day: string, days: number): string => dayFromNumber(dayNumber(day) + days);

export interface RosterShift {
  id: string;
  officerId: string;
  kind: ShiftKind;
  start: Date;
  end: Date;
}

export interface RosterLeave {
  id: string;
  officerId: string;
  from: Date;
  to: Date;
  reason?: string;
}

const covers = (from: Date, to: Date, at: number) => from.getTime() <= at && at < to.getTime();

/** Who is on duty at `at`: on a shift that covers it and on no leave that does. */
export function onDutyAt(shifts: readonly RosterShift[], leave: readonly RosterLeave[], at: Date): RosterShift[] {
  const t = at.getTime();
  return shifts.filter((shift) => covers(shift.start, shift.end, t) && !leave.some((entry) => entry.officerId === shift.officerId && covers(entry.from, entry.to, t)));
}

/** Copies of a week's shifts one week later (or `weeks` later), skipping any that already exist there. */
export function repeatShifts(shifts: readonly RosterShift[], existing: readonly RosterShift[], weeks = 1): Omit<RosterShift, 'id'>[] {
  const shiftMs = weeks * 7 * DAY_MS;
  const taken = new Set(existing.map((shift) => `${shift.officerId}|${shift.kind}|${shift.start.getTime()}`));
  return shifts
    .map((shift) => ({ officerId: shift.officerId, kind: shift.kind, start: new Date(shift.start.getTime() + shiftMs), end: new Date(shift.end.getTime() + shiftMs) }))
    .filter((shift) => !taken.has(`${shift.officerId}|${shift.kind}|${shift.start.getTime()}`));
}

/** Leave that overlaps a shift makes that shift void: used to warn the admin when adding leave. */
export const shiftsDuringLeave = (shifts: readonly RosterShift[], officerId: string, from: Date, to: Date): RosterShift[] =>
  shifts.filter((shift) => shift.officerId === officerId && shift.start.getTime() < to.getTime() && from.getTime() < shift.end.getTime());

// ─── Gaps ────────────────────────────────────────────────────────────────────────────────────

export interface RosterGap {
  kind: 'duty' | 'hall';
  /** Beijing day the gap starts on. */
  day: string;
  from: Date;
  to: Date;
  /** For the admin: "12月5日 08:00–18:00 没有值班民警". */
  text: string;
}

type Span = [number, number];

/** The parts of [from, to) no span covers. */
function uncovered(from: number, to: number, spans: Span[]): Span[] {
  const sorted = spans.filter(([a, b]) => b > from && a < to).sort((x, y) => x[0] - y[0]);
  const gaps: Span[] = [];
  let cursor = from;
  for (const [a, b] of sorted) {
    if (a > cursor) gaps.push([cursor, Math.min(a, to)]);
    cursor = Math.max(cursor, b);
    if (cursor >= to) break;
  }
  if (cursor < to) gaps.push([cursor, to]);
  return gaps;
}

/** Shift time minus the officer's leave. */
function workingSpans(shifts: readonly RosterShift[], leave: readonly RosterLeave[], kind: ShiftKind): Span[] {
  const spans: Span[] = [];
  for (const shift of shifts) {
    if (shift.kind !== kind) continue;
    const own = leave.filter((entry) => entry.officerId === shift.officerId).map((entry): Span => [entry.from.getTime(), entry.to.getTime()]);
    spans.push(...uncovered(shift.start.getTime(), shift.end.getTime(), own));
  }
  return spans;
}

const clockOf = (t: number) => new Date(t + OFFSET_MS).toISOString().slice(11, 16);
const dateLabel = (day: string) => `${Number(day.slice(5, 7))}月${Number(day.slice(8, 10))}日`;

function spanText(from: number, to: number): string {
  const fromDay = shanghaiDay(new Date(from));
  const toDay = shanghaiDay(new Date(to - 1));
  const end = clockOf(to) === '00:00' ? '24:00' : clockOf(to);
  return fromDay === toDay ? `${dateLabel(fromDay)} ${clockOf(from)}–${end}` : `${dateLabel(fromDay)} ${clockOf(from)}–${dateLabel(toDay)} ${clockOf(to)}`;
}

/** Gaps shorter than this are not worth a warning (a 5-minute overlap slip at a hand-over). */
const MIN_GAP_MS = 15 * MINUTE_MS;

/**
 * Warnings for the days ahead: any time nobody is on 值班 (the duty desk must be staffed around
 * the clock), and any opening hours of the hall without an officer on a 大厅 shift.
 * `hallOpenings(day)` gives the hall's opening periods of a day (empty when closed).
 */
export function rosterGaps(input: {
  shifts: readonly RosterShift[];
  leave: readonly RosterLeave[];
  from: Date;
  days: number;
  hallOpenings: (day: string) => readonly { start: string; end: string }[];
}): RosterGap[] {
  const { shifts, leave, from, days } = input;
  const gaps: RosterGap[] = [];
  const until = from.getTime() + days * DAY_MS;
  const dutySpans = workingSpans(shifts, leave, 'duty');
  for (const [a, b] of uncovered(from.getTime(), until, dutySpans)) {
    if (b - a < MIN_GAP_MS) continue;
    gaps.push({ kind: 'duty', day: shanghaiDay(new Date(a)), from: new Date(a), to: new Date(b), text: `${spanText(a, b)} 没有值班民警` });
  }
  const hallSpans = workingSpans(shifts, leave, 'hall');
  const firstDay = shanghaiDay(from);
  for (let i = 0; i < days; i += 1) {
    const day = addDays(firstDay, i);
    for (const period of input.hallOpenings(day)) {
      const open = Math.max(beijingInstant(day, period.start).getTime(), from.getTime());
      const close = Math.min(beijingInstant(day, period.end).getTime(), until);
      if (close <= open) continue;
      for (const [a, b] of uncovered(open, close, hallSpans)) {
        if (b - a < MIN_GAP_MS) continue;
        gaps.push({ kind: 'hall', day, from: new Date(a), to: new Date(b), text: `${spanText(a, b)} 大厅开放但没有窗口民警` });
      }
    }
  }
  return gaps.sort((x, y) => x.from.getTime() - y.from.getTime() || x.kind.localeCompare(y.kind));
}
