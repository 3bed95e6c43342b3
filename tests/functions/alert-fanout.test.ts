/**
 * An urgent alert reaches every opted-in resident exactly once, in Beijing time, even when the
 * run sending it dies midway: the next holder of the job's lease finishes what was claimed and
 * carries on from the cursor. (The figures for 10,000 residents are in `npm run bench`.)
 */
import { feedActions, FRAUD_ALERT_TEMPLATE, type ArticleDraft } from '@domain/actions/feed';
import { readOutbox } from '@local-cloud/wechat';
import { recordAcceptances } from '@local-cloud/wechat/subscribe-message';
import sdk from '@local-cloud/wx-server-sdk/index';
import { FANOUT_LEASE_MS } from '../../cloudfunctions/feed/alert-fanout';
import { persona } from '../support/cloud-harness';
import { clockedHarness, ok } from '../support/clocked-harness';

const PUBLISHED = new Date('2026-11-23T23:30:00+08:00'); // late evening in Beijing: 15:30 UTC, another day there
const harness = clockedHarness(PUBLISHED);
const zhao = persona('officer-beat-xly').openid;
const RESIDENTS = 260;

const draft: ArticleDraft = {
  kind: 'alert',
  title: '紧急提醒：冒充燃气公司上门收费',
  summary: '有人冒充燃气公司上门“检修”，收取高额费用。',
  body: ['近期有人冒充燃气公司工作人员上门，声称燃气管道老化必须更换。'],
  tips: ['燃气检修先打官方电话核实'],
  fraudTypes: ['other'],
  audiences: ['elderly'],
  target: { scope: 'communities', communityIds: ['xly-2'] },
  urgent: true,
  pinHours: 24,
  images: [],
};

async function optInResidents(count: number): Promise<string[]> {
  const openids = Array.from({ length: count }, (_, index) => `openid-fanout-${String(index).padStart(4, '0')}`);
  const subscriptions = sdk.database().collection('alert_subscriptions');
  for (const openid of openids) {
    await subscriptions.add({ data: { _id: `u_${openid}`, openid, communityId: 'xly-2', stationId: 'xiluoyuan', remaining: 1, acceptedAt: PUBLISHED } });
  }
  recordAcceptances(openids.map((openid) => ({ openid, templateId: FRAUD_ALERT_TEMPLATE })));
  return openids;
}

const alertMessages = () => readOutbox().filter((message) => message.templateId === FRAUD_ALERT_TEMPLATE);

const until = async (condition: () => boolean) => {
  for (let tries = 0; tries < 500 && !condition(); tries++) await new Promise((resolve) => setTimeout(resolve, 10));
  if (!condition()) throw new Error('condition never held');
};

test('a publishing run that dies midway is resumed by the timer: every resident gets the alert exactly once, in Beijing time', async () => {
  const openids = await optInResidents(RESIDENTS);
  const realSend = sdk.openapi.subscribeMessage.send;
  let calls = 0;
  // The function instance freezes after 130 messages (then CloudBase kills it): later sends never answer.
  const send = jest.spyOn(sdk.openapi.subscribeMessage, 'send').mockImplementation((params) => {
    calls += 1;
    return calls <= 130 ? realSend(params) : new Promise(() => undefined);
  });
  void harness.call(zhao, feedActions.publishArticle, { stationId: 'xiluoyuan', draft });
  await until(() => calls >= 140 && alertMessages().length === 130);
  send.mockRestore();

  // A timer run while the dead run's lease lasts leaves the job alone.
  expect(ok((await harness.timer('feed', 'sendAlertMessages')) as never)).toMatchObject({ jobs: 0, sent: 0, pending: 1 });

  jest.setSystemTime(new Date(PUBLISHED.getTime() + FANOUT_LEASE_MS + 1_000));
  const resumed = ok((await harness.timer('feed', 'sendAlertMessages')) as never) as { jobs: number; sent: number; pending: number };
  expect(resumed).toMatchObject({ jobs: 1, pending: 0 });
  expect(resumed.sent).toBe(RESIDENTS - 130);

  const messages = alertMessages();
  const perResident = new Map<string, number>();
  for (const message of messages) perResident.set(message.touser, (perResident.get(message.touser) ?? 0) + 1);
  expect(messages).toHaveLength(RESIDENTS);
  expect([...perResident.keys()].sort()).toEqual(openids);
  expect([...perResident.values()].every((count) => count === 1)).toBe(true);
  // 23:30 in Beijing, though the server's clock says 15:30 UTC.
  expect(new Set(messages.map((message) => message.data.time3?.value))).toEqual(new Set(['2026-11-23 23:30']));

  // Nothing is left to send, and a credit was spent once per resident.
  expect(ok((await harness.timer('feed', 'sendAlertMessages')) as never)).toMatchObject({ jobs: 0, sent: 0, pending: 0 });
  const left = (await sdk.database().collection('alert_subscriptions').where({ communityId: 'xly-2' }).limit(1000).get()) as unknown as { data: { remaining: number }[] };
  expect(left.data.filter((subscription) => subscription.remaining !== 0)).toEqual([]);
});

test('two runs at once never send the same alert twice: one holds the lease', async () => {
  await optInResidents(120);
  const realSend = sdk.openapi.subscribeMessage.send;
  let calls = 0;
  const send = jest.spyOn(sdk.openapi.subscribeMessage, 'send').mockImplementation((params) => {
    calls += 1;
    // WeChat is down while the alert is published: nothing goes out, the job waits.
    return calls <= 10 ? Promise.reject(Object.assign(new Error('network'), { errCode: -501000 })) : realSend(params);
  });
  jest.spyOn(console, 'warn').mockImplementation(() => undefined);
  const published = ok(await harness.call(zhao, feedActions.publishArticle, { stationId: 'xiluoyuan', draft }));
  expect(published.notified).toBe(0);
  const runs = (await Promise.all([harness.timer('feed', 'sendAlertMessages'), harness.timer('feed', 'sendAlertMessages')])) as { ok: true; data: { sent: number } }[];
  send.mockRestore();
  expect(runs.map((run) => run.data.sent).sort((a, b) => a - b)).toEqual([0, 120]);
  expect(alertMessages()).toHaveLength(120);
  expect(new Set(alertMessages().map((message) => message.touser)).size).toBe(120);
});
