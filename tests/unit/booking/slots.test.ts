import { availability, capacityOf, lookupSlot, parseSlotId, slotIdOf, slotsFor, stationAvailability } from '@domain/booking';
import { DEMO_HALL_CONFIGS } from '@local-cloud/seed/demo-hall-config';
import { HALL, MON, bj } from './fixture';

const times = (day: string, kind: 'idRenewal' | 'passport' = 'idRenewal') => slotsFor(HALL, kind, day).map((s) => s.time);

describe('slotsFor', () => {
  test('a weekday: whole 30-minute slots in the two periods, none over lunch', () => {
    expect(times(MON)).toEqual([
      '08:30', '09:00', '09:30', '10:00', '10:30', '11:00', '11:30',
      '13:30', '14:00', '14:30', '15:00', '15:30', '16:00', '16:30',
    ]);
    for (const slot of slotsFor(HALL, 'idRenewal', MON)) {
      const lunchStart = bj(MON, '12:00').getTime();
      const lunchEnd = bj(MON, '13:30').getTime();
      expect(slot.end.getTime() <= lunchStart || slot.start.getTime() >= lunchEnd).toBe(true);
    }
  });

  test('slot ids, instants and capacity', () => {
    const [first] = slotsFor(HALL, 'idRenewal', MON);
    expect(first).toEqual({
      slotId: 'teststation:idRenewal:2026-03-16:0830',
      day: MON,
      time: '08:30',
      start: bj(MON, '08:30'),
      end: bj(MON, '09:00'),
      capacity: 6,
    });
    expect(slotsFor(HALL, 'passport', MON)[0]?.capacity).toBe(2);
  });

  test('Saturday morning only, Sunday nothing; a service with its own hours is closed on Saturday', () => {
    expect(times('2026-03-21')).toEqual(['09:00', '09:30', '10:00', '10:30', '11:00', '11:30']);
    expect(times('2026-03-22')).toEqual([]);
    expect(times('2026-03-21', 'passport')).toEqual([]);
  });

  test('holidays are skipped; a make-up workday (调休) opens with Monday hours', () => {
    expect(times('2026-05-01')).toEqual([]);
    expect(times('2026-05-09')).toHaveLength(14);
    expect(times('2026-05-09', 'passport')).toHaveLength(14);
  });

  test('a closure of a period skips the slots it touches; one limited to a service leaves others alone', () => {
    expect(times('2026-03-18')).toEqual(['08:30', '09:00', '09:30', '10:00', '10:30', '11:00', '11:30']);
    expect(times('2026-03-19', 'passport')).toEqual([]);
    expect(times('2026-03-19', 'idRenewal')).toHaveLength(14);
  });

  test('a service the station does not offer, or a malformed day, has no slots', () => {
    expect(slotsFor(HALL, 'hukouTransfer', MON)).toEqual([]);
    expect(slotsFor(HALL, 'idRenewal', '2026-02-30')).toEqual([]);
  });

  test('capacity defaults to windows × people per slot', () => {
    expect(capacityOf(HALL, { kind: 'hukouTransfer', windows: ['w1'] })).toBe(1); // 30 min each
    expect(capacityOf(HALL, { kind: 'idRenewal', windows: ['w1', 'w2'] })).toBe(6);
    expect(capacityOf({ slotMinutes: 20 }, { kind: 'hukouTransfer', windows: ['w1'] })).toBe(1); // never 0
  });
});

describe('slot ids', () => {
  test('parse and rebuild', () => {
    const ref = parseSlotId('teststation:idRenewal:2026-03-16:0830');
    expect(ref).toEqual({ stationId: 'teststation', service: 'idRenewal', day: '2026-03-16', hhmm: '0830' });
    expect(slotIdOf(ref!)).toBe('teststation:idRenewal:2026-03-16:0830');
  });

  test.each(['teststation:idRenewal:2026-03-16:2430', 'teststation:nope:2026-03-16:0830', 'teststation:idRenewal:2026-02-30:0830', 'a:b', ''])('refuses %p', (id) => {
    expect(parseSlotId(id)).toBeUndefined();
  });

  test('lookup: off-grid times and other stations are unknown', () => {
    expect(lookupSlot(HALL, 'teststation:idRenewal:2026-03-16:0845').kind).toBe('unknown');
    expect(lookupSlot(HALL, 'teststation:idRenewal:2026-03-16:1200').kind).toBe('unknown');
    expect(lookupSlot(HALL, 'other:idRenewal:2026-03-16:0830').kind).toBe('unknown');
    expect(lookupSlot(HALL, 'teststation:hukouTransfer:2026-03-16:0830').kind).toBe('unknown');
  });
});

describe('availability', () => {
  const from = bj('2026-03-16', '10:10'); // Monday morning

  test('one entry per day of the horizon, starting today (Beijing)', () => {
    const days = availability(HALL, 'idRenewal', from, new Map());
    expect(days).toHaveLength(14);
    expect(days[0]?.day).toBe('2026-03-16');
    expect(days[13]?.day).toBe('2026-03-29');
  });

  test('today starts after the booking cut-off: 10:10 + 30 min → first slot 11:00', () => {
    const today = availability(HALL, 'idRenewal', from, new Map())[0]!;
    expect(today.status).toBe('open');
    expect(today.slots[0]?.time).toBe('11:00');
    expect(today.slots[0]?.start).toEqual(bj(MON, '11:00'));
  });

  test('places left; a day with every slot taken is full, Sunday and closures closed', () => {
    const booked = new Map<string, number>();
    for (const slot of slotsFor(HALL, 'idRenewal', '2026-03-17')) booked.set(slot.slotId, 6);
    booked.set('teststation:idRenewal:2026-03-16:1100', 4);
    booked.set('teststation:idRenewal:2026-03-16:1130', 9); // over-counted: never negative
    const days = availability(HALL, 'idRenewal', from, booked);
    const byDay = new Map(days.map((d) => [d.day, d]));
    expect(byDay.get('2026-03-16')?.slots.slice(0, 3).map((s) => s.left)).toEqual([2, 0, 6]);
    expect(byDay.get('2026-03-17')).toMatchObject({ status: 'full' });
    expect(byDay.get('2026-03-17')?.slots.every((s) => s.left === 0)).toBe(true);
    expect(byDay.get('2026-03-22')).toEqual({ day: '2026-03-22', status: 'closed', closedReason: 'notOpen', slots: [] });
    expect(byDay.get('2026-03-18')).toMatchObject({ status: 'open', note: '系统升级维护' });
    expect(byDay.get('2026-03-18')?.slots).toHaveLength(7);
  });

  test('a service closed all day by a closure, and holidays, are closed with a note', () => {
    const days = availability(HALL, 'passport', bj('2026-03-16', '07:00'), new Map());
    expect(days.find((d) => d.day === '2026-03-19')).toMatchObject({ status: 'closed', closedReason: 'closure', note: '出入境系统维护' });
    const may = availability(HALL, 'idRenewal', bj('2026-04-30', '07:00'), new Map());
    expect(may.find((d) => d.day === '2026-05-01')).toMatchObject({ status: 'closed', closedReason: 'holiday', note: '劳动节' });
  });

  test('today after the last slot is closed (past)', () => {
    const days = availability(HALL, 'idRenewal', bj(MON, '16:45'), new Map());
    expect(days[0]).toMatchObject({ status: 'closed', closedReason: 'past', slots: [] });
  });

  test('a service the station does not offer: every day closed', () => {
    const days = availability(HALL, 'hukouTransfer', from, new Map());
    expect(days.every((d) => d.status === 'closed' && d.closedReason === 'notOffered')).toBe(true);
  });

  test('fast: all of a station’s services over 14 days well under the 20 ms budget', () => {
    const config = DEMO_HALL_CONFIGS.changqing;
    const booked = new Map<string, number>();
    stationAvailability(config, from, booked); // compile once (cached per config)
    const runs = 20;
    const t0 = performance.now();
    for (let i = 0; i < runs; i++) stationAvailability(config, from, booked);
    expect((performance.now() - t0) / runs).toBeLessThan(20);
    expect(stationAvailability(config, from, booked).size).toBe(10);
  });
});
