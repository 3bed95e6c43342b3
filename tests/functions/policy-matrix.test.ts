/**
 * Every action × every role × own/other station, through the real functions. The expected
 * answers are written out here per policy, independently of domain/policy.ts, so an action
 * without a sample below — or a policy that drifts from this table — fails.
 */
import { allActions, type ActionDefinition } from '@domain/actions';
import { accountActions } from '@domain/actions/account';
import { mediationActions } from '@domain/actions/mediation';
import type { ActionResult } from '@domain/result';
import { DEMO_BOUNDARIES } from '@local-cloud/seed/demo-geography';
import { userIdFor } from '@platform/cloud/identity';
import type { PolicyName } from '@domain/policy';
import { DEFAULT_ROUTING_RULES } from '@domain/routing';
import { persona, startHarness, type CloudHarness } from '../support/cloud-harness';
import { DEMO_ARTICLE, demoArticleId } from '../support/demo-articles';

type Relation = 'own' | 'other';
type RoleKey = 'resident' | 'beat' | 'hall' | 'duty' | 'antiFraud' | 'stationAdmin' | 'districtAdmin';

/** A night-duty officer and nothing else (the demo's 程警官 is also 一区's beat officer): invited in beforeAll. */
const DUTY_ONLY = 'openid-duty-only-officer';

/** A persona (or an openid) per role, with a station it belongs to and one it does not. */
const ACTORS: Record<RoleKey, { persona: string; openid?: string; own: string; other: string }> = {
  resident: { persona: 'resident-xly2', own: 'xiluoyuan', other: 'changqing' },
  beat: { persona: 'officer-beat-xly', own: 'xiluoyuan', other: 'changqing' },
  duty: { persona: 'officer-duty-xly', openid: DUTY_ONLY, own: 'xiluoyuan', other: 'changqing' },
  hall: { persona: 'officer-hall-cq', own: 'changqing', other: 'xiluoyuan' },
  antiFraud: { persona: 'officer-antifraud-kq', own: 'kangqiao', other: 'xiluoyuan' },
  stationAdmin: { persona: 'admin-xly', own: 'xiluoyuan', other: 'changqing' },
  // A district admin's "own" stations are those of its district.
  districtAdmin: { persona: 'admin-gongshu', own: 'wulin', other: 'xiluoyuan' },
};

const ALL_ROLES = Object.keys(ACTORS) as RoleKey[];
const STAFF: RoleKey[] = ['beat', 'hall', 'duty', 'antiFraud', 'stationAdmin', 'districtAdmin'];

/** Who may call, per policy: roles allowed on their own station, and on another one. */
const EXPECTED: Record<PolicyName, Record<Relation, RoleKey[]>> = {
  signedIn: { own: ALL_ROLES, other: ALL_ROLES },
  stationStaff: { own: STAFF, other: [] },
  hallStaff: { own: ['hall', 'stationAdmin', 'districtAdmin'], other: [] },
  antiFraudStaff: { own: ['antiFraud', 'beat', 'stationAdmin', 'districtAdmin'], other: [] },
  beatStaff: { own: ['beat', 'stationAdmin', 'districtAdmin'], other: [] },
  stationAdmin: { own: ['stationAdmin', 'districtAdmin'], other: [] },
  districtAdmin: { own: ['districtAdmin'], other: [] },
  // None of the matrix's actors is a bank clerk (tests/functions/bank-checks.test.ts has them).
  bankPartner: { own: [], other: [] },
  system: { own: [], other: [] },
  visitor: { own: ALL_ROLES, other: ALL_ROLES },
};

/** A community of each sample station (the mediation roster is kept per community). */
const COMMUNITY_OF: Record<string, string> = { xiluoyuan: 'xly-2', changqing: 'changqing-ximen', kangqiao: 'kangqiao-xincun' };
const DISTRICT_OF: Record<string, string> = { xiluoyuan: 'fengtai', changqing: 'gongshu', kangqiao: 'gongshu', wulin: 'gongshu' };
const WEEKDAY = [{ start: '09:00', end: '12:00' }];
const SMALL_HALL = {
  windows: [{ id: 'w1', name: '综合窗口' }],
  services: [{ kind: 'idRenewal', minutes: 15, placesPerSlot: 4, note: '', windows: ['w1'] }],
  hours: { mon: WEEKDAY, tue: WEEKDAY, wed: WEEKDAY, thu: WEEKDAY, fri: WEEKDAY, sat: [], sun: [] },
  slotMinutes: 30,
  holidays: [],
  makeUpWorkdays: [],
  horizonDays: 14,
  bookingCutoffMinutes: 30,
  cancelCutoffMinutes: 60,
};

/** A valid input for every action, aimed at the given station. */
/** Demo items, looked up by title once the demo is loaded (their ids are made when they are published). */
let demoKnowledge = '';
let demoAlert = '';

const SAMPLES: Record<string, (stationId: string) => unknown> = {
  'account.me': () => ({}),
  'account.updateProfile': () => ({ nickname: '李大爷' }),
  'account.createInvite': (stationId) => ({ stationId, role: 'officer', officerKinds: ['beat'], validHours: 24 }),
  'account.listInvites': (stationId) => ({ stationId }),
  'account.revokeInvite': (stationId) => ({ stationId, code: 'ABCDEFGH' }),
  'account.redeemInvite': () => ({ code: 'ABCDEFGH', name: '冯志远', phone: '13800138000' }),
  'account.listStaff': (stationId) => ({ stationId }),
  'account.revokeStaff': (stationId) => ({ stationId, userId: 'u_nobody' }),
  'account.purgeExpiredInvites': () => ({}),
  'directory.listStations': () => ({}),
  'directory.listCommunities': (stationId) => ({ stationId }),
  'directory.resolveAddress': () => ({ text: '西罗园二区5号楼' }),
  'directory.locate': () => ({ latitude: 39.85, longitude: 116.39 }),
  'directory.bindHomeCommunity': () => ({ communityId: 'xly-2', via: 'list' }),
  'directory.myBeatCard': () => ({}),
  'directory.routeQuestion': () => ({ category: 'household', text: '身份证快到期了，怎么换' }),
  'directory.listOfficerAlerts': (stationId) => ({ stationId }),
  'directory.getRoutingRules': (stationId) => ({ stationId }),
  'directory.updateRoutingRules': (stationId) => ({ stationId, byCategory: DEFAULT_ROUTING_RULES }),
  'consult.startThread': () => ({ category: 'household', text: '户口迁移需要什么材料' }),
  'consult.startFraudCheck': () => ({ amount: 5000, payeeKind: 'safeAccount', channel: 'phoneCall' }),
  'consult.listMyThreads': () => ({}),
  // Threads that do not exist: NOT_FOUND for everyone (access is checked on the thread itself).
  'consult.getThread': () => ({ threadId: 'no-such-thread' }),
  'consult.olderMessages': () => ({ threadId: 'no-such-thread', before: 'no-such-message' }),
  'consult.sendMessage': () => ({ threadId: 'no-such-thread', clientId: 'client-0001', text: '您好' }),
  'consult.markRead': () => ({ threadId: 'no-such-thread' }),
  'consult.closeAndRate': () => ({ threadId: 'no-such-thread', stars: 5 }),
  'consult.reopenThread': () => ({ threadId: 'no-such-thread' }),
  'consult.closeWithOutcome': () => ({ threadId: 'no-such-thread', outcome: 'answered' }),
  'consult.transferThread': () => ({ threadId: 'no-such-thread', toStationId: 'changqing', note: '归长庆管' }),
  'consult.officerInbox': (stationId) => ({ stationId, view: 'station' }),
  'consult.listTransferTargets': (stationId) => ({ stationId }),
  'consult.getQuickReplies': (stationId) => ({ stationId }),
  'consult.saveQuickReplies': (stationId) => ({ stationId, replies: ['您好，已收到'] }),
  'consult.getResponseTargets': (stationId) => ({ stationId }),
  'consult.setResponseTargets': (stationId) => ({ stationId, minutes: { urgent: 10, high: 60, normal: 240 } }),
  'consult.escalateOverdue': () => ({}),
  'consult.raiseBankCheck': () => ({ amount: 90000, payeeKind: 'appOrWebsite', channel: 'investGroup' }),
  'consult.listBranchChecks': () => ({}),
  'consult.openBankChecks': (stationId) => ({ stationId }),
  'consult.closeBankCheck': () => ({ threadId: 'no-such-thread', outcome: 'stopped' }),
  'consult.bankCheckFigures': (stationId) => ({ stationId }),
  'account.listBankBranches': (stationId) => ({ stationId }),
  'account.saveBankBranch': (stationId) => ({ stationId, name: '工商银行某支行', address: '某路1号' }),
  'account.createPartnerInvite': (stationId) => ({ stationId, branchId: 'bb-nobranch', validHours: 24 }),
  'directory.contactCardCode': (stationId) => ({ stationId, communityId: 'no-such-community' }),
  'directory.openContactCard': () => ({ scene: 'k=ZZZZZZZZZZ' }),
  'feed.recordGroupLanding': () => ({ articleId: demoKnowledge }),
  'feed.nameGroup': (stationId) => ({ stationId, shareCloudId: 'local_nosuchcloudid', name: '某某群', communityId: 'no-such-community' }),
  'feed.articleGroupReach': (stationId) => ({ stationId, articleId: demoKnowledge }),
  'feed.listArticles': () => ({ fraudType: 'fake-police' }),
  'feed.getArticle': () => ({ id: demoKnowledge }),
  'feed.readSharedArticle': () => ({ id: demoKnowledge }),
  'feed.sendAlertMessages': () => ({}),
  'feed.listPinned': () => ({}),
  'feed.shareArticle': () => ({ id: demoKnowledge, channel: 'chat' }),
  'feed.acknowledgeArticle': () => ({ id: demoAlert }),
  'feed.subscribeAlerts': () => ({ accepted: 1 }),
  'feed.startQuiz': () => ({ fraudType: 'fake-refund' }),
  'feed.submitQuiz': () => ({ roundId: 'no-such-round', answers: ['a', 'b', 'c', 'a', 'b'] }),
  'feed.publishArticle': (stationId) => ({
    stationId,
    draft: { kind: 'knowledge', title: '防骗小知识', summary: '摘要', body: ['正文'], tips: ['要点'], fraudTypes: ['other'], audiences: ['everyone'], target: { scope: 'station' }, urgent: false, images: [] },
  }),
  'feed.updateArticle': (stationId) => ({
    stationId,
    id: 'no-such-article',
    draft: { kind: 'knowledge', title: '防骗小知识', summary: '摘要', body: ['正文'], tips: ['要点'], fraudTypes: ['other'], audiences: ['everyone'], target: { scope: 'station' }, urgent: false, images: [] },
  }),
  'feed.withdrawArticle': (stationId) => ({ stationId, id: 'no-such-article' }),
  'feed.getDraft': (stationId) => ({ stationId, id: 'no-such-article' }),
  'feed.listStationArticles': (stationId) => ({ stationId }),
  'feed.articleStats': (stationId) => ({ stationId, id: 'no-such-article' }),
  'booking.listServices': (stationId) => ({ stationId }),
  'booking.availability': (stationId) => ({ stationId, service: 'idRenewal' }),
  // A slot long past: refused as EXPIRED, never booked.
  'booking.reserve': (stationId) => ({ slotId: `${stationId}:idRenewal:2025-06-03:0900`, person: { self: true }, needs: { kinds: [] } }),
  'booking.cancel': () => ({ bookingId: 'bk_0000000000000' }),
  'booking.reschedule': (stationId) => ({ bookingId: 'bk_0000000000000', slotId: `${stationId}:idRenewal:2025-06-03:0930` }),
  'booking.myBookings': () => ({}),
  'booking.joinWaitlist': (stationId) => ({ slotId: `${stationId}:idRenewal:2025-06-03:0900`, person: { self: true } }),
  'booking.myWaitlist': () => ({}),
  'booking.claimWaitlistHold': (stationId) => ({ slotId: `${stationId}:idRenewal:2025-06-03:0900`, entryId: 'wl_nobody' }),
  'booking.leaveWaitlist': (stationId) => ({ slotId: `${stationId}:idRenewal:2025-06-03:0900`, entryId: 'wl_nobody' }),
  'booking.saveFamilyMember': () => ({ name: '李秀英', idNumber: '110102195003071231', phone: '13812345678', relation: 'parent' }),
  'booking.listFamilyMembers': () => ({}),
  'booking.removeFamilyMember': () => ({ id: 'fm_nobody' }),
  'booking.hallRoster': (stationId) => ({ stationId }),
  'booking.checkIn': (stationId) => ({ stationId, code: '123456' }),
  'booking.closeHall': (stationId) => ({ stationId, day: new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10), reason: '系统维护' }),
  'booking.sendBookingReminders': () => ({}),
  'booking.markNoShows': () => ({}),
  'booking.hallHousekeeping': () => ({}),
  // Cases and passes that do not exist: NOT_FOUND for everyone (access is checked on the case itself).
  'mediation.openCase': () => ({ source: 'thread', threadId: 'no-such-thread', category: 'noise', place: { text: '西罗园二区5号楼' }, description: '楼上噪音', parties: [] }),
  'mediation.requestMediation': () => ({ category: 'noise', description: '楼上每天夜里很吵', place: { text: '西罗园二区5号楼' }, otherParty: { name: '楼上邻居' } }),
  'mediation.acceptRequest': () => ({ caseId: 'no-such-case' }),
  'mediation.addCasePhotos': () => ({ caseId: 'no-such-case', photoFileIds: ['cloud://local-dev/uploads/mediation/scene.jpg'] }),
  'mediation.declineRequest': () => ({ caseId: 'no-such-case', reason: '不属于调解范围' }),
  'mediation.listCases': (stationId) => ({ stationId, view: 'station' }),
  'mediation.myCases': () => ({}),
  'mediation.getCase': () => ({ caseId: 'no-such-case' }),
  'mediation.caseRoster': () => ({ caseId: 'no-such-case' }),
  'mediation.getRoster': (stationId) => ({ stationId, communityId: COMMUNITY_OF[stationId] ?? 'none' }),
  'mediation.saveRoster': (stationId) => ({ stationId, communityId: COMMUNITY_OF[stationId] ?? 'none', members: [{ force: 'committee', name: '刘主任' }] }),
  'mediation.conveneSession': () => ({ caseId: 'no-such-case', at: new Date(Date.now() + 86_400_000).toISOString(), participants: [{ kind: 'party', partyId: 'p1' }] }),
  'mediation.openPass': () => ({ token: 'no-such-token-0000000' }),
  'mediation.respondToInvitation': () => ({ token: 'no-such-token-0000000', response: 'accepted' }),
  'mediation.recordSession': () => ({ caseId: 'no-such-case', sessionId: 's1', attendedInvitationIds: [], notes: '双方到场' }),
  'mediation.proposeAgreement': () => ({ caseId: 'no-such-case', terms: ['晚上九点后不再装修'] }),
  'mediation.confirmAgreement': () => ({ caseId: 'no-such-case', version: 1 }),
  'mediation.recordPaperSignature': () => ({ caseId: 'no-such-case', partyId: 'p2', version: 1, photoFileId: 'cloud://local-dev/mediation/sign.jpg' }),
  'mediation.agreementDocument': () => ({ caseId: 'no-such-case' }),
  'mediation.recordFollowUp': () => ({ caseId: 'no-such-case', result: 'held', note: '双方表示协议履行良好' }),
  'mediation.closeCase': () => ({ caseId: 'no-such-case', outcome: 'resolved', note: '已化解' }),
  'mediation.figures': (stationId) => ({ stationId, from: '2026-01-01T00:00:00.000Z', to: '2027-01-01T00:00:00.000Z' }),
  'mediation.sendReminders': () => ({}),
  'consult.revealPersonalNumbers': () => ({ threadId: 'no-such-thread', messageId: 'no-such-message', purpose: 'contactResident' }),
  'dashboard.stationDashboard': (stationId) => ({ stationId, period: 'thisWeek' }),
  'dashboard.rollUpDailyStats': () => ({}),
  'dashboard.exportDashboard': (stationId) => ({ stationId, period: 'thisWeek' }),
  'dashboard.auditLog': (stationId) => ({ stationId }),
  'dashboard.districtAuditLog': (stationId) => ({ districtId: DISTRICT_OF[stationId], stationId }),
  'dashboard.exportAuditLog': (stationId) => ({ stationId, group: 'personalData' }),
  'dashboard.exportDistrictAuditLog': (stationId) => ({ districtId: DISTRICT_OF[stationId] }),
  'dashboard.districtComparison': (stationId) => ({ districtId: DISTRICT_OF[stationId], period: 'thisWeek' }),
  'media.uploadImage': () => ({ context: 'consult', image: '/9j/4AAQSkZJRgABAQ==' }),
  'privacy.myData': () => ({}),
  'privacy.exportMyData': () => ({}),
  'privacy.deletionPlan': () => ({}),
  // Run last of the per-role cases: a resident persona's account is erased (the next call starts a new one).
  'privacy.deleteAccount': () => ({ confirmation: '确认注销' }),
  'privacy.enforceRetention': () => ({}),
  'station.createStation': (stationId) => ({
    districtId: DISTRICT_OF[stationId],
    stationId: `new-${stationId}`,
    name: '新开派出所',
    address: '某区某路 1 号',
    phone: '010-6721 0199',
    latitude: 39.9,
    longitude: 116.4,
  }),
  'station.listOfficers': (stationId) => ({ stationId }),
  'station.myOfficerProfile': () => ({}),
  'station.updateMyOfficerProfile': () => ({ title: '赵警官', phone: '13800138000' }),
  'station.setMyOfficerPhoto': () => ({ photoFileId: null }),
  'station.removeOfficerPhoto': (stationId) => ({ stationId, officerId: 'o-nobody' }),
  'station.armAlerts': () => ({ accepted: 1 }),
  // Officers, shifts and leave that do not exist: NOT_FOUND for whoever may ask.
  'station.assignOfficer': (stationId) => ({ stationId, officerId: 'o-nobody', communityIds: [], kinds: ['beat'] }),
  'station.deactivateOfficer': (stationId) => ({ stationId, officerId: 'o-nobody', successorId: 'o-nobody-else' }),
  'station.stationOverview': (stationId) => ({ stationId }),
  'station.rosterWeek': (stationId) => ({ stationId }),
  'station.addShift': (stationId) => ({ stationId, officerId: 'o-nobody', kind: 'duty', day: '2026-12-07', start: '18:00', end: '08:00' }),
  'station.removeShift': (stationId) => ({ stationId, shiftId: 'no-such-shift' }),
  'station.swapShifts': (stationId) => ({ stationId, shiftId: 'no-such-shift', otherShiftId: 'no-such-shift-2' }),
  'station.repeatWeek': (stationId) => ({ stationId, weekStart: '2020-01-06' }),
  'station.addLeave': (stationId) => ({ stationId, officerId: 'o-nobody', fromDay: '2026-12-07', toDay: '2026-12-08' }),
  'station.removeLeave': (stationId) => ({ stationId, leaveId: 'no-such-leave' }),
  'station.savePost': (stationId) => ({ stationId, postId: 'no-such-post', name: '新警务区', phone: '010-6721 0188' }),
  'station.checkBoundary': (stationId) => ({ stationId, geojson: '{"type":"Point","coordinates":[116.4,39.9]}' }),
  'station.saveCommunity': (stationId) => ({ stationId, communityId: 'no-such-community', name: '新社区', aliases: [], postId: 'no-such-post' }),
  'station.getHallSettings': (stationId) => ({ stationId }),
  'station.saveHallSettings': (stationId) => ({ stationId, ...SMALL_HALL }),
};

const key = (definition: ActionDefinition) => `${definition.fn}.${definition.name}`;

let harness: CloudHarness;
beforeAll(async () => {
  harness = await startHarness();
  demoKnowledge = demoArticleId(harness, DEMO_ARTICLE.fakeRefundKnowledge);
  demoAlert = demoArticleId(harness, DEMO_ARTICLE.xlyFakePolice);
  const admin = persona('admin-xly').openid;
  const invite = await harness.call(admin, accountActions.createInvite, { stationId: 'xiluoyuan', role: 'officer', officerKinds: ['duty'], validHours: 1, note: '值班' });
  if (!invite.ok) throw new Error(invite.error.message);
  const redeemed = await harness.call(DUTY_ONLY, accountActions.redeemInvite, { code: invite.data.code, name: '钱进', phone: '010-6721 0139' });
  if (!redeemed.ok) throw new Error(redeemed.error.message);
});
afterAll(() => harness.close());

/**
 * 圆桌调解 across a boundary: a case in 潮鸣's 东园社区 beside 武林's 凤起社区 brings 武林's beat officer
 * in as co-mediator. He reads the host community's roster and acts on that case — through the case,
 * and on no other of 潮鸣's cases, rosters or lists; a colleague of his who is not on the case gets nothing.
 */
describe('a co-mediator from another station', () => {
  const jin = persona('officer-beat-cm').openid; // 潮鸣, owns 东园
  const zheng = persona('officer-beat-wl').openid; // 武林, co-mediator
  const colleague = 'openid-wulin-second-beat-officer';
  const value = <T,>(result: ActionResult<T>): T => {
    if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
    return result.data;
  };
  const code = (result: ActionResult<unknown>) => (result.ok ? 'OK' : result.error.code);
  const dongyuan = DEMO_BOUNDARIES.find((boundary) => boundary.communityId === 'dongyuan')!;
  const eastEdge = Math.max(...dongyuan.outer.map((point) => point.longitude));
  let boundaryCaseId = '';
  let inlandCaseId = '';
  let memberId = '';

  beforeAll(async () => {
    const roster = value(await harness.call(jin, mediationActions.saveRoster, { stationId: 'chaoming', communityId: 'dongyuan', members: [{ force: 'committee', name: '东园社区 陈书记', phone: '13757101301' }] }));
    memberId = roster.members[0]!.id;
    const place = (longitude: number, text: string) => ({ text, location: { latitude: dongyuan.centre.latitude, longitude } });
    const parties = [{ name: '投诉居民代表' }, { name: '广场舞队负责人' }];
    const boundary = value(await harness.call(jin, mediationActions.openCase, { source: 'walkIn', communityId: 'dongyuan', category: 'noise', place: place(eastEdge - 0.0003, '凤起立交桥下广场'), description: '广场舞音响太响。', parties }));
    expect(boundary.mediators).toEqual(['潮鸣派出所 金警官', '武林派出所 郑警官（协同调解）']);
    boundaryCaseId = boundary.id;
    const inland = value(await harness.call(jin, mediationActions.openCase, { source: 'walkIn', communityId: 'dongyuan', category: 'neighbour', place: { text: '东园社区3幢' }, description: '楼道堆物。', parties }));
    expect(inland.mediators).toEqual(['潮鸣派出所 金警官']);
    inlandCaseId = inland.id;
    // A second beat officer at 武林, not on the case.
    const invite = value(await harness.call(persona('admin-gongshu').openid, accountActions.createInvite, { stationId: 'wulin', role: 'officer', officerKinds: ['beat'], validHours: 24 }));
    value(await harness.call(colleague, accountActions.redeemInvite, { code: invite.code, name: '吴新', phone: '13800138001' }));
  });

  test('allowed: he reads the host community’s roster through the case, convenes with it, sees the case among his own', async () => {
    const roster = value(await harness.call(zheng, mediationActions.caseRoster, { caseId: boundaryCaseId }));
    expect(roster.communityName).toBe('东园社区');
    expect(roster.members.map((member) => member.name)).toEqual(['东园社区 陈书记']);
    expect(harness.engine.find('audit_log', { type: 'mediation.roster.read', caseId: boundaryCaseId, by: userIdFor(zheng) })).toHaveLength(1);
    const convened = value(
      await harness.call(zheng, mediationActions.conveneSession, {
        caseId: boundaryCaseId,
        at: new Date(Date.now() + 86_400_000).toISOString(),
        participants: [{ kind: 'party', partyId: 'p1' }, { kind: 'roster', memberId }],
      }),
    );
    expect(convened.sessions[0]?.invitations.map((invitation) => invitation.roleLabel)).toEqual(['当事人', '居委会']);
    expect(convened.sessions[0]?.invitations[1]?.phone).toBe('13757101301');
    const mine = value(await harness.call(zheng, mediationActions.listCases, { stationId: 'wulin', view: 'mine' }));
    expect(mine.map((item) => item.id)).toContain(boundaryCaseId);
    expect(mine.map((item) => item.id)).not.toContain(inlandCaseId);
  });

  test('refused: the host station’s rosters and lists directly, a host case he is not on, and anything of it for a colleague not on it', async () => {
    expect(code(await harness.call(zheng, mediationActions.getRoster, { stationId: 'chaoming', communityId: 'dongyuan' }))).toBe('FORBIDDEN');
    expect(code(await harness.call(zheng, mediationActions.saveRoster, { stationId: 'chaoming', communityId: 'dongyuan', members: [] }))).toBe('FORBIDDEN');
    expect(code(await harness.call(zheng, mediationActions.listCases, { stationId: 'chaoming', view: 'station' }))).toBe('FORBIDDEN');
    expect(code(await harness.call(zheng, mediationActions.figures, { stationId: 'chaoming' }))).toBe('FORBIDDEN');
    for (const action of [mediationActions.getCase, mediationActions.caseRoster]) expect(code(await harness.call(zheng, action, { caseId: inlandCaseId }))).toBe('NOT_FOUND');
    expect(code(await harness.call(zheng, mediationActions.conveneSession, { caseId: inlandCaseId, at: new Date(Date.now() + 86_400_000).toISOString(), participants: [{ kind: 'roster', memberId }] }))).toBe('NOT_FOUND');
    for (const action of [mediationActions.getCase, mediationActions.caseRoster]) expect(code(await harness.call(colleague, action, { caseId: boundaryCaseId }))).toBe('NOT_FOUND');
    expect(code(await harness.call(colleague, mediationActions.addCasePhotos, { caseId: boundaryCaseId, photoFileIds: ['cloud://test-env/uploads/mediation/x.jpg'] }))).toBe('NOT_FOUND');
    // A resident, and an officer of an unrelated station, get nothing either.
    expect(code(await harness.call(persona('resident-xly2').openid, mediationActions.caseRoster, { caseId: boundaryCaseId }))).toBe('NOT_FOUND');
    expect(code(await harness.call(persona('officer-hall-cq').openid, mediationActions.caseRoster, { caseId: boundaryCaseId }))).toBe('NOT_FOUND');
  });
});

test('every action has a sample input and a policy the matrix knows', () => {
  for (const definition of allActions()) {
    expect({ action: key(definition), hasSample: key(definition) in SAMPLES }).toEqual({ action: key(definition), hasSample: true });
    expect(Object.keys(EXPECTED)).toContain(definition.policy);
  }
});

const cases = allActions().flatMap((definition) =>
  ALL_ROLES.flatMap((role) => (['own', 'other'] as Relation[]).map((relation) => [key(definition), role, relation, definition] as const)),
);

test.each(cases)('%s as %s on %s station', async (_name, role, relation, definition) => {
  const actor = ACTORS[role];
  const sample = SAMPLES[key(definition)];
  if (!sample) throw new Error(`no sample input for ${key(definition)}`);
  const result = await harness.raw(actor.openid ?? persona(actor.persona).openid, definition.fn, { action: definition.name, input: sample(actor[relation]) });
  const code = (result as { ok: boolean; error?: { code: string } }).ok ? 'OK' : (result as { error: { code: string } }).error.code;

  if (EXPECTED[definition.policy][relation].includes(role)) {
    expect(['FORBIDDEN', 'UNAUTHENTICATED', 'INVALID_INPUT', 'INTERNAL', 'UNKNOWN_ACTION']).not.toContain(code);
  } else {
    expect(code).toBe('FORBIDDEN');
  }
});

test('timer-only actions run from a timer and from nowhere else', async () => {
  for (const definition of allActions().filter((candidate) => candidate.policy === 'system')) {
    const result = (await harness.timer(definition.fn, definition.name)) as { ok: boolean };
    expect(result.ok).toBe(true);
  }
  const anonymous = (await harness.raw(undefined, 'account', { action: 'me', input: {} })) as { ok: boolean; error: { code: string } };
  expect(anonymous.error.code).toBe('UNAUTHENTICATED');
});
