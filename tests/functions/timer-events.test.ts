/**
 * Only WeChat's scheduler, or Tencent Cloud's API signed with the owner's key (`npm run deploy`
 * running a migration), makes a timer run, and it carries no user. A signed-in resident who sends
 * a timer-shaped event is making a call: the system jobs must not run for them.
 */
import { LOCAL_FUNCTIONS } from '@local-cloud/functions';
import { runInInvocation } from '@local-cloud/wx-server-sdk/invocation';
import { persona, startHarness, type CloudHarness } from '../support/cloud-harness';

let harness: CloudHarness;
beforeAll(async () => {
  harness = await startHarness();
});
afterAll(() => harness.close());

const resident = () => persona('resident-xly2').openid;

test.each([
  ['booking', 'hallHousekeeping'],
  ['consult', 'escalateOverdue'],
  ['account', 'purgeExpiredInvites'],
] as const)('a resident sending {Type:"Timer", TriggerName:"%s.%s"} gets a refusal, not a system run', async (fn, trigger) => {
  const spoofed = await harness.raw(resident(), fn, { Type: 'Timer', TriggerName: trigger, Time: new Date().toISOString() });
  expect(spoofed).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });

  // Naming the timer's action outright is a call too, and the system policy refuses it.
  const named = await harness.raw(resident(), fn, { action: trigger, input: {}, Type: 'Timer', TriggerName: trigger });
  expect(named).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
});

test('the same event from the scheduler (no OPENID) runs the job', async () => {
  const run = await harness.timer('account', 'purgeExpiredInvites');
  expect(run).toMatchObject({ ok: true, data: { removed: expect.any(Number) } });
});

/** An invocation without OPENID from `source` (WeChat's SOURCE of the call). */
const withoutUser = (source: string) =>
  runInInvocation({ ENV: 'test-env', SOURCE: source, REQUEST_ID: `from-${source}` }, () =>
    LOCAL_FUNCTIONS.account.main({ Type: 'Timer', TriggerName: 'purgeExpiredInvites', Time: new Date().toISOString() }, { request_id: `from-${source}` }),
  );

test('through Tencent Cloud\'s API (a SOURCE not from a WeChat end, as npm run deploy invokes) the timer event runs the job; from a WeChat end without OPENID it does not', async () => {
  for (const source of ['', 'scf']) expect(await withoutUser(source)).toMatchObject({ ok: true, data: { removed: expect.any(Number) } });
  for (const source of ['wx_client', 'wx_http', 'wx_unknown', 'wx_client,scf']) expect(await withoutUser(source)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
});
