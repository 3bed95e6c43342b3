/**
 * Only WeChat's scheduler makes a timer run, and it carries no user. A signed-in resident who
 * sends a timer-shaped event is making a call: the system jobs must not run for them.
 */
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
