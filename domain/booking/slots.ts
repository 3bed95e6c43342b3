/**
 * The slot grid: which slots a service has on a day, and how many places are left over the
 * booking horizon.
 *
 * Speed matters (availability runs on every calendar view; budget ≤ 20 ms for a station's
 * services over 14 days), so each config is compiled once into per-weekday slot templates
 * (minute of day + 'HHmm'), holidays and closures become maps keyed by day number, and the loops
 * do integer arithmetic and string concatenation — one Date per slot returned, none for checks.
 *
 * Slot ids are deterministic: `${stationId}:${service}:${day}:${HHmm}` — the capacity counter's
 * document id, and one half of a booking's id.
 */
import { capacityOf, type Closure, type HallConfig, type Period, type WeeklyHours } from './hall-config';
import { isServiceKind, type ServiceKind } from './services';
import {
  MINUTE_MS,
  WEEKDAY_KEYS,
  dayFromNumber,
  dayStartMs,
  isoWeekdayOf,
  shanghaiDayNumber,
  timeOf,
  tryDayNumber,
  tryMinutesOf,
} from './time';

export interface Slot {
  slotId: string;
  day: string;
  /** 'HH:mm' Beijing. */
  time: string;
  start: Date;
  end: Date;
  capacity: number;
}

/** Why a whole day cannot be booked. */
export type ClosedReason = 'holiday' | 'closure' | 'notOpen' | 'notOffered' | 'past';

export interface AvailableSlot {
  slotId: string;
  time: string;
  start: Date;
  /** Places left (0 when full). */
  left: number;
}

export interface DayAvailability {
  day: string;
  /** open: some place left; full: bookable slots but no place left; closed: nothing bookable. */
  status: 'open' | 'full' | 'closed';
  closedReason?: ClosedReason;
  /** For the calendar: a holiday's name, or why (part of) the day is closed. */
  note?: string;
  /** Slots still bookable by time (before the cut-off), with places left. */
  slots: AvailableSlot[];
}

interface SlotTemplate {
  minute: number;
  endMinute: number;
  /** 'HHmm', as in slot ids. */
  hhmm: string;
  /** 'HH:mm', for people. */
  time: string;
}

interface CompiledService {
  kind: ServiceKind;
  capacity: number;
  /** `${stationId}:${kind}:` */
  prefix: string;
  /** Index 0 = Monday … 6 = Sunday. */
  byWeekday: readonly (readonly SlotTemplate[])[];
  /** hhmm → template, per weekday: the regular grid slot ids are checked against. */
  lookup: readonly ReadonlyMap<string, SlotTemplate>[];
}

interface CompiledClosure {
  services?: ReadonlySet<ServiceKind>;
  /** Minutes [from, to); whole day is [0, 1440). */
  from: number;
  to: number;
  reason: string;
}

export interface CompiledHall {
  readonly config: HallConfig;
  readonly services: ReadonlyMap<ServiceKind, CompiledService>;
  readonly holidays: ReadonlyMap<number, string>;
  readonly makeUpWorkdays: ReadonlySet<number>;
  readonly closures: ReadonlyMap<number, readonly CompiledClosure[]>;
}

const MONDAY = 0;
const hhmmOf = (minutes: number) => timeOf(minutes).replace(':', '');

function templatesFor(periods: readonly Period[] | undefined, slotMinutes: number): SlotTemplate[] {
  const templates: SlotTemplate[] = [];
  for (const period of periods ?? []) {
    const start = tryMinutesOf(period?.start);
    const end = tryMinutesOf(period?.end);
    if (start === undefined || end === undefined) continue;
    // Only whole slots: a period 08:30–12:00 with 30-minute slots ends with 11:30–12:00.
    for (let m = start; m + slotMinutes <= end; m += slotMinutes) templates.push({ minute: m, endMinute: m + slotMinutes, hhmm: hhmmOf(m), time: timeOf(m) });
  }
  templates.sort((a, b) => a.minute - b.minute);
  // Overlapping periods (a config error) must not produce the same slot twice.
  return templates.filter((t, i) => i === 0 || templates[i - 1]?.minute !== t.minute);
}

type Grid = { templates: readonly SlotTemplate[]; lookup: ReadonlyMap<string, SlotTemplate> };

/** Per compile: weekdays and services usually share the same periods array, so build each grid once. */
type GridMemo = Map<readonly Period[] | undefined, Grid>;

function gridFor(periods: readonly Period[] | undefined, slotMinutes: number, memo: GridMemo): Grid {
  let grid = memo.get(periods);
  if (!grid) {
    const templates = templatesFor(periods, slotMinutes);
    grid = { templates, lookup: new Map(templates.map((t) => [t.hhmm, t])) };
    memo.set(periods, grid);
  }
  return grid;
}

function compileService(config: HallConfig, hours: WeeklyHours, offer: HallConfig['services'][number], memo: GridMemo): CompiledService {
  const slotMinutes = config.slotMinutes > 0 ? config.slotMinutes : 30;
  const grids = WEEKDAY_KEYS.map((key) => gridFor(hours[key], slotMinutes, memo));
  return {
    kind: offer.kind,
    capacity: capacityOf(config, offer),
    prefix: `${config.stationId}:${offer.kind}:`,
    byWeekday: grids.map((g) => g.templates),
    lookup: grids.map((g) => g.lookup),
  };
}

function compileClosure(closure: Closure): CompiledClosure {
  const from = closure.period ? tryMinutesOf(closure.period.start) : 0;
  const to = closure.period ? tryMinutesOf(closure.period.end) : 24 * 60;
  return {
    services: closure.services?.length ? new Set(closure.services) : undefined,
    // An unreadable period closes the whole day: safer than silently ignoring the closure.
    from: from ?? 0,
    to: to ?? 24 * 60,
    reason: closure.reason,
  };
}

const cache = new WeakMap<HallConfig, CompiledHall>();

/** Compiles a config (cached per config object; treat configs as immutable). */
export function compileHall(config: HallConfig): CompiledHall {
  const cached = cache.get(config);
  if (cached) return cached;
  const services = new Map<ServiceKind, CompiledService>();
  const memo: GridMemo = new Map();
  for (const offer of config.services ?? []) {
    if (!isServiceKind(offer.kind) || services.has(offer.kind)) continue;
    services.set(offer.kind, compileService(config, offer.hours ?? config.hours ?? {}, offer, memo));
  }
  const holidays = new Map<number, string>();
  for (const holiday of config.holidays ?? []) {
    const n = tryDayNumber(holiday.day);
    if (n !== undefined) holidays.set(n, holiday.name);
  }
  const makeUpWorkdays = new Set<number>();
  for (const day of config.makeUpWorkdays ?? []) {
    const n = tryDayNumber(day);
    if (n !== undefined) makeUpWorkdays.add(n);
  }
  const closures = new Map<number, CompiledClosure[]>();
  for (const closure of config.closures ?? []) {
    const n = tryDayNumber(closure.day);
    if (n === undefined) continue;
    const list = closures.get(n);
    if (list) list.push(compileClosure(closure));
    else closures.set(n, [compileClosure(closure)]);
  }
  const compiled: CompiledHall = { config, services, holidays, makeUpWorkdays, closures };
  cache.set(config, compiled);
  return compiled;
}

/** Weekday index (0 = Monday) whose grid a day uses: make-up workdays (调休) open with Monday's. */
function gridIndex(hall: CompiledHall, n: number): number {
  return hall.makeUpWorkdays.has(n) ? MONDAY : isoWeekdayOf(n) - 1;
}

/** The closure covering [minute, endMinute) for this service, if any. */
function closureFor(hall: CompiledHall, kind: ServiceKind, n: number, minute: number, endMinute: number): CompiledClosure | undefined {
  const list = hall.closures.get(n);
  if (!list) return undefined;
  for (const c of list) if ((!c.services || c.services.has(kind)) && c.from < endMinute && minute < c.to) return c;
  return undefined;
}

interface DayPlan {
  templates: readonly SlotTemplate[];
  closedReason?: ClosedReason;
  note?: string;
}

const NO_SLOTS: readonly SlotTemplate[] = [];

function planDay(hall: CompiledHall, service: CompiledService | undefined, n: number): DayPlan {
  if (!service) return { templates: NO_SLOTS, closedReason: 'notOffered', note: '本所不办理这项业务' };
  const holiday = hall.holidays.get(n);
  if (holiday !== undefined) return { templates: NO_SLOTS, closedReason: 'holiday', note: holiday };
  const grid = service.byWeekday[gridIndex(hall, n)] ?? NO_SLOTS;
  if (grid.length === 0) return { templates: NO_SLOTS, closedReason: 'notOpen' };
  const closures = hall.closures.get(n);
  if (!closures) return { templates: grid };
  let note: string | undefined;
  const templates = grid.filter((t) => {
    const closure = closureFor(hall, service.kind, n, t.minute, t.endMinute);
    if (closure) note ??= closure.reason;
    return !closure;
  });
  return templates.length === 0 ? { templates, closedReason: 'closure', note } : { templates, note };
}

/** Slots of a service on a day (calendar only: holidays, closures and lunch skipped; not "now"). */
export function slotsFor(config: HallConfig, serviceKind: ServiceKind, day: string): Slot[] {
  const n = tryDayNumber(day);
  if (n === undefined) return [];
  const hall = compileHall(config);
  const service = hall.services.get(serviceKind);
  const base = dayStartMs(n);
  return planDay(hall, service, n).templates.map((t) => ({
    slotId: `${service?.prefix}${day}:${t.hhmm}`,
    day,
    time: t.time,
    start: new Date(base + t.minute * MINUTE_MS),
    end: new Date(base + t.endMinute * MINUTE_MS),
    capacity: service?.capacity ?? 0,
  }));
}

/**
 * Availability of one service for the horizon starting today (Beijing day of `from`): one entry
 * per day, `horizonDays` of them. Slots already past the booking cut-off are left out; places
 * left are capacity − booked (never below 0). `bookedCounts` maps slotId → places taken.
 */
export function availability(config: HallConfig, serviceKind: ServiceKind, from: Date, bookedCounts: ReadonlyMap<string, number>): DayAvailability[] {
  const hall = compileHall(config);
  const service = hall.services.get(serviceKind);
  const today = shanghaiDayNumber(from);
  // A slot is bookable while now < start − cut-off, i.e. start > lastStart.
  const lastStart = from.getTime() + Math.max(0, config.bookingCutoffMinutes) * MINUTE_MS;
  const days: DayAvailability[] = [];
  for (let i = 0; i < config.horizonDays; i++) {
    const n = today + i;
    const day = dayFromNumber(n);
    const plan = planDay(hall, service, n);
    if (!service || plan.templates.length === 0) {
      days.push({ day, status: 'closed', closedReason: plan.closedReason, ...(plan.note !== undefined && { note: plan.note }), slots: [] });
      continue;
    }
    const base = dayStartMs(n);
    const prefix = `${service.prefix}${day}:`;
    const slots: AvailableSlot[] = [];
    let anyLeft = false;
    for (const t of plan.templates) {
      const start = base + t.minute * MINUTE_MS;
      if (start <= lastStart) continue;
      const slotId = prefix + t.hhmm;
      const left = Math.max(0, service.capacity - (bookedCounts.get(slotId) ?? 0));
      if (left > 0) anyLeft = true;
      slots.push({ slotId, time: t.time, start: new Date(start), left });
    }
    const entry: DayAvailability =
      slots.length === 0 ? { day, status: 'closed', closedReason: 'past', slots } : { day, status: anyLeft ? 'open' : 'full', slots };
    if (plan.note !== undefined) entry.note = plan.note;
    days.push(entry);
  }
  return days;
}

/** Availability of every service the station offers (what the service picker and the benchmark need). */
export function stationAvailability(config: HallConfig, from: Date, bookedCounts: ReadonlyMap<string, number>): Map<ServiceKind, DayAvailability[]> {
  const result = new Map<ServiceKind, DayAvailability[]>();
  for (const kind of compileHall(config).services.keys()) result.set(kind, availability(config, kind, from, bookedCounts));
  return result;
}

// ─── Slot ids ────────────────────────────────────────────────────────────────────────────────

export interface SlotRef {
  stationId: string;
  service: ServiceKind;
  day: string;
  /** 'HHmm'. */
  hhmm: string;
}

const SLOT_ID_RE = /^([A-Za-z0-9_-]{1,64}):([A-Za-z]+):(\d{4}-\d{2}-\d{2}):([01]\d|2[0-3])([0-5]\d)$/;

export const slotIdOf = (ref: SlotRef): string => `${ref.stationId}:${ref.service}:${ref.day}:${ref.hhmm}`;

/** Parts of a slot id, or undefined when it is not one (malformed, unknown service, no such day). */
export function parseSlotId(slotId: string): SlotRef | undefined {
  const m = typeof slotId === 'string' ? SLOT_ID_RE.exec(slotId) : null;
  if (!m) return undefined;
  const [, stationId, service, day, hh, mm] = m;
  if (stationId === undefined || !isServiceKind(service) || day === undefined || tryDayNumber(day) === undefined) return undefined;
  return { stationId, service, day, hhmm: `${hh}${mm}` };
}

/** What the rules need to know about a slot id against a config. */
export type SlotLookup =
  | { kind: 'unknown' }
  /** On the grid of its weekday (or a day the hall never opens: `slot` then has no capacity). */
  | { kind: 'slot'; slot: Slot; closed?: { reason: ClosedReason; note?: string } };

/**
 * Resolves a slot id against a config: unknown (malformed, another station, a service not offered,
 * a time off the grid), or the slot with whether the day/period is closed.
 */
export function lookupSlot(config: HallConfig, slotId: string): SlotLookup {
  const ref = parseSlotId(slotId);
  if (!ref || ref.stationId !== config.stationId) return { kind: 'unknown' };
  const hall = compileHall(config);
  const service = hall.services.get(ref.service);
  if (!service) return { kind: 'unknown' };
  const n = tryDayNumber(ref.day) as number;
  const base = dayStartMs(n);
  const gridIdx = gridIndex(hall, n);
  const minute = Number(ref.hhmm.slice(0, 2)) * 60 + Number(ref.hhmm.slice(2));
  const slotMinutes = config.slotMinutes;
  const make = (t: SlotTemplate | undefined): Slot => ({
    slotId,
    day: ref.day,
    time: timeOf(minute),
    start: new Date(base + minute * MINUTE_MS),
    end: new Date(base + (t?.endMinute ?? minute + slotMinutes) * MINUTE_MS),
    capacity: t ? service.capacity : 0,
  });
  const grid = service.byWeekday[gridIdx] ?? NO_SLOTS;
  // A weekday the hall never opens (Sunday) is "closed", not "unknown": friendlier to say so.
  if (grid.length === 0) return { kind: 'slot', slot: make(undefined), closed: { reason: 'notOpen' } };
  const template = service.lookup[gridIdx]?.get(ref.hhmm);
  if (!template) return { kind: 'unknown' };
  const holiday = hall.holidays.get(n);
  if (holiday !== undefined) return { kind: 'slot', slot: make(template), closed: { reason: 'holiday', note: holiday } };
  const closure = closureFor(hall, ref.service, n, template.minute, template.endMinute);
  if (closure) return { kind: 'slot', slot: make(template), closed: { reason: 'closure', note: closure.reason } };
  return { kind: 'slot', slot: make(template) };
}
