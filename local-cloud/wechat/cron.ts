/**
 * WeChat cloud-function timer cron expressions, as documented for config.json triggers:
 * seven space-separated fields, `second minute hour day-of-month month day-of-week year`;
 * wildcards `,` `-` `*` `/` (`1/10` = from 1 every 10); months 1–12 or JAN–DEC; weekdays 0–6
 * or SUN–SAT with 0 = Sunday; years 1970–2099. When day-of-month and day-of-week are both given
 * they are OR-ed ("两者为或关系"), as in classic cron. Triggers run in UTC+8.
 */

export class CronExpressionError extends Error {
  constructor(expression: string, reason: string) {
    super(`invalid timer cron "${expression}": ${reason}`);
    this.name = 'CronExpressionError';
  }
}

interface FieldSpec {
  name: string;
  min: number;
  max: number;
  names?: readonly string[];
}

const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'] as const;
const WEEKDAYS = ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'] as const;

const FIELDS: readonly FieldSpec[] = [
  { name: 'second', min: 0, max: 59 },
  { name: 'minute', min: 0, max: 59 },
  { name: 'hour', min: 0, max: 23 },
  { name: 'day-of-month', min: 1, max: 31 },
  { name: 'month', min: 1, max: 12, names: MONTHS },
  { name: 'day-of-week', min: 0, max: 6, names: WEEKDAYS },
  { name: 'year', min: 1970, max: 2099 },
];

export interface CronSchedule {
  expression: string;
  seconds: ReadonlySet<number>;
  minutes: ReadonlySet<number>;
  hours: ReadonlySet<number>;
  daysOfMonth: ReadonlySet<number>;
  months: ReadonlySet<number>;
  daysOfWeek: ReadonlySet<number>;
  years: ReadonlySet<number>;
  /** Whether the day fields were given (not `*`): both given means either may match. */
  dayOfMonthGiven: boolean;
  dayOfWeekGiven: boolean;
}

/** WeChat runs timers in China Standard Time, which has no daylight saving. */
export const WECHAT_TIMER_UTC_OFFSET_MINUTES = 8 * 60;

function parseValue(text: string, spec: FieldSpec, fail: (reason: string) => never): number {
  const byName = spec.names?.indexOf(text.toUpperCase() as never) ?? -1;
  const value = byName >= 0 ? byName + spec.min : /^\d+$/.test(text) ? Number(text) : NaN;
  if (!Number.isInteger(value)) fail(`"${text}" is not a valid ${spec.name}`);
  if (value < spec.min || value > spec.max) fail(`${spec.name} ${value} is outside ${spec.min}-${spec.max}`);
  return value;
}

function parseField(text: string, spec: FieldSpec, fail: (reason: string) => never): Set<number> {
  const values = new Set<number>();
  for (const part of text.split(',')) {
    if (part === '') fail(`empty list item in ${spec.name}`);
    const [base = '', stepText, extra] = part.split('/');
    if (extra !== undefined) fail(`"${part}" has more than one /`);
    let step = 1;
    if (stepText !== undefined) {
      if (!/^\d+$/.test(stepText) || Number(stepText) < 1) fail(`step "${stepText}" in ${spec.name} must be a positive integer`);
      step = Number(stepText);
    }
    let from: number;
    let to: number;
    if (base === '*') {
      [from, to] = [spec.min, spec.max];
    } else if (base.includes('-')) {
      const [low = '', high = '', more] = base.split('-');
      if (more !== undefined) fail(`"${base}" is not a range`);
      [from, to] = [parseValue(low, spec, fail), parseValue(high, spec, fail)];
      if (from > to) fail(`range ${base} in ${spec.name} runs backwards`);
    } else {
      from = parseValue(base, spec, fail);
      // `a/n` means from a every n to the end of the field; a bare `a` is just a.
      to = stepText === undefined ? from : spec.max;
    }
    for (let value = from; value <= to; value += step) values.add(value);
  }
  return values;
}

export function parseCron(expression: string): CronSchedule {
  const fail = (reason: string): never => {
    throw new CronExpressionError(expression, reason);
  };
  if (typeof expression !== 'string') fail('must be a string');
  const parts = expression.trim().split(/\s+/);
  if (parts.length !== 7) fail(`needs 7 fields (second minute hour day month weekday year), got ${parts.length}`);
  const sets = parts.map((part, index) => {
    if (!/^[\w*,\-/]+$/.test(part)) fail(`field "${part}" uses characters other than , - * /`);
    return parseField(part, FIELDS[index] as FieldSpec, fail);
  });
  const [seconds, minutes, hours, daysOfMonth, months, daysOfWeek, years] = sets as [Set<number>, Set<number>, Set<number>, Set<number>, Set<number>, Set<number>, Set<number>];
  return { expression, seconds, minutes, hours, daysOfMonth, months, daysOfWeek, years, dayOfMonthGiven: parts[3] !== '*', dayOfWeekGiven: parts[5] !== '*' };
}

function dayMatches(schedule: CronSchedule, dayOfMonth: number, dayOfWeek: number): boolean {
  const byDate = schedule.daysOfMonth.has(dayOfMonth);
  const byWeekday = schedule.daysOfWeek.has(dayOfWeek);
  return schedule.dayOfMonthGiven && schedule.dayOfWeekGiven ? byDate || byWeekday : byDate && byWeekday;
}

/**
 * The first fire time strictly after `after`, or undefined if there is none before 2100.
 * Works on the wall clock at `utcOffsetMinutes`, jumping a whole year/month/day/hour/minute
 * whenever that unit cannot match.
 */
export function nextCronTime(schedule: CronSchedule, after: Date, utcOffsetMinutes = WECHAT_TIMER_UTC_OFFSET_MINUTES): Date | undefined {
  const offset = utcOffsetMinutes * 60_000;
  // Wall-clock milliseconds, read with getUTC*; start at the next whole second.
  let t = Math.floor((after.getTime() + offset) / 1000) * 1000 + 1000;
  for (;;) {
    const d = new Date(t);
    const year = d.getUTCFullYear();
    if (year > 2099) return undefined;
    const month = d.getUTCMonth();
    const day = d.getUTCDate();
    const hour = d.getUTCHours();
    const minute = d.getUTCMinutes();
    if (!schedule.years.has(year)) t = Date.UTC(year + 1, 0, 1);
    else if (!schedule.months.has(month + 1)) t = Date.UTC(year, month + 1, 1);
    else if (!dayMatches(schedule, day, d.getUTCDay())) t = Date.UTC(year, month, day + 1);
    else if (!schedule.hours.has(hour)) t = Date.UTC(year, month, day, hour + 1);
    else if (!schedule.minutes.has(minute)) t = Date.UTC(year, month, day, hour, minute + 1);
    else if (!schedule.seconds.has(d.getUTCSeconds())) t += 1000;
    else return new Date(t - offset);
  }
}
