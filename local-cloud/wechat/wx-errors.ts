/**
 * The error shapes wx-server-sdk 4.0.2 throws, so code written against the real SDK handles our
 * errors the same way (it reads `errCode`/`errMsg`; people read `message` in logs).
 */
import { randomBytes } from 'node:crypto';

/**
 * What the SDK's CloudSDKError looks like: an Error with numeric `errCode` and string `errMsg`,
 * and a message in the SDK's `errCode: … | errMsg: …` format.
 */
export class WxCloudError extends Error {
  readonly errCode: number;
  readonly errMsg: string;

  constructor(errCode: number, errMsg: string, message = `errCode: ${errCode}  | errMsg: ${errMsg}`) {
    super(message);
    this.name = 'CloudSDKError';
    this.errCode = errCode;
    this.errMsg = errMsg;
  }
}

/** WeChat appends a request id to every errmsg (`… rid: 6434ff5a-2fa14aea-3e124908`). */
export const wechatRequestId = (): string => [4, 4, 4].map((bytes) => randomBytes(bytes).toString('hex')).join('-');

/**
 * An OpenAPI call WeChat refused (`errcode` ≠ 0 in WeChat's JSON): the SDK throws it with the
 * same errcode and `openapi.<api>:fail <errmsg>`.
 */
export function openApiError(api: string, errcode: number, errmsg: string): WxCloudError {
  return new WxCloudError(errcode, `openapi.${api}:fail ${errmsg} rid: ${wechatRequestId()}`);
}

/** CloudBase's numeric codes for its string error codes, and their texts (SDK error.config). */
export const TCB_ERRORS = {
  INVALID_PARAM: { errCode: -501007, text: 'invalid parameters' },
  STORAGE_REQUEST_FAIL: { errCode: -503001, text: 'storage request fail' },
  STORAGE_EXCEED_AUTHORITY: { errCode: -503002, text: 'storage permission denied' },
  STORAGE_FILE_NONEXIST: { errCode: -503003, text: 'storage file not exists' },
} as const;

export type TcbErrorCode = keyof typeof TCB_ERRORS;

/**
 * A CloudBase (storage) failure as the SDK rethrows it: a plain Error whose message and errMsg
 * are `<api>:fail <errCode> <text>. <detail>`.
 */
export function tcbError(api: string, code: TcbErrorCode, detail: string): WxCloudError {
  const { errCode, text } = TCB_ERRORS[code];
  const errMsg = `${api}:fail ${errCode} ${text}. ${detail}`;
  return new WxCloudError(errCode, errMsg, errMsg);
}

/** The SDK's own argument checks fail before any request, with errCode -1. */
export function sdkParameterError(api: string, detail: string): WxCloudError {
  const errMsg = `${api}:fail ${detail}`;
  return new WxCloudError(-1, errMsg, errMsg);
}

export const typeName = (value: unknown): string => (value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value);
