/** The local cloud's settable clock (browser tests only): shifts Date, keeps time running, restores. */
import { setLocalClock } from '@local-cloud/clock';

afterEach(() => setLocalClock(undefined));

test('shifts now and new Date() while keeping earlier Dates recognisable', () => {
  const before = new Date();
  setLocalClock(new Date('2026-12-02T08:40:00+08:00'));
  expect(Math.abs(Date.now() - Date.parse('2026-12-02T00:40:00Z'))).toBeLessThan(1000);
  expect(Math.abs(new Date().getTime() - Date.parse('2026-12-02T00:40:00Z'))).toBeLessThan(1000);
  expect(new Date('2020-01-01T00:00:00Z').toISOString()).toBe('2020-01-01T00:00:00.000Z');
  expect(before instanceof Date).toBe(true);
  setLocalClock(undefined);
  expect(Math.abs(Date.now() - before.getTime())).toBeLessThan(5000);
});
