import type { Actor, OfficerKind } from './roles';

/**
 * The one place that decides who may call what on which station's data.
 * Every action names one of these policies; station-scoped policies also need the
 * station the action touches (and that station's district).
 */
export const POLICY_NAMES = [
  /** Any signed-in WeChat user; residents are created on first use. */
  'signedIn',
  /** Any officer or admin of the target station (district admins of its district too). */
  'stationStaff',
  /** Service-hall work: hall officers of the station, and its admins. */
  'hallStaff',
  /** Anti-fraud publishing: anti-fraud and beat officers of the station, and its admins. */
  'antiFraudStaff',
  /** Community work (圆桌调解 rosters): beat officers of the station, and its admins. */
  'beatStaff',
  /** Station configuration: the station's admin, or the district admin above it. */
  'stationAdmin',
  /** District-wide configuration: district admins of that district only. */
  'districtAdmin',
  /** 警银联动: bank clerks who joined a branch with a partner invite (their own branch's checks only). */
  'bankPartner',
  /** Timer triggers: never callable by a person. */
  'system',
  /** Anyone, even without a WeChat identity (a card opened in 朋友圈's single-page mode): public reading only. */
  'visitor',
] as const;

export type PolicyName = (typeof POLICY_NAMES)[number];

export interface StationScope {
  stationId: string;
  districtId: string;
}

export type PolicyDecision = { allowed: true } | { allowed: false; reason: 'unauthenticated' | 'forbidden' | 'scope-required' };

const STAFF_KINDS_FOR: Partial<Record<PolicyName, readonly OfficerKind[]>> = {
  hallStaff: ['hall'],
  antiFraudStaff: ['antiFraud', 'beat'],
  beatStaff: ['beat'],
};

/** Station-scoped policies cannot be decided without knowing the station. */
export function isStationScoped(policy: PolicyName): boolean {
  return policy !== 'signedIn' && policy !== 'system' && policy !== 'visitor' && policy !== 'bankPartner';
}

const allow: PolicyDecision = { allowed: true };
const forbid: PolicyDecision = { allowed: false, reason: 'forbidden' };

export function decide(policy: PolicyName, actor: Actor | undefined, scope?: StationScope): PolicyDecision {
  if (!actor) return { allowed: false, reason: 'unauthenticated' };
  if (policy === 'system') return actor.type === 'system' ? allow : forbid;
  if (actor.type === 'system') return forbid;
  if (policy === 'visitor') return allow;
  if (actor.type === 'visitor') return { allowed: false, reason: 'unauthenticated' };
  if (policy === 'signedIn') return allow;
  // A clerk's station and branch come with the membership: the handler reads them from it.
  if (policy === 'bankPartner') return actor.partner ? allow : forbid;
  if (!scope) return { allowed: false, reason: 'scope-required' };

  const ownDistrict = actor.districtId !== undefined && actor.districtId === scope.districtId;
  if (actor.role === 'districtAdmin') return ownDistrict ? allow : forbid;
  if (policy === 'districtAdmin') return forbid;

  const ownStation = actor.stationId !== undefined && actor.stationId === scope.stationId;
  if (!ownStation) return forbid;
  if (actor.role === 'stationAdmin') return allow;
  if (actor.role !== 'officer' || policy === 'stationAdmin') return forbid;

  const kinds = STAFF_KINDS_FOR[policy];
  if (!kinds) return allow; // stationStaff
  return actor.officerKinds.some((kind) => kinds.includes(kind)) ? allow : forbid;
}
