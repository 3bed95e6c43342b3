/**
 * The 大厅设置 page's working copy: hours as the text an officer types ("09:00-12:00"), windows
 * with ids the page gives new ones, each service's windows and (when shorter than the hall's) its
 * own hours. Turning it into the action's input is here, away from the controls.
 */
import type { HallServiceSetting, HallSettingsView, HallWindowSetting, WeekHoursSetting } from '@domain/actions/station';
import { SERVICE_LABELS } from '@domain/booking/services';
import { WEEKDAY_KEYS, WEEKDAY_LABELS, type WeekdayKey } from '@domain/booking/time';

type Period = { start: string; end: string };

export interface ServiceDraft extends Omit<HallServiceSetting, 'hours'> {
  /** The service's own hours per weekday as typed ("08:30-12:00、13:30-17:00"; empty: not that day); absent: the hall's. */
  ownHours?: Record<WeekdayKey, string>;
}

export interface Draft extends Omit<HallSettingsView, 'isNew' | 'hours' | 'services'> {
  /** Morning and afternoon per weekday, as typed. */
  hours: Record<WeekdayKey, [string, string]>;
  services: ServiceDraft[];
}

const periodText = (period?: Period) => (period ? `${period.start}-${period.end}` : '');

export function periodOf(text: string): Period | undefined {
  const match = /^\s*(\d{1,2}:\d{2})\s*[-–~至]\s*(\d{1,2}:\d{2})\s*$/.exec(text);
  const pad = (clock: string) => clock.padStart(5, '0');
  return match ? { start: pad(match[1]!), end: pad(match[2]!) } : undefined;
}

/** "08:30-12:00、13:30-17:00" → periods; the parts it cannot read are returned too, to be said. */
export function periodsOf(text: string): { periods: Period[]; unread: string[] } {
  const parts = text.split(/[、,，;；]/).map((part) => part.trim()).filter(Boolean);
  const periods: Period[] = [];
  const unread: string[] = [];
  for (const part of parts) {
    const period = periodOf(part);
    if (period) periods.push(period);
    else unread.push(part);
  }
  return { periods, unread };
}

const weekText = (hours: WeekHoursSetting) => Object.fromEntries(WEEKDAY_KEYS.map((key) => [key, hours[key].map(periodText).join('、')])) as Record<WeekdayKey, string>;

export function draftOf(view: HallSettingsView): Draft {
  const { isNew: _isNew, hours, services, ...rest } = view;
  return {
    ...rest,
    hours: Object.fromEntries(WEEKDAY_KEYS.map((key) => [key, [periodText(hours[key][0]), periodText(hours[key][1])]])) as Draft['hours'],
    services: services.map(({ hours: own, ...service }) => ({ ...service, ...(own ? { ownHours: weekText(own) } : {}) })),
  };
}

/** The hall's periods of a weekday as typed (unreadable ones are left out: the save says so at the box). */
export const hallPeriodsOf = (draft: Pick<Draft, 'hours'>, key: WeekdayKey): Period[] => draft.hours[key].map(periodOf).filter((period): period is Period => period !== undefined);

/** A service takes the hall's hours as its own starting point, which the officer then shortens. */
export const hallHoursText = (draft: Pick<Draft, 'hours'>) => Object.fromEntries(WEEKDAY_KEYS.map((key) => [key, hallPeriodsOf(draft, key).map(periodText).join('、')])) as Record<WeekdayKey, string>;

/** Mornings only: each day's first hall period (出入境 on weekday mornings, say). */
export const morningsText = (draft: Pick<Draft, 'hours'>) => Object.fromEntries(WEEKDAY_KEYS.map((key) => [key, periodText(hallPeriodsOf(draft, key)[0])])) as Record<WeekdayKey, string>;

/** A new window's id: never one the hall had when the page opened, so a removed window's bookings are never taken for the new one's. */
export function newWindowId(windows: readonly HallWindowSetting[], saved: readonly HallWindowSetting[]): string {
  const taken = [...windows, ...saved].map((window) => Number(/^w(\d+)$/.exec(window.id)?.[1] ?? 0));
  return `w${Math.max(0, ...taken) + 1}`;
}

/** Services of the draft that a window serves. */
export const servicesAt = (draft: Pick<Draft, 'services'>, windowId: string) => draft.services.filter((service) => service.windows.includes(windowId));

/** Why a window cannot be removed now, or undefined. */
export function removalRefusal(draft: Pick<Draft, 'services' | 'windows'>, window: HallWindowSetting): string | undefined {
  if (draft.windows.length <= 1) return '大厅至少要有一个窗口';
  const serving = servicesAt(draft, window.id);
  if (serving.length === 0) return undefined;
  return `“${window.name}”还在办理${serving.map((service) => `“${SERVICE_LABELS[service.kind]}”`).join('、')}，请先在这些业务里取消这个窗口，再删除它`;
}

/** Boxes the page cannot send as typed (field id → message). */
export function typedProblems(draft: Draft): Record<string, string> {
  const problems: Record<string, string> = {};
  for (const service of draft.services) {
    if (!service.ownHours) continue;
    for (const key of WEEKDAY_KEYS) {
      const { unread } = periodsOf(service.ownHours[key]);
      if (unread.length) problems[`hall-${service.kind}-hours-${key}`] = `${WEEKDAY_LABELS[key]}的“${unread[0]}”看不懂，请写成 09:00-12:00，几段之间用顿号隔开`;
    }
  }
  return problems;
}

export type SettingsInput = Omit<HallSettingsView, 'isNew'>;

export function inputOf(draft: Draft): SettingsInput {
  const hours = Object.fromEntries(WEEKDAY_KEYS.map((key) => [key, hallPeriodsOf(draft, key)])) as WeekHoursSetting;
  return {
    ...draft,
    hours,
    services: draft.services.map(({ ownHours, ...service }) => ({
      ...service,
      ...(ownHours ? { hours: Object.fromEntries(WEEKDAY_KEYS.map((key) => [key, periodsOf(ownHours[key]).periods])) as WeekHoursSetting } : {}),
    })),
  };
}
