/**
 * No-shows: a booked person who has not checked in by the end of the slot plus a grace period.
 * Repeated no-shows take places from others, so after `count` of them within `windowDays` the
 * person may not book online for `restrictDays` — and is told exactly why and until when.
 */
import type { Booking } from './booking';
import { MINUTE_MS, DAY_MS, addDays, atShanghai, chineseDate, shanghaiDay } from './time';

export const DEFAULT_NO_SHOW_GRACE_MINUTES = 15;

export const NO_SHOW_POLICY = { count: 3, windowDays: 90, restrictDays: 30 } as const;
export type NoShowPolicy = { count: number; windowDays: number; restrictDays: number };

/** Still 'booked' (not checked in, not cancelled) once the slot's end plus the grace has passed. */
export function isNoShow(booking: Pick<Booking, 'status' | 'end'>, now: Date, graceMinutes = DEFAULT_NO_SHOW_GRACE_MINUTES): boolean {
  return booking.status === 'booked' && now.getTime() >= booking.end.getTime() + graceMinutes * MINUTE_MS;
}

export type Restriction =
  | { restricted: false }
  | {
      restricted: true;
      /** Online booking resumes at Beijing midnight starting this day. */
      until: Date;
      untilDay: string;
      /** No-shows within the window that ends at the no-show that triggered it. */
      count: number;
      message: string;
    };

/**
 * Restricted when some no-show is the `count`-th within `windowDays` (counting back from it):
 * then no online booking until Beijing midnight `restrictDays` days after that no-show's day.
 * The window is anchored at the triggering no-show, not at "now": three no-shows on days 0, 80
 * and 89 restrict until day 119 even though by day 95 only two are within 90 days of today.
 * Future or invalid dates are ignored. Pass each no-show's slot start.
 */
export function restrictionFor(noShowDates: readonly Date[], now: Date, policy: NoShowPolicy = NO_SHOW_POLICY): Restriction {
  const t = now.getTime();
  const times = noShowDates
    .map((d) => (d instanceof Date ? d.getTime() : NaN))
    .filter((x) => Number.isFinite(x) && x <= t)
    .sort((a, b) => a - b);
  let best: { until: number; untilDay: string; count: number } | undefined;
  let first = 0;
  for (let i = 0; i < times.length; i++) {
    const at = times[i] as number;
    while ((times[first] as number) <= at - policy.windowDays * DAY_MS) first++;
    const count = i - first + 1;
    if (count < policy.count) continue;
    const untilDay = addDays(shanghaiDay(at), policy.restrictDays);
    const until = atShanghai(untilDay).getTime();
    if (!best || until >= best.until) best = { until, untilDay, count };
  }
  if (!best || t >= best.until) return { restricted: false };
  return {
    restricted: true,
    until: new Date(best.until),
    untilDay: best.untilDay,
    count: best.count,
    message: `近${policy.windowDays}天内有${best.count}次预约未到场，${policy.restrictDays}天内暂停网上预约，到${chineseDate(best.untilDay, shanghaiDay(now))}恢复。如有特殊情况请致电派出所`,
  };
}
