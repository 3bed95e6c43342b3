/**
 * The consult function on the demo data, through its real handlers on the embedded database:
 * who reads what, masking, content security, the hourly limit, transfer, close/rate/reopen, the
 * escalation timer, fraud checks and emergencies. Routing depends on who is on duty, so the
 * clock is pinned (only Date is faked).
 */
import { actions } from '@domain/actions';
import { CONSULT_TEMPLATES, PLACE_NEEDED } from '@domain/consult';
import { DEMO_BOUNDARIES } from '@local-cloud/seed/demo-geography';
import { readOutbox, recordSubscription } from '@local-cloud/wechat';
import { MESSAGES_PAGE, MESSAGES_PER_HOUR, type ThreadView } from '@domain/actions/consult';
import { officerIdOf, persona } from '../support/cloud-harness';
import { clockedHarness, ok, type Result } from '../support/clocked-harness';

// Officer records are made when the demo officers redeem their invites.
const LIU = officerIdOf('officer-beat-xly-south');
const SUN = officerIdOf('officer-beat-xly-yangqiao');
const ZHAO = officerIdOf('officer-beat-xly');

/** A Wednesday, 10:00 Beijing time: 赵警官 and 李警官 are on their day shift. */
const WEDNESDAY_MORNING = new Date('2026-11-25T10:00:00+08:00');
const HOUR = 3_600_000;

const harness = clockedHarness(WEDNESDAY_MORNING);

const openid = (key: string) => persona(key).openid;
const wang = () => openid('resident-xly2');
const chen = () => openid('resident-hgby');
const hallLi = () => openid('officer-hall-xly');
const zhao = () => openid('officer-beat-xly');
const cheng = () => openid('officer-duty-xly');
const hallChangqing = () => openid('officer-hall-cq');
/** A tiny JPEG (start of image, a comment segment, end of image). */
const TINY_JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xfe, 0, 7, 0x70, 0x68, 0x6f, 0x74, 0x6f, 0xff, 0xd9]).toString('base64');
const later = (ms: number) => jest.setSystemTime(new Date(Date.now() + ms));

const centreOf = (communityId: string) => DEMO_BOUNDARIES.find((boundary) => boundary.communityId === communityId)!.centre;
const codeOf = (result: Result<unknown>) => (result.ok ? 'OK' : result.error.code);

async function ask(category: 'household' | 'dispute' | 'other', text: string, who = wang()): Promise<string> {
  const started = ok(await harness.call(who, actions.consult.startThread, { category, text }));
  if (started.kind !== 'sent') throw new Error('expected a thread');
  return started.threadId;
}
const thread = async (who: string, threadId: string): Promise<ThreadView> => ok(await harness.call(who, actions.consult.getThread, { threadId }));
let sequence = 0;
/** A thread's messages as stored: the first held in the thread (before December 2026 a document of its own), then the others. */
function storedMessages(threadId: string, from?: string): Record<string, unknown>[] {
  const first = harness.engine.find('consult_threads', { _id: threadId }).flatMap((stored): Record<string, unknown>[] => (stored.firstMessage ? [{ ...stored.firstMessage, threadId }] : []));
  return [...first, ...harness.engine.find('consult_messages', { threadId })].filter((message) => from === undefined || message.from === from);
}
const say = (who: string, threadId: string, text: string) => harness.call(who, actions.consult.sendMessage, { threadId, clientId: `client-${String(++sequence).padStart(4, '0')}`, text });

describe('a question reaches the right inbox and the answer comes back', () => {
  test('户口迁移 lands at the 西罗园 hall desk with its reason; 李警官 answers and takes it on; read receipts', async () => {
    const started = ok(await harness.call(wang(), actions.consult.startThread, { category: 'household', text: '户口迁移需要带什么材料？' }));
    expect(started).toMatchObject({ kind: 'sent', routing: { assigneeLabel: '西罗园派出所 综合服务大厅', reason: expect.stringContaining('综合服务大厅') } });
    const threadId = started.kind === 'sent' ? started.threadId : '';
    expect(harness.engine.find('routing_decisions')).toHaveLength(1);

    const inbox = ok(await harness.call(hallLi(), actions.consult.officerInbox, { stationId: 'xiluoyuan', view: 'mine' }));
    expect(inbox.threads.map((item) => item.id)).toEqual([threadId]);
    expect(inbox).toMatchObject({ counts: { mine: 1, station: 1, unassigned: 1 }, unread: 1 });

    later(60_000); // messages are ordered by time (then id): the answer comes a minute later
    const reply = ok(await say(hallLi(), threadId, '带上户口本和身份证原件，到大厅 2 号窗口办理。'));
    expect(reply).toMatchObject({ from: 'officer', authorLabel: '李警官', mine: true, read: false });
    const seen = await thread(wang(), threadId);
    expect(seen).toMatchObject({ viewer: 'resident', assigneeLabel: '李警官', awaiting: 'resident', unread: 1 });
    expect(seen.messages.map((message) => [message.from, message.text])).toEqual([
      ['resident', '户口迁移需要带什么材料？'],
      ['officer', '带上户口本和身份证原件，到大厅 2 号窗口办理。'],
    ]);
    ok(await harness.call(wang(), actions.consult.markRead, { threadId }));
    const officerSide = await thread(hallLi(), threadId);
    // A colleague looking on does not make it "read" for the resident.
    later(60_000);
    ok(await say(wang(), threadId, '好的，谢谢'));
    ok(await harness.call(zhao(), actions.consult.markRead, { threadId }));
    expect((await thread(wang(), threadId)).messages.at(-1)).toMatchObject({ text: '好的，谢谢', read: false });
    expect(officerSide.messages[1]).toMatchObject({ mine: true, read: true });
    expect(ok(await harness.call(hallLi(), actions.consult.officerInbox, { stationId: 'xiluoyuan', view: 'unassigned' })).threads).toHaveLength(0);
  });

  test('a send is idempotent: the same clientId twice stores one message', async () => {
    const threadId = await ask('dispute', '楼上装修太吵了');
    const input = { threadId, clientId: 'retry-000001', text: '补充一下，是晚上十点以后' };
    const first = ok(await harness.call(wang(), actions.consult.sendMessage, input));
    const again = ok(await harness.call(wang(), actions.consult.sendMessage, input));
    expect(again.id).toBe(first.id);
    expect(storedMessages(threadId)).toHaveLength(2);
  });

  test('a retry of a stored message answers with it even after the thread closed; nothing is stored twice', async () => {
    const threadId = await ask('dispute', '楼上漏水');
    const input = { threadId, clientId: 'retry-000002', text: '已经漏到客厅了' };
    const first = ok(await harness.call(wang(), actions.consult.sendMessage, input));
    ok(await harness.call(zhao(), actions.consult.closeWithOutcome, { threadId, outcome: 'answered' }));
    const again = ok(await harness.call(wang(), actions.consult.sendMessage, input));
    expect(again).toMatchObject({ id: first.id, text: '已经漏到客厅了', mine: true });
    expect(codeOf(await harness.call(wang(), actions.consult.sendMessage, { ...input, clientId: 'retry-000003' }))).toBe('CONFLICT');
    expect(storedMessages(threadId, 'resident')).toHaveLength(2);
  });

  test('only the first message the other side has not read is announced; after reading, the next one is again', async () => {
    for (let index = 0; index < 3; index += 1) recordSubscription(hallLi(), [CONSULT_TEMPLATES.newQuestion], { [CONSULT_TEMPLATES.newQuestion]: 'accept' });
    recordSubscription(wang(), [CONSULT_TEMPLATES.reply], { [CONSULT_TEMPLATES.reply]: 'accept' });
    recordSubscription(wang(), [CONSULT_TEMPLATES.reply], { [CONSULT_TEMPLATES.reply]: 'accept' });
    const threadId = await ask('household', '居住证怎么办理？');
    const toLi = () => readOutbox().filter((message) => message.touser === hallLi() && message.templateId === CONSULT_TEMPLATES.newQuestion);
    const toWang = () => readOutbox().filter((message) => message.touser === wang() && message.templateId === CONSULT_TEMPLATES.reply);
    expect(toLi()).toHaveLength(1);
    ok(await say(wang(), threadId, '补充：我是外地户口'));
    ok(await say(wang(), threadId, '再补充：我有社保'));
    expect(toLi()).toHaveLength(1); // 李警官 has not read the question yet: the follow-ups spend nothing
    ok(await harness.call(hallLi(), actions.consult.markRead, { threadId }));
    ok(await say(hallLi(), threadId, '带上身份证和居住登记'));
    ok(await say(hallLi(), threadId, '到大厅 2 号窗口'));
    expect(toWang()).toHaveLength(1);
    ok(await harness.call(wang(), actions.consult.markRead, { threadId }));
    later(60_000);
    ok(await say(wang(), threadId, '谢谢，明天去'));
    expect(toLi()).toHaveLength(2);
    // Everyone who wrote or was assigned watches the thread, once each.
    const watchers = harness.engine.find('consult_watch', { threadId }).map((watch) => watch.userId).sort();
    expect(new Set(watchers).size).toBe(watchers.length);
    expect(watchers).toHaveLength(2);
  });

  test('urgent fraud checks sort before older questions', async () => {
    await ask('dispute', '楼下停车的问题');
    later(HOUR);
    const check = ok(await harness.call(wang(), actions.consult.startFraudCheck, { amount: 50_000, payeeKind: 'safeAccount', channel: 'phoneCall', note: '对方说是公安局的' }));
    expect(check.routing).toMatchObject({ assigneeLabel: '马警官（反诈民警）', priority: 'urgent' });
    const inbox = ok(await harness.call(zhao(), actions.consult.officerInbox, { stationId: 'xiluoyuan', view: 'station' }));
    expect(inbox.threads.map((item) => [item.kind, item.priority])).toEqual([
      ['fraudCheck', 'urgent'],
      ['question', 'normal'],
    ]);
  });
});

describe('what opening a question costs and stores (issue 18: at most 8 database requests)', () => {
  const admin = () => openid('admin-xly');
  test('one officer or a desk of three: 8 requests; the question is held in the thread; every watcher gets a watch document', async () => {
    await ask('dispute', '楼下广场舞音响太响'); // a warm instance: the directory is cached
    let before = harness.engine.roundTrips();
    const toOfficer = await ask('dispute', '小区门口的共享单车堆成山');
    expect(harness.engine.roundTrips() - before).toBeLessThanOrEqual(8);
    expect(harness.engine.find('consult_messages', { threadId: toOfficer })).toEqual([]);
    expect(storedMessages(toOfficer)).toEqual([expect.objectContaining({ _id: `${toOfficer}-first`, from: 'resident', text: '小区门口的共享单车堆成山' })]);
    expect(harness.engine.find('consult_watch', { threadId: toOfficer }).map((watch) => watch.userId).sort()).toHaveLength(2);

    // Two more officers join the hall desk: the desk of three is told in the same number of requests.
    for (const [index, name] of ['周敏', '吴刚'].entries()) {
      const invite = ok(await harness.call(admin(), actions.account.createInvite, { stationId: 'xiluoyuan', role: 'officer', officerKinds: ['hall'], validHours: 24 }));
      ok(await harness.call(`openid-hall-desk-${index}`, actions.account.redeemInvite, { code: invite.code, name, title: `${name.slice(0, 1)}警官`, phone: '010-6721 0100' }));
    }
    await ask('household', '户口本丢了怎么补？');
    before = harness.engine.roundTrips();
    const toDesk = await ask('household', '身份证过期了怎么换？');
    expect(harness.engine.roundTrips() - before).toBeLessThanOrEqual(8);
    expect(harness.engine.find('consult_watch', { threadId: toDesk })).toHaveLength(4);
    const inbox = ok(await harness.call('openid-hall-desk-1', actions.consult.officerInbox, { stationId: 'xiluoyuan', view: 'unassigned' }));
    expect(inbox.threads.map((item) => item.id)).toContain(toDesk);
  });

  test('a thread whose first message is a document of its own (before December 2026) reads, pages and reveals as before', async () => {
    const full = '户口迁入要什么材料？我的电话 138-1234-5678';
    const threadId = await ask('household', full);
    // Turn it into the earlier shape: the first message in consult_messages, none in the thread.
    const [stored] = harness.engine.find('consult_threads', { _id: threadId });
    const { _id: firstId, ...first } = stored!.firstMessage as Record<string, unknown> & { _id: string };
    await harness.engine.api.collection('consult_messages').doc(firstId).set({ data: { ...first, threadId } });
    await harness.engine.api.collection('consult_threads').doc(threadId).update({ data: { firstMessage: harness.engine.api.command.remove() } });
    expect(harness.engine.find('consult_threads', { _id: threadId })[0]!.firstMessage).toBeUndefined();

    later(60_000);
    ok(await say(wang(), threadId, '补充：从外省迁来'));
    expect((await thread(wang(), threadId)).messages.map((message) => message.text)).toEqual([full, '补充：从外省迁来']);
    const handling = (await thread(hallLi(), threadId)).messages[0]!;
    expect(handling).toMatchObject({ id: firstId, text: '户口迁入要什么材料？我的电话 138****5678', revealable: true });
    expect(ok(await harness.call(hallLi(), actions.consult.revealPersonalNumbers, { threadId, messageId: firstId, purpose: 'contactResident' })).text).toBe(full);
    const second = (await thread(wang(), threadId)).messages[1]!;
    expect(ok(await harness.call(wang(), actions.consult.olderMessages, { threadId, before: second.id })).messages.map((message) => message.text)).toEqual([full]);
  });

  test('a crash between the commit and the watch documents: the thread is whole, and its next change writes the missing watches', async () => {
    const threadId = await ask('dispute', '楼道灯坏了一个月');
    await harness.engine.api.collection('consult_watch').where({ threadId }).remove();
    expect((await thread(zhao(), threadId)).messages.map((message) => message.text)).toEqual(['楼道灯坏了一个月']);
    ok(await say(zhao(), threadId, '明天让物业来修'));
    const watches = harness.engine.find('consult_watch', { threadId });
    expect(watches.map((watch) => watch.userId).sort()).toEqual([...(harness.engine.find('consult_threads', { _id: threadId })[0]!.watcherIds as string[])].sort());
    expect(watches).toHaveLength(2);
    // From then on a change is one signal update again.
    const before = harness.engine.roundTrips();
    ok(await harness.call(wang(), actions.consult.markRead, { threadId }));
    expect(harness.engine.roundTrips() - before).toBeLessThanOrEqual(5);
  });

  test("a resident writing after an answer tells the officer in 8 requests; the signal records the message spent, and the workbench count nets it", async () => {
    const alertsLeft = async () => ok(await harness.call(zhao(), actions.station.myOfficerProfile, {}))?.alertCredits;
    // Three taps on 再开启, but WeChat recorded only two acceptances.
    for (let index = 0; index < 2; index += 1) recordSubscription(zhao(), [CONSULT_TEMPLATES.newQuestion], { [CONSULT_TEMPLATES.newQuestion]: 'accept' });
    expect(ok(await harness.call(zhao(), actions.station.armAlerts, { accepted: 3 })).alertCredits).toBe(3);
    const toZhao = () => readOutbox().filter((message) => message.touser === zhao() && message.templateId === CONSULT_TEMPLATES.newQuestion);
    const threadId = await ask('dispute', '楼下的狗天天半夜叫');
    expect(await alertsLeft()).toBe(2);

    later(60_000);
    ok(await say(zhao(), threadId, '我们今晚去看看'));
    later(60_000);
    const before = harness.engine.roundTrips();
    ok(await say(wang(), threadId, '谢谢，昨晚又叫到两点'));
    expect(harness.engine.roundTrips() - before).toBeLessThanOrEqual(8);
    expect(toZhao()).toHaveLength(2);
    expect(await alertsLeft()).toBe(1);
    // Every watch document of the thread holds the same record; it names no officer's account.
    const watches = harness.engine.find('consult_watch', { threadId });
    expect(watches.map((watch) => (watch.alerts as unknown[]).length)).toEqual([1, 1]);
    const zhaoUserId = watches.find((watch) => watch.openid === zhao())!.userId as string;
    expect(JSON.stringify(watches.find((watch) => watch.openid === wang()))).not.toContain(zhaoUserId);
    // Still unread: the next message tells nobody and spends nothing.
    ok(await say(wang(), threadId, '今晚几点来？'));
    expect(toZhao()).toHaveLength(2);
    expect(await alertsLeft()).toBe(1);

    // Watch documents lost (a crash after the opening), and WeChat says none are left: the
    // restored documents keep that record, and the count is 0 until armed again.
    later(60_000);
    ok(await say(zhao(), threadId, '九点左右'));
    await harness.engine.api.collection('consult_watch').where({ threadId }).remove();
    later(60_000);
    ok(await say(wang(), threadId, '好的，我在家等'));
    expect(toZhao()).toHaveLength(2);
    expect(harness.engine.find('consult_watch', { threadId })).toHaveLength(2);
    expect(await alertsLeft()).toBe(0);

    // Armed again, the count goes on from there: earlier deliveries are not netted twice.
    later(60_000);
    recordSubscription(zhao(), [CONSULT_TEMPLATES.newQuestion], { [CONSULT_TEMPLATES.newQuestion]: 'accept' });
    expect(ok(await harness.call(zhao(), actions.station.armAlerts, { accepted: 1 })).alertCredits).toBe(1);
    expect(await alertsLeft()).toBe(1);
    later(60_000);
    ok(await say(zhao(), threadId, '到了打您电话'));
    later(60_000);
    ok(await say(wang(), threadId, '好'));
    expect(toZhao()).toHaveLength(3);
    expect(await alertsLeft()).toBe(0);
  });

  test('a thread from before the watcher list: the officer told of a message has the alert count spent directly', async () => {
    recordSubscription(zhao(), [CONSULT_TEMPLATES.newQuestion], { [CONSULT_TEMPLATES.newQuestion]: 'accept' });
    recordSubscription(zhao(), [CONSULT_TEMPLATES.newQuestion], { [CONSULT_TEMPLATES.newQuestion]: 'accept' });
    expect(ok(await harness.call(zhao(), actions.station.armAlerts, { accepted: 2 })).alertCredits).toBe(2);
    const threadId = await ask('dispute', '电动车在楼道充电');
    await harness.engine.api.collection('consult_threads').doc(threadId).update({ data: { watcherIds: harness.engine.api.command.remove() } });
    later(60_000);
    ok(await say(zhao(), threadId, '我们去提醒'));
    later(60_000);
    ok(await say(wang(), threadId, '谢谢'));
    expect(readOutbox().filter((message) => message.touser === zhao() && message.templateId === CONSULT_TEMPLATES.newQuestion)).toHaveLength(2);
    expect(harness.engine.find('consult_watch', { threadId }).every((watch) => watch.alerts === undefined)).toBe(true);
    expect(ok(await harness.call(zhao(), actions.station.myOfficerProfile, {}))?.alertCredits).toBe(0);
  });

  test('photos: the uploads prove themselves by their receipts, no request more than without (issue 18 budget: 8, see docs/consult-round-trips.md)', async () => {
    const upload = async () => ok(await harness.call(wang(), actions.media.uploadImage, { context: 'consult', image: TINY_JPEG }));
    await ask('household', '户口本这一页写错了');
    const photos = [await upload(), await upload()];
    let before = harness.engine.roundTrips();
    const started = ok(
      await harness.call(wang(), actions.consult.startThread, {
        category: 'household',
        text: '身份证照片能用这张吗？',
        photoFileIds: photos.map((photo) => photo.fileId),
        photoReceipts: photos.map((photo) => photo.receipt),
      }),
    );
    expect(harness.engine.roundTrips() - before).toBe(8);
    if (started.kind !== 'sent') throw new Error('expected a thread');
    const more = [await upload(), await upload()];
    before = harness.engine.roundTrips();
    const sent = ok(
      await harness.call(wang(), actions.consult.sendMessage, {
        threadId: started.threadId,
        clientId: 'with-photos-1',
        text: '再补两张',
        photoFileIds: more.map((photo) => photo.fileId),
        photoReceipts: more.map((photo) => photo.receipt),
      }),
    );
    expect(harness.engine.roundTrips() - before).toBe(8);
    expect(sent.photoUrls).toHaveLength(2);
    // Nothing written to the upload records by sending (the retention timer finds the messages instead).
    expect(harness.engine.find('media_files').filter((record) => record.attachedAt !== undefined)).toHaveLength(0);
  });

  test('paging back from a first message held in the thread finds nothing older', async () => {
    const threadId = await ask('dispute', '楼上的空调滴水');
    const [first] = (await thread(wang(), threadId)).messages;
    expect(first!.id).toBe(`${threadId}-first`);
    expect(ok(await harness.call(wang(), actions.consult.olderMessages, { threadId, before: first!.id }))).toEqual({ messages: [], hasOlder: false });
  });
});

describe('who reads what', () => {
  test('another resident and another station’s officer cannot read, answer or close a thread', async () => {
    const threadId = await ask('household', '身份证丢了怎么补办');
    for (const outsider of [chen(), hallChangqing()]) {
      expect(codeOf(await harness.call(outsider, actions.consult.getThread, { threadId }))).toBe('NOT_FOUND');
      expect(codeOf(await say(outsider, threadId, '我来回答'))).toBe('NOT_FOUND');
      expect(codeOf(await harness.call(outsider, actions.consult.closeWithOutcome, { threadId, outcome: 'answered' }))).toBe('NOT_FOUND');
    }
    expect(storedMessages(threadId)).toHaveLength(1);
    // A colleague at the station may read and help; the resident may not act as an officer.
    expect((await thread(zhao(), threadId)).canAnswer).toBe(true);
    expect(codeOf(await harness.call(wang(), actions.consult.closeWithOutcome, { threadId, outcome: 'answered' }))).toBe('FORBIDDEN');
    expect(codeOf(await harness.call(wang(), actions.consult.officerInbox, { stationId: 'xiluoyuan', view: 'station' }))).toBe('FORBIDDEN');
    expect(codeOf(await harness.call(hallChangqing(), actions.consult.officerInbox, { stationId: 'xiluoyuan', view: 'station' }))).toBe('FORBIDDEN');
  });

  test('ID and phone numbers are masked for officers; the officer handling it reveals one explicitly, with a purpose, audited', async () => {
    const threadId = await ask('household', '我要迁户口，身份证 110101 19800101 1234，电话 138-1234-5678');
    const full = '我要迁户口，身份证 110101 19800101 1234，电话 138-1234-5678';
    const masked = '我要迁户口，身份证 1101**********1234，电话 138****5678';
    expect((await thread(wang(), threadId)).messages[0]!.text).toBe(full);
    const handling = (await thread(hallLi(), threadId)).messages[0]!;
    expect(handling).toMatchObject({ text: masked, revealable: true });
    const colleague = (await thread(zhao(), threadId)).messages[0]!;
    expect(colleague.text).toBe(masked);
    expect(colleague.revealable).toBeUndefined();
    expect(harness.engine.find('audit_log', { type: 'consult.personal-data.revealed', threadId })).toEqual([]);

    // Only the officer handling it, only with a purpose; each reveal is in the audit log with it.
    expect(codeOf(await harness.call(zhao(), actions.consult.revealPersonalNumbers, { threadId, messageId: handling.id, purpose: 'contactResident' }))).toBe('FORBIDDEN');
    expect(codeOf(await harness.call(wang(), actions.consult.revealPersonalNumbers, { threadId, messageId: handling.id, purpose: 'contactResident' }))).toBe('FORBIDDEN');
    expect(codeOf(await harness.call(hallLi(), actions.consult.revealPersonalNumbers, { threadId, messageId: handling.id } as never))).toBe('INVALID_INPUT');
    expect(ok(await harness.call(hallLi(), actions.consult.revealPersonalNumbers, { threadId, messageId: handling.id, purpose: 'verifyIdentity' })).text).toBe(full);
    expect(harness.engine.find('audit_log', { type: 'consult.personal-data.revealed', threadId })).toEqual([
      expect.objectContaining({ purpose: 'verifyIdentity', messageId: handling.id, by: expect.any(String), userId: expect.any(String) }),
    ]);
    // Lists and the realtime channel never carry the numbers.
    const inbox = ok(await harness.call(zhao(), actions.consult.officerInbox, { stationId: 'xiluoyuan', view: 'station' }));
    expect(inbox.threads[0]!.lastMessage.text).toBe(masked);
    expect(inbox.threads[0]!.title).not.toContain('19800101');
    const signals = harness.engine.find('consult_watch', { threadId });
    expect(signals.length).toBeGreaterThan(0);
    expect(JSON.stringify(signals)).not.toMatch(/19800101|迁户口/);
  });
});

describe('a resident nobody can place yet', () => {
  const visitor = 'openid-visitor-no-community';

  test('a question is kept on the phone until the community or location is known — nothing stored, nobody waiting on a queue', async () => {
    const refused = await harness.call(visitor, actions.consult.startThread, { category: 'other', text: '想问问小区里的消防通道' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: PLACE_NEEDED.question } });
    expect(refused.ok ? '' : refused.error.message).toContain('110');
    expect(harness.engine.find('consult_threads')).toHaveLength(0);
    expect(harness.engine.find('routing_decisions')).toHaveLength(0);

    // With where they are, it goes to that community's officer.
    const located = ok(await harness.call(visitor, actions.consult.startThread, { category: 'other', text: '想问问小区里的消防通道', location: centreOf('xly-2') }));
    expect(located).toMatchObject({ kind: 'sent', routing: { stationName: '西罗园派出所' } });
    expect(harness.engine.find('consult_threads')).toHaveLength(1);
  });

  test('a fraud check without a community points to 96110 and stores nothing', async () => {
    const refused = await harness.call(visitor, actions.consult.startFraudCheck, { amount: 50000, payeeKind: 'safeAccount', channel: 'phoneCall' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: PLACE_NEEDED.fraudCheck } });
    expect(harness.engine.find('consult_threads')).toHaveLength(0);
  });
});

describe('content security and limits', () => {
  test('a rejected message tells the sender why and reaches nobody', async () => {
    const threadId = await ask('dispute', '邻居家的狗天天叫');
    const before = harness.engine.find('consult_watch', { threadId }).map((signal) => signal.version);
    const rejected = await say(wang(), threadId, '出售枪支弹药，有需要私聊');
    expect(rejected).toMatchObject({ ok: false, error: { code: 'CONTENT_REJECTED', message: expect.stringContaining('未能发送') } });
    expect(storedMessages(threadId)).toHaveLength(1);
    expect(harness.engine.find('consult_watch', { threadId }).map((signal) => signal.version)).toEqual(before);
    expect((await thread(zhao(), threadId)).messages).toHaveLength(1);

    expect(codeOf(await harness.call(wang(), actions.consult.startThread, { category: 'other', text: '出售枪支弹药，有需要私聊' }))).toBe('CONTENT_REJECTED');
    expect(harness.engine.find('consult_threads')).toHaveLength(1);
    expect(harness.engine.find('routing_decisions')).toHaveLength(1);
  });

  test('new threads are limited per resident per hour', async () => {
    for (let index = 0; index < 5; index += 1) await ask('other', `第${index + 1}个问题：小区消防通道被占`);
    expect(codeOf(await harness.call(wang(), actions.consult.startThread, { category: 'other', text: '第6个问题' }))).toBe('RATE_LIMITED');
    expect(harness.engine.find('consult_threads')).toHaveLength(5);
    later(HOUR + 60_000);
    await ask('other', '一小时后可以再问');
  });

  test('a long thread opens on its newest messages and pages back to the first; a new message after 540 is seen by both sides', async () => {
    const threadId = await ask('dispute', '楼道里堆满了杂物');
    const messages = harness.engine.api.collection('consult_messages');
    const start = Date.now();
    for (let index = 1; index <= 540; index += 1) {
      const at = new Date(start + index * 1000);
      const from = index % 2 ? 'officer' : 'resident';
      await messages.add({ data: { threadId, from, authorLabel: from === 'officer' ? '赵警官' : '王阿姨', text: `第${index}条`, textMasked: `第${index}条`, hasPersonalNumbers: false, photoFileIds: [], createdAt: at } });
    }
    later(600_000);
    ok(await say(wang(), threadId, '第541条：还是没人清理'));
    for (const who of [wang(), zhao()]) {
      const opened = await thread(who, threadId);
      expect(opened.messages).toHaveLength(MESSAGES_PAGE);
      expect(opened.messages.at(-1)?.text).toBe('第541条：还是没人清理');
      expect(opened.hasOlderMessages).toBe(true);
    }
    const seen: string[] = [];
    const page = await thread(wang(), threadId);
    seen.unshift(...page.messages.map((message) => message.text));
    let before = page.messages[0]!.id;
    for (let hasOlder = page.hasOlderMessages; hasOlder; ) {
      const older = ok(await harness.call(wang(), actions.consult.olderMessages, { threadId, before }));
      seen.unshift(...older.messages.map((message) => message.text));
      before = older.messages[0]!.id;
      hasOlder = older.hasOlder;
    }
    expect(seen).toHaveLength(542);
    expect(seen[0]).toBe('楼道里堆满了杂物');
    expect(seen.slice(1, 4)).toEqual(['第1条', '第2条', '第3条']);
    expect(new Set(seen).size).toBe(542);
    // Nobody else pages through it.
    expect(codeOf(await harness.call(chen(), actions.consult.olderMessages, { threadId, before }))).toBe('NOT_FOUND');
  });

  test('one person posts at most MESSAGES_PER_HOUR messages per thread per hour; the other side can still answer', async () => {
    const threadId = await ask('dispute', '邻居半夜唱歌');
    for (let index = 1; index < MESSAGES_PER_HOUR; index += 1) ok(await say(wang(), threadId, `补充${index}`));
    const refused = await say(wang(), threadId, '再补充一句');
    expect(refused).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED', message: expect.stringContaining('一小时') } });
    expect(storedMessages(threadId)).toHaveLength(MESSAGES_PER_HOUR);
    ok(await say(zhao(), threadId, '我们今晚去看看'));
    later(HOUR + 1000);
    ok(await say(wang(), threadId, '谢谢'));
  });

  test('an emergency shows the 110 prompt before anything is stored; sent anyway, it is urgent and the officer is alerted', async () => {
    const text = '楼下有人拿刀砍人，快来！';
    const first = ok(await harness.call(wang(), actions.consult.startThread, { category: 'other', text }));
    expect(first).toEqual({ kind: 'emergency', prompt: expect.stringContaining('110') });
    expect(harness.engine.find('consult_threads')).toHaveLength(0);
    expect(harness.engine.find('officer_notifications')).toHaveLength(0);

    const before = harness.engine.roundTrips();
    const sent = ok(await harness.call(wang(), actions.consult.startThread, { category: 'other', text, afterEmergencyPrompt: true }));
    expect(harness.engine.roundTrips() - before).toBeLessThanOrEqual(8);
    expect(sent).toMatchObject({ kind: 'sent', routing: { priority: 'urgent' } });
    expect(harness.engine.find('consult_threads')).toEqual([expect.objectContaining({ priority: 'urgent', queueRank: 0 })]);
    // The routing decision is the alert: 赵警官's workbench lists it as his.
    expect(harness.engine.find('routing_decisions')).toEqual([expect.objectContaining({ alert: { stationId: 'xiluoyuan', officerId: ZHAO } })]);
    expect(ok(await harness.call(zhao(), actions.directory.listOfficerAlerts, { stationId: 'xiluoyuan' }))).toEqual([
      expect.objectContaining({ text, assignee: '赵警官', communityName: expect.any(String), mine: true }),
    ]);
  });

  test('an alert written before December 2026 (an officer_notifications document) is still listed, newest first with the others', async () => {
    const earlier = ok(await harness.call(wang(), actions.consult.startThread, { category: 'other', text: '有人在撬门，快来人', afterEmergencyPrompt: true }));
    if (earlier.kind !== 'sent') throw new Error('expected a thread');
    const [decision] = harness.engine.find('routing_decisions') as { _id: string }[];
    // Its earlier shape: the alert a document of its own, the decision without it.
    await harness.engine.api.collection('routing_decisions').doc(decision!._id).update({ data: { alert: harness.engine.api.command.remove() } });
    await harness.engine.api.collection('officer_notifications').add({ data: { officerId: ZHAO, stationId: 'xiluoyuan', type: 'emergency', text: '有人在撬门，快来人', decisionId: decision!._id, createdAt: new Date() } });
    later(60_000);
    ok(await harness.call(wang(), actions.consult.startThread, { category: 'other', text: '楼下有人拿刀砍人，快来！', afterEmergencyPrompt: true }));
    const alerts = ok(await harness.call(zhao(), actions.directory.listOfficerAlerts, { stationId: 'xiluoyuan' }));
    expect(alerts.map((alert) => [alert.text, alert.mine, alert.communityName !== undefined])).toEqual([
      ['楼下有人拿刀砍人，快来！', true, true],
      ['有人在撬门，快来人', true, true],
    ]);
  });
});

describe('hand-over, closing and escalation', () => {
  test('transfer to another station: the resident sees the hand-over, the old station loses access', async () => {
    const threadId = await ask('dispute', '广场舞的音响太吵，就在长庆街道那边');
    const moved = ok(await harness.call(zhao(), actions.consult.transferThread, { threadId, toStationId: 'changqing', note: '事发地属长庆派出所管辖' }));
    expect(moved).toEqual({ transferredTo: '长庆派出所 值班室', stillVisible: false });
    expect((await thread(wang(), threadId)).messages.at(-1)).toMatchObject({ from: 'system', text: '赵警官 把问题转给了 长庆派出所 值班室：事发地属长庆派出所管辖' });
    expect(codeOf(await harness.call(zhao(), actions.consult.getThread, { threadId }))).toBe('NOT_FOUND');
    expect(ok(await harness.call(hallChangqing(), actions.consult.officerInbox, { stationId: 'changqing', view: 'station' })).threads.map((item) => item.id)).toEqual([threadId]);
  });

  test('transfer to a colleague by name', async () => {
    const threadId = await ask('dispute', '邻里纠纷想请民警调解');
    const moved = ok(await harness.call(zhao(), actions.consult.transferThread, { threadId, toOfficerId: LIU, note: '刘警官负责调解' }));
    expect(moved).toEqual({ transferredTo: '刘警官', stillVisible: true });
    expect(await thread(wang(), threadId)).toMatchObject({ assigneeLabel: '刘警官' });
    expect(codeOf(await harness.call(zhao(), actions.consult.transferThread, { threadId, note: '没选人' }))).toBe('INVALID_INPUT');
    // The resident reads the note: it passes content security, and a refused one moves nothing.
    expect(codeOf(await harness.call(openid('officer-duty-xly'), actions.consult.transferThread, { threadId, toOfficerId: SUN, note: '出售枪支弹药，有需要私聊' }))).toBe('CONTENT_REJECTED');
    expect(await thread(wang(), threadId)).toMatchObject({ assigneeLabel: '刘警官' });
  });

  test('close with an outcome, rate, reopen within 7 days — not after', async () => {
    const threadId = await ask('dispute', '楼道里堆满了杂物');
    ok(await say(zhao(), threadId, '我下午去看看'));
    const closed = ok(await harness.call(zhao(), actions.consult.closeWithOutcome, { threadId, outcome: 'visited', note: '已协调清理' }));
    expect(closed).toMatchObject({ status: 'closed', outcome: 'visited' });
    expect(codeOf(await say(wang(), threadId, '还有一件事'))).toBe('CONFLICT');
    expect(ok(await harness.call(wang(), actions.consult.closeAndRate, { threadId, stars: 5, comment: '处理得很及时' }))).toMatchObject({ rating: { stars: 5 } });
    expect(codeOf(await harness.call(wang(), actions.consult.closeAndRate, { threadId, stars: 1 }))).toBe('CONFLICT');

    later(6 * 24 * HOUR);
    const reopened = ok(await harness.call(wang(), actions.consult.reopenThread, { threadId }));
    expect(reopened).toMatchObject({ status: 'open', awaiting: 'officer' });
    expect(reopened.rating).toBeUndefined();
    ok(await harness.call(wang(), actions.consult.closeAndRate, { threadId, stars: 4 }));
    later(8 * 24 * HOUR);
    expect(codeOf(await harness.call(wang(), actions.consult.reopenThread, { threadId }))).toBe('EXPIRED');
  });

  test('unanswered past the target, the timer moves the thread to the duty officer and says so — once', async () => {
    const threadId = await ask('dispute', '小区门口有人乱停车');
    expect((await thread(wang(), threadId)).assigneeLabel).toBe('赵警官');
    later(2 * HOUR);
    expect(await harness.timer('consult', 'escalateOverdue')).toMatchObject({ ok: true, data: { escalated: 0 } });
    // 19:00: four hours' target long past, 程警官's night duty has begun.
    later(7 * HOUR);
    expect(await harness.timer('consult', 'escalateOverdue')).toMatchObject({ ok: true, data: { escalated: 1 } });
    const moved = await thread(wang(), threadId);
    expect(moved.assigneeLabel).toBe('程警官');
    expect(moved.messages.at(-1)!.text).toContain('已转给值班民警 程警官');
    expect(ok(await harness.call(cheng(), actions.consult.officerInbox, { stationId: 'xiluoyuan', view: 'mine' })).threads.map((item) => item.id)).toEqual([threadId]);
    later(HOUR);
    expect(await harness.timer('consult', 'escalateOverdue')).toMatchObject({ ok: true, data: { escalated: 0 } });
  });

  test('a desk question nobody answers stays with the desk; the duty officer is reminded, and the resident told — once', async () => {
    recordSubscription(cheng(), [CONSULT_TEMPLATES.newQuestion], { [CONSULT_TEMPLATES.newQuestion]: 'accept' });
    const threadId = await ask('household', '户口迁移需要带什么材料？');
    expect((await thread(wang(), threadId)).assigneeLabel).toBe('西罗园派出所 综合服务大厅');
    // 19:00: the desk's target long past, 程警官's night duty has begun.
    later(9 * HOUR);
    expect(await harness.timer('consult', 'escalateOverdue')).toMatchObject({ ok: true, data: { escalated: 1 } });
    const waiting = await thread(wang(), threadId);
    expect(waiting.assigneeLabel).toBe('西罗园派出所 综合服务大厅');
    expect(waiting.messages.at(-1)).toMatchObject({ from: 'system', text: '已超过回复时限，已提醒值班民警 程警官 尽快回复' });
    expect(readOutbox()).toContainEqual(expect.objectContaining({ touser: cheng(), templateId: CONSULT_TEMPLATES.newQuestion, data: expect.objectContaining({ thing1: { value: '超时未回复：户口迁移需要带什么材料？' } }) }));
    // Still the desk's to answer: 李警官 at the hall can, and nothing moves a second time.
    ok(await say(hallLi(), threadId, '带上户口本和身份证原件，到大厅 2 号窗口办理。'));
    later(HOUR);
    expect(await harness.timer('consult', 'escalateOverdue')).toMatchObject({ ok: true, data: { escalated: 0 } });
  });

  test('a timer run with no time left escalates nothing and loses nothing; notices a cut-off run never sent go out once, later', async () => {
    recordSubscription(cheng(), [CONSULT_TEMPLATES.newQuestion], { [CONSULT_TEMPLATES.newQuestion]: 'accept' });
    recordSubscription(cheng(), [CONSULT_TEMPLATES.newQuestion], { [CONSULT_TEMPLATES.newQuestion]: 'accept' });
    const first = await ask('household', '户口迁移需要带什么材料？');
    const second = await ask('household', '新生儿落户怎么办？');
    later(9 * HOUR);
    process.env.CONSULT_ESCALATION_BUDGET_MS = '0';
    try {
      expect(await harness.timer('consult', 'escalateOverdue')).toMatchObject({ ok: true, data: { escalated: 0 } });
    } finally {
      delete process.env.CONSULT_ESCALATION_BUDGET_MS;
    }
    // A run escalated the first thread and was stopped before telling the duty officer.
    const stoppedAt = new Date(Date.now() - 3 * 60_000);
    await harness.engine.api.collection('consult_threads').doc(first).update({ data: { escalated: true, escalatedAt: stoppedAt, escalationNoticePending: true } });
    expect(await harness.timer('consult', 'escalateOverdue')).toMatchObject({ ok: true, data: { escalated: 1 } });
    const toCheng = () => readOutbox().filter((message) => message.touser === cheng() && message.templateId === CONSULT_TEMPLATES.newQuestion);
    expect(toCheng().map((message) => message.data.thing1?.value).sort()).toEqual(['超时未回复：户口迁移需要带什么材料？', '超时未回复：新生儿落户怎么办？']);
    later(HOUR);
    expect(await harness.timer('consult', 'escalateOverdue')).toMatchObject({ ok: true, data: { escalated: 0 } });
    expect(toCheng()).toHaveLength(2);
    expect(harness.engine.find('consult_threads', { _id: second })[0]).toMatchObject({ escalated: true, escalationNoticePending: false });
  });

  test('the station admin sets the response targets; the timer follows them', async () => {
    const admin = openid('admin-xly');
    expect(codeOf(await harness.call(zhao(), actions.consult.setResponseTargets, { stationId: 'xiluoyuan', minutes: { urgent: 10, high: 30, normal: 60 } }))).toBe('FORBIDDEN');
    expect(codeOf(await harness.call(admin, actions.consult.setResponseTargets, { stationId: 'xiluoyuan', minutes: { urgent: 60, high: 30, normal: 60 } }))).toBe('INVALID_INPUT');
    ok(await harness.call(admin, actions.consult.setResponseTargets, { stationId: 'xiluoyuan', minutes: { urgent: 10, high: 30, normal: 60 } }));
    expect(ok(await harness.call(zhao(), actions.consult.getResponseTargets, { stationId: 'xiluoyuan' }))).toMatchObject({ minutes: { normal: 60 }, isDefault: false });
    const threadId = await ask('dispute', '楼下的路灯坏了一个月了');
    expect((await thread(wang(), threadId)).expectation).toBe('赵警官 今天 11:00 前回复');
    later(61 * 60_000);
    expect(await harness.timer('consult', 'escalateOverdue')).toMatchObject({ ok: true, data: { escalated: 1 } });
  });

  test('quick replies start from the defaults and are the station’s to edit', async () => {
    expect(ok(await harness.call(zhao(), actions.consult.getQuickReplies, { stationId: 'xiluoyuan' }))).toMatchObject({ isDefault: true });
    ok(await harness.call(zhao(), actions.consult.saveQuickReplies, { stationId: 'xiluoyuan', replies: ['收到，马上处理'] }));
    expect(ok(await harness.call(hallLi(), actions.consult.getQuickReplies, { stationId: 'xiluoyuan' }))).toEqual({ stationId: 'xiluoyuan', replies: ['收到，马上处理'], isDefault: false });
  });
});
