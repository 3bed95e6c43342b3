import * as v from 'valibot';
import { BANK_CHECK_OUTCOMES } from '../anti-fraud/bank-check';
import { CONTACT_CHANNELS, PAYEE_KINDS } from '../anti-fraud/warning-signs';
import type { BankCheckFiguresView, BankCheckView, RaisedBankCheckView } from './bank-partners';
import { action, emptyInput, id, text } from './define';

/** 警银联动: a bank counter raises a check, the station's anti-fraud officer answers (consult threads). */

const amount = v.pipe(v.number('请填写金额'), v.minValue(1, '请填写金额'), v.maxValue(100_000_000, '金额太大了，请核对'));
const customerPhone = v.pipe(v.string('电话号码无效'), v.trim(), v.regex(/^1\d{10}$|^0\d{2,3}-?\d{7,8}$/, '请填写11位手机号或带区号的座机号'));

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
