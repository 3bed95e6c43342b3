import fs from 'node:fs';
import path from 'node:path';
import cloud from 'wx-server-sdk';
import { clearOutbox, keywordProblem, readOutbox, recordSubscription, sendSubscribeMessage, subscriptionQuota, type SubscribeMessageParams } from '@local-cloud/wechat';
import { runInInvocation } from '@local-cloud/wx-server-sdk/invocation';
import { rejection, thrown, useTempCloud } from './temp-cloud';

const cloudDir = useTempCloud();
const REMINDER = 'tmpl-appointment-reminder';
const RESIDENT = 'o-resident-1';

const reminder = (overrides: Partial<SubscribeMessageParams> = {}): SubscribeMessageParams => ({
  touser: RESIDENT,
  templateId: REMINDER,
  page: 'pages/appointments/detail?id=a1',
  data: { thing1: { value: '身份证换领' }, time2: { value: '2024年5月6日 09:30' }, thing3: { value: '长庆派出所综合服务大厅' } },
  ...overrides,
});

describe('one-time subscription rule', () => {
  it('refuses a send the user never accepted with 43101', async () => {
    const error = await rejection(sendSubscribeMessage(reminder()));
    expect(error.errCode).toBe(43101);
    expect(error.errMsg).toMatch(/^openapi\.subscribeMessage\.send:fail user refuse to accept the msg rid: /);
    expect(readOutbox()).toEqual([]);
  });

  it('allows exactly one send per acceptance', async () => {
    recordSubscription(RESIDENT, [REMINDER], { [REMINDER]: 'accept' });
    await expect(sendSubscribeMessage(reminder())).resolves.toEqual({ errCode: 0, errMsg: 'openapi.subscribeMessage.send:ok' });
    expect((await rejection(sendSubscribeMessage(reminder()))).errCode).toBe(43101);
  });

  it('adds up repeated acceptances, per user and per template', async () => {
    recordSubscription(RESIDENT, [REMINDER, 'tmpl-reply'], { [REMINDER]: 'accept', 'tmpl-reply': 'reject' });
    recordSubscription(RESIDENT, [REMINDER], { [REMINDER]: 'accept' });
    expect(subscriptionQuota(RESIDENT, REMINDER)).toBe(2);
    expect(subscriptionQuota(RESIDENT, 'tmpl-reply')).toBe(0);
    expect(subscriptionQuota('o-someone-else', REMINDER)).toBe(0);

    await sendSubscribeMessage(reminder());
    await sendSubscribeMessage(reminder());
    expect((await rejection(sendSubscribeMessage(reminder()))).errCode).toBe(43101);
    expect((await rejection(sendSubscribeMessage(reminder({ templateId: 'tmpl-reply' })))).errCode).toBe(43101);
    expect((await rejection(sendSubscribeMessage(reminder({ touser: 'o-someone-else' })))).errCode).toBe(43101);
  });

  it('keeps acceptances in the data directory across restarts', () => {
    recordSubscription(RESIDENT, [REMINDER], { [REMINDER]: 'accept' });
    const saved = JSON.parse(fs.readFileSync(path.join(cloudDir.dataDir, 'subscriptions.json'), 'utf8'));
    expect(saved).toEqual({ [RESIDENT]: { [REMINDER]: 1 } });
  });

  it('does not spend an acceptance on a send WeChat refuses for its data', async () => {
    recordSubscription(RESIDENT, [REMINDER], { [REMINDER]: 'accept' });
    await rejection(sendSubscribeMessage(reminder({ data: { thing1: { value: '' } } })));
    expect(subscriptionQuota(RESIDENT, REMINDER)).toBe(1);
  });

  it('validates the dialog answers like wx.requestSubscribeMessage', () => {
    expect(thrown(() => recordSubscription(RESIDENT, ['a', 'b', 'c', 'd'], { a: 'accept', b: 'accept', c: 'accept', d: 'accept' })).errCode).toBe(20003);
    expect(thrown(() => recordSubscription(RESIDENT, [], {})).errCode).toBe(10001);
    expect(thrown(() => recordSubscription(RESIDENT, ['a'], {})).errCode).toBe(10004);
    expect(thrown(() => recordSubscription(RESIDENT, ['a'], { a: 'maybe' as never })).errCode).toBe(10004);
    expect(thrown(() => recordSubscription('', ['a'], { a: 'accept' })).errMsg).toMatch(/^requestSubscribeMessage:fail/);
    expect(subscriptionQuota(RESIDENT, 'a')).toBe(0);
  });
});

describe('the outbox', () => {
  it('appends each delivered message as one JSON line, with the sending invocation', async () => {
    recordSubscription(RESIDENT, [REMINDER], { [REMINDER]: 'accept' });
    recordSubscription('o-resident-2', [REMINDER], { [REMINDER]: 'accept' });
    await runInInvocation({ ENV: 'test-env', SOURCE: 'wx_trigger', REQUEST_ID: 'timer-run-1' }, () => sendSubscribeMessage(reminder()));
    await sendSubscribeMessage(reminder({ touser: 'o-resident-2', page: undefined, miniprogramState: 'developer', lang: 'en_US' }));

    const lines = fs.readFileSync(path.join(cloudDir.dataDir, 'outbox.jsonl'), 'utf8').trim().split('\n');
    expect(lines).toHaveLength(2);
    const outbox = readOutbox();
    expect(outbox[0]).toEqual({
      id: expect.any(String),
      sentAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      touser: RESIDENT,
      templateId: REMINDER,
      page: 'pages/appointments/detail?id=a1',
      data: reminder().data,
      miniprogramState: 'formal',
      lang: 'zh_CN',
      requestId: 'timer-run-1',
      source: 'wx_trigger',
    });
    expect(outbox[1]).toMatchObject({ touser: 'o-resident-2', miniprogramState: 'developer', lang: 'en_US' });
    expect(outbox[1]).not.toHaveProperty('page');
  });

  it('survives a torn last line from a crash: skips it and keeps later messages intact', async () => {
    recordSubscription(RESIDENT, [REMINDER], { [REMINDER]: 'accept' });
    recordSubscription(RESIDENT, [REMINDER], { [REMINDER]: 'accept' });
    await sendSubscribeMessage(reminder());
    fs.appendFileSync(path.join(cloudDir.dataDir, 'outbox.jsonl'), '{"id":"half-writ');
    expect(readOutbox()).toHaveLength(1);
    await sendSubscribeMessage(reminder({ page: 'pages/after-crash' }));
    expect(readOutbox().map((message) => message.page)).toEqual(['pages/appointments/detail?id=a1', 'pages/after-crash']);
  });

  it('can be cleared', async () => {
    recordSubscription(RESIDENT, [REMINDER], { [REMINDER]: 'accept' });
    await sendSubscribeMessage(reminder());
    clearOutbox();
    expect(readOutbox()).toEqual([]);
  });

  it('is reached through the local wx-server-sdk, which also takes snake_case like the real SDK', async () => {
    recordSubscription(RESIDENT, [REMINDER], { [REMINDER]: 'accept' });
    await cloud.openapi.subscribeMessage.send({ touser: RESIDENT, template_id: REMINDER, data: { thing1: { value: '预约提醒' } } });
    expect(readOutbox()[0]).toMatchObject({ templateId: REMINDER, data: { thing1: { value: '预约提醒' } } });
  });
});

describe('request errors', () => {
  beforeEach(() => recordSubscription(RESIDENT, [REMINDER], { [REMINDER]: 'accept' }));

  it.each([
    ['no touser', { touser: '' }, 40003],
    ['no template id', { templateId: '' }, 40037],
    ['an unknown miniprogram state', { miniprogramState: 'beta' as never }, 47001],
    ['an unknown language', { lang: 'fr_FR' as never }, 47001],
    ['no data', { data: {} }, 47003],
  ])('refuses %s', async (_what, change, errCode) => {
    expect((await rejection(sendSubscribeMessage(reminder(change)))).errCode).toBe(errCode);
  });

  it('names the offending keyword as WeChat does', async () => {
    const tooLong = await rejection(sendSubscribeMessage(reminder({ data: { thing2: { value: '吉尔吉斯斯坦进口黑麦列巴(700克/条)*2' } } })));
    expect(tooLong.errCode).toBe(47003);
    expect(tooLong.errMsg).toMatch(/^openapi\.subscribeMessage\.send:fail argument invalid! data\.thing2\.value invalid rid: /);
    const empty = await rejection(sendSubscribeMessage(reminder({ data: { time3: { value: ' ' } } })));
    expect(empty.errMsg).toContain('argument invalid! data.time3.value is empty');
  });
});

describe('keyword value rules', () => {
  it.each([
    ['thing1', '长庆派出所综合服务大厅户籍窗口十二号', undefined],
    ['thing1', '一二三四五六七八九十一二三四五六七八九十一', 'invalid'],
    ['number2', '12.5', undefined],
    ['number2', '12a', 'invalid'],
    ['letter3', 'ABCdef', undefined],
    ['letter3', 'AB1', 'invalid'],
    ['symbol4', '★', undefined],
    ['character_string5', 'YY-20240506-0930_A', undefined],
    ['character_string5', '预约号123', 'invalid'],
    ['character_string5', 'x'.repeat(33), 'invalid'],
    ['time6', '15:01', undefined],
    ['time6', '2019年10月1日 15:01', undefined],
    ['time6', '2024-05-06 09:00~09:30', undefined],
    ['time6', '2024-05-06 09:00～09:30', 'invalid'],
    ['time6', '2023-07-26 10:45:00', 'invalid'],
    ['time6', '25:00', 'invalid'],
    ['time6', '1min', 'invalid'],
    ['date7', '2019年10月1日', undefined],
    ['date7', '2024-05-06 09:30', undefined],
    ['date7', '2023-02-29', 'invalid'],
    ['amount8', '¥12.30元', undefined],
    ['amount8', '12345678901', 'invalid'],
    ['phone_number9', '+86-0571-88888888', undefined],
    ['phone_number9', '110报警', 'invalid'],
    ['car_number10', '粤A8Z888挂', undefined],
    ['car_number10', '浙A-12345', 'invalid'],
    ['name11', '张三', undefined],
    ['name11', '欧阳一二三四五六七八九', 'invalid'],
    ['name11', 'Li Lei', undefined],
    ['phrase12', '已受理', undefined],
    ['phrase12', '已经受理完成了', 'invalid'],
    ['phrase12', 'done', 'invalid'],
    ['enum13', '任意', undefined],
    ['thing14', '', 'is empty'],
    ['thing14', undefined, 'is empty'],
    ['thing14', { nested: true }, 'invalid'],
    ['number15', 42, undefined],
  ])('%s = %j → %s', (key, value, problem) => {
    expect(keywordProblem(key, value)).toBe(problem);
  });
});
