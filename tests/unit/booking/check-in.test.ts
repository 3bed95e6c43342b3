import { checkInClaimId, checkInCodeFor, checkInPayload, matchesCheckIn, parseCheckInInput, parseCheckInPayload, pickCheckInCode } from '@domain/booking';

const SECRET = 'server-secret';

describe('check-in codes', () => {
  test('six digits, no leading zero, deterministic per booking and secret', () => {
    const code = checkInCodeFor('bk_0123456789abc', SECRET);
    expect(code).toMatch(/^[1-9]\d{5}$/);
    expect(checkInCodeFor('bk_0123456789abc', SECRET)).toBe(code);
    expect(checkInCodeFor('bk_0123456789abc', 'other-secret')).not.toBe(code);
    expect(checkInCodeFor('bk_0123456789abd', SECRET)).not.toBe(code);
    expect(checkInCodeFor('bk_0123456789abc', SECRET, 1)).not.toBe(code);
    expect(() => checkInCodeFor('bk_x', '')).toThrow(RangeError);
  });

  test('spread evenly enough: 300 bookings of a day, few clashes, all resolved by the next attempt', () => {
    const taken = new Set<string>();
    let clashes = 0;
    for (let i = 0; i < 300; i++) {
      const picked = pickCheckInCode(`bk_${i}`, SECRET, (c) => taken.has(c));
      expect(picked).toBeDefined();
      if (picked!.attempt > 0) clashes++;
      taken.add(picked!.code);
    }
    expect(taken.size).toBe(300);
    expect(clashes).toBeLessThan(5);
  });

  test('pickCheckInCode skips taken codes, and gives up after maxAttempts', () => {
    const first = checkInCodeFor('bk_a', SECRET, 0);
    expect(pickCheckInCode('bk_a', SECRET, (c) => c === first)).toEqual({ code: checkInCodeFor('bk_a', SECRET, 1), attempt: 1 });
    expect(pickCheckInCode('bk_a', SECRET, () => true, 3)).toBeUndefined();
    expect(checkInClaimId('changqing', '2026-03-16', '123456')).toBe('changqing:2026-03-16:123456');
  });
});

describe('QR payload', () => {
  test('format and parse round-trip', () => {
    const payload = checkInPayload('bk_0123456789abc', '482913');
    expect(payload).toBe('fqlj:checkin:bk_0123456789abc:482913');
    expect(parseCheckInPayload(payload)).toEqual({ bookingId: 'bk_0123456789abc', code: '482913' });
    expect(parseCheckInPayload(`  ${payload.replace('fqlj:checkin', 'FQLJ:CHECKIN')}\n`)).toEqual({ bookingId: 'bk_0123456789abc', code: '482913' });
  });

  test.each(['', 'https://example.com', 'fqlj:checkin:bk_1', 'fqlj:checkin:bk_1:12345', 'fqlj:checkin:bk_1:048291', 'fqlj:checkin::482913', 'fqlj:checkin:bk 1:482913', 'fqlj:other:bk_1:482913'])(
    'refuses %p',
    (payload) => {
      expect(parseCheckInPayload(payload)).toBeUndefined();
    },
  );

  test('refuses to build a payload from bad parts', () => {
    expect(() => checkInPayload('bk:1', '482913')).toThrow(RangeError);
    expect(() => checkInPayload('bk_1', '48291')).toThrow(RangeError);
  });

  test('what the officer scans or types', () => {
    expect(parseCheckInInput('fqlj:checkin:bk_1:482913')).toEqual({ bookingId: 'bk_1', code: '482913' });
    expect(parseCheckInInput(' 482 913 ')).toEqual({ code: '482913' });
    expect(parseCheckInInput('４８２９１３')).toEqual({ code: '482913' });
    expect(parseCheckInInput('48291')).toBeUndefined();
    const b = { id: 'bk_1', checkInCode: '482913' };
    expect(matchesCheckIn({ code: '482913' }, b)).toBe(true);
    expect(matchesCheckIn({ bookingId: 'bk_1', code: '482913' }, b)).toBe(true);
    expect(matchesCheckIn({ bookingId: 'bk_2', code: '482913' }, b)).toBe(false);
    expect(matchesCheckIn({ code: '482914' }, b)).toBe(false);
  });
});
