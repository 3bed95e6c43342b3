/**
 * A settable clock for the local cloud's browser tests, never part of a deployed function.
 * "Today" decides what the hall roster shows and which slots can still be booked, so a test that
 * books for today and checks in needs a working-day morning whatever time it runs. Only when the
 * server starts with LOCAL_CLOUD_CLOCK_CONTROL=1 (scripts/run-e2e.mjs) does POST /__local/clock
 * exist; it shifts this process's Date by a fixed offset (time keeps running), and
 * `{"now": null}` puts the real clock back.
 */
const RealDate = Date;
let offsetMs = 0;

class ShiftedDate extends RealDate {
  constructor(...args: unknown[]) {
    if (args.length === 0) super(RealDate.now() + offsetMs);
    else super(...(args as [string]));
  }

  static override now(): number {
    return RealDate.now() + offsetMs;
  }

  /** Dates made before the shift (stored documents in memory) are still Dates. */
  static override [Symbol.hasInstance](value: unknown): boolean {
    return value instanceof RealDate;
  }
}

export const clockControlEnabled = (): boolean => process.env.LOCAL_CLOUD_CLOCK_CONTROL === '1';

/** Sets what "now" is for this process (undefined: the real clock). */
export function setLocalClock(now: Date | undefined): void {
  offsetMs = now ? now.getTime() - RealDate.now() : 0;
  globalThis.Date = (offsetMs === 0 ? RealDate : ShiftedDate) as DateConstructor;
}
