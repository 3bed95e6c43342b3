/**
 * A station's service hall as its admin configures it: opening periods per weekday (the gap
 * between periods is the lunch break), the slot grid, which services are offered at which
 * windows with how many places per slot, holidays and ad-hoc closures, and the booking rules.
 *
 * Times are 'HH:mm' Beijing time, days 'YYYY-MM-DD' Beijing days (see time.ts).
 * Configs are treated as immutable values: slots.ts compiles each config object once and caches
 * the result, so change a config by building a new object.
 */
import { SERVICES, type ServiceKind } from './services';
import { WEEKDAY_KEYS, WEEKDAY_LABELS, isDay, tryMinutesOf, type WeekdayKey } from './time';

/** [start, end) in 'HH:mm'. */
export interface Period {
  start: string;
  end: string;
}

/** Opening periods per weekday; a missing or empty weekday is closed. */
export type WeeklyHours = Partial<Record<WeekdayKey, readonly Period[]>>;

export interface HallWindow {
  id: string;
  /** e.g. "1号窗口（户籍）". */
  name: string;
}

export interface ServiceOffer {
  kind: ServiceKind;
  /** Ids of the windows that serve it. */
  windows: readonly string[];
  /** Minutes at the window; defaults to the catalogue's. */
  minutes?: number;
  /**
   * Places per slot. Default: each window serves floor(slotMinutes / minutes) people per slot.
   * Capacities are per service: when windows are shared between services, set this explicitly.
   */
  capacityPerSlot?: number;
  /** The service's own hours, replacing the hall's (e.g. 出入境 on weekdays only). */
  hours?: WeeklyHours;
  /** The station's own note beside the catalogue's materials (e.g. "本所可现场拍照，费用20元"). */
  note?: string;
}

export interface Holiday {
  day: string;
  /** e.g. "春节". */
  name: string;
}

/** An ad-hoc closure: the whole day, or one period of it; all services or only some. */
export interface Closure {
  day: string;
  period?: Period;
  services?: readonly ServiceKind[];
  /** Shown to residents, e.g. "户籍系统升级维护". */
  reason: string;
}

export interface HallConfig {
  stationId: string;
  hours: WeeklyHours;
  /** Length of one slot, minutes. */
  slotMinutes: number;
  windows: readonly HallWindow[];
  services: readonly ServiceOffer[];
  /** Public holidays: closed all day. */
  holidays: readonly Holiday[];
  /** 调休上班日: weekend days worked in exchange for a holiday; the hall opens with Monday's hours. */
  makeUpWorkdays?: readonly string[];
  closures: readonly Closure[];
  /** Days bookable: today and the next horizonDays − 1 days. */
  horizonDays: number;
  /** Online booking stops this many minutes before a slot starts. */
  bookingCutoffMinutes: number;
  /** Online cancelling stops this many minutes before a slot starts. */
  cancelCutoffMinutes: number;
}

export const DEFAULT_BOOKING_RULES = {
  slotMinutes: 30,
  horizonDays: 14,
  bookingCutoffMinutes: 30,
  cancelCutoffMinutes: 60,
} as const;

/** Minutes at the window for a service at this hall. */
export const serviceMinutes = (offer: ServiceOffer): number => offer.minutes ?? SERVICES[offer.kind].defaultMinutes;

/** Places per slot for a service at this hall (see ServiceOffer.capacityPerSlot). */
export function capacityOf(config: Pick<HallConfig, 'slotMinutes'>, offer: ServiceOffer): number {
  if (offer.capacityPerSlot !== undefined) return offer.capacityPerSlot;
  return offer.windows.length * Math.max(1, Math.floor(config.slotMinutes / Math.max(1, serviceMinutes(offer))));
}

/** The windows a resident goes to for a service, in the hall's order. */
export function windowsServing(config: Pick<HallConfig, 'windows'>, offer: Pick<ServiceOffer, 'windows'>): HallWindow[] {
  return config.windows.filter((window) => offer.windows.includes(window.id));
}

/**
 * A service's own periods that fall outside the hall's opening periods on the same weekday:
 * a service keeps the hall's hours or shorter ones, never opens while the hall is shut.
 */
export function periodsOutsideHall(hall: WeeklyHours, service: WeeklyHours): { key: WeekdayKey; period: Period }[] {
  const outside: { key: WeekdayKey; period: Period }[] = [];
  for (const key of WEEKDAY_KEYS) {
    for (const period of service[key] ?? []) {
      const start = tryMinutesOf(period?.start);
      const end = tryMinutesOf(period?.end);
      if (start === undefined || end === undefined) continue;
      const inside = (hall[key] ?? []).some((open) => {
        const from = tryMinutesOf(open?.start);
        const to = tryMinutesOf(open?.end);
        return from !== undefined && to !== undefined && from <= start && end <= to;
      });
      if (!inside) outside.push({ key, period });
    }
  }
  return outside;
}

/** "周一至周五 09:00–12:00、13:30–17:00；周六 09:00–12:00", for the station card and the service picker. */
export function weeklyHoursText(hours: WeeklyHours): string {
  const groups: { keys: WeekdayKey[]; text: string }[] = [];
  for (const key of WEEKDAY_KEYS) {
    const text = (hours[key] ?? []).map((period) => `${period.start}–${period.end}`).join('、');
    if (!text) continue;
    const last = groups[groups.length - 1];
    if (last && last.text === text && WEEKDAY_KEYS.indexOf(last.keys[last.keys.length - 1]!) === WEEKDAY_KEYS.indexOf(key) - 1) last.keys.push(key);
    else groups.push({ keys: [key], text });
  }
  return groups.map((group) => `${WEEKDAY_LABELS[group.keys[0]!]}${group.keys.length > 1 ? `至${WEEKDAY_LABELS[group.keys[group.keys.length - 1]!]}` : ''} ${group.text}`).join('；') || '暂停办理';
}

const ID_RE = /^[A-Za-z0-9_-]{1,64}$/;
const isWholeIn = (n: unknown, min: number, max: number): n is number => typeof n === 'number' && Number.isInteger(n) && n >= min && n <= max;

function checkPeriods(where: string, periods: readonly Period[] | undefined, slotMinutes: number, problems: string[]) {
  if (periods === undefined) return;
  let lastEnd = -1;
  for (const period of periods) {
    const start = tryMinutesOf(period?.start);
    const end = tryMinutesOf(period?.end);
    if (start === undefined || end === undefined) {
      problems.push(`${where}的时间格式不对，应为 08:30 这样的格式`);
      continue;
    }
    if (end <= start) problems.push(`${where} ${period.start}–${period.end} 结束时间要晚于开始时间`);
    else if (end - start < slotMinutes) problems.push(`${where} ${period.start}–${period.end} 不足一个时段（${slotMinutes}分钟）`);
    if (start < lastEnd) problems.push(`${where}的时间段有重叠或顺序不对`);
    lastEnd = Math.max(lastEnd, end);
  }
}

function checkHours(label: string, hours: WeeklyHours | undefined, slotMinutes: number, problems: string[]) {
  if (hours === undefined || hours === null || typeof hours !== 'object') {
    problems.push(`${label}未设置`);
    return;
  }
  for (const key of Object.keys(hours)) if (!(WEEKDAY_KEYS as readonly string[]).includes(key)) problems.push(`${label}里有无法识别的星期：${key}`);
  for (const key of WEEKDAY_KEYS) checkPeriods(`${label}${WEEKDAY_LABELS[key]}`, hours[key], slotMinutes, problems);
}

/** Problems with a week of opening hours ("大厅办公时间周一 12:00–09:00 结束时间要晚于开始时间"). */
export function weeklyHoursProblems(label: string, hours: WeeklyHours | undefined, slotMinutes: number): string[] {
  const problems: string[] = [];
  checkHours(label, hours, slotMinutes, problems);
  return problems;
}

/**
 * Problems with a config, in Chinese for the station admin; empty when it is usable.
 * The admin action refuses to save a config with problems; the slot engine assumes a checked one
 * (and skips what it cannot read rather than throwing).
 */
export function checkHallConfig(config: HallConfig): string[] {
  const problems: string[] = [];
  if (!ID_RE.test(config.stationId ?? '')) problems.push('派出所编号无效');
  if (!isWholeIn(config.slotMinutes, 5, 240)) problems.push('每个时段的长度应为5到240分钟的整数');
  const slotMinutes = isWholeIn(config.slotMinutes, 5, 240) ? config.slotMinutes : 30;
  checkHours('大厅办公时间', config.hours, slotMinutes, problems);

  const windowIds = new Set<string>();
  const windowNames = new Set<string>();
  for (const window of config.windows ?? []) {
    if (!ID_RE.test(window.id ?? '')) problems.push(`窗口编号无效：${window.id}`);
    else if (windowIds.has(window.id)) problems.push(`窗口编号重复：${window.id}`);
    windowIds.add(window.id);
    if (!window.name?.trim()) problems.push(`请填写窗口 ${window.id} 的名称`);
    else if (windowNames.has(window.name.trim())) problems.push(`窗口名称重复：${window.name.trim()}`);
    windowNames.add(window.name?.trim());
  }

  const kinds = new Set<string>();
  if (!config.services?.length) problems.push('至少要开放一项预约业务');
  for (const offer of config.services ?? []) {
    const label = SERVICES[offer.kind]?.label;
    if (!label) {
      problems.push(`无法识别的业务：${offer.kind}`);
      continue;
    }
    if (kinds.has(offer.kind)) problems.push(`业务“${label}”重复设置`);
    kinds.add(offer.kind);
    if (!offer.windows?.length) problems.push(`请为“${label}”指定办理窗口`);
    for (const w of offer.windows ?? []) if (!windowIds.has(w)) problems.push(`“${label}”的窗口 ${w} 不存在`);
    if (offer.minutes !== undefined && !isWholeIn(offer.minutes, 1, 240)) problems.push(`“${label}”的办理时长应为1到240分钟`);
    if (offer.capacityPerSlot !== undefined && !isWholeIn(offer.capacityPerSlot, 1, 500)) problems.push(`“${label}”每个时段的名额应为1到500的整数`);
    if (offer.note !== undefined && (typeof offer.note !== 'string' || offer.note.length > 200)) problems.push(`“${label}”的须知不能超过200个字`);
    if (offer.hours !== undefined) {
      checkHours(`“${label}”的办理时间`, offer.hours, slotMinutes, problems);
      if (offer.hours && config.hours && typeof offer.hours === 'object') {
        for (const { key, period } of periodsOutsideHall(config.hours, offer.hours)) {
          problems.push(`“${label}”的办理时间${WEEKDAY_LABELS[key]} ${period.start}–${period.end} 不在大厅办公时间内`);
        }
      }
    }
  }

  for (const holiday of config.holidays ?? []) if (!isDay(holiday.day)) problems.push(`节假日日期无效：${holiday.day}`);
  for (const day of config.makeUpWorkdays ?? []) if (!isDay(day)) problems.push(`调休上班日日期无效：${day}`);
  for (const closure of config.closures ?? []) {
    if (!isDay(closure.day)) problems.push(`临时停办日期无效：${closure.day}`);
    if (closure.period) checkPeriods(`临时停办 ${closure.day}`, [closure.period], 1, problems);
    if (!closure.reason?.trim()) problems.push(`请填写 ${closure.day} 临时停办的原因`);
    for (const kind of closure.services ?? []) if (!SERVICES[kind]) problems.push(`临时停办里有无法识别的业务：${kind}`);
  }

  if (!isWholeIn(config.horizonDays, 1, 90)) problems.push('可预约天数应为1到90天');
  if (!isWholeIn(config.bookingCutoffMinutes, 0, 24 * 60)) problems.push('预约截止时间应为0到1440分钟');
  if (!isWholeIn(config.cancelCutoffMinutes, 0, 24 * 60)) problems.push('取消截止时间应为0到1440分钟');
  return problems;
}
