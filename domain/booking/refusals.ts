/**
 * Why a booking action is refused: a stable code for clients and tests, the ActionError code the
 * cloud function answers with, and a message a resident (often elderly) understands — what
 * happened and what to do next.
 */
import { ActionError, type ErrorCode } from '../errors';

export const REFUSAL_CODES = [
  // Choosing a slot
  'UNKNOWN_SLOT',
  'PAST',
  'CLOSED',
  'CUT_OFF',
  'BEYOND_HORIZON',
  'FULL',
  // Who may book
  'DUPLICATE_SERVICE',
  'ACCOUNT_CAP',
  'RESTRICTED',
  // Changing a booking
  'NOT_ACTIVE',
  'CANCEL_CUT_OFF',
  'SAME_SLOT',
  'OTHER_SERVICE',
  // Waitlist
  'ALREADY_WAITING',
  'NO_HOLD',
  'HOLD_EXPIRED',
  // Check-in
  'BAD_CHECK_IN_CODE',
] as const;
export type RefusalCode = (typeof REFUSAL_CODES)[number];

export interface Refusal<C extends RefusalCode = RefusalCode> {
  ok: false;
  reason: C;
  message: string;
}

export const REFUSAL_ERROR_CODES: Record<RefusalCode, ErrorCode> = {
  UNKNOWN_SLOT: 'NOT_FOUND',
  PAST: 'EXPIRED',
  CLOSED: 'CONFLICT',
  CUT_OFF: 'EXPIRED',
  BEYOND_HORIZON: 'INVALID_INPUT',
  FULL: 'CONFLICT',
  DUPLICATE_SERVICE: 'CONFLICT',
  ACCOUNT_CAP: 'CONFLICT',
  RESTRICTED: 'FORBIDDEN',
  NOT_ACTIVE: 'CONFLICT',
  CANCEL_CUT_OFF: 'EXPIRED',
  SAME_SLOT: 'INVALID_INPUT',
  OTHER_SERVICE: 'INVALID_INPUT',
  ALREADY_WAITING: 'CONFLICT',
  NO_HOLD: 'NOT_FOUND',
  HOLD_EXPIRED: 'EXPIRED',
  BAD_CHECK_IN_CODE: 'NOT_FOUND',
};

/** Default wording; some refusals are built with a more specific message (see the rules). */
export const REFUSAL_MESSAGES: Record<RefusalCode, string> = {
  UNKNOWN_SLOT: '没有找到这个时段，请刷新后重新选择',
  PAST: '这个时段已经过了，请选择其他时间',
  CLOSED: '这个时段大厅暂停办理，请选择其他时间',
  CUT_OFF: '这个时段马上就要开始，网上预约已经截止，请选择其他时间',
  BEYOND_HORIZON: '这一天还不能预约，请选择近期的日期',
  FULL: '这个时段已经约满了，请选择其他时间，也可以登记候补',
  DUPLICATE_SERVICE: '这项业务已经有一个未办理的预约，同一业务只能预约一次。想换时间请在“我的预约”里改约',
  ACCOUNT_CAP: '您的账号未办理的预约已经达到上限（包括为家人预约的），请先办理或取消已有的预约',
  RESTRICTED: '近期多次预约未到场，暂时不能在网上预约。如有特殊情况请致电派出所',
  NOT_ACTIVE: '这个预约已经取消或已经办理过了',
  CANCEL_CUT_OFF: '预约时间快到了，网上已不能取消。如不能按时到场，请致电派出所说明',
  SAME_SLOT: '新选的时间和原来的一样，请选择其他时间',
  OTHER_SERVICE: '改约只能换时间或派出所，不能换业务。要办其他业务请重新预约',
  ALREADY_WAITING: '您已经在这个时段的候补名单里了',
  NO_HOLD: '暂时没有为您保留的名额',
  HOLD_EXPIRED: '为您保留的名额已经过期，已顺延给下一位。请选择其他时间',
  BAD_CHECK_IN_CODE: '签到码不对，请核对后再试',
};

export function refuse<C extends RefusalCode>(reason: C, message: string = REFUSAL_MESSAGES[reason]): Refusal<C> {
  return { ok: false, reason, message };
}

/** Refusals about the chosen time: the client sends the resident back to pick another slot. */
export const SLOT_REFUSALS: ReadonlySet<RefusalCode> = new Set<RefusalCode>(['UNKNOWN_SLOT', 'PAST', 'CLOSED', 'CUT_OFF', 'BEYOND_HORIZON', 'FULL']);

/**
 * The error a cloud function throws for a refusal; the dispatcher turns it into the envelope.
 * A refusal about the slot names the `slotId` field, so clients tell it apart by field, not by wording.
 */
export function refusalError(refusal: Pick<Refusal, 'reason' | 'message'>): ActionError {
  const fields = SLOT_REFUSALS.has(refusal.reason) ? { slotId: refusal.message } : undefined;
  return new ActionError(REFUSAL_ERROR_CODES[refusal.reason], refusal.message, fields);
}
