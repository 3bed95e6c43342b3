import * as v from 'valibot';
import type { BankCheckOutcome, BankCheckTally } from '../anti-fraud/bank-check';
import type { ContactChannel, PayeeKind } from '../anti-fraud/warning-signs';
import type { InviteView } from './account';
import { action, id, text } from './define';

/**
 * 警银联动 (bank counter ↔ anti-fraud officer). Branch management and partner invites belong to
 * the account function (here); raising and answering checks to the consult function (they are
 * threads: ./bank-checks). Two modules, so neither function carries the other's schemas.
 */

export interface BankBranchView {
  id: string;
  stationId: string;
  name: string;
  address: string;
  /** Clerks who have joined with an invite. */
  clerks: number;
}

/** What a clerk's account carries: the branch they act for. */
export interface PartnerMembershipView {
  branchId: string;
  branchName: string;
  stationId: string;
  stationName: string;
}

export interface BankCheckView {
  threadId: string;
  branchName: string;
  amount: number;
  payeeKind: PayeeKind;
  channel: ContactChannel;
  /** Masked ("张**", "138****5678") for everyone but the station's anti-fraud officers. */
  customer?: { name?: string; phone?: string };
  status: 'open' | 'closed';
  /** The officer has answered at least once. */
  answered: boolean;
  assigneeLabel: string;
  outcome?: BankCheckOutcome;
  protectedAmount?: number;
  raisedAt: string;
  raisedBy: string;
}

export interface RaisedBankCheckView {
  threadId: string;
  /** "康桥反诈专员": who has it now. */
  assigneeLabel: string;
  /** "5 分钟内未回复，会同时通知值班民警". */
  expectation: string;
}

export interface BankCheckFiguresView extends BankCheckTally {
  byBranch: { branchId: string; name: string; raised: number; protectedAmount: number }[];
}

const validHours = v.pipe(v.number('有效期无效'), v.integer('有效期无效'), v.minValue(1, '有效期至少1小时'), v.maxValue(72, '有效期最长72小时'));

/** Account-function actions (spread into its table). */
export const bankBranchSpecs = {
  listBankBranches: action<BankBranchView[]>()({
    summary: '本所的警银联动银行网点',
    input: v.strictObject({ stationId: id('派出所') }),
    policy: 'antiFraudStaff',
    stationOf: (input: { stationId: string }) => input.stationId,
  }),
  saveBankBranch: action<BankBranchView>()({
    summary: '反诈民警添加或修改一个银行网点',
    input: v.strictObject({ stationId: id('派出所'), branchId: v.optional(id('网点')), name: text('网点名称', 30), address: text('网点地址', 60) }),
    policy: 'antiFraudStaff',
    stationOf: (input: { stationId: string }) => input.stationId,
  }),
  createPartnerInvite: action<InviteView>()({
    summary: '反诈民警给银行网点工作人员生成一次性邀请码',
    input: v.strictObject({ stationId: id('派出所'), branchId: id('网点'), validHours, note: v.optional(text('备注', 40, 0), '') }),
    policy: 'antiFraudStaff',
    stationOf: (input: { stationId: string }) => input.stationId,
  }),
};
