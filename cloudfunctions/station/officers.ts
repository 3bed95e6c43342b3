import type { stationActions } from '@domain/actions/station';
import { ActionError } from '@domain/errors';
import { handoverRefusal, isActiveOfficer, onDutyAt, successorAfterHandover } from '@domain/station';
import { COLLECTIONS, type OfficerAlertCreditsRecord, type MediationCaseRecord, type ConsultMessageRecord, type ConsultThreadRecord, type DutyShiftRecord, type OfficerRecord, type UserRecord } from '@platform/cloud/collections';
import { requireUser, type Handlers } from '@platform/cloud/create-function';
import { findMany } from '@platform/cloud/documents';
import { assertTextIsSafe } from '@platform/cloud/content-security';
import { inTransaction, readInTransaction } from '@platform/cloud/transaction';
import { database } from '@platform/cloud/wx';
import { openCasesOf, openThreadsOf, upcomingShiftsOf } from '@platform/cloud/officer-work';
import { assertOwnUploads, officerPhotoUrls } from '@platform/cloud/media';
import { deleteDetachedPhotos, detachOfficerPhoto } from '@platform/cloud/officer-photos';
import { alertCreditsLeft, armedCredits } from '@platform/cloud/alert-credits';
import { signalChange } from '../consult/threads';
import {
  activeOfficerOf,
  audit,
  byId,
  directoryChanged,
  officerAdminView,
  officerOf,
  shiftKindOf,
  stationCommunities,
  stationLeave,
  stationOf,
  stationOfficers,
  stationPosts,
  stationShifts,
} from './shared';

type OfficerHandlers = Pick<Handlers<typeof stationActions>, 'listOfficers' | 'myOfficerProfile' | 'updateMyOfficerProfile' | 'setMyOfficerPhoto' | 'removeOfficerPhoto' | 'armAlerts' | 'assignOfficer' | 'deactivateOfficer'>;


async function onDutyIds(stationId: string, now: Date): Promise<Set<string>> {
  const [shifts, leave] = await Promise.all([stationShifts(stationId, now, new Date(now.getTime() + 1)), stationLeave(stationId, now, new Date(now.getTime() + 1))]);
  const on = onDutyAt(
    shifts.map((shift) => ({ id: shift._id, officerId: shift.officerId, kind: shiftKindOf(shift), start: shift.start, end: shift.end })),
    leave.map((entry) => ({ id: entry._id, officerId: entry.officerId, from: entry.from, to: entry.to })),
    now,
  );
  return new Set(on.map((shift) => shift.officerId));
}

async function viewsOf(stationId: string, officers: OfficerRecord[], now: Date) {
  const [posts, communities, onDuty, photos] = await Promise.all([
    stationPosts(stationId),
    stationCommunities(stationId),
    onDutyIds(stationId, now),
    officerPhotoUrls(officers.map((officer) => officer.photoFileId)),
  ]);
  const postMap = byId(posts);
  const communityMap = byId(communities);
  return officers.map((officer) => officerAdminView(officer, postMap, communityMap, isActiveOfficer(officer) && onDuty.has(officer._id), photos.get(officer.photoFileId ?? '')));
}

async function ownOfficerRecord(userId: string): Promise<OfficerRecord | undefined> {
  const [officer] = await findMany<OfficerRecord>(database().collection(COLLECTIONS.officers).where({ userId }).orderBy('_id', 'asc').limit(10));
  return officer && isActiveOfficer(officer) ? officer : undefined;
}

/**
 * Puts `photoFileId` (or none) on the officer's record and retires the photo it replaces: its
 * upload is marked detached in the same transaction, then its file deleted. Returns the replaced
 * photo's file id, if there was one.
 */
async function replacePhoto(officerId: string, photoFileId: string | undefined, now: Date): Promise<string | undefined> {
  const _ = database().command;
  const previous = await inTransaction(async (transaction) => {
    const current = await readInTransaction<OfficerRecord>(transaction, COLLECTIONS.officers, officerId);
    if (!current) throw new ActionError('NOT_FOUND', '没有找到这位民警');
    await transaction.collection(COLLECTIONS.officers).doc(officerId).update({ data: { photoFileId: photoFileId ?? _.remove(), updatedAt: now } });
    const replaced = current.photoFileId && current.photoFileId !== photoFileId ? current.photoFileId : undefined;
    if (replaced) await detachOfficerPhoto(transaction, replaced, now);
    return replaced;
  });
  if (previous) await deleteDetachedPhotos([previous]);
  return previous;
}

export const officerHandlers: OfficerHandlers = {
  async listOfficers({ stationId, includeInactive }, context) {
    const officers = (await stationOfficers(stationId)).filter((officer) => includeInactive || isActiveOfficer(officer));
    return viewsOf(stationId, officers, context.now);
  },

  async myOfficerProfile(_input, context) {
    const { user } = requireUser(context);
    const officer = await ownOfficerRecord(user._id);
    if (!officer) return null;
    return { ...(await viewsOf(officer.stationId, [officer], context.now))[0]!, alertCredits: await alertCreditsLeft(user._id) };
  },

  async armAlerts({ accepted }, context) {
    const { user } = requireUser(context);
    if (!(await ownOfficerRecord(user._id))) throw new ActionError('NOT_FOUND', '您还没有登记民警身份');
    const remaining = await inTransaction(async (transaction) => {
      const current = await readInTransaction<OfficerAlertCreditsRecord>(transaction, COLLECTIONS.officerAlertCredits, user._id);
      // Net of the messages spent by questions opened since the last arming (platform/cloud/alert-credits.ts).
      const next = await armedCredits(user._id, current, accepted, context.now);
      await transaction.collection(COLLECTIONS.officerAlertCredits).doc(user._id).set({ data: next });
      return next.remaining;
    });
    return { alertCredits: remaining };
  },

  async setMyOfficerPhoto({ photoFileId }, context) {
    const { user } = requireUser(context);
    const officer = await ownOfficerRecord(user._id);
    if (!officer) throw new ActionError('NOT_FOUND', '您还没有登记民警身份');
    // Only a photo the officer uploaded for this, through the media function (type sniffed, sent to WeChat's check).
    if (photoFileId) await assertOwnUploads(user._id, 'officerPhoto', [photoFileId], context.now);
    const previous = await replacePhoto(officer._id, photoFileId ?? undefined, context.now);
    await audit('officer.photo-updated', user._id, officer.stationId, context.now, { officerId: officer._id, photo: photoFileId ? 'set' : 'removed', previousDeleted: previous !== undefined });
    await directoryChanged(context.now);
    const { photoFileId: _previous, ...rest } = officer;
    return (await viewsOf(officer.stationId, [{ ...rest, ...(photoFileId ? { photoFileId } : {}) }], context.now))[0]!;
  },

  async removeOfficerPhoto({ stationId, officerId }, context) {
    const { user } = requireUser(context);
    const officer = await officerOf(stationId, officerId);
    const previous = await replacePhoto(officer._id, undefined, context.now);
    if (previous === undefined) throw new ActionError('NOT_FOUND', '这位民警没有照片');
    await audit('officer.photo-removed', user._id, stationId, context.now, { officerId });
    await directoryChanged(context.now);
    const { photoFileId: _previous, ...rest } = officer;
    return (await viewsOf(stationId, [rest], context.now))[0]!;
  },

  async updateMyOfficerProfile({ title, phone }, context) {
    const { user, openid } = requireUser(context);
    const officer = await ownOfficerRecord(user._id);
    if (!officer) throw new ActionError('NOT_FOUND', '您还没有登记民警身份');
    // Residents read the title on the contact card and in every answer.
    await assertTextIsSafe(openid, title, 1);
    await database().collection(COLLECTIONS.officers).doc(officer._id).update({ data: { title, phone, updatedAt: context.now } });
    await audit('officer.profile-updated', user._id, officer.stationId, context.now, { officerId: officer._id, title, phone });
    await directoryChanged(context.now);
    return (await viewsOf(officer.stationId, [{ ...officer, title, phone }], context.now))[0]!;
  },

  async assignOfficer({ stationId, officerId, postId, communityIds, kinds }, context) {
    const { user } = requireUser(context);
    const officer = await activeOfficerOf(stationId, officerId);
    const [posts, communities] = await Promise.all([stationPosts(stationId), stationCommunities(stationId)]);
    if (postId && !posts.some((post) => post._id === postId)) throw new ActionError('NOT_FOUND', '本所没有这个警务区', { postId: '本所没有这个警务区' });
    const known = new Set(communities.map((community) => community._id));
    const unknown = communityIds.find((id) => !known.has(id));
    if (unknown) throw new ActionError('NOT_FOUND', '本所没有这个社区', { communityIds: '本所没有这个社区' });
    if (communityIds.length > 0 && !kinds.includes('beat')) throw new ActionError('INVALID_INPUT', '负责社区的民警要有“社区民警”警种', { kinds: '请勾选社区民警' });
    const _ = database().command;
    const patch = { postId: postId ?? _.remove(), communityIds: [...new Set(communityIds)], kinds: [...new Set(kinds)], updatedAt: context.now };
    await inTransaction(async (transaction) => {
      await transaction.collection(COLLECTIONS.officers).doc(officerId).update({ data: patch });
      // The account's kinds decide what the officer may do (policy); they follow the record.
      if (officer.userId) await transaction.collection(COLLECTIONS.users).doc(officer.userId).update({ data: { officerKinds: [...new Set(kinds)], updatedAt: context.now } });
    });
    await audit('officer.assigned', user._id, stationId, context.now, { officerId, postId: postId ?? null, communityIds, kinds });
    await directoryChanged(context.now);
    const { postId: _old, ...rest } = officer;
    return (await viewsOf(stationId, [{ ...rest, ...(postId ? { postId } : {}), communityIds: [...new Set(communityIds)], kinds: [...new Set(kinds)] }], context.now))[0]!;
  },

  /**
   * Hands every open thread, open mediation case, upcoming shift and community of the officer to the successor and
   * deactivates (or moves) the officer — in one transaction, so there is no moment in which work
   * sits with an inactive officer. A thread routed to the officer while this ran (the directory
   * cache of another instance) is swept up afterwards.
   */
  async deactivateOfficer({ stationId, officerId, successorId, moveToStationId }, context) {
    const { user } = requireUser(context);
    const { now } = context;
    if (moveToStationId === stationId) throw new ActionError('INVALID_INPUT', '调往的派出所就是本所', { moveToStationId: '请选择另一个派出所' });
    const target = moveToStationId ? await stationOf(moveToStationId) : undefined;
    const [leaving, successor] = await Promise.all([officerOf(stationId, officerId), officerOf(stationId, successorId).catch(() => undefined)]);
    const refusal = handoverRefusal(
      { id: leaving._id, stationId: leaving.stationId, kinds: leaving.kinds, communityIds: leaving.communityIds, active: leaving.active },
      successor && { id: successor._id, stationId: successor.stationId, kinds: successor.kinds, communityIds: successor.communityIds, active: successor.active },
      stationId,
    );
    if (refusal) throw new ActionError(refusal.code, refusal.message, { successorId: refusal.message });
    const heir = successor!;
    const takeover = successorAfterHandover(
      { id: leaving._id, stationId, kinds: leaving.kinds, communityIds: leaving.communityIds },
      { id: heir._id, stationId, kinds: heir.kinds, communityIds: heir.communityIds },
    );
    const note = `${leaving.title}${target ? '调往' + target.name : '不再负责'}，这个问题已交给 ${heir.title} 继续办理`;
    const _ = database().command;

    const swap = (ids: readonly string[]) => [...new Set(ids.map((id) => (id === officerId ? heir._id : id)))];

    async function handOver(threads: ConsultThreadRecord[], shifts: DutyShiftRecord[], cases: MediationCaseRecord[], deactivate: boolean) {
      return inTransaction(async (transaction) => {
        let movedThreads = 0;
        for (const thread of threads) {
          const current = await readInTransaction<ConsultThreadRecord>(transaction, COLLECTIONS.consultThreads, thread._id);
          if (!current || !current.open || current.assigneeKey !== `officer:${officerId}`) continue;
          await transaction.collection(COLLECTIONS.consultThreads).doc(thread._id).update({
            data: {
              assignee: { type: 'officer', officerId: heir._id },
              assigneeKey: `officer:${heir._id}`,
              assignedOfficerId: heir._id,
              assigneeLabel: heir.title,
              claimed: true,
              reason: note,
              lastMessage: { text: note, from: 'system', at: now },
              unreadForResident: current.unreadForResident + 1,
              updatedAt: now,
            },
          });
          const message: Omit<ConsultMessageRecord, '_id'> = { threadId: thread._id, from: 'system', authorLabel: '系统', text: note, textMasked: note, hasPersonalNumbers: false, photoFileIds: [], createdAt: now };
          await transaction.collection(COLLECTIONS.consultMessages).doc(`${thread._id}-h${now.getTime().toString(36)}`).set({ data: message });
          movedThreads += 1;
        }
        let movedCases = 0;
        for (const mediation of cases) {
          const current = await readInTransaction<MediationCaseRecord>(transaction, COLLECTIONS.mediationCases, mediation._id);
          if (!current || !current.open || !current.officerIds.includes(officerId)) continue;
          const owner = current.ownerOfficerId === officerId ? heir._id : current.ownerOfficerId;
          await transaction.collection(COLLECTIONS.mediationCases).doc(mediation._id).update({
            data: {
              ownerOfficerId: owner,
              // The successor may already co-mediate; the owner is never their own co-mediator.
              coMediatorOfficerIds: swap(current.coMediatorOfficerIds).filter((id) => id !== owner),
              officerIds: swap(current.officerIds),
              version: current.version + 1,
              updatedAt: now,
            },
          });
          movedCases += 1;
        }
        for (const shift of shifts) {
          await transaction.collection(COLLECTIONS.dutyShifts).doc(shift._id).update({ data: { officerId: heir._id, handedOverFrom: officerId } });
        }
        if (deactivate) {
          await transaction.collection(COLLECTIONS.officers).doc(heir._id).update({ data: { communityIds: takeover.communityIds, kinds: takeover.kinds, updatedAt: now } });
          if (heir.userId) await transaction.collection(COLLECTIONS.users).doc(heir.userId).update({ data: { officerKinds: takeover.kinds, updatedAt: now } });
          // A deactivated officer's photo is on no card any more: it goes (a moved officer keeps theirs).
          const leavingPatch = target
            ? { stationId: target._id, movedFrom: stationId, postId: _.remove(), communityIds: [], updatedAt: now }
            : { active: false, deactivatedAt: now, communityIds: [], photoFileId: _.remove(), updatedAt: now };
          await transaction.collection(COLLECTIONS.officers).doc(officerId).update({ data: leavingPatch });
          if (!target && leaving.photoFileId) await detachOfficerPhoto(transaction, leaving.photoFileId, now);
          if (leaving.userId) {
            const account = await readInTransaction<UserRecord>(transaction, COLLECTIONS.users, leaving.userId);
            if (account && account.stationId === stationId) {
              const accountPatch = target
                ? { stationId: target._id, districtId: target.districtId, updatedAt: now }
                : { role: 'resident', officerKinds: [], stationId: _.remove(), districtId: _.remove(), updatedAt: now };
              await transaction.collection(COLLECTIONS.users).doc(leaving.userId).update({ data: accountPatch });
            }
          }
        }
        return { threads: movedThreads, cases: movedCases };
      });
    }

    const [threads, shifts, cases] = await Promise.all([openThreadsOf(officerId), upcomingShiftsOf(officerId, now), openCasesOf(officerId)]);
    // Only this station's shifts move: after a move the officer's new station plans their time.
    const ownShifts = shifts.filter((shift) => shift.stationId === stationId);
    const moved = await handOver(threads, ownShifts, cases, true);
    const photoDeleted = !target && leaving.photoFileId ? (await deleteDetachedPhotos([leaving.photoFileId])) > 0 : false;
    await directoryChanged(now);
    // Sweep: anything that reached the officer while the hand-over ran goes the same way.
    const [late, lateCases] = await Promise.all([openThreadsOf(officerId), openCasesOf(officerId)]);
    if (late.length > 0 || lateCases.length > 0) {
      const swept = await handOver(late, [], lateCases, false);
      moved.threads += swept.threads;
      moved.cases += swept.cases;
    }
    await Promise.all([...threads, ...late].map((thread) => signalChange(thread._id, now)));
    await audit(target ? 'officer.moved' : 'officer.deactivated', user._id, stationId, now, {
      officerId,
      successorId: heir._id,
      ...(target ? { toStationId: target._id } : {}),
      threads: moved.threads,
      cases: moved.cases,
      shifts: ownShifts.length,
      communities: leaving.communityIds.length,
      ...(!target && leaving.photoFileId ? { photo: photoDeleted ? 'deleted' : 'detached' } : {}),
    });
    return {
      officerId,
      successorId: heir._id,
      successorTitle: heir.title,
      threads: moved.threads,
      cases: moved.cases,
      shifts: ownShifts.length,
      communities: leaving.communityIds.length,
      outcome: target ? 'moved' : 'deactivated',
    };
  },
};
