/**
 * 警银联动 through the real account and consult functions: the anti-fraud officer adds a branch
 * and invites a clerk; the clerk raises a check for a customer at the counter; it tops the
 * officer's list with the customer's details (masked for everyone else), the officer answers,
 * the clerk sees it, and the outcome counts as money protected. Five minutes without an answer
 * brings in the duty officer. Clerks see only their own branch's checks.
 */
import { accountActions } from '@domain/actions/account';
import { consultActions } from '@domain/actions/consult';
import { persona } from '../support/cloud-harness';
import { clockedHarness, failed, ok } from '../support/clocked-harness';

/** A Wednesday, 10:00 Beijing time. */
const MORNING = new Date('2026-11-25T10:00:00+08:00');
const harness = clockedHarness(MORNING);

const fraudOfficer = () => persona('officer-antifraud-kq').openid;
const CLERK = 'openid-clerk-icbc-kangqiao';
const OTHER_CLERK = 'openid-clerk-other-branch';

async function branchWithClerk(name: string, clerk: string): Promise<string> {
  const branch = ok(await harness.call(fraudOfficer(), accountActions.saveBankBranch, { stationId: 'kangqiao', name, address: '康桥路1号' }));
  const invite = ok(await harness.call(fraudOfficer(), accountActions.createPartnerInvite, { stationId: 'kangqiao', branchId: branch.id, validHours: 24 }));
  expect(invite).toMatchObject({ role: 'partner', branchName: name, status: 'open' });
  const me = ok(await harness.call(clerk, accountActions.redeemInvite, { code: invite.code, name: '刘晓', phone: '13900001111' }));
  expect(me).toMatchObject({ role: 'resident', partner: { branchId: branch.id, branchName: name, stationName: '康桥派出所' } });
  return branch.id;
}

const raise = (clerk = CLERK) =>
  harness.call(clerk, consultActions.raiseBankCheck, { amount: 90_000, payeeKind: 'appOrWebsite', channel: 'investGroup', customerName: '吴秀兰', customerPhone: '13812345678', note: '客户说是投资App客服让转的' });

test('a clerk raises a check; the anti-fraud officer sees it on top with the customer, answers, and closes it as money protected', async () => {
  const branchId = await branchWithClerk('工商银行康桥支行', CLERK);
  const raised = ok(await raise());
  expect(raised.assigneeLabel).toBe('反诈专员');
  expect(raised.expectation).toContain('5 分钟');

  const onTop = ok(await harness.call(fraudOfficer(), consultActions.openBankChecks, { stationId: 'kangqiao' }));
  expect(onTop[0]).toMatchObject({ threadId: raised.threadId, branchName: '工商银行康桥支行', amount: 90_000, customer: { name: '吴秀兰', phone: '13812345678' }, status: 'open' });

  // The clerk's own list masks the customer: only the anti-fraud officer reads the details.
  const mine = ok(await harness.call(CLERK, consultActions.listBranchChecks, {}));
  expect(mine[0]).toMatchObject({ threadId: raised.threadId, customer: { name: '吴**', phone: '138****5678' } });

  ok(await harness.call(fraudOfficer(), consultActions.sendMessage, { threadId: raised.threadId, clientId: 'reply-0001', text: '请稳住客户，我十分钟到' }));
  const seen = ok(await harness.call(CLERK, consultActions.getThread, { threadId: raised.threadId }));
  expect(seen.messages.map((message) => message.text)).toContain('请稳住客户，我十分钟到');
  expect(seen.kind).toBe('bankCheck');

  const closed = ok(await harness.call(fraudOfficer(), consultActions.closeBankCheck, { threadId: raised.threadId, outcome: 'stopped' }));
  expect(closed).toMatchObject({ status: 'closed', outcome: 'stopped', protectedAmount: 90_000 });
  expect(ok(await harness.call(fraudOfficer(), consultActions.openBankChecks, { stationId: 'kangqiao' }))).toEqual([]);
  expect(failed(await harness.call(fraudOfficer(), consultActions.closeBankCheck, { threadId: raised.threadId, outcome: 'dissuaded' })).code).toBe('CONFLICT');

  const figures = ok(await harness.call(fraudOfficer(), consultActions.bankCheckFigures, { stationId: 'kangqiao' }));
  expect(figures).toMatchObject({ raised: 1, open: 0, protectedAmount: 90_000, byOutcome: { stopped: 1, dissuaded: 0, notFraud: 0, defrauded: 0 } });
  expect(figures.byBranch).toEqual([{ branchId, name: '工商银行康桥支行', raised: 1, protectedAmount: 90_000 }]);
});

test('five minutes without an answer brings in the duty officer, not sooner', async () => {
  await branchWithClerk('农业银行康桥分理处', CLERK);
  const raised = ok(await raise());
  jest.setSystemTime(new Date(MORNING.getTime() + 4 * 60_000));
  await harness.timer('consult', 'escalateOverdue');
  const early = ok(await harness.call(CLERK, consultActions.getThread, { threadId: raised.threadId }));
  expect(early.messages.filter((message) => message.from === 'system')).toEqual([]);

  jest.setSystemTime(new Date(MORNING.getTime() + 5 * 60_000));
  await harness.timer('consult', 'escalateOverdue');
  const late = ok(await harness.call(CLERK, consultActions.getThread, { threadId: raised.threadId }));
  expect(late.messages.some((message) => message.from === 'system' && /值班/.test(message.text))).toBe(true);
});

test('only clerks raise checks, and each branch sees only its own', async () => {
  await branchWithClerk('工商银行康桥支行', CLERK);
  await branchWithClerk('建设银行半山支行', OTHER_CLERK);
  const raised = ok(await raise());

  expect(failed(await raise(persona('resident-xly2').openid)).code).toBe('FORBIDDEN');
  expect(ok(await harness.call(OTHER_CLERK, consultActions.listBranchChecks, {}))).toEqual([]);
  expect(failed(await harness.call(OTHER_CLERK, consultActions.getThread, { threadId: raised.threadId })).code).toBe('NOT_FOUND');
  expect(failed(await harness.call(persona('resident-xly2').openid, consultActions.getThread, { threadId: raised.threadId })).code).toBe('NOT_FOUND');

  // Branches and partner invites are the anti-fraud staff's: not a resident's, not another station's.
  expect(failed(await harness.call(persona('resident-xly2').openid, accountActions.saveBankBranch, { stationId: 'kangqiao', name: '假网点', address: '某处' })).code).toBe('FORBIDDEN');
  expect(failed(await harness.call(persona('officer-beat-xly').openid, accountActions.listBankBranches, { stationId: 'kangqiao' })).code).toBe('FORBIDDEN');
  expect(failed(await harness.call(persona('officer-hall-cq').openid, consultActions.openBankChecks, { stationId: 'kangqiao' })).code).toBe('FORBIDDEN');
  // An officer cannot become a clerk.
  const branch = ok(await harness.call(fraudOfficer(), accountActions.listBankBranches, { stationId: 'kangqiao' }))[0]!;
  const invite = ok(await harness.call(fraudOfficer(), accountActions.createPartnerInvite, { stationId: 'kangqiao', branchId: branch.id, validHours: 1 }));
  expect(failed(await harness.call(persona('officer-beat-xly').openid, accountActions.redeemInvite, { code: invite.code, name: '刘晓', phone: '13900001111' })).code).toBe('CONFLICT');
});

test('bad input gets a clear Chinese answer and stores nothing', async () => {
  await branchWithClerk('工商银行康桥支行', CLERK);
  const bad = failed(await harness.call(CLERK, consultActions.raiseBankCheck, { amount: 0, payeeKind: 'appOrWebsite', channel: 'investGroup', customerPhone: '12345' }));
  expect(bad.code).toBe('INVALID_INPUT');
  expect(bad.message).toMatch(/[\u4e00-\u9fa5]/);
  expect(ok(await harness.call(CLERK, consultActions.listBranchChecks, {}))).toEqual([]);
});
