/**
 * Service-hall configs of the demo stations (ids as in the demo directory). Hours follow the
 * stations' published hall hours: Hangzhou Mon–Fri 8:30–12:00 and 13:30–17:00 plus Saturday
 * morning; Beijing Mon–Fri 9:00–12:00 and 13:30–17:00. 长庆, 武林 and 西罗园 also have an
 * exit-entry window (weekdays only). Holidays are the State Council's 2026 schedule
 * (国务院办公厅 2025-11-04), with its make-up working days (调休上班).
 */
import { DEFAULT_BOOKING_RULES, type HallConfig, type HallWindow, type Holiday, type ServiceOffer, type WeeklyHours } from '@domain/booking/hall-config';
import type { ServiceKind } from '@domain/booking/services';

export const DEMO_HALL_STATION_IDS = ['changqing', 'chaoming', 'kangqiao', 'banshan', 'wulin', 'shangtang', 'xiaohe', 'xiluoyuan'] as const;
export type DemoHallStationId = (typeof DEMO_HALL_STATION_IDS)[number];

const range = (name: string, from: string, to: string): Holiday[] => {
  const days: Holiday[] = [];
  for (let d = new Date(`${from}T00:00:00Z`); d.toISOString().slice(0, 10) <= to; d = new Date(d.getTime() + 86_400_000)) {
    days.push({ day: d.toISOString().slice(0, 10), name });
  }
  return days;
};

export const HOLIDAYS_2026: readonly Holiday[] = [
  ...range('元旦', '2026-01-01', '2026-01-03'),
  ...range('春节', '2026-02-15', '2026-02-23'),
  ...range('清明节', '2026-04-04', '2026-04-06'),
  ...range('劳动节', '2026-05-01', '2026-05-05'),
  ...range('端午节', '2026-06-19', '2026-06-21'),
  ...range('中秋节', '2026-09-25', '2026-09-27'),
  ...range('国庆节', '2026-10-01', '2026-10-07'),
];

export const MAKE_UP_WORKDAYS_2026: readonly string[] = ['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10'];

const weekdays = (morning: [string, string], afternoon: [string, string]) => {
  const periods = [
    { start: morning[0], end: morning[1] },
    { start: afternoon[0], end: afternoon[1] },
  ];
  return { mon: periods, tue: periods, wed: periods, thu: periods, fri: periods };
};

const HANGZHOU_WEEKDAYS = weekdays(['08:30', '12:00'], ['13:30', '17:00']);
const HANGZHOU_HOURS: WeeklyHours = { ...HANGZHOU_WEEKDAYS, sat: [{ start: '09:00', end: '12:00' }] };
const BEIJING_HOURS: WeeklyHours = weekdays(['09:00', '12:00'], ['13:30', '17:00']);

const HOUSEHOLD_WINDOWS: HallWindow[] = [
  { id: 'w1', name: '1号窗口（户籍，可现场拍照）' },
  { id: 'w2', name: '2号窗口（户籍）' },
];
const EXIT_ENTRY_WINDOW: HallWindow = { id: 'w3', name: '3号窗口（出入境）' };

// Windows are shared between services, so places per slot are set explicitly (see capacityOf).
const HOUSEHOLD_SERVICES: ServiceOffer[] = [
  { kind: 'idFirst', windows: ['w1', 'w2'], capacityPerSlot: 2 },
  { kind: 'idRenewal', windows: ['w1', 'w2'], capacityPerSlot: 3 },
  { kind: 'idReplacement', windows: ['w1'], capacityPerSlot: 2 },
  { kind: 'hukouTransfer', windows: ['w2'], capacityPerSlot: 1 },
  { kind: 'birthRegistration', windows: ['w2'], capacityPerSlot: 1 },
  { kind: 'residencePermit', windows: ['w1', 'w2'], capacityPerSlot: 2 },
  { kind: 'noCriminalRecord', windows: ['w2'], capacityPerSlot: 2 },
];

const exitEntryServices = (hours: WeeklyHours): ServiceOffer[] => [
  { kind: 'passport', windows: ['w3'], capacityPerSlot: 2, hours },
  { kind: 'hkMacauPermit', windows: ['w3'], capacityPerSlot: 2, hours },
  { kind: 'taiwanPermit', windows: ['w3'], capacityPerSlot: 1, hours },
];

const HOUSEHOLD_KINDS: ServiceKind[] = HOUSEHOLD_SERVICES.map((s) => s.kind);

function hall(stationId: DemoHallStationId, city: 'hangzhou' | 'beijing', exitEntry: boolean, closures: HallConfig['closures'] = []): HallConfig {
  const hours = city === 'hangzhou' ? HANGZHOU_HOURS : BEIJING_HOURS;
  const weekdayHours = city === 'hangzhou' ? HANGZHOU_WEEKDAYS : BEIJING_HOURS;
  return {
    stationId,
    hours,
    slotMinutes: DEFAULT_BOOKING_RULES.slotMinutes,
    windows: exitEntry ? [...HOUSEHOLD_WINDOWS, EXIT_ENTRY_WINDOW] : HOUSEHOLD_WINDOWS,
    services: exitEntry ? [...HOUSEHOLD_SERVICES, ...exitEntryServices(weekdayHours)] : HOUSEHOLD_SERVICES,
    holidays: HOLIDAYS_2026,
    makeUpWorkdays: MAKE_UP_WORKDAYS_2026,
    closures,
    horizonDays: DEFAULT_BOOKING_RULES.horizonDays,
    bookingCutoffMinutes: DEFAULT_BOOKING_RULES.bookingCutoffMinutes,
    cancelCutoffMinutes: DEFAULT_BOOKING_RULES.cancelCutoffMinutes,
  };
}

export const DEMO_HALL_CONFIGS: Readonly<Record<DemoHallStationId, HallConfig>> = Object.freeze({
  changqing: hall('changqing', 'hangzhou', true, [
    { day: '2026-03-18', period: { start: '13:30', end: '17:00' }, services: HOUSEHOLD_KINDS, reason: '户籍业务系统升级维护，下午暂停办理户籍业务' },
  ]),
  chaoming: hall('chaoming', 'hangzhou', false),
  kangqiao: hall('kangqiao', 'hangzhou', false),
  banshan: hall('banshan', 'hangzhou', false),
  wulin: hall('wulin', 'hangzhou', true),
  shangtang: hall('shangtang', 'hangzhou', false),
  xiaohe: hall('xiaohe', 'hangzhou', false),
  xiluoyuan: hall('xiluoyuan', 'beijing', true),
});

export const isDemoHallStation = (id: string): id is DemoHallStationId => (DEMO_HALL_STATION_IDS as readonly string[]).includes(id);
