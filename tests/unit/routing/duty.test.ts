import { DutyIndex, buildDutyIndex, dayShift, isOnDuty, nightShift, type DutyRoster } from '@domain/routing';
import { BEFORE_DAWN, DAY, LATE_NIGHT, MORNING } from './fixture';

const at = (iso: string) => new Date(iso);

describe('shifts in Beijing time', () => {
  test('the day shift is 08:00–18:00 +08:00', () => {
    const shift = dayShift('o-1', DAY);
    expect(shift.start.toISOString()).toBe('2026-03-10T00:00:00.000Z');
    expect(shift.end.toISOString()).toBe('2026-03-10T10:00:00.000Z');
  });

  test('the night shift runs 18:00 to 08:00 the next day, across midnight', () => {
    const shift = nightShift('o-1', DAY);
    expect(shift.start.toISOString()).toBe('2026-03-10T10:00:00.000Z');
    expect(shift.end.toISOString()).toBe('2026-03-11T00:00:00.000Z');
  });

  test('a malformed day is refused', () => {
    expect(() => dayShift('o-1', '2026-3-1')).toThrow(RangeError);
    expect(() => nightShift('o-1', '2026-02-30')).toThrow(RangeError);
    expect(() => dayShift('o-1', '2026-02-28x')).toThrow(RangeError);
  });
});

describe.each([
  ['the plain roster', (roster: DutyRoster) => roster],
  ['a DutyIndex', (roster: DutyRoster) => buildDutyIndex(roster)],
])('isOnDuty with %s', (_label, prepare) => {
  test('on duty inside a shift; shifts are half-open [start, end)', () => {
    const roster = prepare({ shifts: [dayShift('o-1', DAY)], leave: [] });
    expect(isOnDuty('o-1', MORNING, roster)).toBe(true);
    expect(isOnDuty('o-1', at('2026-03-10T08:00:00+08:00'), roster)).toBe(true);
    expect(isOnDuty('o-1', at('2026-03-10T07:59:59+08:00'), roster)).toBe(false);
    expect(isOnDuty('o-1', at('2026-03-10T18:00:00+08:00'), roster)).toBe(false);
    expect(isOnDuty('o-2', MORNING, roster)).toBe(false);
  });

  test('a night shift covers late evening and the small hours of the next day', () => {
    const roster = prepare({ shifts: [nightShift('o-1', DAY)], leave: [] });
    expect(isOnDuty('o-1', LATE_NIGHT, roster)).toBe(true);
    expect(isOnDuty('o-1', at('2026-03-11T00:00:00+08:00'), roster)).toBe(true);
    expect(isOnDuty('o-1', BEFORE_DAWN, roster)).toBe(true);
    expect(isOnDuty('o-1', MORNING, roster)).toBe(false);
    expect(isOnDuty('o-1', at('2026-03-11T08:00:00+08:00'), roster)).toBe(false);
  });

  test('leave overrides a shift, only while it lasts', () => {
    const roster = prepare({
      shifts: [dayShift('o-1', DAY)],
      leave: [{ officerId: 'o-1', from: at('2026-03-10T09:00:00+08:00'), to: at('2026-03-10T12:00:00+08:00') }],
    });
    expect(isOnDuty('o-1', MORNING, roster)).toBe(false);
    expect(isOnDuty('o-1', at('2026-03-10T08:30:00+08:00'), roster)).toBe(true);
    expect(isOnDuty('o-1', at('2026-03-10T12:00:00+08:00'), roster)).toBe(true);
  });

  test('malformed entries and invalid times count as off duty, without throwing', () => {
    const roster = prepare({
      shifts: [
        { officerId: 'o-1', start: new Date('nope'), end: new Date('2026-03-10T18:00:00+08:00') },
        { officerId: 'o-2', start: at('2026-03-10T18:00:00+08:00'), end: at('2026-03-10T08:00:00+08:00') },
      ],
      leave: [{ officerId: 'o-3', from: new Date(NaN), to: new Date(NaN) }],
    });
    expect(isOnDuty('o-1', MORNING, roster)).toBe(false);
    expect(isOnDuty('o-2', MORNING, roster)).toBe(false);
    expect(isOnDuty('o-1', new Date(NaN), roster)).toBe(false);
  });
});

describe('DutyIndex', () => {
  test('tells leave apart from being off shift', () => {
    const index = DutyIndex.build({
      shifts: [dayShift('o-1', DAY), dayShift('o-2', DAY)],
      leave: [{ officerId: 'o-2', from: at('2026-03-09T00:00:00+08:00'), to: at('2026-03-12T00:00:00+08:00') }],
    });
    expect(index.status('o-1', MORNING)).toBe('on-duty');
    expect(index.status('o-1', LATE_NIGHT)).toBe('off-duty');
    expect(index.status('o-2', MORNING)).toBe('on-leave');
    expect(index.status('o-3', MORNING)).toBe('off-duty');
  });

  test('back-to-back and overlapping shifts merge (day, then night, then the next day)', () => {
    const index = DutyIndex.build({
      shifts: [nightShift('o-1', DAY), dayShift('o-1', '2026-03-11'), dayShift('o-1', DAY), { officerId: 'o-1', start: at('2026-03-10T12:00:00+08:00'), end: at('2026-03-10T20:00:00+08:00') }],
      leave: [],
    });
    for (const hour of ['08', '12', '17', '18', '23']) expect(index.isOnDuty('o-1', at(`2026-03-10T${hour}:00:00+08:00`))).toBe(true);
    expect(index.isOnDuty('o-1', at('2026-03-11T17:59:00+08:00'))).toBe(true);
    expect(index.isOnDuty('o-1', at('2026-03-11T18:00:00+08:00'))).toBe(false);
  });

  test('agrees with the plain scan on a random roster', () => {
    // Small deterministic PRNG (mulberry32) so a failure is reproducible.
    let seed = 42;
    const random = () => {
      seed = (seed + 0x6d2b79f5) | 0;
      let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
    const base = at('2026-03-09T00:00:00+08:00').getTime();
    const week = 7 * 24 * 3_600_000;
    const officers = ['a', 'b', 'c', 'd', 'e'];
    const pick = () => officers[Math.floor(random() * officers.length)] ?? 'a';
    const interval = (maxHours: number) => {
      const start = base + Math.floor(random() * week);
      return [new Date(start), new Date(start + Math.floor(random() * maxHours * 3_600_000) + 1)] as const;
    };
    const roster: DutyRoster = {
      shifts: Array.from({ length: 120 }, () => {
        const [start, end] = interval(16);
        return { officerId: pick(), start, end };
      }),
      leave: Array.from({ length: 25 }, () => {
        const [from, to] = interval(30);
        return { officerId: pick(), from, to };
      }),
    };
    const index = buildDutyIndex(roster);
    for (let i = 0; i < 2000; i++) {
      const officerId = pick();
      const t = new Date(base - 3_600_000 + Math.floor(random() * (week + 7_200_000)));
      expect([officerId, t.toISOString(), index.isOnDuty(officerId, t)]).toEqual([officerId, t.toISOString(), isOnDuty(officerId, t, roster)]);
    }
  });
});
