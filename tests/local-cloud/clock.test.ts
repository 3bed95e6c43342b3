/** The local cloud's settable clock (browser tests only): shifts Date, keeps time running, restores. */
import { atLocalTime, setLocalClock } from '@local-cloud/clock';

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

test('atLocalTime runs a step at a past moment and puts back exactly the clock it found', async () => {
  setLocalClock(new Date('2026-12-02T08:40:00+08:00'));
  const shifted = Date;
  const seen = await atLocalTime(new Date('2026-11-20T09:00:00+08:00'), async () => {
    await new Promise((resolve) => setTimeout(resolve, 5));
    return new Date();
  });
  expect(Math.abs(seen.getTime() - Date.parse('2026-11-20T01:00:00Z'))).toBeLessThan(1000);
  expect(Date).toBe(shifted);
  expect(Math.abs(Date.now() - Date.parse('2026-12-02T00:40:00Z'))).toBeLessThan(1000);
  // Also when the step fails.
  await expect(atLocalTime(new Date('2020-01-01T00:00:00Z'), async () => Promise.reject(new Error('refused')))).rejects.toThrow('refused');
  expect(Date).toBe(shifted);
});
