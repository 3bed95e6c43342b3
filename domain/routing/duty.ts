/**
 * Who is on duty when. An officer is on duty at t iff one of their shifts covers t and none of
 * their leave does. Intervals are half-open: a day shift 08:00–18:00 ends at 18:00 sharp, when
 * the night shift 18:00–08:00 begins.
 *
 * `isOnDuty(officerId, at, roster)` on a plain roster scans it (the reference definition, fine
 * for one-off checks). For routing, build a `DutyIndex` once per roster: per officer, shifts and
 * leave are sorted and merged into disjoint intervals, so a lookup is a map access plus two
 * binary searches — O(log n) in that officer's shifts.
 *
 * Malformed entries (invalid dates, end ≤ start) are ignored, never thrown on.
 */
import type { DutyRoster } from './model';

export type DutyStatus = 'on-duty' | 'off-duty' | 'on-leave';

/** Sorted, disjoint [start, end) intervals as epoch milliseconds, in two parallel arrays. */
interface Intervals {
  starts: number[];
  ends: number[];
}

const EMPTY: Intervals = { starts: [], ends: [] };

function merge(pairs: Array<[number, number]>): Intervals {
  pairs.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const starts: number[] = [];
  const ends: number[] = [];
  for (const [start, end] of pairs) {
    const last = ends.length - 1;
    const lastEnd = ends[last];
    // Overlapping or touching (a day shift followed by a night shift) → one interval.
    if (lastEnd !== undefined && start <= lastEnd) {
      if (end > lastEnd) ends[last] = end;
    } else {
      starts.push(start);
      ends.push(end);
    }
  }
  return { starts, ends };
}

/** True when some interval covers t. */
function covers(intervals: Intervals, t: number): boolean {
  const { starts, ends } = intervals;
  // Last interval with start ≤ t.
  let lo = 0;
  let hi = starts.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    if ((starts[mid] ?? Infinity) <= t) {
      found = mid;
      lo = mid + 1;
    } else {
      hi = mid - 1;
    }
  }
  return found >= 0 && t < (ends[found] ?? -Infinity);
}

function validPair(from: Date, to: Date): [number, number] | undefined {
  const start = from instanceof Date ? from.getTime() : NaN;
  const end = to instanceof Date ? to.getTime() : NaN;
  return Number.isFinite(start) && Number.isFinite(end) && end > start ? [start, end] : undefined;
}

function group(entries: Iterable<{ officerId: string; pair: [number, number] | undefined }>): Map<string, Intervals> {
  const raw = new Map<string, Array<[number, number]>>();
  for (const { officerId, pair } of entries) {
    if (!pair) continue;
    const list = raw.get(officerId);
    if (list) list.push(pair);
    else raw.set(officerId, [pair]);
  }
  const merged = new Map<string, Intervals>();
  for (const [officerId, pairs] of raw) merged.set(officerId, merge(pairs));
  return merged;
}

/** The roster, indexed for fast "is X on duty at t" questions. Immutable once built. */
export class DutyIndex {
  private readonly shifts: Map<string, Intervals>;
  private readonly leave: Map<string, Intervals>;

  private constructor(shifts: Map<string, Intervals>, leave: Map<string, Intervals>) {
    this.shifts = shifts;
    this.leave = leave;
  }

  static build(roster: DutyRoster): DutyIndex {
    return new DutyIndex(
      group((roster.shifts ?? []).map((s) => ({ officerId: s.officerId, pair: validPair(s.start, s.end) }))),
      group((roster.leave ?? []).map((l) => ({ officerId: l.officerId, pair: validPair(l.from, l.to) }))),
    );
  }

  /** 'on-leave' whenever leave covers t (shift or not); otherwise on or off duty. */
  status(officerId: string, at: Date): DutyStatus {
    const t = at instanceof Date ? at.getTime() : NaN;
    if (Number.isNaN(t)) return 'off-duty';
    if (covers(this.leave.get(officerId) ?? EMPTY, t)) return 'on-leave';
    return covers(this.shifts.get(officerId) ?? EMPTY, t) ? 'on-duty' : 'off-duty';
  }

  /** When the officer's current stretch on duty ends (the next leave, if sooner); undefined when off duty. */
  onDutyUntil(officerId: string, at: Date): Date | undefined {
    if (this.status(officerId, at) !== 'on-duty') return undefined;
    const t = at.getTime();
    const { starts, ends } = this.shifts.get(officerId) ?? EMPTY;
    const index = starts.findIndex((start, i) => start <= t && t < (ends[i] ?? -Infinity));
    const end = ends[index] ?? t;
    const leave = this.leave.get(officerId) ?? EMPTY;
    const nextLeave = leave.starts.find((start) => start > t && start < end);
    return new Date(nextLeave ?? end);
  }

  isOnDuty(officerId: string, at: Date): boolean {
    return this.status(officerId, at) === 'on-duty';
  }
}

export const buildDutyIndex = (roster: DutyRoster): DutyIndex => DutyIndex.build(roster);

const within = (t: number, from: Date, to: Date) => {
  const pair = validPair(from, to);
  return pair !== undefined && pair[0] <= t && t < pair[1];
};

/**
 * Is the officer on duty at `at`? With a DutyIndex this is O(log n); with a plain roster it
 * scans every entry (the reference definition the index is tested against).
 */
export function isOnDuty(officerId: string, at: Date, roster: DutyRoster | DutyIndex): boolean {
  if (roster instanceof DutyIndex) return roster.isOnDuty(officerId, at);
  const t = at instanceof Date ? at.getTime() : NaN;
  if (Number.isNaN(t)) return false;
  const onShift = (roster.shifts ?? []).some((s) => s.officerId === officerId && within(t, s.start, s.end));
  return onShift && !(roster.leave ?? []).some((l) => l.officerId === officerId && within(t, l.from, l.to));
}
