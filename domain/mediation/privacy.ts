/**
 * Who sees what of a case (PIPL: least exposure). A party sees their own case; a force sees only
 * the sessions they are invited to; phone and ID numbers of other people are masked for anyone
 * but the officers handling the case and the person themselves.
 */
import { maskNumber, maskPersonalNumbers } from '../consult/masking';

export type CaseViewerRole = 'officer' | 'party' | 'participant';

/** 13812345678 → 138****5678; anything that is not a mobile number keeps only its last four digits. */
export function maskPhone(phone: string): string {
  const digits = phone.replace(/[^\d]/g, '');
  if (/^1[3-9]\d{9}$/.test(digits)) return maskNumber(digits, 'mobile');
  return digits.length > 4 ? `${'*'.repeat(digits.length - 4)}${digits.slice(-4)}` : '****';
}

/** A phone as this viewer may read it: whole for the officers and the person themselves. */
export function phoneFor(phone: string | undefined, viewer: CaseViewerRole, isSelf: boolean): string | undefined {
  if (!phone) return undefined;
  return viewer === 'officer' || isSelf ? phone : maskPhone(phone);
}

/** Free text (descriptions, notes, terms) with ID and phone numbers masked for non-officers. */
export const textFor = (text: string, viewer: CaseViewerRole): string => (viewer === 'officer' ? text : maskPersonalNumbers(text).text);
