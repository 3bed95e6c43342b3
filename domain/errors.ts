/**
 * Stable error codes every cloud action may answer with. Clients branch on the code;
 * the message is for the person holding the phone.
 */
export const ERROR_CODES = [
  'INVALID_INPUT',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'RATE_LIMITED',
  'CONTENT_REJECTED',
  'UNKNOWN_ACTION',
  'EXPIRED',
  'NETWORK',
  'INTERNAL',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/** Default wording, written for residents (many elderly): what happened and what to do. */
export const DEFAULT_MESSAGES: Record<ErrorCode, string> = {
  INVALID_INPUT: '填写的内容有误，请检查后再试',
  UNAUTHENTICATED: '请先登录后再操作',
  FORBIDDEN: '您没有权限进行这项操作',
  NOT_FOUND: '没有找到相关内容，可能已被删除',
  CONFLICT: '情况刚刚有变化，请刷新后再试',
  RATE_LIMITED: '操作太频繁了，请稍后再试',
  CONTENT_REJECTED: '内容未通过安全检查，请修改后再发送',
  UNKNOWN_ACTION: '当前版本不支持这项操作，请更新小程序后再试',
  EXPIRED: '已经过期，请重新获取',
  NETWORK: '网络不太好，请检查网络后再试',
  INTERNAL: '系统开小差了，请稍后再试',
};

export interface ActionErrorBody {
  code: ErrorCode;
  message: string;
  /** Present on INTERNAL so a resident can quote it to the station and we can find the log. */
  requestId?: string;
  /** Field-level problems for forms: path → message. */
  fields?: Record<string, string>;
}

/** Thrown by domain rules and handlers; the dispatcher turns it into a failure envelope. */
export class ActionError extends Error {
  readonly code: ErrorCode;
  readonly fields?: Record<string, string>;

  constructor(code: ErrorCode, message?: string, fields?: Record<string, string>) {
    super(message ?? DEFAULT_MESSAGES[code]);
    this.name = 'ActionError';
    this.code = code;
    this.fields = fields;
  }
}

export function isActionError(value: unknown): value is ActionError {
  return value instanceof ActionError;
}
