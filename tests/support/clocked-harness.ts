/**
 * A cloud harness per test with only Date faked and pinned at `now` (timers keep running: the
 * embedded database needs them), and the envelope helpers the function tests share.
 */
import { startHarness, type CloudHarness } from './cloud-harness';

const REAL_TIMERS = ['nextTick', 'setImmediate', 'clearImmediate', 'setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'queueMicrotask', 'hrtime', 'performance'] as const;

/** Registers beforeEach/afterEach: a fresh harness on a fresh database for every test, the clock at `now`. */
export function clockedHarness(now: Date): CloudHarness {
  const harness = {} as CloudHarness;
  beforeEach(async () => {
    jest.useFakeTimers({ now, doNotFake: [...REAL_TIMERS] });
    Object.assign(harness, await startHarness());
  });
  afterEach(async () => {
    jest.useRealTimers();
    await harness.close();
  });
  return harness;
}

export type Result<T> = { ok: true; data: T } | { ok: false; error: { code: string; message: string; fields?: Record<string, string> } };

/** The data of a successful answer; a failure fails the test with its code and message. */
export function ok<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`expected success, got ${result.error.code}: ${result.error.message}`);
  return result.data;
}

/** The error of a refused answer; a success fails the test. */
export function failed<T>(result: Result<T>): Extract<Result<T>, { ok: false }>['error'] {
  if (result.ok) throw new Error('expected a failure');
  return result.error;
}
