/**
 * ID-card and phone numbers typed into a message are shown masked to everyone except the sender
 * and the assigned officer (PIPL: least exposure). Residents type numbers with spaces or dashes
 * ("138 1234 5678", "110101-19800101-1234"), so separators inside a run of digits are ignored.
 */

/** A run of digits (an ID may end in X) with single spaces or dashes between groups. */
const NUMBER_RUN = /\d(?:[ -]?\d)*(?:[ -]?[Xx])?/g;

const MOBILE = /^1[3-9]\d{9}$/;
const ID_18 = /^\d{17}[\dXx]$/;
const ID_15 = /^\d{15}$/;

export type PersonalNumberKind = 'mobile' | 'idCard';

export function classifyNumber(digits: string): PersonalNumberKind | undefined {
  if (MOBILE.test(digits)) return 'mobile';
  if (ID_18.test(digits) || ID_15.test(digits)) return 'idCard';
  return undefined;
}

/** 13812345678 → 138****5678; 110101198001011234 → 1101**********1234. */
export function maskNumber(digits: string, kind: PersonalNumberKind): string {
  if (kind === 'mobile') return `${digits.slice(0, 3)}****${digits.slice(-4)}`;
  return `${digits.slice(0, 4)}${'*'.repeat(digits.length - 8)}${digits.slice(-4)}`;
}

export interface MaskedText {
  text: string;
  /** True when something was masked: the full text is personal data. */
  masked: boolean;
}

export function maskPersonalNumbers(text: string): MaskedText {
  let masked = false;
  const result = text.replace(NUMBER_RUN, (run) => {
    const digits = run.replace(/[ -]/g, '');
    const kind = classifyNumber(digits);
    if (!kind) return run;
    masked = true;
    return maskNumber(digits, kind);
  });
  return { text: result, masked };
}
