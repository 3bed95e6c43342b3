/**
 * Personal data under PIPL, through the real functions on the embedded database: the registry
 * covers every collection, 我的数据 and the export hold everything found about a resident,
 * deleting the account leaves nothing findable by their openid, user id, phone or name, and the
 * retention timer removes what is past its time in bounded batches.
 */
import { accountActions } from '@domain/actions/account';
import { bookingActions } from '@domain/actions/booking';
import { consultActions } from '@domain/actions/consult';
import { directoryActions } from '@domain/actions/directory';
import { feedActions } from '@domain/actions/feed';
import { DELETE_CONFIRMATION, privacyActions } from '@domain/actions/privacy';
import { RETENTION_DAYS } from '@domain/privacy/retention';
import { downloadFile, getTempFileURL } from '@local-cloud/wechat';
import { mediaActions } from '@domain/actions/media';
import { stationActions } from '@domain/actions/station';
import { COLLECTIONS } from '@platform/cloud/collections';
import { userIdFor } from '@platform/cloud/identity';
import { NOT_RESIDENT_DATA, PERSONAL_DATA } from '@platform/cloud/personal-data';
import { persona } from '../support/cloud-harness';
import { clockedHarness, failed, ok } from '../support/clocked-harness';
import { DEMO_ARTICLE, demoArticleId } from '../support/demo-articles';
import { slotPlaces } from '../support/places';

/** A Wednesday, 10:00 Beijing time: 赵警官 is on his day shift, the hall at 长庆 takes bookings. */
const WEDNESDAY_MORNING = new Date('2026-11-25T10:00:00+08:00');
const DAY = 86_400_000;
const harness = clockedHarness(WEDNESDAY_MORNING);

const RESIDENT = 'openid-pipl-li';
const PHONE = '13812345678';
const FAMILY_PHONE = '13900001111';
const FAMILY_ID = '110102195003071231';
const zhao = () => persona('officer-beat-xly').openid;
const hall = () => persona('officer-hall-cq').openid;

/** Everything a resident can leave behind, through the app's own actions. */
async function liveALittle(openid = RESIDENT): Promise<{ threadId: string; bookingIds: string[] }> {
  ok(await harness.call(openid, accountActions.updateProfile, { nickname: '李大爷' }));
  ok(await harness.call(openid, directoryActions.bindHomeCommunity, { communityId: 'xly-2', via: 'list' }));
  const mother = ok(await harness.call(openid, bookingActions.saveFamilyMember, { name: '李秀英', idNumber: FAMILY_ID, phone: FAMILY_PHONE, relation: 'parent' }));
  const mine = ok(await harness.call(openid, bookingActions.reserve, { slotId: 'changqing:idRenewal:2026-11-26:0900', person: { self: true }, needs: { kinds: [] } }));
  const hers = ok(await harness.call(openid, bookingActions.reserve, { slotId: 'changqing:idRenewal:2026-11-26:0930', person: { familyMemberId: mother.id }, needs: { kinds: ['wheelchair'] } }));
  const started = ok(await harness.call(openid, consultActions.startThread, { category: 'household', text: `户口迁移要带什么？我电话${PHONE}` }));
  if (started.kind !== 'sent') throw new Error('expected a thread');
  ok(await harness.call(zhao(), consultActions.sendMessage, { threadId: started.threadId, clientId: 'officer-reply-1', text: '带上户口本和身份证就行' }));
  ok(await harness.call(openid, consultActions.sendMessage, { threadId: started.threadId, clientId: 'resident-reply-1', text: '好的谢谢' }));
  ok(await harness.call(openid, feedActions.acknowledgeArticle, { id: demoArticleId(harness, DEMO_ARTICLE.xlyFakePolice) }));
  ok(await harness.call(openid, feedActions.startQuiz, {}));
  ok(await harness.call(openid, feedActions.subscribeAlerts, { accepted: 1 }));
  return { threadId: started.threadId, bookingIds: [mine.id, hers.id] };
}

/** Every document in the database whose stored form mentions one of `needles`, by collection. */
function mentions(...needles: string[]): Record<string, number> {
  const found: Record<string, number> = {};
  for (const collection of harness.engine.collectionNames()) {
    const count = harness.engine.find(collection).filter((doc) => needles.some((needle) => JSON.stringify(doc).includes(needle))).length;
    if (count > 0) found[collection] = count;
  }
  return found;
}

describe('the registry', () => {
  test('every collection is either declared personal data (with purpose, readers, retention) or said not to be, never both', () => {
    const declared = new Set(PERSONAL_DATA.map((spec) => spec.collection));
    for (const name of Object.values(COLLECTIONS)) {
      const personal = declared.has(name);
      const not = Object.hasOwn(NOT_RESIDENT_DATA, name);
      expect({ name, covered: personal !== not }).toEqual({ name, covered: true });
    }
    for (const spec of PERSONAL_DATA) {
      expect(spec.purpose && spec.readers && spec.retention && spec.holds).toBeTruthy();
    }
  });

  test('a resident who uses every feature leaves data only in collections the registry covers', async () => {
    await liveALittle();
    const userId = userIdFor(RESIDENT);
    const declared = new Set<string>(PERSONAL_DATA.map((spec) => spec.collection));
    const uncovered = Object.keys(mentions(RESIDENT, userId, '李大爷', '李秀英')).filter((collection) => !declared.has(collection));
    expect(uncovered).toEqual([]);
  });
});

describe('我的数据 and export', () => {
  test('我的数据 lists every group with what is held, masked', async () => {
    await liveALittle();
    const view = ok(await harness.call(RESIDENT, privacyActions.myData, {}));
    const group = (key: string) => view.groups.find((candidate) => candidate.group === key)!;
    expect(group('account').lines[0]).toContain('李大爷');
    expect(group('community').lines).toEqual(['西罗园第二社区']);
    expect(group('family').lines[0]).toContain('李秀英');
    expect(group('family').lines[0]).not.toContain(FAMILY_ID);
    expect(group('bookings').count).toBeGreaterThanOrEqual(2);
    expect(group('consult').lines.join()).not.toContain(PHONE);
    expect(group('feed').count).toBe(2);
    expect(group('subscriptions').count).toBe(1);
    for (const entry of view.groups) expect(entry.retention).not.toBe('');
  });

  test('the export holds every personal-data collection the resident appears in, as JSON and as readable text, in cloud storage', async () => {
    await liveALittle();
    const userId = userIdFor(RESIDENT);
    const exported = ok(await harness.call(RESIDENT, privacyActions.exportMyData, {}));
    expect(exported.files.map((file) => file.kind)).toEqual(['readable', 'json']);
    expect(new Date(exported.expiresAt).getTime() - WEDNESDAY_MORNING.getTime()).toBe(RETENTION_DAYS.dataExport * DAY);
    const record = harness.engine.find('data_exports', { userId })[0] as { fileIds: string[] };
    const [text, json] = await Promise.all(record.fileIds.map(async (fileID) => (await downloadFile({ fileID })).fileContent.toString('utf8')));
    const data = JSON.parse(json!) as { groups: Record<string, Record<string, unknown[]>> };
    const exportedCollections = new Set(Object.values(data.groups).flatMap((collections) => Object.keys(collections)));
    const present = Object.keys(mentions(RESIDENT, userId, '李大爷', '李秀英')).filter((collection) => collection !== 'data_exports' && collection !== 'audit_log');
    for (const collection of present) expect({ collection, exported: exportedCollections.has(collection) }).toEqual({ collection, exported: true });
    // The resident's own words are theirs to have in full; the family member's numbers stay masked.
    expect(text).toContain(PHONE);
    // The question, held in its thread since December 2026, is exported as the message it is, once.
    const consult = data.groups.consult as Record<string, Record<string, unknown>[]>;
    expect(consult.consult_messages!.filter((message) => message.text === `户口迁移要带什么？我电话${PHONE}`)).toEqual([expect.objectContaining({ from: 'resident', photos: 0 })]);
    expect(JSON.stringify(consult.consult_threads)).not.toContain('firstMessage');
    expect(text).toContain('【家人】');
    expect(text).not.toContain(FAMILY_ID);
    expect(json).not.toContain(RESIDENT);
  });
});

describe('an emergency the resident sent after the 110 prompt', () => {
  test('its alert is exported as the alert it is, and goes with the account', async () => {
    ok(await harness.call(RESIDENT, directoryActions.bindHomeCommunity, { communityId: 'xly-2', via: 'list' }));
    const text = `楼下有人拿刀砍人，快来！我电话${PHONE}`;
    ok(await harness.call(RESIDENT, consultActions.startThread, { category: 'other', text, afterEmergencyPrompt: true }));
    const exported = ok(await harness.call(RESIDENT, privacyActions.exportMyData, {}));
    const record = harness.engine.find('data_exports', { userId: userIdFor(RESIDENT) })[0] as { fileIds: string[] };
    const json = (await downloadFile({ fileID: record.fileIds[1]! })).fileContent.toString('utf8');
    expect(exported.files.map((file) => file.kind)).toEqual(['readable', 'json']);
    const consult = (JSON.parse(json) as { groups: Record<string, Record<string, Record<string, unknown>[]>> }).groups.consult!;
    expect(consult.officer_notifications).toEqual([{ text: '楼下有人拿刀砍人，快来！我电话138****5678', at: expect.any(String) }]);
    expect(consult.routing_decisions).toEqual([expect.not.objectContaining({ alert: expect.anything() })]);

    ok(await harness.call(RESIDENT, privacyActions.deleteAccount, { confirmation: DELETE_CONFIRMATION }));
    expect(harness.engine.find('routing_decisions')).toEqual([]);
    expect(ok(await harness.call(zhao(), directoryActions.listOfficerAlerts, { stationId: 'xiluoyuan' }))).toEqual([]);
  });
});

describe('deleting the account', () => {
  test('the resident is told what stays and until when; officers cannot delete their work accounts here', async () => {
    const { threadId } = await liveALittle();
    ok(await harness.call(zhao(), consultActions.closeWithOutcome, { threadId, outcome: 'answered' }));
    const plan = ok(await harness.call(RESIDENT, privacyActions.deletionPlan, {}));
    expect(plan.blockers).toEqual([]);
    expect(plan.erased.join()).toContain('2 个还没办理的预约会先取消');
    const reply = plan.kept.find((kept) => kept.what.includes('民警的回复'))!;
    expect(new Date(reply.until).getTime() - WEDNESDAY_MORNING.getTime()).toBe(RETENTION_DAYS.closedThread * DAY);
    expect(plan.kept.some((kept) => kept.what.includes('审计'))).toBe(true);

    const officerPlan = ok(await harness.call(zhao(), privacyActions.deletionPlan, {}));
    expect(officerPlan.blockers).toHaveLength(1);
    expect(failed(await harness.call(zhao(), privacyActions.deleteAccount, { confirmation: DELETE_CONFIRMATION })).code).toBe('CONFLICT');
    expect(failed(await harness.call(RESIDENT, privacyActions.deleteAccount, { confirmation: '好' } as never)).code).toBe('INVALID_INPUT');
  });

  test('leaves nothing findable by openid, user id, phone or name; places go back; the officer sees 已注销; signing in again starts empty', async () => {
    const { threadId } = await liveALittle();
    const userId = userIdFor(RESIDENT);
    ok(await harness.call(RESIDENT, privacyActions.exportMyData, {}));
    expect(Object.keys(mentions(RESIDENT, userId, PHONE, '李大爷', '李秀英')).length).toBeGreaterThanOrEqual(12);
    const remainingBefore = slotPlaces(harness.engine, 'changqing:idRenewal:2026-11-26:0900').remaining;

    const result = ok(await harness.call(RESIDENT, privacyActions.deleteAccount, { confirmation: DELETE_CONFIRMATION }));
    expect(result.deleted).toBe(true);

    expect(mentions(RESIDENT, userId, PHONE, FAMILY_PHONE, '李大爷', '李秀英')).toEqual({});
    expect(slotPlaces(harness.engine, 'changqing:idRenewal:2026-11-26:0900').remaining).toBe(remainingBefore + 1);
    expect(harness.engine.find('audit_log', { type: 'account.deleted' })).toHaveLength(1);
    // The export files are gone from storage too.
    expect(harness.engine.find('data_exports')).toHaveLength(0);

    const officerView = ok(await harness.call(zhao(), consultActions.getThread, { threadId }));
    expect(officerView.residentLabel).toBe('已注销');
    expect(officerView.messages.filter((message) => message.from === 'resident').every((message) => message.text.includes('已删除'))).toBe(true);
    expect(officerView.messages.some((message) => message.text === '带上户口本和身份证就行')).toBe(true);
    expect(ok(await harness.call(hall(), bookingActions.hallRoster, { stationId: 'changqing', day: '2026-11-26' })).slots.flatMap((slot) => slot.entries)).toHaveLength(0);

    const fresh = ok(await harness.call(RESIDENT, accountActions.me, {}));
    expect(fresh).toMatchObject({ nickname: '微信用户', role: 'resident' });
    expect(fresh.homeCommunity).toBeUndefined();
    const again = ok(await harness.call(RESIDENT, privacyActions.myData, {}));
    expect(again.groups.filter((group) => group.group !== 'account').every((group) => group.count === 0)).toBe(true);
    expect(ok(await harness.call(RESIDENT, consultActions.listMyThreads, {}))).toEqual([]);
  });
});

describe('family members', () => {
  test('removing a family member erases their bookings too, and gives a held place back, in one step', async () => {
    const mother = ok(await harness.call(RESIDENT, bookingActions.saveFamilyMember, { name: '李秀英', idNumber: FAMILY_ID, phone: FAMILY_PHONE, relation: 'parent' }));
    const slotId = 'changqing:idRenewal:2026-11-26:0930';
    ok(await harness.call(RESIDENT, bookingActions.reserve, { slotId, person: { familyMemberId: mother.id }, needs: { kinds: [] } }));
    const remaining = () => slotPlaces(harness.engine, slotId).remaining;
    const before = remaining();
    ok(await harness.call(RESIDENT, bookingActions.removeFamilyMember, { id: mother.id }));
    expect(mentions('李秀英', FAMILY_PHONE, mother.id)).toEqual({});
    expect(remaining()).toBe(before + 1);
    expect(failed(await harness.call(RESIDENT, bookingActions.removeFamilyMember, { id: mother.id })).code).toBe('NOT_FOUND');
  });

  test("saving someone else's family member under the same ID number never reveals that person's bookings", async () => {
    const mine = ok(await harness.call(RESIDENT, bookingActions.saveFamilyMember, { name: '李秀英', idNumber: FAMILY_ID, phone: FAMILY_PHONE, relation: 'parent' }));
    const slotId = 'changqing:idRenewal:2026-11-26:0930';
    ok(await harness.call(RESIDENT, bookingActions.reserve, { slotId, person: { familyMemberId: mine.id }, needs: { kinds: [] } }));

    const stranger = 'openid-pipl-stranger';
    const theirs = ok(await harness.call(stranger, bookingActions.saveFamilyMember, { name: '某某', idNumber: FAMILY_ID, phone: '13700002222', relation: 'other' }));
    for (const attempt of [slotId, 'changqing:idRenewal:2026-11-26:1000']) {
      const refused = failed(await harness.call(stranger, bookingActions.reserve, { slotId: attempt, person: { familyMemberId: theirs.id }, needs: { kinds: [] } }));
      expect(refused.message).not.toMatch(/已经有|还没办理|预约过|改约/);
      expect(JSON.stringify(refused)).not.toContain('李秀英');
    }
    expect(ok(await harness.call(stranger, bookingActions.myBookings, {})).upcoming).toEqual([]);
  });
});

describe('retention timer', () => {
  test('removes closed threads, past bookings, old routing decisions and export files when their time is up', async () => {
    const { threadId } = await liveALittle();
    ok(await harness.call(zhao(), consultActions.closeWithOutcome, { threadId, outcome: 'answered' }));
    ok(await harness.call(RESIDENT, privacyActions.exportMyData, {}));
    const run = async () => ok((await harness.timer('privacy', 'enforceRetention')) as never) as { removed: Record<string, number> };

    jest.setSystemTime(new Date(WEDNESDAY_MORNING.getTime() + 2 * DAY));
    expect((await run()).removed).toEqual({ data_exports: 1 });
    expect(harness.engine.find('consult_threads', { _id: threadId })).toHaveLength(1);

    jest.setSystemTime(new Date(WEDNESDAY_MORNING.getTime() + (RETENTION_DAYS.closedThread + 2) * DAY));
    const removed = (await run()).removed;
    expect(removed).toMatchObject({ consult_threads: 1, routing_decisions: 1 });
    expect(removed.bookings).toBeGreaterThanOrEqual(2);
    expect(harness.engine.find('consult_messages', { threadId })).toHaveLength(0);
    expect(harness.engine.find('consult_watch', { threadId })).toHaveLength(0);
  });
});

describe('an officer’s own record and photo', () => {
  const wen = 'openid-pipl-officer-wen';
  /** 文警官 registers at 西罗园 by invite and puts up a photo. */
  async function officerWithPhoto(): Promise<{ fileId: string; userId: string }> {
    const invite = ok(await harness.call(persona('admin-xly').openid, accountActions.createInvite, { stationId: 'xiluoyuan', role: 'officer', officerKinds: ['hall'], validHours: 24, note: '窗口' }));
    ok(await harness.call(wen, accountActions.redeemInvite, { code: invite.code, name: '文静', title: '文警官', phone: '010-6721 0199' }));
    const image = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xfe, 0, 6]), Buffer.from('face', 'latin1'), Buffer.from([0xff, 0xd9])]).toString('base64');
    const { fileId } = ok(await harness.call(wen, mediaActions.uploadImage, { context: 'officerPhoto', image }));
    ok(await harness.call(wen, stationActions.setMyOfficerPhoto, { photoFileId: fileId }));
    return { fileId, userId: userIdFor(wen) };
  }

  test('我的数据 shows the officer their 民警资料 with purpose, readers and retention; a resident has no such group', async () => {
    await officerWithPhoto();
    const spec = PERSONAL_DATA.find((candidate) => candidate.collection === COLLECTIONS.officers)!;
    expect(spec.holds).toContain('照片');
    expect(spec.readers).toContain('居民');
    expect(spec.retention).toContain('停用时照片删除');
    const officerView = ok(await harness.call(wen, privacyActions.myData, {}));
    expect(officerView.groups.find((group) => group.group === 'officer')).toMatchObject({ title: '民警资料', count: 1, lines: ['文警官（在岗），有照片'], purpose: expect.stringContaining('警民联系牌') });
    await liveALittle();
    expect(ok(await harness.call(RESIDENT, privacyActions.myData, {})).groups.some((group) => group.group === 'officer')).toBe(false);
  });

  test('after the role is taken back (photo deleted), deleting the account erases name, title, phone and the link from the station’s record', async () => {
    const { fileId, userId } = await officerWithPhoto();
    expect(failed(await harness.call(wen, privacyActions.deleteAccount, { confirmation: DELETE_CONFIRMATION })).code).toBe('CONFLICT');
    ok(await harness.call(persona('admin-xly').openid, accountActions.revokeStaff, { stationId: 'xiluoyuan', userId }));
    const [record] = harness.engine.find('officers', { userId });
    expect(record).toMatchObject({ active: false, name: '文静' });
    expect(record).not.toHaveProperty('photoFileId');
    expect((await getTempFileURL({ fileList: [fileId] })).fileList[0]?.status).not.toBe(0);

    ok(await harness.call(wen, privacyActions.deleteAccount, { confirmation: DELETE_CONFIRMATION }));
    expect(harness.engine.find('officers', { userId })).toEqual([]);
    expect(harness.engine.find('officers', { _id: record!._id })).toEqual([expect.objectContaining({ name: '已注销的民警', title: '已注销的民警' })]);
    expect(harness.engine.find('officers', { _id: record!._id })[0]).not.toHaveProperty('phone');
    expect(JSON.stringify(harness.engine.find('officers'))).not.toContain('文静');
  });
});
