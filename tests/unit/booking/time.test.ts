import { addDays, atShanghai, chineseDate, isDay, minutesOf, shanghaiDay, shanghaiMinuteOfDay, shanghaiWeekday, shanghaiWeekdayKey } from '@domain/booking';

// Run under TZ=UTC and TZ=America/Los_Angeles: naive local-time code fails these near midnight.
describe('Beijing calendar, whatever the machine time zone', () => {
  test('shanghaiDay uses the Beijing date, not the machine date', () => {
    expect(shanghaiDay(new Date('2026-03-15T16:30:00Z'))).toBe('2026-03-16'); // 00:30 in Beijing
    expect(shanghaiDay(new Date('2026-03-16T15:59:59Z'))).toBe('2026-03-16'); // 23:59:59
    expect(shanghaiDay(new Date('2026-03-16T16:00:00Z'))).toBe('2026-03-17'); // midnight
    expect(shanghaiDay(new Date('2025-12-31T16:00:00Z'))).toBe('2026-01-01');
  });

  test('atShanghai gives the instant of a Beijing wall-clock time', () => {
    expect(atShanghai('2026-03-16', '08:30').toISOString()).toBe('2026-03-16T00:30:00.000Z');
    expect(atShanghai('2026-03-16', '00:00').toISOString()).toBe('2026-03-15T16:00:00.000Z');
    expect(atShanghai('2026-03-16').toISOString()).toBe('2026-03-15T16:00:00.000Z');
    // The US switches to daylight saving on 2026-03-08; Beijing does not care.
    expect(atShanghai('2026-03-08', '12:00').toISOString()).toBe('2026-03-08T04:00:00.000Z');
  });

  test('round trip', () => {
    const at = atShanghai('2026-02-28', '23:45');
    expect(shanghaiDay(at)).toBe('2026-02-28');
    expect(shanghaiMinuteOfDay(at)).toBe(23 * 60 + 45);
  });

  test('weekday of a Beijing day (ISO: Monday 1 … Sunday 7)', () => {
    expect(shanghaiWeekday('2026-03-16')).toBe(1);
    expect(shanghaiWeekday('2026-03-21')).toBe(6);
    expect(shanghaiWeekday('2026-03-22')).toBe(7);
    expect(shanghaiWeekday('1970-01-01')).toBe(4);
    expect(shanghaiWeekdayKey('2026-01-01')).toBe('thu');
  });

  test('adding days crosses months and leap days', () => {
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-01-01', -1)).toBe('2025-12-31');
  });

  test('malformed days and times are refused', () => {
    expect(() => atShanghai('2026-02-30', '09:00')).toThrow(RangeError);
    expect(() => atShanghai('2026-3-1', '09:00')).toThrow(RangeError);
    expect(() => atShanghai('2026-03-01', '24:00')).toThrow(RangeError);
    expect(() => minutesOf('9:00')).toThrow(RangeError);
    expect(isDay('2026-02-29')).toBe(false);
    expect(isDay('2028-02-29')).toBe(true);
  });

  test('Chinese dates, with the year only when it differs', () => {
    expect(chineseDate('2026-04-09', '2026-03-10')).toBe('4月9日');
    expect(chineseDate('2027-01-02', '2026-12-20')).toBe('2027年1月2日');
  });
});
