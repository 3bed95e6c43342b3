/**
 * What every mediation handler shares: who a viewer is to a case (an officer handling it, a party,
 * or nobody), stamping lifecycle changes through the domain's `transition`, versioned writes with
 * their audit record in one transaction, and the per-viewer views (masking, audit of reads).
 */
import type { CaseSummaryView, CaseView, HistoryView, InvitationView, PartyView, PhotoView, SessionView } from '@domain/actions/mediation';
import { ActionError } from '@domain/errors';
import {
  ALLOWED_EVENTS,
  CASE_OUTCOME_LABELS,
  CASE_STATUS_LABELS,
  FOLLOW_UP_RESULT_LABELS,
  MEDIATION_TEMPLATES,
  REFERRAL_LABELS,
  isOpenStatus,
  phoneFor,
  textFor,
  transition,
  type Actor,
  type CaseEvent,
  type CaseViewerRole,
  type HistoryEntry,
} from '@domain/mediation';
import { tempFileUrlsById } from '@platform/cloud/cloud-files';
import { COLLECTIONS, type MediationCaseRecord, type MediationSessionRecord, type UserRecord } from '@platform/cloud/collections';
import type { Directory } from '@platform/cloud/directory';
import { findById, insert, isoDate } from '@platform/cloud/documents';
import { isFlagged, mediaRecords } from '@platform/cloud/media';
import { inTransaction, readInTransaction, type Transaction } from '@platform/cloud/transaction';
import { templateIdFor } from '@platform/cloud/settings';
import { cloud } from '@platform/cloud/wx';
import { messageData } from '@domain/notifications/message-fields';

export interface CaseAccess {
  record: MediationCaseRecord;
  role: Exclude<CaseViewerRole, 'participant'>;
  /** For a party: which party the viewer is. */
  partyId?: string;
}

/**
 * The officers handling a case: staff of its station and district admins of its district; from a
 * co-mediating station, only the co-mediators the case names and that station's admin. Another
 * station takes part in the cases it is on, and sees nothing else of the host's work.
 */
export function isCaseOfficer(record: MediationCaseRecord, user: UserRecord, directory: Directory): boolean {
  if (user.role === 'districtAdmin') return user.districtId === record.districtId;
  if (user.role !== 'officer' && user.role !== 'stationAdmin') return false;
  if (user.stationId === record.stationId) return true;
  if (user.stationId === undefined || !record.coStationIds.includes(user.stationId)) return false;
  if (user.role === 'stationAdmin') return true;
  return [...directory.officers.values()].some((officer) => officer.userId === user._id && officer.stationId === user.stationId && record.coMediatorOfficerIds.includes(officer._id));
}

export function accessOf(record: MediationCaseRecord, user: UserRecord, directory: Directory): CaseAccess | undefined {
  if (isCaseOfficer(record, user, directory)) return { record, role: 'officer' };
  const party = record.parties.find((candidate) => candidate.userId === user._id);
  return party ? { record, role: 'party', partyId: party.id } : undefined;
}

/** Anyone else gets NOT_FOUND, never a hint the case exists. */
export async function loadCase(caseId: string, user: UserRecord, directory: Directory): Promise<CaseAccess> {
  const record = await findById<MediationCaseRecord>(COLLECTIONS.mediationCases, caseId);
  const access = record && accessOf(record, user, directory);
  if (!record || !access) throw new ActionError('NOT_FOUND', '没有找到这个调解案件');
  return access;
}

export async function loadCaseAsOfficer(caseId: string, user: UserRecord, directory: Directory): Promise<MediationCaseRecord> {
  const access = await loadCase(caseId, user, directory);
  if (access.role !== 'officer') throw new ActionError('FORBIDDEN', '只有办案民警可以这样做');
  return access.record;
}

/** "赵警官", "西罗园内勤": how the history names whoever took a step. */
export function actorOf(user: UserRecord, directory: Directory): Actor {
  const officer = [...directory.officers.values()].find((candidate) => candidate.userId === user._id);
  return { userId: user._id, label: officer?.title ?? user.nickname };
}

/** Applies a lifecycle event; the domain refuses what the lifecycle does not allow. */
export function stepCase(record: MediationCaseRecord, event: CaseEvent, at: Date, by: Actor): MediationCaseRecord {
  const result = transition(record, event, at, by);
  if (!result.ok) throw new ActionError('CONFLICT', `这一步现在不能做：${result.reason}`);
  return { ...record, ...result.state, open: isOpenStatus(result.state.status) };
}

/** The earliest reminder a scheduled, not yet reminded session still needs. */
export function reminderDueAt(sessions: readonly MediationSessionRecord[], reminderHours: number): Date | undefined {
  const due = sessions.filter((session) => session.status === 'scheduled' && !session.remindedAt).map((session) => session.at.getTime() - reminderHours * 3_600_000);
  return due.length ? new Date(Math.min(...due)) : undefined;
}

const withoutId = ({ _id, ...rest }: MediationCaseRecord): Omit<MediationCaseRecord, '_id'> => rest;

export interface AuditEntry {
  type: string;
  detail?: Record<string, unknown>;
}

/**
 * Writes the case if nobody changed it since it was read (version), with its audit record, in one
 * transaction; `extra` writes more documents in the same transaction (passes).
 */
export async function saveCase(next: MediationCaseRecord, expectedVersion: number, by: UserRecord, audit: AuditEntry, now: Date, extra?: (transaction: Transaction) => Promise<void>): Promise<MediationCaseRecord> {
  const saved: MediationCaseRecord = { ...next, version: expectedVersion + 1, updatedAt: now };
  await inTransaction(async (transaction) => {
    const current = await readInTransaction<MediationCaseRecord>(transaction, COLLECTIONS.mediationCases, next._id);
    if ((current?.version ?? 0) !== expectedVersion) throw new ActionError('CONFLICT', '案件刚刚有变化，请刷新后再试');
    await transaction.collection(COLLECTIONS.mediationCases).doc(next._id).set({ data: withoutId(saved) as unknown as Record<string, unknown> });
    await transaction.collection(COLLECTIONS.auditLog).add({ data: { type: `mediation.${audit.type}`, caseId: next._id, stationId: next.stationId, ...auditActor(by), at: now, ...(audit.detail ? { detail: audit.detail } : {}) } });
    if (extra) await extra(transaction);
  });
  return saved;
}

/**
 * Staff are recorded as `by`; a resident (a party, an invitee) as `userId`, the field the personal
 * data registry finds and detaches when the account is deleted.
 */
const auditActor = (user: UserRecord): { by: string } | { userId: string } => (user.role === 'resident' && user._id !== SYSTEM_USER_ID ? { userId: user._id } : { by: user._id });
export const SYSTEM_USER_ID = 'system';

export const audit = (type: string, by: UserRecord, now: Date, detail: Record<string, unknown>) =>
  insert(COLLECTIONS.auditLog, { type: `mediation.${type}`, ...auditActor(by), at: now, ...detail });


/** A one-time subscribe message; without an acceptance left (43101) the in-app lists still show it. */
export async function notify(touser: string | undefined, templateId: (typeof MEDIATION_TEMPLATES)[keyof typeof MEDIATION_TEMPLATES], page: string, title: string, at: Date): Promise<boolean> {
  if (!touser) return false;
  try {
    await cloud.openapi.subscribeMessage.send({ touser, templateId: templateIdFor(templateId), page, data: messageData({ thing1: title, time2: at }) });
    return true;
  } catch (error) {
    const code = (error as { errCode?: number }).errCode;
    if (code !== 43101) console.warn('[mediation] subscribe message not sent', code);
    return false;
  }
}

export const casePage = (role: 'officer' | 'party', caseId: string) =>
  role === 'officer' ? `packages/officer/pages/mediation-case/index?id=${caseId}` : `packages/mediation/pages/case/index?id=${caseId}`;
export const passPage = (token: string) => `packages/mediation/pages/pass/index?token=${token}`;

const EVENT_LABELS: Record<HistoryEntry['type'], string> = {
  open: '登记案件',
  accept: '受理',
  decline: '不予受理',
  convene: '召集圆桌调解会',
  recordSession: '记录调解会',
  proposeAgreement: '拟定调解协议',
  agree: '各方确认协议，达成协议',
  followUp: '回访',
  close: '结案',
};

function historyLabel(entry: HistoryEntry): string {
  const base = EVENT_LABELS[entry.type];
  if (entry.type === 'open' && entry.to === 'requested') return '居民申请调解';
  if (entry.type === 'followUp') return `${base}：${FOLLOW_UP_RESULT_LABELS[entry.detail?.result as keyof typeof FOLLOW_UP_RESULT_LABELS] ?? ''}`;
  if (entry.type === 'close') {
    const outcome = CASE_OUTCOME_LABELS[entry.detail?.outcome as keyof typeof CASE_OUTCOME_LABELS] ?? '';
    const referral = entry.detail?.referral ? `，${REFERRAL_LABELS[entry.detail.referral as keyof typeof REFERRAL_LABELS]}` : '';
    return `${base}：${outcome}${referral}`;
  }
  if (entry.type === 'proposeAgreement') return `${base}（${entry.detail?.terms ?? 0} 条）`;
  return base;
}

export function ownerLabel(record: MediationCaseRecord, directory: Directory): string {
  const officer = directory.officers.get(record.ownerOfficerId);
  const station = directory.stations.get(record.stationId)?.name ?? '';
  return `${station} ${officer?.title ?? '社区民警'}`.trim();
}

export function summaryOf(record: MediationCaseRecord, directory: Directory, role: 'officer' | 'party'): CaseSummaryView {
  const next = record.sessions.filter((session) => session.status === 'scheduled').sort((a, b) => a.at.getTime() - b.at.getTime())[0];
  return {
    id: record._id,
    title: textFor(record.title, role),
    category: record.category,
    status: record.status,
    statusLabel: record.status === 'closed' && record.outcome ? `已结案（${CASE_OUTCOME_LABELS[record.outcome]}）` : CASE_STATUS_LABELS[record.status],
    communityName: directory.communities.get(record.communityId)?.name ?? '',
    stationName: directory.stations.get(record.stationId)?.name ?? '',
    ownerLabel: ownerLabel(record, directory),
    ...(next ? { nextSessionAt: isoDate(next.at) } : {}),
    ...(record.followUpDueAt ? { followUpDueAt: isoDate(record.followUpDueAt) } : {}),
    ...(record.outcome ? { outcome: record.outcome } : {}),
    updatedAt: isoDate(record.updatedAt),
  };
}

function invitationView(invitation: MediationSessionRecord['invitations'][number], session: MediationSessionRecord, role: 'officer' | 'party', viewer: UserRecord): InvitationView {
  const phone = phoneFor(invitation.phone, role, invitation.userId === viewer._id);
  return {
    id: invitation.id,
    name: invitation.name,
    roleLabel: invitation.roleLabel,
    ...(phone ? { phone } : {}),
    response: invitation.response,
    ...(invitation.respondedAt ? { respondedAt: isoDate(invitation.respondedAt) } : {}),
    ...(role === 'officer' ? { passPath: passPage(invitation.token) } : {}),
    ...(session.record ? { attended: session.record.attendedInvitationIds.includes(invitation.id) } : {}),
  };
}

/** The case as this viewer may see it; every read is in the audit log (it holds personal data). */
export async function caseView(access: CaseAccess, viewer: UserRecord, directory: Directory, now: Date): Promise<CaseView> {
  const { record, role } = access;
  const sessionPhotos = record.sessions.flatMap((session) => session.record?.photoFileIds ?? []);
  const paperPhotos = (record.agreement?.confirmations ?? []).flatMap((confirmation) => (confirmation.photoFileId ? [confirmation.photoFileId] : []));
  const fileIds = [...record.photoFileIds, ...sessionPhotos, ...paperPhotos];
  const [urlOf, media] = await Promise.all([tempFileUrlsById(fileIds), mediaRecords(fileIds)]);
  // A photo WeChat's media check flagged stays in the file for the officers; the parties do not see it.
  const photosOf = (ids: readonly string[], altOf: (index: number, total: number) => string): PhotoView[] => {
    const shown = ids.filter((fileId) => urlOf.has(fileId) && (role === 'officer' || !isFlagged(media.get(fileId))));
    return shown.map((fileId, index) => {
      const flagged = isFlagged(media.get(fileId));
      return { url: urlOf.get(fileId) as string, alt: `${altOf(index, shown.length)}${flagged ? '（未通过微信安全检查，仅民警可见）' : ''}`, ...(flagged ? { flagged: true } : {}) };
    });
  };

  const parties: PartyView[] = record.parties.map((party) => {
    const isMe = party.userId === viewer._id;
    const partyPhone = phoneFor(party.phone, role, isMe);
    return {
      id: party.id,
      name: party.name,
      ...(partyPhone ? { phone: partyPhone } : {}),
      // A party's address is for the officers and the party only.
      ...(party.address && (role === 'officer' || isMe) ? { address: party.address } : {}),
      inApp: party.userId !== undefined,
      isMe,
    };
  });
  // A party sees the round tables of their case, but not who else was invited or their numbers beyond a mask.
  const sessions: SessionView[] = record.sessions.map((session, sessionIndex) => ({
    id: session.id,
    at: isoDate(session.at),
    place: session.place,
    ...(session.agenda ? { agenda: textFor(session.agenda, role) } : {}),
    status: session.status,
    invitations: session.invitations.map((invitation) => invitationView(invitation, session, role, viewer)),
    ...(session.record
      ? {
          record: {
            notes: textFor(session.record.notes, role),
            photos: photosOf(session.record.photoFileIds, (index, total) => `第 ${sessionIndex + 1} 次圆桌调解会的照片，第 ${index + 1} 张，共 ${total} 张`),
            recordedAt: isoDate(session.record.recordedAt),
            recordedBy: session.record.recordedBy,
          },
        }
      : {}),
  }));
  const agreement = record.agreement;
  const confirmedBy = new Set(agreement?.confirmations.map((confirmation) => confirmation.partyId));
  const mediators = [ownerLabel(record, directory), ...record.coMediatorOfficerIds.map((officerId) => {
    const officer = directory.officers.get(officerId);
    const station = officer ? directory.stations.get(officer.stationId)?.name : undefined;
    return `${station ?? ''} ${officer?.title ?? ''}（协同调解）`.trim();
  })];

  const ownFlagged = role === 'party' ? record.photoFileIds.filter((fileId) => media.get(fileId)?.ownerUserId === viewer._id && isFlagged(media.get(fileId))).length : 0;
  const paperPhoto = (fileId: string, partyId: string, version: number): { photo?: PhotoView } => {
    const name = record.parties.find((party) => party.id === partyId)?.name ?? '当事人';
    const [photo] = photosOf([fileId], () => `${name}签字的纸质调解协议（第 ${version} 版）照片`);
    return photo ? { photo } : {};
  };

  await audit('case.read', viewer, now, { caseId: record._id, stationId: record.stationId, as: role });
  const history: HistoryView[] = record.history.map((entry) => ({ type: entry.type, label: historyLabel(entry), at: isoDate(entry.at), by: entry.by.label }));
  return {
    ...summaryOf(record, directory, role),
    viewer: role,
    stationId: record.stationId,
    communityId: record.communityId,
    source: record.source,
    ...(record.threadId && role === 'officer' ? { threadId: record.threadId } : {}),
    description: textFor(record.description, role),
    place: record.place.text,
    photos: photosOf(record.photoFileIds, (index, total) => `现场照片，第 ${index + 1} 张，共 ${total} 张：${record.place.text}`),
    ...(ownFlagged > 0 ? { photoNotice: `您的 ${ownFlagged} 张照片未通过微信安全检查，只有办案民警能看到` } : {}),
    parties,
    mediators,
    sessions,
    ...(agreement
      ? {
          agreement: {
            version: agreement.version,
            terms: agreement.terms.map((term) => textFor(term, role)),
            proposedAt: isoDate(agreement.proposedAt),
            confirmations: agreement.confirmations.map((confirmation) => ({
              partyId: confirmation.partyId,
              partyName: record.parties.find((party) => party.id === confirmation.partyId)?.name ?? '',
              via: confirmation.via,
              at: isoDate(confirmation.at),
              ...(confirmation.photoFileId && role === 'officer' ? paperPhoto(confirmation.photoFileId, confirmation.partyId, agreement.version) : {}),
            })),
            complete: record.parties.every((party) => confirmedBy.has(party.id)),
          },
        }
      : {}),
    followUpDays: record.followUpDays,
    ...(record.referral ? { referral: record.referral } : {}),
    history,
    canDo: role === 'officer' ? [...ALLOWED_EVENTS[record.status]] : [],
    ...(role === 'party' && access.partyId && agreement && record.status === 'mediating' ? { myConfirmationPending: !confirmedBy.has(access.partyId) } : {}),
  };
}
