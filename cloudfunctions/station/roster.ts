import type { RosterGapView, stationActions } from '@domain/actions/station';
import { shanghaiDay } from '@domain/booking';
import { ActionError } from '@domain/errors';
import {
  addDays,
  beijingInstant,
  checkShiftTimes,
  communitiesWithoutBeatOfficer,
  hallOpenings,
  isActiveOfficer,
  onDutyAt,
  repeatShifts,
  rosterGaps,
  shiftSpan,
  weekDays,
  weekStartOf,
  type RosterLeave,
  type RosterShift,
} from '@domain/station';
import { COLLECTIONS, type DutyLeaveRecord, type DutyShiftRecord, type HallConfigRecord } from '@platform/cloud/collections';
import { requireUser, type Handlers } from '@platform/cloud/create-function';
import { findById } from '@platform/cloud/documents';
import { inTransaction, readInTransaction } from '@platform/cloud/transaction';
import { database } from '@platform/cloud/wx';
import {
  activeOfficerOf,
  audit,
  byId,
  directoryChanged,
  shiftKindOf,
  shiftView,
  stationCommunities,
  stationLeave,
  stationOf,
  stationOfficers,
  stationPosts,
  stationShifts,
} from './shared';

type RosterHandlers = Pick<Handlers<typeof stationActions>, 'stationOverview' | 'rosterWeek' | 'addShift' | 'removeShift' | 'swapShifts' | 'repeatWeek' | 'addLeave' | 'removeLeave'>;

const DAY_MS = 86_400_000;
const GAP_DAYS = 7;

const rosterShift = (shift: DutyShiftRecord): RosterShift => ({ id: shift._id, officerId: shift.officerId, kind: shiftKindOf(shift), start: shift.start, end: shift.end });
const rosterLeave = (entry: DutyLeaveRecord): RosterLeave => ({ id: entry._id, officerId: entry.officerId, from: entry.from, to: entry.to });

const newId = (prefix: string, now: Date) => `${prefix}-${now.getTime().toString(36)}${Math.random().toString(36).slice(2, 8)}`;

async function shiftOf(stationId: string, shiftId: string): Promise<DutyShiftRecord> {
  const shift = await findById<DutyShiftRecord>(COLLECTIONS.dutyShifts, shiftId);
  if (!shift || shift.stationId !== stationId) throw new ActionError('NOT_FOUND', '没有找到这个班次，请刷新后再试');
  return shift;
}

/** The roster gaps of the next 7 days plus communities without a beat officer: the admin's warnings. */
export async function stationGaps(stationId: string, now: Date): Promise<RosterGapView[]> {
  const until = new Date(now.getTime() + GAP_DAYS * DAY_MS);
  const [officers, communities, shifts, leave, hall] = await Promise.all([
    stationOfficers(stationId),
    stationCommunities(stationId),
    stationShifts(stationId, now, until),
    stationLeave(stationId, now, until),
    findById<HallConfigRecord>(COLLECTIONS.hallConfigs, stationId),
  ]);
  const active = new Set(officers.filter(isActiveOfficer).map((officer) => officer._id));
  const uncovered = communitiesWithoutBeatOfficer(
    communities.map((community) => ({ id: community._id, name: community.name, stationId })),
    officers.map((officer) => ({ id: officer._id, stationId: officer.stationId, kinds: officer.kinds, communityIds: officer.communityIds, active: officer.active })),
  );
  const config = hall ? { ...hall, stationId } : undefined;
  const gaps = rosterGaps({
    shifts: shifts.filter((shift) => active.has(shift.officerId)).map(rosterShift),
    leave: leave.map(rosterLeave),
    from: now,
    days: GAP_DAYS,
    hallOpenings: (day) => hallOpenings(config, day),
  });
  return [
    ...uncovered.map((community): RosterGapView => ({ kind: 'community', text: `${community.name} 没有社区民警：居民的提问会转给警务区同事或值班室` })),
    ...gaps.map((gap): RosterGapView => ({ kind: gap.kind, text: gap.text, day: gap.day })),
  ];
}

export const rosterHandlers: RosterHandlers = {
  async stationOverview({ stationId }, context) {
    const { now } = context;
    const [station, officers, posts, communities, shifts, leave, gaps] = await Promise.all([
      stationOf(stationId),
      stationOfficers(stationId),
      stationPosts(stationId),
      stationCommunities(stationId),
      stationShifts(stationId, now, new Date(now.getTime() + 1)),
      stationLeave(stationId, now, new Date(now.getTime() + 1)),
      stationGaps(stationId, now),
    ]);
    const officerMap = byId(officers);
    const postMap = byId(posts);
    const on = onDutyAt(shifts.map(rosterShift), leave.map(rosterLeave), now).filter((shift) => isActiveOfficer(officerMap.get(shift.officerId) ?? {}));
    return {
      stationId,
      stationName: station.name,
      onDutyNow: on.map((shift) => ({
        officerId: shift.officerId,
        title: officerMap.get(shift.officerId)?.title ?? '',
        kind: shift.kind,
        until: new Date(shift.end.getTime() + 8 * 3_600_000).toISOString().slice(11, 16),
      })),
      gaps,
      posts: posts.map((post) => ({ id: post._id, name: post.name, phone: post.phone })),
      communities: communities.map((community) => ({
        id: community._id,
        name: community.name,
        aliases: [...(community.address?.aliases ?? [])],
        postId: community.postId,
        postName: postMap.get(community.postId)?.name ?? '',
        beatOfficers: officers.filter((officer) => isActiveOfficer(officer) && officer.kinds.includes('beat') && officer.communityIds.includes(community._id)).map((officer) => officer.title),
        hasBoundary: (community.boundary?.outer?.length ?? 0) >= 3,
        boundary: [...(community.boundary?.outer ?? [])],
      })),
    };
  },

  async rosterWeek({ stationId, weekStart }, context) {
    const start = weekStartOf(weekStart ?? shanghaiDay(context.now));
    const from = beijingInstant(start, '00:00');
    const to = new Date(from.getTime() + 7 * DAY_MS);
    const [officers, shifts, leave] = await Promise.all([stationOfficers(stationId), stationShifts(stationId, from, to), stationLeave(stationId, from, to)]);
    const titles = new Map(officers.map((officer) => [officer._id, officer.title]));
    const beijingDay = (at: Date) => shanghaiDay(at);
    return {
      stationId,
      weekStart: start,
      days: weekDays(start),
      // A night shift that began the Sunday before shows on that Sunday, not in this week.
      shifts: shifts.filter((shift) => shift.start >= from).map((shift) => shiftView(shift, titles.get(shift.officerId) ?? '', leave)),
      leave: leave.map((entry) => ({
        id: entry._id,
        officerId: entry.officerId,
        officerTitle: titles.get(entry.officerId) ?? '',
        fromDay: beijingDay(entry.from),
        toDay: beijingDay(new Date(entry.to.getTime() - 1)),
        reason: entry.reason ?? '',
      })),
      officers: officers.filter(isActiveOfficer).map((officer) => ({ id: officer._id, title: officer.title, kinds: [...officer.kinds] })),
    };
  },

  async addShift({ stationId, officerId, kind, day, start, end }, context) {
    const { user } = requireUser(context);
    const problems = checkShiftTimes(day, start, end);
    if (problems.length) throw new ActionError('INVALID_INPUT', problems[0], { day: problems[0]! });
    const officer = await activeOfficerOf(stationId, officerId);
    const span = shiftSpan(day, start, end);
    const overlapping = (await stationShifts(stationId, span.start, span.end)).find((shift) => shift.officerId === officerId && shift.start < span.end && span.start < shift.end);
    if (overlapping) throw new ActionError('CONFLICT', `${officer.title}这段时间已经有班了`);
    const shift: DutyShiftRecord = {
      _id: newId('shift', context.now),
      officerId,
      stationId,
      kind: Number(start.slice(0, 2)) >= 18 || span.end.getTime() - span.start.getTime() > 12 * 3_600_000 ? 'night' : 'day',
      shiftKind: kind,
      start: span.start,
      end: span.end,
      createdBy: user._id,
    };
    const { _id, ...data } = shift;
    await database().collection(COLLECTIONS.dutyShifts).doc(_id).set({ data });
    await audit('roster.shift-added', user._id, stationId, context.now, { shiftId: _id, officerId, kind, day, start, end });
    await directoryChanged(context.now);
    const leave = await stationLeave(stationId, span.start, span.end);
    return shiftView(shift, officer.title, leave);
  },

  async removeShift({ stationId, shiftId }, context) {
    const { user } = requireUser(context);
    const shift = await shiftOf(stationId, shiftId);
    await database().collection(COLLECTIONS.dutyShifts).doc(shiftId).remove();
    await audit('roster.shift-removed', user._id, stationId, context.now, { shiftId, officerId: shift.officerId, start: shift.start });
    await directoryChanged(context.now);
    return { removed: true };
  },

  async swapShifts({ stationId, shiftId, otherShiftId }, context) {
    const { user } = requireUser(context);
    if (shiftId === otherShiftId) throw new ActionError('INVALID_INPUT', '请选择另一名民警的班次');
    const [a, b] = await Promise.all([shiftOf(stationId, shiftId), shiftOf(stationId, otherShiftId)]);
    if (a.officerId === b.officerId) throw new ActionError('INVALID_INPUT', '这两个班是同一名民警的，不需要换');
    const [officerA, officerB] = await Promise.all([activeOfficerOf(stationId, a.officerId), activeOfficerOf(stationId, b.officerId)]);
    await inTransaction(async (transaction) => {
      const [freshA, freshB] = await Promise.all([
        readInTransaction<DutyShiftRecord>(transaction, COLLECTIONS.dutyShifts, shiftId),
        readInTransaction<DutyShiftRecord>(transaction, COLLECTIONS.dutyShifts, otherShiftId),
      ]);
      if (freshA?.officerId !== a.officerId || freshB?.officerId !== b.officerId) throw new ActionError('CONFLICT');
      await transaction.collection(COLLECTIONS.dutyShifts).doc(shiftId).update({ data: { officerId: b.officerId } });
      await transaction.collection(COLLECTIONS.dutyShifts).doc(otherShiftId).update({ data: { officerId: a.officerId } });
    });
    await audit('roster.shifts-swapped', user._id, stationId, context.now, { shiftId, otherShiftId, officers: [a.officerId, b.officerId] });
    await directoryChanged(context.now);
    const leave = await stationLeave(stationId, new Date(Math.min(a.start.getTime(), b.start.getTime())), new Date(Math.max(a.end.getTime(), b.end.getTime())));
    return [shiftView({ ...a, officerId: b.officerId }, officerB.title, leave), shiftView({ ...b, officerId: a.officerId }, officerA.title, leave)];
  },

  async repeatWeek({ stationId, weekStart }, context) {
    const { user } = requireUser(context);
    const start = weekStartOf(weekStart);
    const from = beijingInstant(start, '00:00');
    const to = new Date(from.getTime() + 7 * DAY_MS);
    const [officers, thisWeek, nextWeek] = await Promise.all([stationOfficers(stationId), stationShifts(stationId, from, to), stationShifts(stationId, to, new Date(to.getTime() + 7 * DAY_MS))]);
    const active = new Set(officers.filter(isActiveOfficer).map((officer) => officer._id));
    const copies = repeatShifts(thisWeek.filter((shift) => shift.start >= from && active.has(shift.officerId)).map(rosterShift), nextWeek.map(rosterShift));
    await inTransaction(async (transaction) => {
      for (const [index, copy] of copies.entries()) {
        const id = `${newId('shift', context.now)}${index}`;
        await transaction.collection(COLLECTIONS.dutyShifts).doc(id).set({
          data: { officerId: copy.officerId, stationId, kind: copy.kind === 'duty' ? 'night' : 'day', shiftKind: copy.kind, start: copy.start, end: copy.end, createdBy: user._id },
        });
      }
    });
    await audit('roster.week-repeated', user._id, stationId, context.now, { weekStart: start, added: copies.length });
    await directoryChanged(context.now);
    return { added: copies.length, weekStart: addDays(start, 7) };
  },

  async addLeave({ stationId, officerId, fromDay, toDay, reason }, context) {
    const { user } = requireUser(context);
    if (toDay < fromDay) throw new ActionError('INVALID_INPUT', '结束日期不能早于开始日期', { toDay: '结束日期不能早于开始日期' });
    const officer = await activeOfficerOf(stationId, officerId);
    const entry: DutyLeaveRecord = {
      _id: newId('leave', context.now),
      officerId,
      stationId,
      from: beijingInstant(fromDay, '00:00'),
      to: beijingInstant(addDays(toDay, 1), '00:00'),
      reason,
      createdBy: user._id,
    };
    const { _id, ...data } = entry;
    await database().collection(COLLECTIONS.dutyLeave).doc(_id).set({ data });
    await audit('roster.leave-added', user._id, stationId, context.now, { leaveId: _id, officerId, fromDay, toDay });
    // Routing reads the roster at once: the next question already skips the officer.
    await directoryChanged(context.now);
    return { id: _id, officerId, officerTitle: officer.title, fromDay, toDay, reason };
  },

  async removeLeave({ stationId, leaveId }, context) {
    const { user } = requireUser(context);
    const entry = await findById<DutyLeaveRecord>(COLLECTIONS.dutyLeave, leaveId);
    if (!entry || entry.stationId !== stationId) throw new ActionError('NOT_FOUND', '没有找到这条请假记录');
    await database().collection(COLLECTIONS.dutyLeave).doc(leaveId).remove();
    await audit('roster.leave-removed', user._id, stationId, context.now, { leaveId, officerId: entry.officerId });
    await directoryChanged(context.now);
    return { removed: true };
  },
};
