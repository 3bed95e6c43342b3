/**
 * A settable clock for the local cloud, never part of a deployed function.
 *
 * Browser tests: "today" decides what the hall roster shows and which slots can still be booked,
 * so a test that books for today and checks in needs a working-day morning whatever time it runs.
 * Only when the server starts with LOCAL_CLOUD_CLOCK_CONTROL=1 (scripts/run-e2e.mjs) does POST
 * /__local/clock exist; it shifts this process's Date by a fixed offset (time keeps running), and
 * `{"now": null}` puts the real clock back.
 *
 * Demo data: what happened in the past (an article published five days ago, a mediation held in
 * October) is done through the functions' actions at that moment (`atLocalTime`), so the records
 * carry the date the action really ran at, not a date written in afterwards.
 */
const RealDate = Date;
let offsetMs = 0;

const isDate = (value: unknown): boolean => Object.prototype.toString.call(value) === '[object Date]';

/** `base` (the real Date, or a test's fake one) moved by `shiftMs`; time keeps running. */
function shiftedFrom(base: DateConstructor, shiftMs: number): DateConstructor {
  class ShiftedDate extends base {
    constructor(...args: unknown[]) {
      if (args.length === 0) super(base.now() + shiftMs);
      else super(...(args as [string]));
    }

    static override now(): number {
      return base.now() + shiftMs;
    }

    /** Dates made before the shift (stored documents in memory) are still Dates. */
    static override [Symbol.hasInstance](value: unknown): boolean {
      return isDate(value);
    }
  }
  return ShiftedDate as DateConstructor;
}

export const clockControlEnabled = (): boolean => process.env.LOCAL_CLOUD_CLOCK_CONTROL === '1';

/** Sets what "now" is for this process (undefined: the real clock). */
export function setLocalClock(now: Date | undefined): void {
  offsetMs = now ? now.getTime() - RealDate.now() : 0;
  globalThis.Date = offsetMs === 0 ? RealDate : shiftedFrom(RealDate, offsetMs);
}

/**
 * Runs `work` with this process's clock at `at` (time keeps running from there), then puts back
 * exactly the clock that was there before (a shifted one, or a test's fake one). Nothing else may
 * run meanwhile: the demo loads before the server listens.
 */
export async function atLocalTime<T>(at: Date, work: () => Promise<T>): Promise<T> {
  const before = globalThis.Date;
  globalThis.Date = shiftedFrom(before, at.getTime() - before.now());
  try {
    return await work();
  } finally {
    globalThis.Date = before;
  }
}
