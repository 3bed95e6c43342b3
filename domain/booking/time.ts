/**
 * Calendar arithmetic in Asia/Shanghai (UTC+8, no daylight saving since 1991), whatever time zone
 * the machine running it is in: cloud functions run in UTC, a developer's laptop anywhere.
 * Never use Date#getHours/getDay/setDate here — they read the machine's zone.
 *
 * A day is the string 'YYYY-MM-DD' (Beijing calendar day); internally days are also counted as
 * integers ("day numbers": days since 1970-01-01), which makes adding days and weekdays plain
 * integer arithmetic.
 */

export const SHANGHAI_OFFSET_MINUTES = 8 * 60;
export const MINUTE_MS = 60_000;
export const HOUR_MS = 3_600_000;
export const DAY_MS = 86_400_000;
const OFFSET_MS = SHANGHAI_OFFSET_MINUTES * MINUTE_MS;

/** Monday first, as Chinese calendars show the week. */
export const WEEKDAY_KEYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type WeekdayKey = (typeof WEEKDAY_KEYS)[number];
export const WEEKDAY_LABELS: Record<WeekdayKey, string> = { mon: '周一', tue: '周二', wed: '周三', thu: '周四', fri: '周五', sat: '周六', sun: '周日' };

const DAY_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME_RE = /^([01]\d|2[0-3]):([0-5]\d)$/;

const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n));

/** Day number of a 'YYYY-MM-DD' string, or undefined when it is not a real calendar day. */
export function tryDayNumber(day: string): number | undefined {
  const m = typeof day === 'string' ? DAY_RE.exec(day) : null;
  if (!m) return undefined;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  const ms = Date.UTC(y, mo - 1, d);
  // Round-trip check: Date.UTC silently rolls 2026-02-30 over to March.
  const back = new Date(ms);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) return undefined;
  return ms / DAY_MS;
}

export function dayNumber(day: string): number {
  const n = tryDayNumber(day);
  if (n === undefined) throw new RangeError(`not a day (YYYY-MM-DD): ${day}`);
  return n;
}

export function isDay(value: unknown): value is string {
  return typeof value === 'string' && tryDayNumber(value) !== undefined;
}

/** 'YYYY-MM-DD' of a day number. */
export function dayFromNumber(n: number): string {
  const d = new Date(n * DAY_MS);
  return `${d.getUTCFullYear()}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())}`;
}

/** Day number of the Beijing calendar day an instant falls on. */
export const shanghaiDayNumber = (at: Date | number): number => Math.floor(((typeof at === 'number' ? at : at.getTime()) + OFFSET_MS) / DAY_MS);

/** The Beijing calendar day an instant falls on, 'YYYY-MM-DD'. */
export function shanghaiDay(at: Date | number): string {
  return dayFromNumber(shanghaiDayNumber(at));
}

/** Minutes since Beijing midnight of an instant (0–1439). */
export function shanghaiMinuteOfDay(at: Date | number): number {
  const ms = (typeof at === 'number' ? at : at.getTime()) + OFFSET_MS;
  return Math.floor((((ms % DAY_MS) + DAY_MS) % DAY_MS) / MINUTE_MS);
}

/** 'HH:mm' → minutes since midnight, or undefined. */
export function tryMinutesOf(time: string): number | undefined {
  const m = typeof time === 'string' ? TIME_RE.exec(time) : null;
  return m ? Number(m[1]) * 60 + Number(m[2]) : undefined;
}

export function minutesOf(time: string): number {
  const minutes = tryMinutesOf(time);
  if (minutes === undefined) throw new RangeError(`not a time (HH:mm): ${time}`);
  return minutes;
}

/** Minutes since midnight → 'HH:mm'. */
export const timeOf = (minutes: number): string => `${pad2(Math.floor(minutes / 60))}:${pad2(minutes % 60)}`;

/** Epoch milliseconds of Beijing midnight starting a day number. */
export const dayStartMs = (n: number): number => n * DAY_MS - OFFSET_MS;

/** The instant `time` ('HH:mm') on `day` ('YYYY-MM-DD') in Beijing. Throws RangeError on malformed input. */
export function atShanghai(day: string, time = '00:00'): Date {
  return new Date(dayStartMs(dayNumber(day)) + minutesOf(time) * MINUTE_MS);
}

/** ISO weekday of a day number: 1 = Monday … 7 = Sunday (1970-01-01, day 0, was a Thursday). */
export const isoWeekdayOf = (n: number): number => ((((n + 3) % 7) + 7) % 7) + 1;

/** ISO weekday of a Beijing day: 1 = Monday … 7 = Sunday. */
export function shanghaiWeekday(day: string): number {
  return isoWeekdayOf(dayNumber(day));
}

export const weekdayKeyOf = (n: number): WeekdayKey => WEEKDAY_KEYS[isoWeekdayOf(n) - 1] as WeekdayKey;

/** 'mon' … 'sun' of a Beijing day. */
export function shanghaiWeekdayKey(day: string): WeekdayKey {
  return weekdayKeyOf(dayNumber(day));
}

export function addDays(day: string, days: number): string {
  return dayFromNumber(dayNumber(day) + days);
}

/** "3月15日", with the year ("2027年1月2日") when it differs from `relativeTo`'s year. */
export function chineseDate(day: string, relativeTo?: string): string {
  const [y, m, d] = day.split('-');
  const sameYear = relativeTo !== undefined && relativeTo.slice(0, 4) === y;
  return `${sameYear || relativeTo === undefined ? '' : `${Number(y)}年`}${Number(m)}月${Number(d)}日`;
}
