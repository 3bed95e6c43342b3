/**
 * A settable clock for the local cloud and the tests ("a question at night" must be night
 * whatever time the e2e test runs). It exists only in this stand-in SDK: the real
 * wx-server-sdk has no `localNow`, so a deployed function always reads the real time.
 */
let offsetMs = 0;

/** Pins the functions' "now" to `at` (then lets it run on); undefined goes back to real time. */
export function setLocalClock(at: Date | undefined): void {
  offsetMs = at ? at.getTime() - Date.now() : 0;
}

export function localNow(): Date {
  return new Date(Date.now() + offsetMs);
}
