/**
 * 警银联动: a bank clerk who sees a customer about to make a suspicious transfer asks the
 * station's anti-fraud officer at once. Pure rules: the outcomes, what counts as money protected,
 * the message the officer reads, and masking of the customer's details.
 */
import { CONTACT_CHANNEL_LABELS, PAYEE_KIND_LABELS, type TransferFacts } from './warning-signs';

/** How a bank check ends (止付 = the bank stopped the payment). */
export const BANK_CHECK_OUTCOMES = ['stopped', 'dissuaded', 'notFraud', 'defrauded'] as const;
export type BankCheckOutcome = (typeof BANK_CHECK_OUTCOMES)[number];
export const BANK_CHECK_OUTCOME_LABELS: Record<BankCheckOutcome, string> = {
  stopped: '止付',
  dissuaded: '劝阻成功',
  notFraud: '未受骗',
  defrauded: '已受骗',
};

/** Minutes the anti-fraud officer has before the duty officer is brought in. */
export const BANK_CHECK_RESPONSE_MINUTES = 5;

/**
 * Money protected: a stopped payment or a customer talked out of it keeps the whole amount;
 * "not a fraud" protected nothing (there was nothing to protect from) and "defrauded" lost it.
 */
export function moneyProtected(outcome: BankCheckOutcome, amount: number): number {
  return outcome === 'stopped' || outcome === 'dissuaded' ? amount : 0;
}

export interface BankCheckTally {
  raised: number;
  open: number;
  byOutcome: Record<BankCheckOutcome, number>;
  /** Yuan. */
  protectedAmount: number;
}

export function tallyBankChecks(checks: readonly { outcome?: BankCheckOutcome; amount: number }[]): BankCheckTally {
  const byOutcome = Object.fromEntries(BANK_CHECK_OUTCOMES.map((outcome) => [outcome, 0])) as Record<BankCheckOutcome, number>;
  let protectedAmount = 0;
  let open = 0;
  for (const check of checks) {
    if (!check.outcome) {
      open += 1;
      continue;
    }
    byOutcome[check.outcome] += 1;
    protectedAmount += moneyProtected(check.outcome, check.amount);
  }
  return { raised: checks.length, open, byOutcome, protectedAmount };
}

/** "9万元", "5,000元": how an amount reads on a phone. */
export function amountLabel(amount: number): string {
  if (amount >= 10_000 && amount % 1_000 === 0) return `${amount / 10_000}万元`;
  return `${amount.toLocaleString('zh-CN', { maximumFractionDigits: 2 })}元`;
}

/** "张**", keeps the surname only. */
export const maskName = (name: string): string => {
  const chars = Array.from(name.trim());
  return chars.length <= 1 ? '*' : `${chars[0]}${'*'.repeat(Math.min(chars.length - 1, 2))}`;
};

/** "138****5678". */
export const maskPhone = (phone: string): string => (phone.length >= 7 ? `${phone.slice(0, 3)}****${phone.slice(-4)}` : '****');

/** The first message of the check, as the anti-fraud officer reads it (no customer details: those are shown apart). */
export function bankCheckMessage(branchName: string, facts: TransferFacts, note?: string): string {
  const lines = [
    `【警银联动】${branchName}：客户正要转账，请核实`,
    `金额：${amountLabel(facts.amount)}`,
    `收款方：${PAYEE_KIND_LABELS[facts.payeeKind]}`,
    `对方怎么联系客户：${CONTACT_CHANNEL_LABELS[facts.channel]}`,
  ];
  if (note?.trim()) lines.push(`补充：${note.trim()}`);
  return lines.join('\n');
}
