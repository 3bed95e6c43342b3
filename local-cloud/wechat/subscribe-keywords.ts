/**
 * WeChat's value rules for subscription-message keywords ("参数值内容限制说明"). A keyword's
 * type is its name without the trailing number: `thing3` is a thing, `character_string12` a
 * character_string. Lengths count characters. Types we cannot check without the template
 * (enum, const, unknown ones) are accepted.
 */
import { characterCount } from './text-normalize';

const HAN = /\p{Script=Han}/u;
const ONLY_HAN = /^\p{Script=Han}+$/u;
const SYMBOLS = /^[\p{P}\p{S}]+$/u;

/** YYYY-MM-DD, YYYY/MM/DD or YYYY年M月D日 */
const DATE = String.raw`(\d{4})(?:-|\/|年)(\d{1,2})(?:-|\/|月)(\d{1,2})日?`;
const CLOCK = String.raw`(\d{1,2}):(\d{2})(?::(\d{2}))?`;

function validDate(year: string, month: string, day: string): boolean {
  const y = Number(year);
  const m = Number(month);
  const d = Number(day);
  const probe = new Date(Date.UTC(y, m - 1, d));
  return probe.getUTCFullYear() === y && probe.getUTCMonth() === m - 1 && probe.getUTCDate() === d;
}

const validClock = (hour: string, minute: string, second?: string): boolean =>
  Number(hour) <= 23 && Number(minute) <= 59 && (second === undefined || Number(second) <= 59);

/**
 * One time point: a 24-hour clock with an optional date in front (`15:01`,
 * `2019年10月1日 15:01`). Seconds only where `allowSeconds` (WeChat refuses `10:45:00` in time).
 */
function timePoint(text: string, allowSeconds: boolean): boolean {
  const match = new RegExp(`^(?:${DATE}\\s*)?${CLOCK}$`, 'u').exec(text.trim());
  if (!match) return false;
  const [, year, month, day, hour = '', minute = '', second] = match;
  if (second !== undefined && !allowSeconds) return false;
  if (year !== undefined && !validDate(year, month ?? '', day ?? '')) return false;
  return validClock(hour, minute, second);
}

/** One date point: a date with an optional clock after it (`2019年10月1日`, `2019-10-01 15:01`). */
function datePoint(text: string): boolean {
  const match = new RegExp(`^${DATE}(?:\\s*${CLOCK})?$`, 'u').exec(text.trim());
  if (!match) return false;
  const [, year = '', month = '', day = '', hour, minute, second] = match;
  if (!validDate(year, month, day)) return false;
  return hour === undefined || validClock(hour, minute ?? '', second);
}

/** A point or a period "a~b" (ASCII tilde; WeChat refuses the full-width ～). */
const pointOrPeriod = (text: string, point: (part: string) => boolean): boolean => {
  const parts = text.split('~');
  return parts.length <= 2 && parts.every((part) => point(part) || (parts.length === 2 && timePoint(part, false)));
};

type Rule = (value: string) => boolean;

const RULES: Record<string, Rule> = {
  thing: (v) => characterCount(v) <= 20,
  number: (v) => v.length <= 32 && /^\d+(\.\d+)?$/.test(v),
  letter: (v) => v.length <= 32 && /^[A-Za-z]+$/.test(v),
  symbol: (v) => characterCount(v) <= 5 && SYMBOLS.test(v),
  character_string: (v) => v.length <= 32 && /^[\x21-\x7e]+$/.test(v),
  time: (v) => pointOrPeriod(v, (part) => timePoint(part, false)),
  date: (v) => pointOrPeriod(v, datePoint),
  amount: (v) => /^[¥￥$€£]?\d{1,10}(\.\d{1,2})?元?$/u.test(v),
  phone_number: (v) => v.length <= 17 && /^[\d+\-()#*]+$/.test(v),
  car_number: (v) => characterCount(v) <= 8 && /^[\p{Script=Han}A-Za-z0-9][A-Za-z0-9]*[\p{Script=Han}A-Za-z0-9]?$/u.test(v),
  // Chinese (or mixed) names up to 10 characters; names without Chinese up to 20 letters/symbols.
  name: (v) => (HAN.test(v) ? characterCount(v) <= 10 : characterCount(v) <= 20 && /^[A-Za-z\p{P}\p{S} ]+$/u.test(v)),
  phrase: (v) => characterCount(v) <= 5 && ONLY_HAN.test(v),
};

export const keywordType = (key: string): string => key.replace(/\d+$/, '');

export type KeywordProblem = 'is empty' | 'invalid';

/** Why WeChat would refuse this keyword's value, or undefined if it is fine. */
export function keywordProblem(key: string, value: unknown): KeywordProblem | undefined {
  if (value === undefined || value === null || (typeof value === 'string' && value.trim() === '')) return 'is empty';
  if (typeof value !== 'string' && typeof value !== 'number') return 'invalid';
  const rule = RULES[keywordType(key)];
  return rule && !rule(String(value)) ? 'invalid' : undefined;
}
