/**
 * The hall's windows and the services each serves, as the station admin edits them. A booking
 * holds a place in a service's slot, not at one window: the resident goes to whichever of the
 * service's windows is free. So a window change never takes a place away by itself (places per
 * slot are the service's own, see capacityOf), but a window that stops serving a service with
 * bookings changes where those residents go: the admin sees them before saving, and their
 * bookings show the new windows.
 */
import { SERVICE_LABELS, WEEKDAY_LABELS, periodsOutsideHall, weeklyHoursProblems, type HallConfig, type ServiceKind } from '../booking';

/** Field path (as in the settings input) → what is wrong, in Chinese for the station admin. */
export type HallSettingsProblems = Record<string, string>;

/**
 * Problems an admin fixes at a particular box: duplicate window names, a removed window a service
 * still uses, a service's own hours outside the hall's. `previous` names a window that was removed.
 */
export function hallSettingsProblems(next: HallConfig, previous?: HallConfig): HallSettingsProblems {
  const problems: HallSettingsProblems = {};
  const names = new Map<string, number>();
  next.windows.forEach((window, index) => {
    const name = window.name.trim();
    if (names.has(name)) problems[`windows.${index}.name`] = `已经有一个“${name}”，窗口名称不能重复`;
    else names.set(name, index);
  });
  const ids = new Set(next.windows.map((window) => window.id));
  const stillUsed = new Map<string, ServiceKind[]>();
  // Hall hours that do not read are said first (checkHallConfig); a service cannot be measured against them.
  const hallHoursUsable = weeklyHoursProblems('大厅办公时间', next.hours, next.slotMinutes).length === 0;
  next.services.forEach((offer, index) => {
    for (const windowId of offer.windows) {
      if (ids.has(windowId)) continue;
      const removed = previous?.windows.find((window) => window.id === windowId);
      if (removed) stillUsed.set(removed.name, [...(stillUsed.get(removed.name) ?? []), offer.kind]);
      else problems[`services.${index}.windows`] = `“${SERVICE_LABELS[offer.kind]}”选的办理窗口不存在，请重新选择`;
    }
    if (offer.hours && hallHoursUsable) {
      const [first] = periodsOutsideHall(next.hours, offer.hours);
      if (first) {
        problems[`services.${index}.hours.${first.key}`] =
          `“${SERVICE_LABELS[offer.kind]}”${WEEKDAY_LABELS[first.key]} ${first.period.start}–${first.period.end} 不在大厅办公时间内：业务的办理时间只能比大厅短`;
      }
    }
  });
  if (stillUsed.size > 0) {
    problems.windows = [...stillUsed]
      .map(([name, kinds]) => `“${name}”还在办理${kinds.map((kind) => `“${SERVICE_LABELS[kind]}”`).join('、')}，请先在这些业务里取消这个窗口，再删除它`)
      .join('；');
  }
  return problems;
}

export interface WindowChange {
  service: ServiceKind;
  /** Bookings still to come for the service. */
  bookings: number;
  /** Window names before and after the change, in the hall's order. */
  before: string[];
  after: string[];
}

/**
 * Services with bookings still to come that lose a window they were served at (the window was
 * removed, or no longer serves the service). A dropped service is not listed: its bookings lose
 * their place and are displaced (hallChangeImpact).
 */
export function windowChanges(previous: HallConfig | undefined, next: HallConfig, bookingsByService: ReadonlyMap<ServiceKind, number>): WindowChange[] {
  if (!previous) return [];
  const changes: WindowChange[] = [];
  for (const before of previous.services) {
    const bookings = bookingsByService.get(before.kind) ?? 0;
    const after = next.services.find((offer) => offer.kind === before.kind);
    if (bookings === 0 || !after) continue;
    if (before.windows.every((id) => after.windows.includes(id))) continue;
    const namesIn = (config: HallConfig, windowIds: readonly string[]) => config.windows.filter((window) => windowIds.includes(window.id)).map((window) => window.name);
    changes.push({ service: before.kind, bookings, before: namesIn(previous, before.windows), after: namesIn(next, after.windows) });
  }
  return changes;
}
