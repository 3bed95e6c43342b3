/**
 * Officers as their station manages them: the record an invite creates, what an officer may edit
 * about themselves, and the hand-over rule — an officer who is deactivated or moved leaves no
 * open thread, case, duty or community behind; all of it goes to one colleague the admin picks in
 * the same step.
 */
import type { OfficerKind } from '../roles';

export interface OfficerFacts {
  id: string;
  stationId: string;
  kinds: readonly OfficerKind[];
  communityIds: readonly string[];
  /** Absent means active (records from before deactivation existed). */
  active?: boolean;
}

export const isActiveOfficer = (officer: Pick<OfficerFacts, 'active'>): boolean => officer.active !== false;

/** "赵文龙" → "赵警官": how residents address an officer when the officer has not said otherwise. */
export function defaultTitle(name: string): string {
  const surname = Array.from(name.trim())[0] ?? '';
  return surname ? `${surname}警官` : '民警';
}

/** A mainland mobile or a landline with area code, as printed on a 警民联系牌. */
export const WORK_PHONE_RE = /^(1[3-9]\d{9}|0\d{2,3}[- ]?\d{3,4} ?\d{4}(-\d{1,6})?)$/;

export type HandoverRefusal = { code: 'NOT_FOUND' | 'CONFLICT'; message: string };

/**
 * Whether `successor` may take over `leaving`'s work: an active colleague of the same station,
 * not the leaving officer. Undefined when it may.
 */
export function handoverRefusal(leaving: OfficerFacts | undefined, successor: OfficerFacts | undefined, stationId: string): HandoverRefusal | undefined {
  if (!leaving || leaving.stationId !== stationId) return { code: 'NOT_FOUND', message: '本所没有这名民警' };
  if (!isActiveOfficer(leaving)) return { code: 'CONFLICT', message: '这名民警已经停用了' };
  if (!successor || successor.stationId !== stationId) return { code: 'NOT_FOUND', message: '请选择本所的一名民警接手工作' };
  if (successor.id === leaving.id) return { code: 'CONFLICT', message: '接手的民警不能是本人，请另选一名同事' };
  if (!isActiveOfficer(successor)) return { code: 'CONFLICT', message: '接手的民警已经停用，请另选一名同事' };
  return undefined;
}

/** The successor's communities and kinds after taking over: a beat officer's communities need a beat officer. */
export function successorAfterHandover(leaving: OfficerFacts, successor: OfficerFacts): { communityIds: string[]; kinds: OfficerKind[] } {
  const communityIds = [...new Set([...successor.communityIds, ...leaving.communityIds])];
  const kinds = leaving.communityIds.length > 0 && !successor.kinds.includes('beat') ? [...successor.kinds, 'beat' as const] : [...successor.kinds];
  return { communityIds, kinds };
}

export interface CommunityCoverage {
  id: string;
  name: string;
  stationId: string;
}

/** Communities of a station no active beat officer is responsible for: shown to the admin as gaps. */
export function communitiesWithoutBeatOfficer<C extends CommunityCoverage>(communities: readonly C[], officers: readonly OfficerFacts[]): C[] {
  const covered = new Set<string>();
  for (const officer of officers) if (isActiveOfficer(officer) && officer.kinds.includes('beat')) for (const id of officer.communityIds) covered.add(id);
  return communities.filter((community) => !covered.has(community.id));
}
