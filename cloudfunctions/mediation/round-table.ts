/** The round table: the community's roster of forces, convening a session, the participant pass, the session record. */
import { randomBytes } from 'node:crypto';
import type { mediationActions, PassView, MediationRosterView } from '@domain/actions/mediation';
import { ActionError } from '@domain/errors';
import {
  DEFAULT_SESSION_PLACE,
  MEDIATION_CATEGORY_LABELS,
  MEDIATION_FORCE_LABELS,
  MEDIATION_FORCES,
  MEDIATION_TEMPLATES,
  SESSION_REMINDER_HOURS,
  maskPhone,
  textFor,
} from '@domain/mediation';
import {
  COLLECTIONS,
  type MediationCaseRecord,
  type MediationInvitationRecord,
  type MediationPassRecord,
  type MediationRosterRecord,
  type MediationSessionRecord,
  type UserRecord,
} from '@platform/cloud/collections';
import { assertTextIsSafe } from '@platform/cloud/content-security';
import { requireUser, type Handlers } from '@platform/cloud/create-function';
import { currentDirectory, type Directory } from '@platform/cloud/directory';
import { findById, isoDate } from '@platform/cloud/documents';
import { assertOwnUploads } from '@platform/cloud/media';
import { inTransaction } from '@platform/cloud/transaction';
import { actorOf, audit, caseView, loadCaseAsOfficer, notify, ownerLabel, passPage, reminderDueAt, saveCase, stepCase } from './cases';

type RoundTableHandlers = Pick<Handlers<typeof mediationActions>, 'getRoster' | 'caseRoster' | 'saveRoster' | 'conveneSession' | 'openPass' | 'respondToInvitation' | 'recordSession'>;

const newToken = () => randomBytes(18).toString('base64url');
const shortId = (prefix: string) => `${prefix}${Date.now().toString(36)}${randomBytes(3).toString('hex')}`;

function rosterView(directory: Directory, communityId: string, roster: MediationRosterRecord | undefined): MediationRosterView {
  const members = (roster?.members ?? []).map((member) => ({
    id: member.id,
    force: member.force,
    forceLabel: MEDIATION_FORCE_LABELS[member.force],
    name: member.name,
    ...(member.phone ? { phone: member.phone } : {}),
    ...(member.building ? { building: member.building } : {}),
    ...(member.org ? { org: member.org } : {}),
  }));
  const present = new Set(members.map((member) => member.force));
  return {
    communityId,
    communityName: directory.communities.get(communityId)?.name ?? '',
    members,
    missingForces: MEDIATION_FORCES.filter((force) => force !== 'other' && !present.has(force)),
    ...(roster ? { updatedAt: isoDate(roster.updatedAt) } : {}),
  };
}

/** A roster is kept by the station's admin or the community's own beat officer. */
function assertMayKeepRoster(directory: Directory, user: UserRecord, communityId: string): void {
  if (user.role === 'stationAdmin' || user.role === 'districtAdmin') return;
  const beat = [...directory.officers.values()].some((officer) => officer.userId === user._id && officer.communityIds.includes(communityId));
  if (!beat) throw new ActionError('FORBIDDEN', '名单由所管理员或本社区的社区民警维护');
}

function communityOfStation(directory: Directory, stationId: string, communityId: string) {
  const community = directory.communities.get(communityId);
  if (!community || community.stationId !== stationId) throw new ActionError('NOT_FOUND', '没有找到这个社区');
  return community;
}

const roleLabelOf = (member: MediationRosterRecord['members'][number]) => {
  const force = MEDIATION_FORCE_LABELS[member.force];
  if (member.building) return `${force}（${member.building}）`;
  if (member.org) return `${force}（${member.org}）`;
  return force;
};

/** The pass, its case and its invitation — or NOT_FOUND for a token nobody issued. */
async function loadPass(token: string): Promise<{ pass: MediationPassRecord; record: MediationCaseRecord; session: MediationSessionRecord; invitation: MediationInvitationRecord }> {
  const pass = await findById<MediationPassRecord>(COLLECTIONS.mediationPasses, token);
  const record = pass ? await findById<MediationCaseRecord>(COLLECTIONS.mediationCases, pass.caseId) : undefined;
  const session = record?.sessions.find((candidate) => candidate.id === pass?.sessionId);
  const invitation = session?.invitations.find((candidate) => candidate.id === pass?.invitationId);
  if (!pass || !record || !session || !invitation) throw new ActionError('NOT_FOUND', '没有找到这份邀请，请向民警要一份新的');
  return { pass, record, session, invitation };
}

/** Only this session: where, when, who comes (numbers masked) — nothing of the case file. */
function passView(record: MediationCaseRecord, session: MediationSessionRecord, invitation: MediationInvitationRecord, directory: Directory, viewer: UserRecord): PassView {
  const isParty = invitation.kind === 'party' && record.parties.some((party) => party.id === invitation.partyId && party.userId === viewer._id);
  return {
    caseTitle: textFor(record.title, 'participant'),
    categoryLabel: MEDIATION_CATEGORY_LABELS[record.category],
    communityName: directory.communities.get(record.communityId)?.name ?? '',
    convenedBy: ownerLabel(record, directory),
    at: isoDate(session.at),
    place: session.place,
    ...(session.agenda ? { agenda: textFor(session.agenda, 'participant') } : {}),
    myName: invitation.name,
    myRole: invitation.roleLabel,
    response: invitation.response,
    status: session.status,
    participants: session.invitations.map((other) => ({
      name: other.name,
      roleLabel: other.roleLabel,
      ...(other.phone ? { phone: other.id === invitation.id ? other.phone : maskPhone(other.phone) } : {}),
      response: other.response,
    })),
    ...(isParty ? { caseId: record._id } : {}),
  };
}

/** Replaces one invitation of one session in a case. */
function withInvitation(record: MediationCaseRecord, sessionId: string, invitation: MediationInvitationRecord): MediationCaseRecord {
  return {
    ...record,
    sessions: record.sessions.map((session) =>
      session.id === sessionId ? { ...session, invitations: session.invitations.map((other) => (other.id === invitation.id ? invitation : other)) } : session,
    ),
  };
}

/**
 * The first person to open a pass holds it (the card may be forwarded; the next one to open it is
 * refused). A party pass also links that person to their party, so they see their own case and
 * confirm the agreement in the app.
 */
async function claimPass(token: string, user: UserRecord, openid: string, now: Date): Promise<{ record: MediationCaseRecord; session: MediationSessionRecord; invitation: MediationInvitationRecord }> {
  const { record, session, invitation } = await loadPass(token);
  if (invitation.userId === user._id) return { record, session, invitation };
  if (invitation.userId) throw new ActionError('FORBIDDEN', '这份邀请已由他人领取。如果是您的，请联系民警重新发送');
  const claimed: MediationInvitationRecord = { ...invitation, userId: user._id, openid };
  let next: MediationCaseRecord = { ...withInvitation(record, session.id, claimed), inviteeUserIds: [...new Set([...(record.inviteeUserIds ?? []), user._id])] };
  if (invitation.kind === 'party' && invitation.partyId) {
    const party = record.parties.find((candidate) => candidate.id === invitation.partyId);
    if (party && !party.userId && !record.partyUserIds.includes(user._id)) {
      next = { ...next, parties: next.parties.map((candidate) => (candidate.id === party.id ? { ...candidate, userId: user._id, openid } : candidate)), partyUserIds: [...next.partyUserIds, user._id] };
    }
  }
  const saved = await saveCase(next, record.version, user, { type: 'pass.claimed', detail: { sessionId: session.id, invitationId: invitation.id } }, now);
  const savedSession = saved.sessions.find((candidate) => candidate.id === session.id) as MediationSessionRecord;
  return { record: saved, session: savedSession, invitation: claimed };
}

export const roundTableHandlers: RoundTableHandlers = {
  async getRoster({ stationId, communityId }, context) {
    const directory = await currentDirectory(context.now);
    communityOfStation(directory, stationId, communityId);
    const roster = await findById<MediationRosterRecord>(COLLECTIONS.mediationRosters, communityId);
    const { user } = requireUser(context);
    await audit('roster.read', user, context.now, { communityId, stationId });
    return rosterView(directory, communityId, roster);
  },

  /** The roster of the case's community, for whoever handles the case — a co-mediator from another station included. */
  async caseRoster({ caseId }, context) {
    const { user } = requireUser(context);
    const directory = await currentDirectory(context.now);
    const record = await loadCaseAsOfficer(caseId, user, directory);
    const roster = await findById<MediationRosterRecord>(COLLECTIONS.mediationRosters, record.communityId);
    await audit('roster.read', user, context.now, { communityId: record.communityId, stationId: record.stationId, caseId });
    return rosterView(directory, record.communityId, roster);
  },

  async saveRoster({ stationId, communityId, members }, context) {
    const { user, openid } = requireUser(context);
    const directory = await currentDirectory(context.now);
    communityOfStation(directory, stationId, communityId);
    assertMayKeepRoster(directory, user, communityId);
    await assertTextIsSafe(openid, members.map((member) => `${member.name} ${member.building ?? ''} ${member.org ?? ''}`).join('\n'), 1);
    const record: Omit<MediationRosterRecord, '_id'> = {
      stationId,
      members: members.map((member) => ({
        id: member.id ?? shortId('m'),
        force: member.force,
        name: member.name,
        ...(member.phone ? { phone: member.phone } : {}),
        ...(member.building ? { building: member.building } : {}),
        ...(member.org ? { org: member.org } : {}),
      })),
      updatedAt: context.now,
      updatedBy: user._id,
    };
    await inTransaction(async (transaction) => {
      await transaction.collection(COLLECTIONS.mediationRosters).doc(communityId).set({ data: record as unknown as Record<string, unknown> });
      await transaction.collection(COLLECTIONS.auditLog).add({ data: { type: 'mediation.roster.updated', stationId, communityId, by: user._id, at: context.now, members: members.length } });
    });
    return rosterView(directory, communityId, { _id: communityId, ...record });
  },

  async conveneSession({ caseId, at, place, agenda, participants }, context) {
    const { user, openid } = requireUser(context);
    const directory = await currentDirectory(context.now);
    const record = await loadCaseAsOfficer(caseId, user, directory);
    const when = new Date(at);
    if (when.getTime() < context.now.getTime() - 3_600_000) throw new ActionError('INVALID_INPUT', '调解会的时间不能早于现在', { at: '请选择以后的时间' });
    await assertTextIsSafe(openid, [place ?? '', agenda ?? '', ...participants.flatMap((item) => (item.kind === 'adhoc' ? [`${item.name} ${item.roleLabel}`] : []))].join('\n'), 2);
    const roster = await findById<MediationRosterRecord>(COLLECTIONS.mediationRosters, record.communityId);

    const seen = new Set<string>();
    const invitations: MediationInvitationRecord[] = participants.map((participant, index) => {
      const base = { id: `i${index + 1}`, token: newToken(), response: 'pending' as const };
      if (participant.kind === 'party') {
        const party = record.parties.find((candidate) => candidate.id === participant.partyId);
        if (!party) throw new ActionError('INVALID_INPUT', '没有这位当事人', { participants: '当事人无效' });
        if (seen.has(`party:${party.id}`)) throw new ActionError('INVALID_INPUT', `${party.name} 重复了`);
        seen.add(`party:${party.id}`);
        return { ...base, kind: 'party', partyId: party.id, name: party.name, roleLabel: '当事人', ...(party.phone ? { phone: party.phone } : {}), ...(party.userId ? { userId: party.userId } : {}), ...(party.openid ? { openid: party.openid } : {}) };
      }
      if (participant.kind === 'roster') {
        const member = roster?.members.find((candidate) => candidate.id === participant.memberId);
        if (!member) throw new ActionError('INVALID_INPUT', '名单里没有这位调解力量，请刷新名单', { participants: '调解力量无效' });
        if (seen.has(`member:${member.id}`)) throw new ActionError('INVALID_INPUT', `${member.name} 重复了`);
        seen.add(`member:${member.id}`);
        return { ...base, kind: 'roster', memberId: member.id, name: member.name, roleLabel: roleLabelOf(member), ...(member.phone ? { phone: member.phone } : {}) };
      }
      return { ...base, kind: 'adhoc', name: participant.name, roleLabel: participant.roleLabel, ...(participant.phone ? { phone: participant.phone } : {}) };
    });

    const sessionId = shortId('s');
    const communityName = directory.communities.get(record.communityId)?.name ?? '社区';
    const session: MediationSessionRecord = {
      id: sessionId,
      at: when,
      place: place ?? DEFAULT_SESSION_PLACE(communityName),
      ...(agenda ? { agenda } : {}),
      status: 'scheduled',
      invitations,
      convenedBy: actorOf(user, directory).label,
      convenedAt: context.now,
    };
    const stepped = stepCase(record, { type: 'convene', sessionId }, context.now, actorOf(user, directory));
    const sessions = [...record.sessions, session];
    const due = reminderDueAt(sessions, SESSION_REMINDER_HOURS);
    const { reminderDueAt: _old, ...rest } = stepped;
    const next: MediationCaseRecord = { ...rest, sessions, ...(due ? { reminderDueAt: due } : {}) };
    const saved = await saveCase(next, record.version, user, { type: 'session.convened', detail: { sessionId, invitations: invitations.length } }, context.now, async (transaction) => {
      for (const invitation of invitations) {
        await transaction.collection(COLLECTIONS.mediationPasses).doc(invitation.token).set({ data: { caseId, sessionId, invitationId: invitation.id, createdAt: context.now } });
      }
    });
    // Invitees who use the app and allowed it get a message; everyone gets the card the officer shares.
    await Promise.all(invitations.map((invitation) => notify(invitation.openid, MEDIATION_TEMPLATES.session, passPage(invitation.token), `圆桌调解会：${session.place}`, when)));
    return caseView({ record: saved, role: 'officer' }, user, directory, context.now);
  },

  async openPass({ token }, context) {
    const { user, openid } = requireUser(context);
    const directory = await currentDirectory(context.now);
    const { record, session, invitation } = await claimPass(token, user, openid, context.now);
    await audit('pass.opened', user, context.now, { caseId: record._id, stationId: record.stationId, sessionId: session.id, invitationId: invitation.id });
    return passView(record, session, invitation, directory, user);
  },

  async respondToInvitation({ token, response }, context) {
    const { user, openid } = requireUser(context);
    const directory = await currentDirectory(context.now);
    const { record, session, invitation } = await claimPass(token, user, openid, context.now);
    if (session.status !== 'scheduled') throw new ActionError('CONFLICT', '这次调解会已经开过了');
    const answered: MediationInvitationRecord = { ...invitation, response, respondedAt: context.now };
    const saved = await saveCase(withInvitation(record, session.id, answered), record.version, user, { type: `invitation.${response}`, detail: { sessionId: session.id, invitationId: invitation.id } }, context.now);
    const savedSession = saved.sessions.find((candidate) => candidate.id === session.id) as MediationSessionRecord;
    return passView(saved, savedSession, answered, directory, user);
  },

  async recordSession({ caseId, sessionId, attendedInvitationIds, notes, photoFileIds }, context) {
    const { user, openid } = requireUser(context);
    await assertTextIsSafe(openid, notes, 2);
    const directory = await currentDirectory(context.now);
    const record = await loadCaseAsOfficer(caseId, user, directory);
    const session = record.sessions.find((candidate) => candidate.id === sessionId);
    if (!session) throw new ActionError('NOT_FOUND', '没有找到这次调解会');
    const known = new Set(session.invitations.map((invitation) => invitation.id));
    if (attendedInvitationIds.some((id) => !known.has(id))) throw new ActionError('INVALID_INPUT', '到场名单里有不是这次受邀的人', { attendedInvitationIds: '到场名单无效' });
    await assertOwnUploads(user._id, 'mediation', photoFileIds ?? [], context.now);
    const by = actorOf(user, directory);
    const stepped = stepCase(record, { type: 'recordSession', sessionId }, context.now, by);
    const sessions = record.sessions.map((candidate) =>
      candidate.id === sessionId
        ? { ...candidate, status: 'held' as const, record: { attendedInvitationIds: [...new Set(attendedInvitationIds)], notes, photoFileIds: photoFileIds ?? [], recordedAt: context.now, recordedBy: by.label } }
        : candidate,
    );
    const due = reminderDueAt(sessions, SESSION_REMINDER_HOURS);
    const { reminderDueAt: _old, ...rest } = stepped;
    const saved = await saveCase({ ...rest, sessions, ...(due ? { reminderDueAt: due } : {}) }, record.version, user, { type: 'session.recorded', detail: { sessionId } }, context.now);
    return caseView({ record: saved, role: 'officer' }, user, directory, context.now);
  },
};
