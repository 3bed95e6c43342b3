/**
 * The mediation function on the demo data, through its real handlers on the embedded database:
 * a 问片警 thread becomes a case, the round table and its passes, the agreement and its PDF, the
 * 回访 the timer reminds of, the figures; who may see what, and that every read is audited.
 */
import fs from 'node:fs';
import { consultActions } from '@domain/actions/consult';
import { mediaActions } from '@domain/actions/media';
import { mediationActions, type CaseView } from '@domain/actions/mediation';
import { MEDIATION_TEMPLATES } from '@domain/mediation';
import { DELETE_CONFIRMATION, privacyActions } from '@domain/actions/privacy';
import { userIdFor } from '@platform/cloud/identity';
import { LOCAL_RISKY_IMAGE_MARKER, readOutbox, recordSubscription, resolveStoredFile, settleMediaChecks } from '@local-cloud/wechat';
import { DEMO_BOUNDARIES } from '@local-cloud/seed/demo-geography';
import { officerIdOf, persona } from '../support/cloud-harness';
import { clockedHarness, failed, ok } from '../support/clocked-harness';

// Officer records are made when the demo officers redeem their invites.
const ZHAO = officerIdOf('officer-beat-xly');

const WEDNESDAY_MORNING = new Date('2026-11-25T10:00:00+08:00');
const DAY = 86_400_000;
const harness = clockedHarness(WEDNESDAY_MORNING);

const wang = persona('resident-xly2').openid;
const zhao = persona('officer-beat-xly').openid;
const adminXly = persona('admin-xly').openid;
const hallChangqing = persona('officer-hall-cq').openid;
const chen = persona('resident-hgby').openid;
const li = 'local-openid-guest-li-upstairs';
const committee = 'local-openid-guest-committee';
const buildingHead = 'local-openid-guest-building-head';
const judicial = 'local-openid-guest-judicial';
const later = (ms: number) => jest.setSystemTime(new Date(Date.now() + ms));
/** A 1×1 PNG: the photo of a signed paper agreement, as far as the tests care. */
const TINY_PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAAAAAA6fptVAAAACklEQVR4nGNgAAAAAgABSK+kcQAAAABJRU5ErkJggg==';

async function noiseCase(): Promise<CaseView> {
  const started = ok(await harness.call(wang, consultActions.startThread, { category: 'dispute', text: '楼上每天晚上十一点还在跳绳，吵得睡不着，沟通过没用' }));
  if (started.kind !== 'sent') throw new Error('expected a thread');
  return ok(
    await harness.call(zhao, mediationActions.openCase, {
      source: 'thread',
      threadId: started.threadId,
      category: 'noise',
      place: { text: '西罗园二区5号楼3单元' },
      description: '王阿姨反映楼上 602 住户李先生家每晚十一点后跳绳、拖动家具。',
      parties: [{ name: '李先生', phone: '13912345678', address: '西罗园二区5号楼3单元602' }],
    }),
  );
}

async function roster() {
  return ok(
    await harness.call(zhao, mediationActions.saveRoster, {
      stationId: 'xiluoyuan',
      communityId: 'xly-2',
      members: [
        { force: 'committee', name: '刘主任', phone: '13700001111' },
        { force: 'buildingHead', name: '张大爷', building: '5号楼', phone: '13700002222' },
        { force: 'judicialOfficer', name: '周司法员', phone: '13700003333' },
        { force: 'lawyer', name: '陈律师', org: '京安律师事务所' },
      ],
    }),
  );
}

const tokenOf = (view: CaseView, name: string) => {
  const path = view.sessions.at(-1)?.invitations.find((invitation) => invitation.name === name)?.passPath ?? '';
  return new URL(path, 'https://x/').searchParams.get('token') ?? '';
};

async function convened(): Promise<CaseView> {
  const opened = await noiseCase();
  const members = (await roster()).members;
  const byForce = (force: string) => members.find((member) => member.force === force)!.id;
  return ok(
    await harness.call(zhao, mediationActions.conveneSession, {
      caseId: opened.id,
      at: new Date(Date.now() + 2 * DAY).toISOString(),
      agenda: '楼上噪音，商量作息时间',
      participants: [
        { kind: 'party', partyId: 'p1' },
        { kind: 'party', partyId: 'p2' },
        { kind: 'roster', memberId: byForce('committee') },
        { kind: 'roster', memberId: byForce('buildingHead') },
        { kind: 'roster', memberId: byForce('judicialOfficer') },
      ],
    }),
  );
}

test('a noise thread becomes a case owned by the community’s beat officer, the thread linked', async () => {
  const view = await noiseCase();
  expect(view.status).toBe('accepted');
  expect(view.ownerLabel).toBe('西罗园派出所 赵警官');
  expect(view.communityName).toBe('西罗园第二社区');
  expect(view.parties.map((party) => [party.name, party.inApp])).toEqual([['王阿姨', true], ['李先生', false]]);
  expect(view.parties[1]?.phone).toBe('13912345678');
  expect(view.threadId).toBeDefined();
  expect(view.history[0]).toMatchObject({ label: '登记案件', by: '赵警官' });
  // The same thread cannot become a second case.
  const again = await harness.call(zhao, mediationActions.openCase, { source: 'thread', threadId: view.threadId!, category: 'noise', place: { text: '西罗园二区' }, description: '再来一次', parties: [] });
  expect(failed(again).code).toBe('CONFLICT');
  // 王阿姨 sees her case, with the other party's phone masked; nobody else finds it.
  const hers = ok(await harness.call(wang, mediationActions.getCase, { caseId: view.id }));
  expect(hers.viewer).toBe('party');
  expect(hers.parties[1]?.phone).toBe('139****5678');
  expect(hers.parties[1]?.address).toBeUndefined();
  expect(ok(await harness.call(wang, mediationActions.myCases, {})).map((item) => item.id)).toEqual([view.id]);
  expect(failed(await harness.call(chen, mediationActions.getCase, { caseId: view.id })).code).toBe('NOT_FOUND');
  expect(failed(await harness.call(hallChangqing, mediationActions.getCase, { caseId: view.id })).code).toBe('NOT_FOUND');
  // Residents cannot open cases for others.
  expect(failed(await harness.call(wang, mediationActions.openCase, { source: 'phone', category: 'noise', place: { text: '西罗园二区' }, description: '噪音', parties: [{ name: '某人' }, { name: '另一人' }] })).code).toBe('FORBIDDEN');
});

test('the round table: passes show that session only, the first to open one holds it, numbers masked', async () => {
  const view = await convened();
  expect(view.status).toBe('mediating');
  const session = view.sessions[0]!;
  expect(session.place).toBe('西罗园第二社区居委会会议室');
  expect(session.invitations.map((invitation) => invitation.roleLabel)).toEqual(['当事人', '当事人', '居委会', '楼门长（5号楼）', '司法员']);

  const pass = ok(await harness.call(committee, mediationActions.openPass, { token: tokenOf(view, '刘主任') }));
  expect(pass).toMatchObject({ myName: '刘主任', myRole: '居委会', place: '西罗园第二社区居委会会议室', response: 'pending' });
  expect(pass.caseId).toBeUndefined();
  expect(JSON.stringify(pass)).not.toContain('跳绳');
  expect(pass.participants.find((participant) => participant.name === '李先生')?.phone).toBe('139****5678');
  expect(pass.participants.find((participant) => participant.name === '刘主任')?.phone).toBe('13700001111');
  // A forwarded card does not make someone else the invitee; a force never sees the case file.
  expect(failed(await harness.call(buildingHead, mediationActions.openPass, { token: tokenOf(view, '刘主任') })).code).toBe('FORBIDDEN');
  expect(failed(await harness.call(committee, mediationActions.getCase, { caseId: view.id })).code).toBe('NOT_FOUND');
  expect(failed(await harness.call(committee, mediationActions.openPass, { token: 'made-up-token-123456' })).code).toBe('NOT_FOUND');

  for (const [who, name] of [[committee, '刘主任'], [buildingHead, '张大爷'], [judicial, '周司法员'], [li, '李先生']] as const) {
    const answered = ok(await harness.call(who, mediationActions.respondToInvitation, { token: tokenOf(view, name), response: 'accepted' }));
    expect(answered.response).toBe('accepted');
  }
  // 李先生 had no app: his party pass links him to his own case.
  const his = ok(await harness.call(li, mediationActions.getCase, { caseId: view.id }));
  expect(his.parties.find((party) => party.isMe)?.name).toBe('李先生');
  expect(his.parties.find((party) => party.isMe)?.phone).toBe('13912345678');
  expect(his.parties.find((party) => !party.isMe)?.name).toBe('王阿姨');
  const officerView = ok(await harness.call(zhao, mediationActions.getCase, { caseId: view.id }));
  expect(officerView.sessions[0]!.invitations.filter((invitation) => invitation.response === 'accepted')).toHaveLength(4);
});

test('the agreement, both parties confirm, the PDF, the 回访 reminder after 7 days, 化解 counted', async () => {
  const view = await convened();
  ok(await harness.call(li, mediationActions.openPass, { token: tokenOf(view, '李先生') }));
  const sessionId = view.sessions[0]!.id;
  const attended = view.sessions[0]!.invitations.map((invitation) => invitation.id);
  later(2 * DAY);
  ok(await harness.call(zhao, mediationActions.recordSession, { caseId: view.id, sessionId, attendedInvitationIds: attended, notes: '双方到场，说开了误会。' }));
  // Not yet: no agreement to confirm.
  expect(failed(await harness.call(wang, mediationActions.confirmAgreement, { caseId: view.id, version: 1 })).code).toBe('CONFLICT');
  const proposed = ok(await harness.call(zhao, mediationActions.proposeAgreement, { caseId: view.id, terms: ['李先生家晚上十点后不再跳绳、不拖动家具。', '王阿姨有事先在楼门群里说，不上门争吵。'] }));
  expect(proposed.agreement).toMatchObject({ version: 1, complete: false });
  // Only a party confirms in the app; a stale version is refused.
  expect(failed(await harness.call(zhao, mediationActions.confirmAgreement, { caseId: view.id, version: 1 })).code).toBe('FORBIDDEN');
  expect(failed(await harness.call(wang, mediationActions.confirmAgreement, { caseId: view.id, version: 2 })).code).toBe('CONFLICT');
  const wangConfirmed = ok(await harness.call(wang, mediationActions.confirmAgreement, { caseId: view.id, version: 1 }));
  expect(wangConfirmed.status).toBe('mediating');
  expect(wangConfirmed.myConfirmationPending).toBe(false);
  const agreed = ok(await harness.call(li, mediationActions.confirmAgreement, { caseId: view.id, version: 1 }));
  expect(agreed.status).toBe('agreed');
  expect(new Date(agreed.followUpDueAt!).getTime() - Date.now()).toBe(7 * DAY);
  // A case with a signed agreement closes by its 回访 only.
  expect(failed(await harness.call(zhao, mediationActions.closeCase, { caseId: view.id, outcome: 'resolved', note: '好了' })).code).toBe('CONFLICT');

  const document = ok(await harness.call(wang, mediationActions.agreementDocument, { caseId: view.id }));
  const file = resolveStoredFile(document.fileId.replace(/^cloud:\/\/[^/]+\//, ''));
  expect(document.url).toMatch(/^http/);
  expect(file && fs.readFileSync(file).subarray(0, 5).toString()).toBe('%PDF-');
  expect(failed(await harness.call(committee, mediationActions.agreementDocument, { caseId: view.id })).code).toBe('NOT_FOUND');

  // The officer allowed the 回访 reminder; the timer says nothing before it is due, once when it is.
  recordSubscription(zhao, [MEDIATION_TEMPLATES.followUpDue], { [MEDIATION_TEMPLATES.followUpDue]: 'accept' });
  later(6 * DAY);
  expect(ok(await harness.timer('mediation', 'sendReminders') as never as { ok: true; data: { followUpReminders: number } }).followUpReminders).toBe(0);
  later(DAY);
  expect(ok(await harness.timer('mediation', 'sendReminders') as never as { ok: true; data: { followUpReminders: number } }).followUpReminders).toBe(1);
  expect(ok(await harness.timer('mediation', 'sendReminders') as never as { ok: true; data: { followUpReminders: number } }).followUpReminders).toBe(0);
  const message = readOutbox().find((item) => item.templateId === MEDIATION_TEMPLATES.followUpDue);
  expect(message?.touser).toBe(zhao);
  expect(message?.page).toContain(view.id);
  expect(ok(await harness.call(zhao, mediationActions.listCases, { stationId: 'xiluoyuan', view: 'followUps' })).map((item) => item.id)).toEqual([view.id]);

  const closed = ok(await harness.call(zhao, mediationActions.recordFollowUp, { caseId: view.id, result: 'held', note: '上门回访，晚上已安静。' }));
  expect(closed.status).toBe('closed');
  expect(closed.outcome).toBe('resolved');
  expect(closed.history.map((entry) => entry.label)).toEqual(['登记案件', '召集圆桌调解会', '记录调解会', '拟定调解协议（2 条）', '各方确认协议，达成协议', '回访：协议履行良好']);
  expect(closed.history.find((entry) => entry.label.startsWith('各方确认'))?.by).toBe('李先生');

  const figures = ok(await harness.call(adminXly, mediationActions.figures, { stationId: 'xiluoyuan', from: '2026-11-01T00:00:00+08:00', to: '2027-01-01T00:00:00+08:00' }));
  expect(figures.station).toMatchObject({ opened: 1, closed: 1, resolved: 1, resolutionRate: 1, settledLocallyRate: 1, agreements: 1, followUps: 1, holdingRate: 1 });
  expect(figures.station.meanDaysToAgreement).toBeCloseTo(2, 1);
  expect(figures.byCommunity.find((row) => row.key === 'xly-2')?.resolved).toBe(1);
  expect(figures.byOfficer).toEqual([expect.objectContaining({ key: ZHAO, label: '赵警官', resolved: 1 })]);

  const reads = harness.engine.find('audit_log', { type: 'mediation.case.read', caseId: view.id });
  expect(new Set(reads.map((entry) => entry.as))).toEqual(new Set(['officer', 'party']));
  expect(harness.engine.find('audit_log', { type: 'mediation.pass.opened' }).length).toBeGreaterThan(0);
});

test('a broken agreement reopens the case', async () => {
  const view = await convened();
  ok(await harness.call(li, mediationActions.openPass, { token: tokenOf(view, '李先生') }));
  ok(await harness.call(zhao, mediationActions.proposeAgreement, { caseId: view.id, terms: ['晚上十点后保持安静。'] }));
  ok(await harness.call(wang, mediationActions.confirmAgreement, { caseId: view.id, version: 1 }));
  // 李先生 signs the paper copy instead: the officer records it with a photo.
  // Someone else's file, or an invented id, is refused: the officer's own upload for mediation is taken.
  expect(failed(await harness.call(zhao, mediationActions.recordPaperSignature, { caseId: view.id, partyId: 'p2', version: 1, photoFileId: 'cloud://test-env/mediation/sign.jpg' })).code).toBe('FORBIDDEN');
  const photo = ok(await harness.call(zhao, mediaActions.uploadImage, { context: 'mediation', image: TINY_PNG }));
  const agreed = ok(await harness.call(zhao, mediationActions.recordPaperSignature, { caseId: view.id, partyId: 'p2', version: 1, photoFileId: photo.fileId }));
  expect(agreed.status).toBe('agreed');
  expect(agreed.agreement?.confirmations.map((confirmation) => confirmation.via)).toEqual(['app', 'paper']);
  const reopened = ok(await harness.call(zhao, mediationActions.recordFollowUp, { caseId: view.id, result: 'broken', note: '又开始半夜跳绳。' }));
  expect(reopened.status).toBe('mediating');
  expect(reopened.agreement).toBeUndefined();
  expect(reopened.canDo).toEqual(expect.arrayContaining(['convene', 'proposeAgreement', 'close']));
  const closed = ok(await harness.call(zhao, mediationActions.closeCase, { caseId: view.id, outcome: 'unresolved', referral: 'peoplesMediation', note: '转街道人民调解委员会' }));
  expect(closed.referral).toBe('peoplesMediation');
  const figures = ok(await harness.call(zhao, mediationActions.figures, { stationId: 'xiluoyuan', from: '2026-11-01T00:00:00+08:00', to: '2027-01-01T00:00:00+08:00' }));
  expect(figures.station).toMatchObject({ closed: 1, resolved: 0, resolutionRate: 0, settledLocallyRate: 0, followUps: 1, followUpsHeld: 0, holdingRate: 0 });
  expect(figures.label).toBe('2026-11-01 至 2026-12-31');
  // The same by calendar period (Beijing time, the cloud's clock): this month holds it, last month does not.
  const thisMonth = ok(await harness.call(zhao, mediationActions.figures, { stationId: 'xiluoyuan', period: 'thisMonth' }));
  expect(thisMonth.label).toBe('2026 年 11 月');
  expect(thisMonth.station).toMatchObject({ closed: 1, followUps: 1 });
  expect(thisMonth.byCommunity.find((row) => row.key === 'xly-2')).toMatchObject({ label: '西罗园第二社区', closed: 1 });
  expect(thisMonth.byOfficer.map((row) => [row.label, row.closed])).toEqual([['赵警官', 1]]);
  const lastMonth = ok(await harness.call(zhao, mediationActions.figures, { stationId: 'xiluoyuan', period: 'lastMonth' }));
  expect([lastMonth.label, lastMonth.station.closed]).toEqual(['2026 年 10 月', 0]);
});

test('a place at the boundary of another jurisdiction brings that station’s beat officer in as co-mediator', async () => {
  const dongyuan = DEMO_BOUNDARIES.find((boundary) => boundary.communityId === 'dongyuan')!;
  const east = Math.max(...dongyuan.outer.map((point) => point.longitude));
  const kinCheng = persona('admin-gongshu').openid;
  const zheng = persona('officer-beat-wl').openid;
  recordSubscription(zheng, [MEDIATION_TEMPLATES.caseUpdate], { [MEDIATION_TEMPLATES.caseUpdate]: 'accept' });
  const opened = ok(
    await harness.call(kinCheng, mediationActions.openCase, {
      source: 'walkIn',
      communityId: 'dongyuan',
      category: 'noise',
      place: { text: '凤起立交桥下广场', location: { latitude: dongyuan.centre.latitude, longitude: east - 0.0003 } },
      description: '广场舞音响太响，附近居民投诉。',
      parties: [{ name: '投诉居民代表' }, { name: '广场舞队负责人' }],
    }),
  );
  expect(opened.ownerLabel).toBe('潮鸣派出所 金警官');
  expect(opened.mediators).toEqual(['潮鸣派出所 金警官', '武林派出所 郑警官（协同调解）']);
  // The co-mediator hears of it (he allowed case messages); the page it opens is the officer's case page.
  const told = readOutbox().find((item) => item.touser === zheng && item.templateId === MEDIATION_TEMPLATES.caseUpdate);
  expect(told?.page).toBe(`packages/officer/pages/mediation-case/index?id=${opened.id}`);
  expect(JSON.stringify(told?.data)).toContain('请协同调解');
  expect(ok(await harness.call(zheng, mediationActions.getCase, { caseId: opened.id })).viewer).toBe('officer');
});

test('a resident’s 申请调解 waits for the beat officer to take it on', async () => {
  const requested = ok(await harness.call(wang, mediationActions.requestMediation, { category: 'renovation', description: '隔壁装修周末一早就砸墙', place: { text: '西罗园二区5号楼' }, otherParty: { name: '隔壁装修户' } }));
  expect(requested.status).toBe('requested');
  expect(requested.ownerLabel).toBe('西罗园派出所 赵警官');
  expect(ok(await harness.call(zhao, mediationActions.listCases, { stationId: 'xiluoyuan', view: 'mine' })).map((item) => item.id)).toContain(requested.id);
  // Nothing but accept or decline is possible before it is taken on.
  const convene = await harness.call(zhao, mediationActions.conveneSession, { caseId: requested.id, at: new Date(Date.now() + DAY).toISOString(), participants: [{ kind: 'party', partyId: 'p1' }] });
  expect(failed(convene).code).toBe('CONFLICT');
  const accepted = ok(await harness.call(zhao, mediationActions.acceptRequest, { caseId: requested.id }));
  expect(accepted.status).toBe('accepted');
  expect(accepted.history.map((entry) => entry.label)).toEqual(['居民申请调解', '受理']);
});

test('a party who deletes their account leaves the case without their name, phone or identity', async () => {
  const view = await convened();
  ok(await harness.call(li, mediationActions.openPass, { token: tokenOf(view, '李先生') }));
  const liUserId = userIdFor(li);
  ok(await harness.call(li, privacyActions.deleteAccount, { confirmation: DELETE_CONFIRMATION }));
  const stored = JSON.stringify(harness.engine.find('mediation_cases', { _id: view.id }));
  // What the officer wrote about the dispute stays in the file; nothing that identifies or reaches the person does.
  for (const needle of [li, liUserId, '13912345678', '西罗园二区5号楼3单元602']) expect(stored).not.toContain(needle);
  const after = ok(await harness.call(zhao, mediationActions.getCase, { caseId: view.id }));
  expect(after.parties.map((party) => party.name)).toEqual(['王阿姨', '已注销']);
  expect(JSON.stringify(harness.engine.find('audit_log', { userId: liUserId }))).toBe('[]');
});

test('invitees who confirmed are reminded once, the day before the round table', async () => {
  const view = await convened();
  // 刘主任 allows the reminder when confirming; 张大爷 confirms but allows nothing; the timer sends what WeChat lets it.
  recordSubscription(committee, [MEDIATION_TEMPLATES.session], { [MEDIATION_TEMPLATES.session]: 'accept' });
  ok(await harness.call(committee, mediationActions.respondToInvitation, { token: tokenOf(view, '刘主任'), response: 'accepted' }));
  ok(await harness.call(buildingHead, mediationActions.respondToInvitation, { token: tokenOf(view, '张大爷'), response: 'accepted' }));
  const run = async () => (ok(await harness.timer('mediation', 'sendReminders') as never) as { sessionReminders: number }).sessionReminders;
  later(DAY - 3_600_000);
  expect(await run()).toBe(0);
  later(2 * 3_600_000);
  expect(await run()).toBe(1);
  expect(await run()).toBe(0);
  const message = readOutbox().find((item) => item.templateId === MEDIATION_TEMPLATES.session && item.touser === committee);
  expect(message?.page).toBe(`packages/mediation/pages/pass/index?token=${tokenOf(view, '刘主任')}`);
});

/** A tiny JPEG (SOI, a comment segment, EOI); `comment` lets a test carry the local "risky" marker. */
const jpeg = (comment = 'photo') => {
  const text = Buffer.from(comment, 'latin1');
  return Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xfe, 0, text.length + 2]), text, Buffer.from([0xff, 0xd9])]).toString('base64');
};
const mediationPhoto = async (openid: string, image = jpeg()) => ok(await harness.call(openid, mediaActions.uploadImage, { context: 'mediation', image })).fileId;
const storedPath = (fileId: string) => fileId.replace(/^cloud:\/\/[^/]+\//, '');

test('scene photos: opened with the case and added while it is open, each with its text alternative; a flagged one only for the officers', async () => {
  const [first, second] = [await mediationPhoto(zhao), await mediationPhoto(zhao)];
  const opened = ok(
    await harness.call(zhao, mediationActions.openCase, {
      source: 'walkIn',
      communityId: 'xly-2',
      category: 'renovation',
      place: { text: '西罗园二区5号楼楼道' },
      description: '楼道里堆满装修垃圾，邻居出入不便。',
      parties: [{ name: '王阿姨' }, { name: '装修户' }],
      photoFileIds: [first!, second!],
    }),
  );
  expect(opened.photos.map((photo) => photo.alt)).toEqual(['现场照片，第 1 张，共 2 张：西罗园二区5号楼楼道', '现场照片，第 2 张，共 2 张：西罗园二区5号楼楼道']);
  // Only the officer's own uploads for mediation: a 问片警 upload, or someone else's, is refused.
  const forConsult = ok(await harness.call(zhao, mediaActions.uploadImage, { context: 'consult', image: jpeg() })).fileId;
  expect(failed(await harness.call(zhao, mediationActions.addCasePhotos, { caseId: opened.id, photoFileIds: [forConsult] })).code).toBe('FORBIDDEN');
  const wangs = await mediationPhoto(wang);
  expect(failed(await harness.call(zhao, mediationActions.addCasePhotos, { caseId: opened.id, photoFileIds: [wangs] })).code).toBe('FORBIDDEN');
  // Another station's officer does not even find the case.
  expect(failed(await harness.call(hallChangqing, mediationActions.addCasePhotos, { caseId: opened.id, photoFileIds: [wangs] })).code).toBe('NOT_FOUND');
  expect(failed(await harness.call(zhao, mediationActions.addCasePhotos, { caseId: opened.id, photoFileIds: [] })).code).toBe('INVALID_INPUT');

  // A photo added later that WeChat's media check flags: the officers still see it, marked; the parties do not.
  const risky = await mediationPhoto(zhao, jpeg(LOCAL_RISKY_IMAGE_MARKER));
  const added = ok(await harness.call(zhao, mediationActions.addCasePhotos, { caseId: opened.id, photoFileIds: [risky] }));
  expect(added.photos).toHaveLength(3);
  await settleMediaChecks();
  const officerView = ok(await harness.call(zhao, mediationActions.getCase, { caseId: opened.id }));
  expect(officerView.photos.map((photo) => photo.flagged ?? false)).toEqual([false, false, true]);
  expect(officerView.photos[2]?.alt).toContain('仅民警可见');
  expect(harness.engine.find('audit_log', { type: 'mediation.case.photosAdded', caseId: opened.id })).toHaveLength(1);
  // Photos stop at the case's limit.
  const many = await Promise.all(Array.from({ length: 6 }, () => mediationPhoto(zhao)));
  ok(await harness.call(zhao, mediationActions.addCasePhotos, { caseId: opened.id, photoFileIds: many }));
  const over = await Promise.all(Array.from({ length: 4 }, () => mediationPhoto(zhao)));
  expect(failed(await harness.call(zhao, mediationActions.addCasePhotos, { caseId: opened.id, photoFileIds: over })).message).toContain('还能加 3 张');

  // A closed case takes no more photos.
  ok(await harness.call(zhao, mediationActions.closeCase, { caseId: opened.id, outcome: 'resolved', note: '当天清走了' }));
  expect(failed(await harness.call(zhao, mediationActions.addCasePhotos, { caseId: opened.id, photoFileIds: [over[0]!] })).code).toBe('CONFLICT');
});

test('a party sees the scene and meeting photos that passed the check; a signed paper copy only the officers; the photos go with the case at the end of its retention', async () => {
  const view = await convened();
  const scene = await mediationPhoto(zhao);
  const risky = await mediationPhoto(zhao, jpeg(LOCAL_RISKY_IMAGE_MARKER));
  ok(await harness.call(zhao, mediationActions.addCasePhotos, { caseId: view.id, photoFileIds: [scene, risky] }));
  await settleMediaChecks();
  const meeting = await mediationPhoto(zhao);
  const recorded = ok(await harness.call(zhao, mediationActions.recordSession, { caseId: view.id, sessionId: view.sessions[0]!.id, attendedInvitationIds: [], notes: '双方到场。', photoFileIds: [meeting] }));
  expect(recorded.sessions[0]?.record?.photos.map((photo) => photo.alt)).toEqual(['第 1 次圆桌调解会的照片，第 1 张，共 1 张']);
  ok(await harness.call(zhao, mediationActions.proposeAgreement, { caseId: view.id, terms: ['晚上十点后保持安静。'] }));
  const paper = await mediationPhoto(zhao);
  ok(await harness.call(zhao, mediationActions.recordPaperSignature, { caseId: view.id, partyId: 'p2', version: 1, photoFileId: paper }));
  const officerView = ok(await harness.call(zhao, mediationActions.getCase, { caseId: view.id }));
  expect(officerView.agreement?.confirmations[0]?.photo?.alt).toBe('李先生签字的纸质调解协议（第 1 版）照片');

  const hers = ok(await harness.call(wang, mediationActions.getCase, { caseId: view.id }));
  expect(hers.photos.map((photo) => photo.alt)).toEqual(['现场照片，第 1 张，共 1 张：西罗园二区5号楼3单元']);
  expect(hers.sessions[0]?.record?.photos).toHaveLength(1);
  expect(hers.agreement?.confirmations[0]?.photo).toBeUndefined();

  // Closed, then three years on: the case, its photos and their upload records are gone.
  ok(await harness.call(wang, mediationActions.confirmAgreement, { caseId: view.id, version: 1 }));
  later(7 * DAY);
  ok(await harness.call(zhao, mediationActions.recordFollowUp, { caseId: view.id, result: 'held', note: '履行良好。' }));
  const files = [scene, risky, meeting, paper];
  for (const fileId of files) {
    expect(harness.engine.find('media_files', { fileId })).toHaveLength(1);
    expect(resolveStoredFile(storedPath(fileId))).toBeDefined();
  }
  later(3 * 365 * DAY + DAY);
  ok((await harness.timer('privacy', 'enforceRetention')) as never);
  expect(harness.engine.find('mediation_cases', { _id: view.id })).toEqual([]);
  for (const fileId of files) {
    expect(harness.engine.find('media_files', { fileId })).toEqual([]);
    expect(resolveStoredFile(storedPath(fileId))).toBeUndefined();
  }
});

test('a resident’s photo that WeChat flags is hidden from the other side, and she is told', async () => {
  const risky = await mediationPhoto(wang, jpeg(LOCAL_RISKY_IMAGE_MARKER));
  const requested = ok(await harness.call(wang, mediationActions.requestMediation, { category: 'neighbour', description: '邻居把杂物堆在楼道', place: { text: '西罗园二区5号楼' }, otherParty: { name: '邻居' }, photoFileIds: [risky] }));
  expect(requested.photoNotice).toBeUndefined();
  await settleMediaChecks();
  const hers = ok(await harness.call(wang, mediationActions.getCase, { caseId: requested.id }));
  expect([hers.photos, hers.photoNotice]).toEqual([[], '您的 1 张照片未通过微信安全检查，只有办案民警能看到']);
  const officer = ok(await harness.call(zhao, mediationActions.getCase, { caseId: requested.id }));
  expect(officer.photos.map((photo) => photo.flagged)).toEqual([true]);
  expect(officer.photoNotice).toBeUndefined();
});

test('photos a resident attached to her 申请调解 leave the case with her account', async () => {
  const hers = await mediationPhoto(wang);
  const requested = ok(await harness.call(wang, mediationActions.requestMediation, { category: 'renovation', description: '隔壁装修周末一早就砸墙', place: { text: '西罗园二区5号楼' }, otherParty: { name: '隔壁装修户' }, photoFileIds: [hers] }));
  expect(requested.photos).toHaveLength(1);
  ok(await harness.call(wang, privacyActions.deleteAccount, { confirmation: DELETE_CONFIRMATION }));
  expect(harness.engine.find('mediation_cases', { _id: requested.id })[0]).toMatchObject({ photoFileIds: [] });
  expect(resolveStoredFile(storedPath(hers))).toBeUndefined();
  expect(ok(await harness.call(zhao, mediationActions.getCase, { caseId: requested.id })).photos).toEqual([]);
});
