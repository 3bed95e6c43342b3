import type { Booking, HallConfig, WeeklyHours } from '@domain/booking';

/** Beijing wall-clock time → instant, written out so the tests do not depend on the code under test. */
export const bj = (day: string, time = '00:00') => new Date(`${day}T${time}:00+08:00`);

const weekday = [
  { start: '08:30', end: '12:00' },
  { start: '13:30', end: '17:00' },
];
const WEEKDAYS: WeeklyHours = { mon: weekday, tue: weekday, wed: weekday, thu: weekday, fri: weekday };

/**
 * March 2026: Mon 16, Tue 17, Wed 18 (afternoon closed), Thu 19 (passport closed all day),
 * Sat 21 (morning only), Sun 22 (closed). May 2026: Fri 1 holiday, Sat 9 make-up workday.
 */
export const HALL: HallConfig = {
  stationId: 'teststation',
  hours: { ...WEEKDAYS, sat: [{ start: '09:00', end: '12:00' }] },
  slotMinutes: 30,
  windows: [
    { id: 'w1', name: '1号窗口' },
    { id: 'w2', name: '2号窗口' },
  ],
  services: [
    // 2 windows × floor(30 / 10) = 6 places per slot.
    { kind: 'idRenewal', windows: ['w1', 'w2'] },
    { kind: 'passport', windows: ['w2'], capacityPerSlot: 2, hours: WEEKDAYS },
  ],
  holidays: [{ day: '2026-05-01', name: '劳动节' }],
  makeUpWorkdays: ['2026-05-09'],
  closures: [
    { day: '2026-03-18', period: { start: '13:30', end: '17:00' }, reason: '系统升级维护' },
    { day: '2026-03-19', services: ['passport'], reason: '出入境系统维护' },
  ],
  horizonDays: 14,
  bookingCutoffMinutes: 30,
  cancelCutoffMinutes: 60,
};

export const MON = '2026-03-16';

let seq = 0;
export function booking(over: Partial<Booking> = {}): Booking {
  seq++;
  const start = over.start ?? bj(MON, '09:00');
  return {
    id: `bk_${seq}`,
    stationId: 'teststation',
    service: 'idRenewal',
    slotId: `teststation:idRenewal:${MON}:0900`,
    day: MON,
    start,
    end: new Date(start.getTime() + 30 * 60_000),
    accountId: 'acct-1',
    personKey: 'p_person1',
    status: 'booked',
    needs: { kinds: [] },
    checkInCode: '123456',
    createdAt: bj('2026-03-10', '10:00'),
    ...over,
  };
}
