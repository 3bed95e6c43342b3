/**
 * FNV-1a, 64 bits, in plain JavaScript: no BigInt, no node:crypto, no TextEncoder, so the same
 * code runs in a cloud function, in jest and in the mini-program's JS engine.
 *
 * It is a fast, well-spread, NON-cryptographic hash: fine for deriving ids from values that are
 * already pseudonymous (a slot id and a person key), never for hiding a secret or an ID number.
 */

/** The 64-bit hash as two unsigned 32-bit halves. */
export interface Hash64 {
  hi: number;
  lo: number;
}

// Offset basis 0xcbf29ce484222325; prime 0x100000001b3 = 2^40 + 0x1b3.
const OFFSET_HI = 0xcbf29ce4;
const OFFSET_LO = 0x84222325;
const PRIME_LO = 0x1b3;

function mix(h: Hash64, byte: number) {
  const lo = (h.lo ^ byte) >>> 0;
  // (hi·2^32 + lo) · (2^40 + 0x1b3) mod 2^64, in doubles that stay below 2^53.
  const loProduct = lo * PRIME_LO;
  const carry = Math.floor(loProduct / 0x1_0000_0000);
  h.lo = loProduct >>> 0;
  h.hi = (h.hi * PRIME_LO + carry + (lo & 0xffffff) * 256) >>> 0;
}

/** FNV-1a 64 of the UTF-8 bytes of a string. */
export function fnv1a64(input: string): Hash64 {
  const h: Hash64 = { hi: OFFSET_HI, lo: OFFSET_LO };
  for (let i = 0; i < input.length; i++) {
    let c = input.charCodeAt(i);
    // UTF-8 by hand (TextEncoder is not in every mini-program base library).
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < input.length) {
      const next = input.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        c = 0x10000 + ((c - 0xd800) << 10) + (next - 0xdc00);
        i++;
      }
    }
    if (c < 0x80) mix(h, c);
    else if (c < 0x800) {
      mix(h, 0xc0 | (c >> 6));
      mix(h, 0x80 | (c & 0x3f));
    } else if (c < 0x10000) {
      mix(h, 0xe0 | (c >> 12));
      mix(h, 0x80 | ((c >> 6) & 0x3f));
      mix(h, 0x80 | (c & 0x3f));
    } else {
      mix(h, 0xf0 | (c >> 18));
      mix(h, 0x80 | ((c >> 12) & 0x3f));
      mix(h, 0x80 | ((c >> 6) & 0x3f));
      mix(h, 0x80 | (c & 0x3f));
    }
  }
  return h;
}

export const hashHex = (h: Hash64): string => h.hi.toString(16).padStart(8, '0') + h.lo.toString(16).padStart(8, '0');

/** Crockford's base32, lowercase: no i, l, o, u — nothing to misread when a person reads an id aloud. */
const BASE32 = '0123456789abcdefghjkmnpqrstvwxyz';

/** 13 base32 characters for the 64 bits (the first one carries 4 bits). */
export function hashBase32(h: Hash64): string {
  let out = '';
  let hi = h.hi;
  let lo = h.lo;
  for (let i = 0; i < 13; i++) {
    out = BASE32[lo & 31] + out;
    // Shift the 64-bit value right by 5.
    lo = ((lo >>> 5) | ((hi & 31) << 27)) >>> 0;
    hi >>>= 5;
  }
  return out;
}

/** The hash modulo m (m ≤ 2^21 keeps every intermediate exact). */
export function hashMod(h: Hash64, m: number): number {
  const twoTo32ModM = 0x1_0000_0000 % m;
  return (((h.hi % m) * twoTo32ModM) % m + (h.lo % m)) % m;
}
