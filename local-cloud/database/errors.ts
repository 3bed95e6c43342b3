/**
 * Errors shaped like wx-server-sdk's: an `Error` carrying `errCode` and `errMsg`, whose message
 * starts with `<api>:fail`. Function code usually branches on `errCode` or logs `errMsg`, so both
 * must look like production.
 */

/** CloudBase error names (what the server answers) mapped to wx-server-sdk's numeric errCode. */
export const TCB_ERR_CODE = {
  SYS_ERR: -501001,
  INVALID_PARAM: -501007,
  DATABASE_REQUEST_FAILED: -502001,
  DATABASE_INVALID_OPERRATOR: -502002,
  DATABASE_PERMISSION_DENIED: -502003,
  DATABASE_COLLECTION_NOT_EXIST: -502005,
} as const;

export type TcbErrorName = keyof typeof TCB_ERR_CODE;

/** The text wx-server-sdk puts after the numeric code in a failure message. */
const ERR_CODE_TEXT: Record<number, string> = {
  [-1]: 'unknown error',
  [-401002]: 'API parameter error',
  [-501001]: 'resource system error',
  [-501007]: 'invalid parameters',
  [-502001]: 'database request fail',
  [-502002]: 'database invalid command',
  [-502003]: 'database permission denied',
  [-502005]: 'database collection not exists',
  [-602001]: 'database query result size exceed limit (1MB)',
};

/** SDK-side parameter errors (thrown before any request in the real SDK). */
export const SDK_API_PARAMETER_ERROR = -401002;
/** WeChat's own cap on a query answer. */
export const WX_DATABASE_QUERY_SIZE_EXCEED_LIMIT = -602001;

export interface CloudSdkError extends Error {
  errCode: number;
  errMsg: string;
  /** CloudBase's error name where the SDK keeps it (e.g. DATABASE_TRANSACTION_CONFLICT). */
  code?: string;
}

function makeError(message: string, errCode: number): CloudSdkError {
  const error = new Error(message) as CloudSdkError;
  error.errCode = errCode;
  error.errMsg = message;
  return error;
}

/**
 * A failure raised by the engine before we know which API call it belongs to. The API layer
 * turns it into a CloudSdkError with the api name (`collection.add:fail ...`).
 */
export class DatabaseFailure extends Error {
  constructor(
    readonly errCode: number,
    readonly detail: string,
  ) {
    super(detail);
    this.name = 'DatabaseFailure';
  }
}

export function failure(name: TcbErrorName, detail: string): DatabaseFailure {
  return new DatabaseFailure(TCB_ERR_CODE[name], detail);
}

/** `document.get:fail document with _id x does not exist`, errCode -1, exactly like wx-server-sdk. */
export function notFoundError(apiName: string, id: unknown): CloudSdkError {
  return makeError(`${apiName}:fail document with _id ${String(id)} does not exist`, -1);
}

/** Same format as wx-server-sdk's toSDKError for a server error code. */
export function apiError(apiName: string, errCode: number, detail: string): CloudSdkError {
  const text = ERR_CODE_TEXT[errCode] ?? '';
  return makeError(`${apiName}:fail ${errCode} ${text}. ${detail}`, errCode);
}

/**
 * Parameter errors that the real SDK throws before sending anything (its CloudSDKError): the
 * message has no api prefix.
 */
export function parameterError(detail: string): CloudSdkError {
  return makeError(`errCode: ${SDK_API_PARAMETER_ERROR} ${ERR_CODE_TEXT[SDK_API_PARAMETER_ERROR]} | errMsg: ${detail}`, SDK_API_PARAMETER_ERROR);
}

export function isCloudSdkError(value: unknown): value is CloudSdkError {
  return value instanceof Error && typeof (value as Partial<CloudSdkError>).errCode === 'number' && typeof (value as Partial<CloudSdkError>).errMsg === 'string';
}

/** Converts whatever an operation threw into the error the caller of `apiName` should see. */
export function toApiError(apiName: string, thrown: unknown): CloudSdkError {
  if (thrown instanceof DatabaseFailure) {
    const error = apiError(apiName, thrown.errCode, thrown.detail);
    const code = (thrown as { code?: unknown }).code;
    if (typeof code === 'string') error.code = code;
    return error;
  }
  if (isCloudSdkError(thrown)) return thrown;
  if (thrown instanceof Error) {
    const error = thrown as CloudSdkError;
    error.message = `${apiName}:fail ${thrown.message}`;
    error.errCode = -1;
    error.errMsg = error.message;
    return error;
  }
  return makeError(`${apiName}:fail ${String(thrown)}`, -1);
}

/**
 * Requests the SDK would send to CloudBase, counted as they happen: every document and query call,
 * and inside a transaction its start, each operation and its commit (the SDK sends each one).
 * In CloudBase each is a network round trip (≈ 10–30 ms, billed), so this is an action's production latency.
 */
export const roundTrips: { count: number; listener?: (apiName: string) => void } = { count: 0 };

/** Counts one request (and tells the bench's tracer which one, when it listens). */
export function countRoundTrip(apiName: string): void {
  roundTrips.count++;
  roundTrips.listener?.(apiName);
}

/**
 * Runs an API body and rejects with an SDK-shaped error on failure. Not an async function: every
 * database call goes through here, and a body that answers at once needs no extra promise and await.
 */
export function runApi<T>(apiName: string, body: () => T | Promise<T>): Promise<T> {
  countRoundTrip(apiName);
  let result: T | Promise<T>;
  try {
    result = body();
  } catch (thrown) {
    return Promise.reject(toApiError(apiName, thrown));
  }
  if (typeof (result as { then?: unknown } | null)?.then === 'function') {
    return Promise.resolve(result).catch((thrown: unknown) => {
      throw toApiError(apiName, thrown);
    });
  }
  return Promise.resolve(result);
}
