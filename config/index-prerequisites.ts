/**
 * An index that stored data must be made ready for says so in cloudbase/database-indexes.json:
 * `"after": "<function>.<timer trigger>:<job>"`. CloudBase refuses to create a unique index over
 * documents that repeat a key (a missing field counts as null), so e.g. bookings.place_unique waits
 * until the booking function's `hallHousekeeping` run has given every booking stored by an earlier
 * version its place: `"after": "booking.hallHousekeeping:places"` means "invoke the booking
 * function with the event its hallHousekeeping timer sends until its answer's `places.finished`
 * is true". `npm run deploy` (scripts/deploy) and the local cloud's start
 * (local-cloud/unique-index-order.ts) both follow it: functions first, then the runs, then the index.
 */

export interface IndexPrerequisite {
  /** The cloud function, as named in cloudfunctions/. */
  fn: string;
  /** A timer trigger of that function (its config.json). */
  trigger: string;
  /** The key of the run's answer that reports `{ finished: boolean }`. */
  job: string;
}

const FORMAT = /^([A-Za-z][\w-]*)\.([A-Za-z][\w-]*):([A-Za-z]\w*)$/;

/** Parses an index's `after`; undefined when it has none. Throws, naming `where`, when it is malformed. */
export function parsePrerequisite(after: unknown, where: string): IndexPrerequisite | undefined {
  if (after === undefined) return undefined;
  const match = typeof after === 'string' ? FORMAT.exec(after) : null;
  if (!match) throw new Error(`${where}: "after" must read "<function>.<timer trigger>:<job>" (e.g. "booking.hallHousekeeping:places"), not ${JSON.stringify(after)}`);
  return { fn: match[1]!, trigger: match[2]!, job: match[3]! };
}

export const prerequisiteName = (prerequisite: IndexPrerequisite): string => `${prerequisite.fn}.${prerequisite.trigger}:${prerequisite.job}`;

/** The event the function's timer trigger sends (WeChat: `{ Type: 'Timer', TriggerName, Time }`). */
export const timerEvent = (trigger: string, now = new Date()) => ({ Type: 'Timer' as const, TriggerName: trigger, Time: now.toISOString().replace(/\.\d{3}Z$/, 'Z') });

/**
 * How many runs a deploy or start allows before giving up. One housekeeping run migrates thousands
 * of bookings within its time budget (docs/booking-round-trips.md), so this covers far more data
 * than a station holds; a migration that does not finish within it is stuck, and is reported.
 */
export const MAX_PREREQUISITE_RUNS = 100;

/** Whether a run's answer (the function's `{ ok, data }` envelope) reports the job finished; throws on a failure answer. */
export function jobFinished(answer: unknown, prerequisite: IndexPrerequisite): { finished: boolean; report: unknown } {
  const envelope = answer as { ok?: unknown; data?: Record<string, unknown>; error?: { code?: string; message?: string } } | null;
  const name = prerequisiteName(prerequisite);
  if (!envelope || typeof envelope !== 'object' || envelope.ok !== true) {
    const code = envelope?.error?.code;
    const hint =
      code === 'INVALID_INPUT' || code === 'UNKNOWN_ACTION'
        ? ` — the function did not take the call as its ${prerequisite.trigger} timer run (is the deployed code this version's?)`
        : '';
    throw new Error(`${name}: the run failed: ${JSON.stringify(answer)}${hint}`);
  }
  const report = envelope.data?.[prerequisite.job] as { finished?: unknown } | undefined;
  if (!report || typeof report.finished !== 'boolean') throw new Error(`${name}: the run's answer has no ${prerequisite.job}.finished: ${JSON.stringify(envelope.data)}`);
  return { finished: report.finished, report };
}

/**
 * Invokes the function with its timer's event until the job reports finished, at most `maxRuns`
 * times; throws (and nothing that waits for it happens) when it never does. Answers the runs made.
 */
export async function runUntilFinished(
  prerequisite: IndexPrerequisite,
  invoke: (event: ReturnType<typeof timerEvent>) => Promise<unknown>,
  options: { maxRuns?: number; log?: (line: string) => void } = {},
): Promise<number> {
  const maxRuns = options.maxRuns ?? MAX_PREREQUISITE_RUNS;
  for (let run = 1; run <= maxRuns; run++) {
    const { finished, report } = jobFinished(await invoke(timerEvent(prerequisite.trigger)), prerequisite);
    options.log?.(`  ${prerequisiteName(prerequisite)} run ${run}: ${JSON.stringify(report)}`);
    if (finished) return run;
  }
  throw new Error(
    `${prerequisiteName(prerequisite)} did not report ${prerequisite.job}.finished after ${maxRuns} runs; the indexes waiting for it were not created. ` +
      `Look at the ${prerequisite.fn} function's logs for why, then run the deploy again: the runs continue where the last one stopped.`,
  );
}
