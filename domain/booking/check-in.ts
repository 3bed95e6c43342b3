/**
 * Check-in at the window: a 6-digit code per booking, and a QR code carrying
 * `fqlj:checkin:<bookingId>:<code>` that the officer scans (Taro.scanCode) — or the resident
 * reads the code out and the officer types it.
 *
 * Decision: the code is DERIVED from (bookingId, server secret, attempt), not random.
 *  - A retried reservation (timeout, double tap) lands on the same booking id and so computes the
 *    same code: no second code to reconcile, and the domain needs no random source (Math.random
 *    is not a CSPRNG and crypto.getRandomValues is not in every mini-program base library).
 *  - Tests and the local mode are reproducible.
 *  - The secret keeps codes unpredictable from a booking id. The code is a look-up aid, not an
 *    authenticator (the officer still sees the person and their ID card), so a keyed FNV is
 *    enough here — the ID-number key needs a real HMAC (identity.ts), this does not.
 *
 * Codes are 100000–999999: never a leading zero for a number field or a spreadsheet to eat.
 *
 * Collisions: a code only has to be unique among one station's bookings on one day (the officer
 * types it on that day's roster). With ~300 bookings a day the chance that two share a code is
 * ~5 %, so it does happen: claim the code atomically and move to the next attempt on a clash —
 * the booking stores `checkInClaimId(stationId, day, code)` in a field a unique index covers, so
 * writing it fails on a code another booking of that day holds (cloudfunctions/booking/places.ts),
 * attempt 0, 1, 2… (`pickCheckInCode` does the loop against a set already known taken). Store the
 * chosen code on the booking: the stored one is the truth.
 */
import { fnv1a64, hashMod } from './hash';

export const CHECK_IN_PREFIX = 'fqlj:checkin:';
const CODE_RE = /^[1-9]\d{5}$/;
const BOOKING_ID_RE = /^[A-Za-z0-9_-]{1,64}$/;

export const isCheckInCode = (value: unknown): value is string => typeof value === 'string' && CODE_RE.test(value);

/** The code for a booking; `attempt` > 0 gives the alternatives used after a clash. */
export function checkInCodeFor(bookingId: string, secret: string, attempt = 0): string {
  if (!secret) throw new RangeError('checkInCodeFor needs a non-empty server secret');
  return String(100000 + hashMod(fnv1a64(`checkin\u0000${attempt}\u0000${secret}\u0000${bookingId}`), 900000));
}

/** First code (attempt 0, 1, …) not taken; undefined after maxAttempts clashes (do not expect it). */
export function pickCheckInCode(
  bookingId: string,
  secret: string,
  isTaken: (code: string) => boolean,
  maxAttempts = 20,
): { code: string; attempt: number } | undefined {
  for (let attempt = 0; attempt < maxAttempts; attempt++) {
    const code = checkInCodeFor(bookingId, secret, attempt);
    if (!isTaken(code)) return { code, attempt };
  }
  return undefined;
}

/** Document id that makes a code unique per station and day when claimed with add(). */
export const checkInClaimId = (stationId: string, day: string, code: string): string => `${stationId}:${day}:${code}`;

export function checkInPayload(bookingId: string, code: string): string {
  if (!BOOKING_ID_RE.test(bookingId) || !CODE_RE.test(code)) throw new RangeError('invalid booking id or check-in code');
  return `${CHECK_IN_PREFIX}${bookingId}:${code}`;
}

export interface CheckInRef {
  /** Absent when the officer typed only the code. */
  bookingId?: string;
  code: string;
}

/** A scanned QR payload, or undefined when it is not one of ours (or is damaged). */
export function parseCheckInPayload(payload: string): { bookingId: string; code: string } | undefined {
  const text = typeof payload === 'string' ? payload.trim() : '';
  if (text.slice(0, CHECK_IN_PREFIX.length).toLowerCase() !== CHECK_IN_PREFIX) return undefined;
  const rest = text.slice(CHECK_IN_PREFIX.length);
  const colon = rest.lastIndexOf(':');
  if (colon < 0) return undefined;
  const bookingId = rest.slice(0, colon);
  const code = rest.slice(colon + 1);
  return BOOKING_ID_RE.test(bookingId) && CODE_RE.test(code) ? { bookingId, code } : undefined;
}

/** What the officer scanned or typed: a QR payload, or a 6-digit code (spaces and full-width digits allowed). */
export function parseCheckInInput(input: string): CheckInRef | undefined {
  const scanned = parseCheckInPayload(input);
  if (scanned) return scanned;
  const typed = String(input ?? '')
    .replace(/[\uff10-\uff19]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
    .replace(/[\s-]/g, '');
  return CODE_RE.test(typed) ? { code: typed } : undefined;
}

/** Does a scanned/typed reference match this booking? (Both the id, when present, and the code.) */
export function matchesCheckIn(ref: CheckInRef, booking: { id: string; checkInCode: string }): boolean {
  return ref.code === booking.checkInCode && (ref.bookingId === undefined || ref.bookingId === booking.id);
}
