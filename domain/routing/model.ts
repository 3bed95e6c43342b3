/**
 * The data the "Ask your beat officer" (问片警) router reads: question categories, a snapshot of
 * the directory (districts → stations → posts → communities, officers), the duty roster, and
 * each station's routing rules. Plain data only; the engine is in route.ts.
 */
import type { OfficerKind } from '../roles';

// ─── Categories ──────────────────────────────────────────────────────────────────────────────

/** What a resident's question is about. Keys are stable (stored with each thread). */
export const CONSULT_CATEGORIES = ['household', 'exitEntry', 'residencePermit', 'dispute', 'fraudCheck', 'publicSecurity', 'other'] as const;
export type ConsultCategory = (typeof CONSULT_CATEGORIES)[number];

/** Resident-facing names, in the order residents see them. */
export const CONSULT_CATEGORY_LABELS: Record<ConsultCategory, string> = {
  household: '户籍/身份证',
  exitEntry: '出入境',
  residencePermit: '居住证',
  dispute: '纠纷调解',
  fraudCheck: '反诈咨询/转账核实',
  publicSecurity: '治安求助',
  other: '其他',
};

export const isConsultCategory = (value: unknown): value is ConsultCategory =>
  typeof value === 'string' && (CONSULT_CATEGORIES as readonly string[]).includes(value);

// ─── Directory ───────────────────────────────────────────────────────────────────────────────

export interface District {
  id: string;
  /** e.g. "拱墅区公安分局". */
  name: string;
  /** The district-wide intake queue for questions no station can be found for, e.g. "综合受理". */
  generalQueueName: string;
}

export interface Station {
  id: string;
  /** e.g. "西罗园派出所". */
  name: string;
  districtId: string;
  /** e.g. "综合服务大厅". */
  hallDeskName: string;
  /** e.g. "值班室". */
  dutyDeskName: string;
}

/** A 警务室 / 警务区 inside a station's area, covering a few communities. */
export interface Post {
  id: string;
  name: string;
  stationId: string;
  communityIds: readonly string[];
  /** The post's public number (never an officer's own). */
  phone: string;
}

export interface Community {
  id: string;
  name: string;
  postId: string;
  stationId: string;
}

export interface Officer {
  id: string;
  /** Full name; never shown to residents. */
  name: string;
  /** How residents address them, e.g. "赵警官". When absent: surname + 警官. */
  title?: string;
  stationId: string;
  postId?: string;
  kinds: readonly OfficerKind[];
  /** Communities this officer is the beat officer of (meaningful with kind 'beat'). */
  communityIds: readonly string[];
  /**
   * False when nobody can receive what is routed to this officer (the record has no account yet):
   * an urgent fraud check is never given to them. Absent means reachable.
   */
  reachable?: boolean;
}

export interface DirectorySnapshot {
  districts: readonly District[];
  stations: readonly Station[];
  posts: readonly Post[];
  communities: readonly Community[];
  officers: readonly Officer[];
}

// ─── Duty roster ─────────────────────────────────────────────────────────────────────────────

/** A shift covers [start, end): on duty from `start` up to, not including, `end`. */
export interface Shift {
  officerId: string;
  start: Date;
  end: Date;
}

/** Leave covers [from, to) and overrides any shift in that time. */
export interface Leave {
  officerId: string;
  from: Date;
  to: Date;
}

export interface DutyRoster {
  shifts: readonly Shift[];
  leave: readonly Leave[];
}

/** Shift times are Beijing time (UTC+8, no daylight saving). */
export const BEIJING_UTC_OFFSET = '+08:00';
export const DAY_SHIFT_HOURS = { start: 8, end: 18 } as const;
export const NIGHT_SHIFT_HOURS = { start: 18, end: 8 } as const;

const HOUR_MS = 3_600_000;
const DAY_RE = /^\d{4}-\d{2}-\d{2}$/;

function beijingTime(day: string, hour: number): Date {
  const at = new Date(`${day}T${String(hour).padStart(2, '0')}:00:00${BEIJING_UTC_OFFSET}`);
  // Round-trip check: JS dates silently roll 2026-02-30 over to March.
  const roundTrip = Number.isNaN(at.getTime()) ? '' : new Date(at.getTime() + 8 * HOUR_MS).toISOString().slice(0, 10);
  if (!DAY_RE.test(day) || roundTrip !== day) throw new RangeError(`not a day (YYYY-MM-DD): ${day}`);
  return at;
}

/** The day shift of `day` (YYYY-MM-DD, Beijing): 08:00–18:00. */
export function dayShift(officerId: string, day: string): Shift {
  return { officerId, start: beijingTime(day, DAY_SHIFT_HOURS.start), end: beijingTime(day, DAY_SHIFT_HOURS.end) };
}

/** The night shift starting on `day` (YYYY-MM-DD, Beijing): 18:00 until 08:00 the next morning. */
export function nightShift(officerId: string, day: string): Shift {
  const start = beijingTime(day, NIGHT_SHIFT_HOURS.start);
  return { officerId, start, end: new Date(start.getTime() + (24 - NIGHT_SHIFT_HOURS.start + NIGHT_SHIFT_HOURS.end) * HOUR_MS) };
}

// ─── Routing rules ───────────────────────────────────────────────────────────────────────────

export const ROUTING_TARGETS = ['hallDesk', 'beatOfficer', 'antiFraudOfficer', 'dutyDesk'] as const;
export type RoutingTarget = (typeof ROUTING_TARGETS)[number];

export const ROUTING_TARGET_LABELS: Record<RoutingTarget, string> = {
  hallDesk: '综合服务大厅',
  beatOfficer: '社区民警',
  antiFraudOfficer: '反诈民警',
  dutyDesk: '值班室',
};

export const PRIORITIES = ['urgent', 'high', 'normal'] as const;
export type Priority = (typeof PRIORITIES)[number];

export const PRIORITY_LABELS: Record<Priority, string> = { urgent: '紧急', high: '优先', normal: '普通' };

export interface RoutingRule {
  target: RoutingTarget;
  priority: Priority;
}

export type RoutingRuleTable = Record<ConsultCategory, RoutingRule>;

/** One station's rules, edited by its admin. */
export interface RoutingRules {
  stationId: string;
  byCategory: RoutingRuleTable;
  updatedAt: Date;
  /** User id of the admin who last saved them. */
  updatedBy: string;
}

/** What every station starts with, and what applies when a station has no (valid) rule. */
export const DEFAULT_ROUTING_RULES: Readonly<RoutingRuleTable> = /* @__PURE__ */ Object.freeze({
  household: { target: 'hallDesk', priority: 'normal' },
  exitEntry: { target: 'hallDesk', priority: 'normal' },
  residencePermit: { target: 'hallDesk', priority: 'normal' },
  dispute: { target: 'beatOfficer', priority: 'normal' },
  other: { target: 'beatOfficer', priority: 'normal' },
  publicSecurity: { target: 'beatOfficer', priority: 'high' },
  fraudCheck: { target: 'antiFraudOfficer', priority: 'urgent' },
});

// ─── What the engine needs, all together ─────────────────────────────────────────────────────

export interface RoutingData {
  directory: DirectorySnapshot;
  roster: DutyRoster;
  /** Per-station rules; stations without an entry use DEFAULT_ROUTING_RULES. */
  rules?: readonly RoutingRules[];
}
