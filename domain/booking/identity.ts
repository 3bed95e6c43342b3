/**
 * Who a booking is for, and the booking's own id — without the ID number in either.
 *
 * Two steps, for two different needs:
 *
 * 1. personKey = keyed hash of the normalised ID number, computed on the server with a secret.
 *    A plain hash (sha256 or anything else) would NOT protect the number: an 18-digit ID has
 *    only ~10^11 plausible values (region × birth date × sequence, last digit a checksum), so an
 *    unkeyed hash is reversed by enumeration in minutes. Only a secret ("pepper") that never
 *    leaves the cloud function makes the key pseudonymous. The domain cannot import node:crypto
 *    (it also runs in the mini-program), so the keyed hash is injected, e.g. in the function:
 *      const keyedHash = (m) => createHmac('sha256', PERSON_KEY_SECRET).update(m).digest('base64url');
 *    The mini-program never needs a personKey: it receives ids, it does not make them.
 *
 * 2. bookingId = FNV-1a 64 of (slotId, personKey), pure JS. Its inputs are already pseudonymous,
 *    so it needs determinism and spread, not secrecy: the same person tapping twice on the same
 *    slot gets the same id, and `add()` rejects the second document. 64 bits: with a million
 *    bookings the chance of any two colliding is ~3·10^-8 — and the function still compares the
 *    stored booking's personKey and slotId before treating a duplicate id as "already booked".
 */
import { fnv1a64, hashBase32 } from './hash';
import { validateIdNumber } from './id-number';

/** A keyed hash (HMAC) supplied by the server; any output in [A-Za-z0-9_-], ≥ 16 characters. */
export type KeyedHash = (message: string) => string;

const KEY_CHARS_RE = /^[A-Za-z0-9_-]{16,}$/;
const PERSON_KEY_RE = /^p_[A-Za-z0-9_-]{16,32}$/;
const BOOKING_ID_RE = /^bk_[0-9a-hjkmnp-tv-z]{13}$/;

export const isPersonKey = (value: unknown): value is string => typeof value === 'string' && PERSON_KEY_RE.test(value);
export const isBookingId = (value: unknown): value is string => typeof value === 'string' && BOOKING_ID_RE.test(value);

/**
 * 'p_' + the first 32 characters of keyedHash('person:' + normalised ID number). Throws a
 * RangeError for an invalid ID number (validate the input first) or an unusable hash output.
 */
export function personKeyFor(idNumber: string, keyedHash: KeyedHash): string {
  const check = validateIdNumber(idNumber);
  if (!check.ok) throw new RangeError(`invalid ID number (${check.reason})`);
  const digest = keyedHash(`person:${check.normalized}`);
  if (!KEY_CHARS_RE.test(digest)) throw new RangeError('keyedHash must return at least 16 characters of [A-Za-z0-9_-] (e.g. base64url or hex)');
  return `p_${digest.slice(0, 32)}`;
}

/** 'bk_' + 13 base32 characters: deterministic in (slotId, personKey), safe in URLs and QR payloads. */
export function bookingIdFor(slotId: string, personKey: string): string {
  // A separator that can appear in neither part keeps ("a:b", "c") and ("a", "b:c") apart.
  return `bk_${hashBase32(fnv1a64(`booking\u0000${slotId}\u0000${personKey}`))}`;
}
