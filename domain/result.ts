import type { ActionErrorBody, ErrorCode } from './errors';
import { DEFAULT_MESSAGES } from './errors';

/** The one envelope every cloud action answers with. */
export type ActionResult<T> = { ok: true; data: T } | { ok: false; error: ActionErrorBody };

export function success<T>(data: T): ActionResult<T> {
  return { ok: true, data };
}

export function failure(code: ErrorCode, message?: string, extra?: Omit<ActionErrorBody, 'code' | 'message'>): ActionResult<never> {
  return { ok: false, error: { code, message: message ?? DEFAULT_MESSAGES[code], ...extra } };
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

/** True when a value from the wire has the envelope's shape (clients must not trust it blindly). */
export function isActionResult(value: unknown): value is ActionResult<unknown> {
  if (!isObject(value)) return false;
  if (value.ok === true) return 'data' in value;
  return value.ok === false && isObject(value.error) && typeof value.error.code === 'string' && typeof value.error.message === 'string';
}
