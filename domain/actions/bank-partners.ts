import * as v from 'valibot';
import { BANK_CHECK_OUTCOMES, type BankCheckOutcome, type BankCheckTally } from '../anti-fraud/bank-check';
import { CONTACT_CHANNELS, PAYEE_KINDS, type ContactChannel, type PayeeKind } from '../anti-fraud/warning-signs';
import type { InviteView } from './account';
import { action, emptyInput, id, text } from './define';

/**
 * 警银联动 (bank counter ↔ anti-fraud officer). Branch management and partner invites belong to
 * the account function; raising and answering checks to the consult function (they are threads).
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

const amount = v.pipe(v.number('请填写金额'), v.minValue(1, '请填写金额'), v.maxValue(100_000_000, '金额太大了，请核对'));
const customerPhone = v.pipe(v.string('电话号码无效'), v.trim(), v.regex(/^1\d{10}$|^0\d{2,3}-?\d{7,8}$/, '请填写11位手机号或带区号的座机号'));
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

/** Consult-function actions (spread into its table). */
export const bankCheckSpecs = {
  raiseBankCheck: action<RaisedBankCheckView>()({
    summary: '银行网点：客户可能被骗，立即请本所反诈民警核实（5 分钟未回复同时通知值班民警）',
    input: v.strictObject({
      amount,
      payeeKind: v.picklist(PAYEE_KINDS, '请选择收款方'),
      channel: v.picklist(CONTACT_CHANNELS, '请选择对方怎么联系客户的'),
      customerName: v.optional(text('客户姓名', 20, 0)),
      customerPhone: v.optional(customerPhone),
      note: v.optional(text('补充说明', 200, 0)),
    }),
    policy: 'bankPartner',
  }),
  listBranchChecks: action<BankCheckView[]>()({
    summary: '本网点发起的核实（最新的在前）',
    input: emptyInput,
    policy: 'bankPartner',
  }),
  openBankChecks: action<BankCheckView[]>()({
    summary: '本所等待核实的银行网点求助（置顶）',
    input: v.strictObject({ stationId: id('派出所') }),
    policy: 'stationStaff',
    stationOf: (input: { stationId: string }) => input.stationId,
  }),
  closeBankCheck: action<BankCheckView>()({
    summary: '民警办结银行网点求助：止付、劝阻成功、未受骗、已受骗',
    input: v.strictObject({ threadId: id('对话'), outcome: v.picklist(BANK_CHECK_OUTCOMES, '请选择结果'), note: v.optional(text('说明', 200, 0)) }),
    policy: 'signedIn',
  }),
  bankCheckFigures: action<BankCheckFiguresView>()({
    summary: '警银联动成效：求助次数、结果、守住的金额',
    input: v.strictObject({ stationId: id('派出所'), sinceDays: v.optional(v.pipe(v.number('天数无效'), v.integer('天数无效'), v.minValue(1, '天数无效'), v.maxValue(366, '最多统计一年')), 30) }),
    policy: 'antiFraudStaff',
    stationOf: (input: { stationId: string }) => input.stationId,
  }),
};
