import { createHmac } from 'node:crypto';
import { bookingIdFor, fnv1a64, hashBase32, hashHex, hashMod, isBookingId, isPersonKey, personKeyFor } from '@domain/booking';

// What the cloud function injects (node:crypto is fine there, not in the domain).
const hmac = (m: string) => createHmac('sha256', 'test-pepper').update(m).digest('base64url');
const ID = '110102195003071231';
const SLOT = 'changqing:idRenewal:2026-03-16:0900';

describe('FNV-1a 64 in plain JS', () => {
  test.each([
    ['', 'cbf29ce484222325'],
    ['a', 'af63dc4c8601ec8c'],
    ['foobar', '85944171f73967e8'],
  ])('published test vector %p', (input, hex) => {
    expect(hashHex(fnv1a64(input))).toBe(hex);
  });

  test('matches a BigInt reference on UTF-8 input (Chinese, emoji)', () => {
    const reference = (s: string) => {
      let h = 0xcbf29ce484222325n;
      for (const byte of Buffer.from(s, 'utf8')) h = ((h ^ BigInt(byte)) * 0x100000001b3n) & 0xffffffffffffffffn;
      return h;
    };
    for (const s of ['长庆派出所', 'p_abc:🙂', SLOT]) {
      const h = reference(s);
      expect(hashHex(fnv1a64(s))).toBe(h.toString(16).padStart(16, '0'));
      expect(hashMod(fnv1a64(s), 900000)).toBe(Number(h % 900000n));
      expect(BigInt(`0x${hashHex(fnv1a64(s))}`)).toBe(h);
    }
    expect(hashBase32(fnv1a64(''))).toHaveLength(13);
  });
});

describe('person keys', () => {
  test('keyed, normalised: a lowercase x or spaces give the same key; the number is not in it', () => {
    const upper = personKeyFor('33010519850612102X', hmac);
    expect(personKeyFor('330105 19850612 102x', hmac)).toBe(upper);
    expect(isPersonKey(upper)).toBe(true);
    expect(upper).not.toContain('33010519850612102');
    expect(personKeyFor(ID, hmac)).not.toBe(upper);
  });

  test('a different secret gives a different key', () => {
    const other = (m: string) => createHmac('sha256', 'another-pepper').update(m).digest('base64url');
    expect(personKeyFor(ID, other)).not.toBe(personKeyFor(ID, hmac));
  });

  test('refuses invalid numbers and unusable hash outputs', () => {
    expect(() => personKeyFor('110102195003071234', hmac)).toThrow(RangeError);
    expect(() => personKeyFor(ID, () => 'short')).toThrow(RangeError);
    expect(() => personKeyFor(ID, () => 'has spaces and : colons here')).toThrow(RangeError);
  });
});

describe('booking ids', () => {
  const alice = personKeyFor(ID, hmac);
  const bob = personKeyFor('320583199001012833', hmac);

  test('stable for the same slot and person (a double tap makes the same id)', () => {
    expect(bookingIdFor(SLOT, alice)).toBe(bookingIdFor(SLOT, alice));
    expect(isBookingId(bookingIdFor(SLOT, alice))).toBe(true);
    expect(bookingIdFor(SLOT, alice)).toMatch(/^bk_[0-9a-z]{13}$/);
  });

  test('different per person and per slot', () => {
    const ids = new Set([bookingIdFor(SLOT, alice), bookingIdFor(SLOT, bob), bookingIdFor('changqing:idRenewal:2026-03-16:0930', alice), bookingIdFor('wulin:idRenewal:2026-03-16:0900', alice)]);
    expect(ids.size).toBe(4);
  });

  test('no collisions over a realistic volume', () => {
    const ids = new Set<string>();
    for (let p = 0; p < 200; p++) for (let s = 0; s < 100; s++) ids.add(bookingIdFor(`changqing:idRenewal:2026-03-16:${s}`, `p_person${p}`));
    expect(ids.size).toBe(20_000);
  });
});
