/** The agreement: terms, each party's confirmation (in the app or on paper), the printable document. */
import type { mediationActions } from '@domain/actions/mediation';
import { ActionError } from '@domain/errors';
import { MEDIATION_TEMPLATES } from '@domain/mediation';
import type { MediationCaseRecord, UserRecord } from '@platform/cloud/collections';
import { assertTextIsSafe } from '@platform/cloud/content-security';
import { requireUser, type Handlers } from '@platform/cloud/create-function';
import { currentDirectory, type Directory } from '@platform/cloud/directory';
import { assertOwnUploads } from '@platform/cloud/media';
import { cloud } from '@platform/cloud/wx';
import { actorOf, audit, casePage, caseView, loadCase, loadCaseAsOfficer, notify, saveCase, stepCase } from './cases';
import { renderAgreementPdf } from './agreement-pdf';

type AgreementHandlers = Pick<Handlers<typeof mediationActions>, 'proposeAgreement' | 'confirmAgreement' | 'recordPaperSignature' | 'agreementDocument'>;

/** Once every party has confirmed the current terms, the case is agreed and its 回访 scheduled. */
function agreeWhenComplete(record: MediationCaseRecord, user: UserRecord, directory: Directory, now: Date): MediationCaseRecord {
  const confirmed = new Set(record.agreement?.confirmations.map((confirmation) => confirmation.partyId));
  if (!record.parties.every((party) => confirmed.has(party.id))) return record;
  const by = record.parties.some((party) => party.userId === user._id) ? { userId: user._id, label: record.parties.find((party) => party.userId === user._id)?.name ?? user.nickname } : actorOf(user, directory);
  return stepCase(record, { type: 'agree', followUpDays: record.followUpDays }, now, by);
}

function assertCurrentVersion(record: MediationCaseRecord, version: number): void {
  if (!record.agreement) throw new ActionError('CONFLICT', '还没有调解协议');
  if (record.agreement.version !== version) throw new ActionError('CONFLICT', '协议内容刚刚改过，请重新阅读后再确认');
}

export const agreementHandlers: AgreementHandlers = {
  async proposeAgreement({ caseId, terms, followUpDays }, context) {
    const { user, openid } = requireUser(context);
    await assertTextIsSafe(openid, terms.join('\n'), 2);
    const directory = await currentDirectory(context.now);
    const record = await loadCaseAsOfficer(caseId, user, directory);
    const stepped = stepCase(record, { type: 'proposeAgreement', terms: terms.length }, context.now, actorOf(user, directory));
    // New terms need everyone's confirmation again.
    const next: MediationCaseRecord = {
      ...stepped,
      ...(followUpDays ? { followUpDays } : {}),
      agreement: { version: (record.agreement?.version ?? 0) + 1, terms, proposedAt: context.now, proposedBy: user._id, confirmations: [] },
    };
    const saved = await saveCase(next, record.version, user, { type: 'agreement.proposed', detail: { terms: terms.length } }, context.now);
    await Promise.all(saved.parties.map((party) => notify(party.openid, MEDIATION_TEMPLATES.caseUpdate, casePage('party', caseId), '调解协议请您确认', context.now)));
    return caseView({ record: saved, role: 'officer' }, user, directory, context.now);
  },

  async confirmAgreement({ caseId, version }, context) {
    const { user } = requireUser(context);
    const directory = await currentDirectory(context.now);
    const access = await loadCase(caseId, user, directory);
    if (access.role !== 'party' || !access.partyId) throw new ActionError('FORBIDDEN', '只有当事人本人可以确认协议');
    const record = access.record;
    if (record.status !== 'mediating') throw new ActionError('CONFLICT', '现在没有待确认的协议');
    assertCurrentVersion(record, version);
    const agreement = record.agreement as NonNullable<MediationCaseRecord['agreement']>;
    if (agreement.confirmations.some((confirmation) => confirmation.partyId === access.partyId)) return caseView(access, user, directory, context.now);
    const confirmed: MediationCaseRecord = { ...record, agreement: { ...agreement, confirmations: [...agreement.confirmations, { partyId: access.partyId, via: 'app', at: context.now, by: user._id }] } };
    const saved = await saveCase(agreeWhenComplete(confirmed, user, directory, context.now), record.version, user, { type: 'agreement.confirmed', detail: { partyId: access.partyId, via: 'app' } }, context.now);
    return caseView({ record: saved, role: 'party', partyId: access.partyId }, user, directory, context.now);
  },

  async recordPaperSignature({ caseId, partyId, version, photoFileId }, context) {
    const { user } = requireUser(context);
    const directory = await currentDirectory(context.now);
    const record = await loadCaseAsOfficer(caseId, user, directory);
    if (record.status !== 'mediating') throw new ActionError('CONFLICT', '现在没有待确认的协议');
    assertCurrentVersion(record, version);
    if (!record.parties.some((party) => party.id === partyId)) throw new ActionError('NOT_FOUND', '没有这位当事人');
    // The photo of the signed paper: one the officer took and uploaded for mediation.
    await assertOwnUploads(user._id, 'mediation', [photoFileId], context.now);
    const agreement = record.agreement as NonNullable<MediationCaseRecord['agreement']>;
    const others = agreement.confirmations.filter((confirmation) => confirmation.partyId !== partyId);
    const confirmed: MediationCaseRecord = { ...record, agreement: { ...agreement, confirmations: [...others, { partyId, via: 'paper', at: context.now, by: user._id, photoFileId }] } };
    const saved = await saveCase(agreeWhenComplete(confirmed, user, directory, context.now), record.version, user, { type: 'agreement.confirmed', detail: { partyId, via: 'paper' } }, context.now);
    return caseView({ record: saved, role: 'officer' }, user, directory, context.now);
  },

  async agreementDocument({ caseId }, context) {
    const { user } = requireUser(context);
    const directory = await currentDirectory(context.now);
    const { record, role } = await loadCase(caseId, user, directory);
    if (!record.agreement) throw new ActionError('NOT_FOUND', '这个案件还没有调解协议');
    const pdf = await renderAgreementPdf(record, directory, context.now);
    const cloudPath = `mediation/${caseId}/agreement-v${record.agreement.version}-${context.now.getTime()}.pdf`;
    const { fileID } = (await cloud.uploadFile({ cloudPath, fileContent: pdf })) as { fileID: string };
    const { fileList } = (await cloud.getTempFileURL({ fileList: [fileID] })) as { fileList: { tempFileURL?: string }[] };
    await audit('agreement.document', user, context.now, { caseId, stationId: record.stationId, as: role });
    return { fileId: fileID, url: fileList[0]?.tempFileURL ?? '', fileName: `人民调解协议书-${caseId}.pdf` };
  },
};
