/**
 * 警银联动: a bank clerk raises an urgent check for a customer at the counter; it goes to the
 * station's anti-fraud officer on top of everything, with the duty officer brought in after five
 * minutes without an answer (the escalation timer, on the check's own target), and closes with
 * an outcome that counts as money protected.
 */
import type { BankCheckView } from '@domain/actions/bank-partners';
import type { consultActions } from '@domain/actions/consult';
import { BANK_CHECK_OUTCOME_LABELS, BANK_CHECK_RESPONSE_MINUTES, bankCheckMessage, maskName, maskPhone, moneyProtected, tallyBankChecks } from '@domain/anti-fraud/bank-check';
import { ActionError } from '@domain/errors';
import { COLLECTIONS, type BankBranchRecord, type ConsultThreadRecord, type UserRecord } from '@platform/cloud/collections';
import { assertTextIsSafe } from '@platform/cloud/content-security';
import { requireUser, type Handlers } from '@platform/cloud/create-function';
import { currentDirectory, type Directory } from '@platform/cloud/directory';
import { findById, findMany, isoDate } from '@platform/cloud/documents';
import { assigneeLabel, routeStationQuestion } from '@platform/cloud/question-routing';
import { database } from '@platform/cloud/wx';
import { addSystemMessage } from './conversation';
import { openThread } from './open-thread';
import { loadThread, officersOfUser } from './threads';

type BankCheckHandlers = Pick<Handlers<typeof consultActions>, 'raiseBankCheck' | 'listBranchChecks' | 'openBankChecks' | 'closeBankCheck' | 'bankCheckFigures'>;

const BRANCH_LIST_LIMIT = 50;
const OPEN_LIST_LIMIT = 50;
const PAGE = 1000;
const DAY_MS = 86_400_000;

/** The customer's details are for the station's anti-fraud officers only. */
const seesCustomer = (directory: Directory, user: UserRecord, stationId: string | undefined): boolean =>
  stationId !== undefined && officersOfUser(directory, user._id).some((officer) => officer.stationId === stationId && officer.kinds.includes('antiFraud'));

function bankCheckView(thread: ConsultThreadRecord, showCustomer: boolean): BankCheckView {
  const check = thread.bankCheck!;
  const customer = check.customer && {
    ...(check.customer.name ? { name: showCustomer ? check.customer.name : maskName(check.customer.name) } : {}),
    ...(check.customer.phone ? { phone: showCustomer ? check.customer.phone : maskPhone(check.customer.phone) } : {}),
  };
  return {
    threadId: thread._id,
    branchName: check.branchName,
    amount: check.amount,
    payeeKind: check.payeeKind,
    channel: check.channel,
    ...(customer && (customer.name || customer.phone) ? { customer } : {}),
    status: thread.status === 'closed' ? 'closed' : 'open',
    answered: thread.claimed && thread.lastMessage.from === 'officer' ? true : thread.awaiting === 'resident',
    assigneeLabel: thread.assigneeLabel,
    ...(check.outcome ? { outcome: check.outcome, protectedAmount: check.protectedAmount ?? 0 } : {}),
    raisedAt: isoDate(thread.createdAt),
    raisedBy: thread.residentLabel,
  };
}

/** The bankPartner policy has let only clerks in; this narrows the type for the handler. */
function requirePartner(user: UserRecord): NonNullable<UserRecord['partner']> {
  if (!user.partner) throw new ActionError('FORBIDDEN', '只有银行网点工作人员可以使用警银联动，请先用派出所给的邀请码加入');
  return user.partner;
}

export const bankCheckHandlers: BankCheckHandlers = {
  async raiseBankCheck({ amount, payeeKind, channel, customerName, customerPhone, note }, context) {
    const { user, openid } = requireUser(context);
    const partner = requirePartner(user);
    const branch = await findById<BankBranchRecord>(COLLECTIONS.bankBranches, partner.branchId);
    if (!branch) throw new ActionError('FORBIDDEN', '您的网点已经不在合作名单里，请联系派出所反诈民警');
    const facts = { amount, payeeKind, channel };
    const routed = await routeStationQuestion(branch.stationId, 'fraudCheck', context.now);
    const customer = customerName || customerPhone ? { ...(customerName ? { name: customerName } : {}), ...(customerPhone ? { phone: customerPhone } : {}) } : undefined;
    const threadId = await openThread({
      user,
      openid,
      routed,
      category: 'fraudCheck',
      kind: 'bankCheck',
      text: bankCheckMessage(branch.name, facts, note),
      photoFileIds: [],
      priority: 'urgent',
      bankCheck: { ...facts, branchId: branch._id, branchName: branch.name, ...(customer ? { customer } : {}) },
      responseMinutes: BANK_CHECK_RESPONSE_MINUTES,
      now: context.now,
    });
    const label = assigneeLabel(routed.directory, routed.decision.assignee, false);
    return { threadId, assigneeLabel: label, expectation: `已通知${label}，请稳住客户；${BANK_CHECK_RESPONSE_MINUTES} 分钟内没有回复，会同时通知值班民警` };
  },

  async listBranchChecks(_input, context) {
    const { user } = requireUser(context);
    const partner = requirePartner(user);
    const threads = await findMany<ConsultThreadRecord>(
      database().collection(COLLECTIONS.consultThreads).where({ bankBranchId: partner.branchId }).orderBy('createdAt', 'desc').orderBy('_id', 'desc').limit(BRANCH_LIST_LIMIT),
    );
    return threads.map((thread) => bankCheckView(thread, false));
  },

  async openBankChecks({ stationId }, context) {
    const { user } = requireUser(context);
    const directory = await currentDirectory(context.now);
    const threads = await findMany<ConsultThreadRecord>(
      database().collection(COLLECTIONS.consultThreads).where({ stationId, kind: 'bankCheck', open: true }).orderBy('createdAt', 'asc').orderBy('_id', 'asc').limit(OPEN_LIST_LIMIT),
    );
    const show = seesCustomer(directory, user, stationId);
    return threads.map((thread) => bankCheckView(thread, show));
  },

  async closeBankCheck({ threadId, outcome, note }, context) {
    const { user, openid } = requireUser(context);
    const directory = await currentDirectory(context.now);
    const { thread, viewer } = await loadThread(threadId, user, directory);
    if (viewer.role !== 'officer') throw new ActionError('FORBIDDEN', '只有民警可以办结');
    if (!thread.bankCheck) throw new ActionError('INVALID_INPUT', '这不是银行网点的求助，请用“办结”');
    if (thread.status !== 'open') throw new ActionError('CONFLICT', '这次求助已经办结');
    if (note) await assertTextIsSafe(openid, note, 2);
    const who = officersOfUser(directory, user._id)[0]?.title ?? '民警';
    const protectedAmount = moneyProtected(outcome, thread.bankCheck.amount);
    const bankCheck = { ...thread.bankCheck, outcome, protectedAmount, closedBy: user._id };
    await addSystemMessage(thread, `${who} 已办结：${BANK_CHECK_OUTCOME_LABELS[outcome]}${note ? `。${note}` : ''}`, { status: 'closed', open: false, closedAt: context.now, outcome: 'answered', bankCheck }, context.now, {
      expectStatus: 'open',
    });
    return bankCheckView({ ...thread, status: 'closed', open: false, bankCheck }, seesCustomer(directory, user, thread.stationId));
  },

  async bankCheckFigures({ stationId, sinceDays }, context) {
    const _ = database().command;
    const since = new Date(context.now.getTime() - sinceDays * DAY_MS);
    const threads: ConsultThreadRecord[] = [];
    for (let after: Date | undefined; ; ) {
      const page = await findMany<ConsultThreadRecord>(
        database()
          .collection(COLLECTIONS.consultThreads)
          .where({ stationId, kind: 'bankCheck', createdAt: after ? _.gt(after) : _.gte(since) })
          .orderBy('createdAt', 'asc')
          .limit(PAGE),
      );
      threads.push(...page);
      if (page.length < PAGE) break;
      after = page[page.length - 1]!.createdAt;
    }
    const checks = threads.map((thread) => ({ ...(thread.bankCheck?.outcome ? { outcome: thread.bankCheck.outcome } : {}), amount: thread.bankCheck?.amount ?? 0, branchId: thread.bankCheck?.branchId ?? '', name: thread.bankCheck?.branchName ?? '' }));
    const branches = new Map<string, { branchId: string; name: string; raised: number; protectedAmount: number }>();
    for (const check of checks) {
      const row = branches.get(check.branchId) ?? { branchId: check.branchId, name: check.name, raised: 0, protectedAmount: 0 };
      row.raised += 1;
      row.protectedAmount += check.outcome ? moneyProtected(check.outcome, check.amount) : 0;
      branches.set(check.branchId, row);
    }
    return { ...tallyBankChecks(checks), byBranch: [...branches.values()].sort((a, b) => b.protectedAmount - a.protectedAmount || b.raised - a.raised) };
  },
};
