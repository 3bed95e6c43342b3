/**
 * Citizen ID numbers (GB 11643-1999, 18 characters) and mobile numbers: normalising what people
 * type, validating, and masking for anyone but their owner (PIPL).
 */
import { shanghaiDay } from './time';

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const ID_CHECK_CHARS = '10X98765432';
const ID_SHAPE_RE = /^[1-9]\d{16}[\dX]$/;

/**
 * What people type, made comparable: full-width digits and letters (Chinese IMEs produce them)
 * to ASCII, spaces and hyphens dropped, a lowercase x made uppercase.
 */
export function normalizeIdNumber(input: string): string {
  return String(input ?? '')
    .replace(/[\uff10-\uff19\uff38\uff58]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
    .replace(/[\s\u3000-]/g, '')
    .toUpperCase();
}

/** The check character (last one) for the first 17 digits. */
export function idCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * (ID_WEIGHTS[i] ?? 0);
  return ID_CHECK_CHARS[sum % 11] as string;
}

export type IdNumberCheck =
  | { ok: true; normalized: string; birthDay: string }
  | { ok: false; reason: 'FORMAT' | 'BIRTH_DATE' | 'CHECKSUM'; message: string };

/**
 * An 18-character ID number: digits with a final digit or X, a real birth date (not after
 * `today` when given), and the GB 11643 checksum. Lowercase x and full-width digits are accepted
 * (see normalizeIdNumber). Old 15-digit numbers are no longer valid documents: refused.
 */
export function validateIdNumber(input: string, today?: Date): IdNumberCheck {
  const id = normalizeIdNumber(input);
  if (!ID_SHAPE_RE.test(id)) return { ok: false, reason: 'FORMAT', message: '身份证号码应为18位，最后一位可以是数字或X' };
  const birthDay = `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
  const birth = Date.UTC(Number(id.slice(6, 10)), Number(id.slice(10, 12)) - 1, Number(id.slice(12, 14)));
  const real = new Date(birth).toISOString().slice(0, 10) === birthDay;
  if (!real || birthDay < '1900-01-01' || (today !== undefined && birthDay > shanghaiDay(today))) {
    return { ok: false, reason: 'BIRTH_DATE', message: '身份证号码里的出生日期不对，请核对' };
  }
  if (idCheckChar(id) !== id[17]) return { ok: false, reason: 'CHECKSUM', message: '身份证号码有误，请逐位核对' };
  return { ok: true, normalized: id, birthDay };
}

export const isValidIdNumber = (input: string, today?: Date): boolean => validateIdNumber(input, today).ok;

/** '110102195003071234' → '110***********1234': first 3 (province and city) and last 4 kept. */
export function maskIdNumber(input: string): string {
  const id = normalizeIdNumber(input);
  if (id.length <= 7) return '*'.repeat(id.length);
  return id.slice(0, 3) + '*'.repeat(id.length - 7) + id.slice(-4);
}

/** Digits only, without a +86 / 0086 country prefix. */
export function normalizePhone(input: string): string {
  const digits = String(input ?? '')
    .replace(/[\uff10-\uff19]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
    .replace(/[^\d+]/g, '');
  return digits.replace(/^(\+86|0086)(?=1\d{10}$)/, '').replace(/\+/g, '');
}

/** Mainland mobile: 11 digits, 1 then 3–9. */
export function validatePhone(input: string): { ok: true; normalized: string } | { ok: false; message: string } {
  const phone = normalizePhone(input);
  return /^1[3-9]\d{9}$/.test(phone) ? { ok: true, normalized: phone } : { ok: false, message: '请填写11位手机号码' };
}

export const isValidPhone = (input: string): boolean => validatePhone(input).ok;

/** '13812345678' → '138****5678'; other lengths keep at most the last 4. */
export function maskPhone(input: string): string {
  const phone = normalizePhone(input);
  if (phone.length === 11) return `${phone.slice(0, 3)}****${phone.slice(7)}`;
  if (phone.length <= 4) return '*'.repeat(phone.length);
  return '*'.repeat(phone.length - 4) + phone.slice(-4);
}
