import type { OfficerAdminView, ShiftView } from '@domain/actions/station';
import { ActionError } from '@domain/errors';
import { isActiveOfficer, SHIFT_KIND_LABELS, type ShiftKind } from '@domain/station';
import { COLLECTIONS, type CommunityRecord, type DutyLeaveRecord, type DutyShiftRecord, type OfficerRecord, type PostRecord, type StationRecord } from '@platform/cloud/collections';
import { bumpDirectoryVersion } from '@platform/cloud/directory-records';
import { findById, findMany } from '@platform/cloud/documents';
import { database } from '@platform/cloud/wx';

/** Every change a station's people make is recorded: who changed what, when. */
export async function audit(type: string, by: string, stationId: string, now: Date, details: Record<string, unknown> = {}): Promise<void> {
  await database().collection(COLLECTIONS.auditLog).add({ data: { type, by, stationId, at: now, ...details } });
}

/** The roster, officers and communities feed routing: a change reaches the next question at once. */
export const directoryChanged = (now: Date) => bumpDirectoryVersion(now);

export async function stationOf(stationId: string): Promise<StationRecord> {
  const station = await findById<StationRecord>(COLLECTIONS.stations, stationId);
  if (!station) throw new ActionError('NOT_FOUND', '没有找到这个派出所');
  return station;
}

export async function officerOf(stationId: string, officerId: string): Promise<OfficerRecord> {
  const officer = await findById<OfficerRecord>(COLLECTIONS.officers, officerId);
  if (!officer || officer.stationId !== stationId) throw new ActionError('NOT_FOUND', '本所没有这名民警');
  return officer;
}

export async function activeOfficerOf(stationId: string, officerId: string): Promise<OfficerRecord> {
  const officer = await officerOf(stationId, officerId);
  if (!isActiveOfficer(officer)) throw new ActionError('CONFLICT', `${officer.title}已经停用，不能再安排工作`);
  return officer;
}

export const stationOfficers = (stationId: string) =>
  findMany<OfficerRecord>(database().collection(COLLECTIONS.officers).where({ stationId }).orderBy('_id', 'asc').limit(500));

export const stationPosts = (stationId: string) => findMany<PostRecord>(database().collection(COLLECTIONS.posts).where({ stationId }).orderBy('_id', 'asc').limit(200));

export const stationCommunities = (stationId: string) =>
  findMany<CommunityRecord>(database().collection(COLLECTIONS.communities).where({ stationId }).orderBy('_id', 'asc').limit(500));

/** Shifts of a station overlapping [from, to). */
export function stationShifts(stationId: string, from: Date, to: Date): Promise<DutyShiftRecord[]> {
  const _ = database().command;
  // Shifts are at most a day long: starting up to a day before `from` is enough to catch an overlap.
  return findMany<DutyShiftRecord>(
    database()
      .collection(COLLECTIONS.dutyShifts)
      .where({ stationId, start: _.gte(new Date(from.getTime() - 86_400_000)).and(_.lt(to)) })
      .orderBy('start', 'asc').orderBy('_id', 'asc')
      .limit(1000),
  ).then((shifts) => shifts.filter((shift) => shift.end.getTime() > from.getTime()));
}

export function stationLeave(stationId: string, from: Date, to: Date): Promise<DutyLeaveRecord[]> {
  const _ = database().command;
  return findMany<DutyLeaveRecord>(
    database().collection(COLLECTIONS.dutyLeave).where({ stationId, to: _.gt(from) }).orderBy('to', 'asc').orderBy('_id', 'asc').limit(1000),
  ).then((leave) => leave.filter((entry) => entry.from.getTime() < to.getTime()));
}

/** Shifts from before shift kinds existed: a night shift is 值班, a day shift 社区. */
export const shiftKindOf = (shift: Pick<DutyShiftRecord, 'shiftKind' | 'kind'>): ShiftKind => shift.shiftKind ?? (shift.kind === 'night' ? 'duty' : 'community');

const beijing = (at: Date) => new Date(at.getTime() + 8 * 3_600_000).toISOString();

export function shiftView(shift: DutyShiftRecord, officerTitle: string, leave: readonly DutyLeaveRecord[]): ShiftView {
  const start = beijing(shift.start);
  const end = beijing(shift.end);
  const nextDay = end.slice(0, 10) !== start.slice(0, 10) && end.slice(11, 16) !== '00:00';
  return {
    id: shift._id,
    officerId: shift.officerId,
    officerTitle,
    kind: shiftKindOf(shift),
    day: start.slice(0, 10),
    start: start.slice(11, 16),
    end: end.slice(11, 16),
    label: `${SHIFT_KIND_LABELS[shiftKindOf(shift)]} ${start.slice(11, 16)}–${nextDay ? '次日' : ''}${end.slice(11, 16) === '00:00' ? '24:00' : end.slice(11, 16)}`,
    onLeave: leave.some((entry) => entry.officerId === shift.officerId && entry.from < shift.end && shift.start < entry.to),
  };
}

export function officerAdminView(
  officer: OfficerRecord,
  posts: ReadonlyMap<string, PostRecord>,
  communities: ReadonlyMap<string, CommunityRecord>,
  onDutyNow: boolean,
  photoUrl?: string,
): OfficerAdminView {
  const post = officer.postId ? posts.get(officer.postId) : undefined;
  return {
    id: officer._id,
    name: officer.name,
    title: officer.title,
    ...(officer.phone ? { phone: officer.phone } : {}),
    ...(photoUrl ? { photoUrl } : {}),
    hasPhoto: officer.photoFileId !== undefined,
    kinds: [...officer.kinds],
    ...(post ? { postId: post._id, postName: post.name } : {}),
    communityIds: [...officer.communityIds],
    communityNames: officer.communityIds.map((id) => communities.get(id)?.name ?? id),
    active: isActiveOfficer(officer),
    hasAccount: officer.userId !== undefined,
    onDutyNow,
  };
}

export const byId = <T extends { _id: string }>(docs: readonly T[]) => new Map(docs.map((doc) => [doc._id, doc]));
