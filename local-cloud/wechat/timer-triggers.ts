/**
 * Runs cloud functions' timer triggers (config.json `triggers`) the way WeChat does: at each cron
 * time in UTC+8, asynchronously, with a `{ Type: 'Timer', TriggerName, Time }` event and no user
 * identity (no OPENID). Deployment rules are checked up front: one trigger per function, type
 * `timer`, a valid name and cron.
 *
 * Each trigger waits on its own unref'd setTimeout to the next computed time (never setInterval,
 * which drifts), re-reading the wall clock at least every minute so a suspended machine or a
 * clock change delays a run by a minute at most. Runs missed while asleep are not replayed.
 */
import { randomUUID } from 'node:crypto';
import { CronExpressionError, nextCronTime, parseCron, type CronSchedule } from './cron';
import { runInInvocation } from '../wx-server-sdk/invocation';
import { localCloudState } from '../wx-server-sdk/state';

export interface TimerEvent {
  Type: 'Timer';
  TriggerName: string;
  /** The scheduled time, ISO in UTC without milliseconds, like WeChat's `2019-02-21T11:49:00Z`. */
  Time: string;
}

export interface TimerTriggerConfig {
  name: string;
  type: 'timer';
  config: string;
}

export interface TimerFunction {
  name: string;
  config: { triggers?: TimerTriggerConfig[] };
  invoke(event: TimerEvent): Promise<unknown>;
}

export interface TimerRunContext {
  functionName: string;
  triggerName: string;
  /** The scheduled time of the run that failed. */
  time: Date;
}

export interface TimerTriggerOptions {
  /** The clock (tests); defaults to the real one. */
  now?: () => Date;
  /** Called when a run throws or rejects; defaults to console.error. */
  onError?(error: unknown, run: TimerRunContext): void;
}

export interface TimerTriggerStatus {
  functionName: string;
  triggerName: string;
  config: string;
  nextRunAt?: Date;
  lastRunAt?: Date;
  lastError?: string;
  runs: number;
}

export interface TimerTriggers {
  stop(): void;
  nextRuns(): TimerTriggerStatus[];
  /** Fires one trigger now, as the "test" button in WeChat's console does. */
  runNow(functionName: string, triggerName: string): Promise<unknown>;
}

/** Documented trigger name rule: a letter, then letters, digits, - or _, 60 characters at most. */
const TRIGGER_NAME = /^[A-Za-z][A-Za-z0-9_-]{0,59}$/;
/** Longest single wait; also how often the wall clock is re-read. */
const MAX_WAIT_MS = 60_000;

interface Entry {
  fn: TimerFunction;
  trigger: TimerTriggerConfig;
  schedule: CronSchedule;
  status: TimerTriggerStatus;
  timer?: NodeJS.Timeout;
}

/** What WeChat refuses to deploy, refused here before anything is scheduled. */
function compile(functions: readonly TimerFunction[]): Entry[] {
  return functions.flatMap((fn) => {
    const triggers = fn.config.triggers ?? [];
    if (triggers.length > 1) throw new Error(`cloud function ${fn.name}: WeChat supports only one trigger per function, found ${triggers.length}`);
    return triggers.map((trigger) => {
      if (trigger.type !== 'timer') throw new Error(`cloud function ${fn.name}: trigger ${trigger.name} has type ${String(trigger.type)}; only "timer" exists`);
      if (!TRIGGER_NAME.test(trigger.name)) throw new Error(`cloud function ${fn.name}: trigger name "${trigger.name}" must start with a letter and use up to 60 of a-z A-Z 0-9 - _`);
      let schedule: CronSchedule;
      try {
        schedule = parseCron(trigger.config);
      } catch (error) {
        if (error instanceof CronExpressionError) throw new Error(`cloud function ${fn.name}, trigger ${trigger.name}: ${error.message}`);
        throw error;
      }
      return { fn, trigger, schedule, status: { functionName: fn.name, triggerName: trigger.name, config: trigger.config, runs: 0 } };
    });
  });
}

const timerTime = (date: Date): string => date.toISOString().replace(/\.\d{3}Z$/, 'Z');

function envId(): string {
  try {
    return localCloudState().envId;
  } catch {
    return 'local';
  }
}

export function startTimerTriggers(functions: readonly TimerFunction[], options: TimerTriggerOptions = {}): TimerTriggers {
  const now = options.now ?? (() => new Date());
  const onError = options.onError ?? ((error: unknown, run: TimerRunContext) => console.error(`[local-cloud] timer ${run.functionName}/${run.triggerName} failed`, error));
  const entries = compile(functions);
  let stopped = false;

  /**
   * One timer run in a fresh invocation: it must not inherit the identity of whatever request
   * happened to start the scheduler (timeouts keep the async context they were created in).
   */
  function run(entry: Entry, time: Date): Promise<unknown> {
    const event: TimerEvent = { Type: 'Timer', TriggerName: entry.trigger.name, Time: timerTime(time) };
    entry.status.lastRunAt = time;
    entry.status.runs += 1;
    const context = { functionName: entry.fn.name, triggerName: entry.trigger.name, time };
    const invocation = { ENV: envId(), SOURCE: 'wx_trigger' as const, REQUEST_ID: randomUUID() };
    return runInInvocation(invocation, async () => {
      try {
        const result = await entry.fn.invoke(event);
        entry.status.lastError = undefined;
        return result;
      } catch (error) {
        entry.status.lastError = error instanceof Error ? error.message : String(error);
        try {
          onError(error, context);
        } catch (reportError) {
          // A failing reporter must not become an unhandled rejection that stops the process.
          console.error('[local-cloud] timer onError threw', reportError);
        }
        return undefined;
      }
    });
  }

  function waitFor(entry: Entry, at: Date): void {
    const delay = Math.min(Math.max(0, at.getTime() - now().getTime()), MAX_WAIT_MS);
    entry.timer = setTimeout(() => {
      if (stopped) return;
      if (now().getTime() < at.getTime()) return waitFor(entry, at);
      // Schedule the next run first, from the later of the due time and now (no catch-up burst).
      arm(entry, new Date(Math.max(at.getTime(), now().getTime())));
      void run(entry, at);
    }, delay);
    entry.timer.unref();
  }

  function arm(entry: Entry, after: Date): void {
    entry.status.nextRunAt = nextCronTime(entry.schedule, after);
    if (entry.status.nextRunAt) waitFor(entry, entry.status.nextRunAt);
  }

  for (const entry of entries) arm(entry, now());

  return {
    stop() {
      stopped = true;
      for (const entry of entries) clearTimeout(entry.timer);
    },
    nextRuns: () => entries.map((entry) => ({ ...entry.status })),
    runNow(functionName, triggerName) {
      const entry = entries.find((candidate) => candidate.fn.name === functionName && candidate.trigger.name === triggerName);
      if (!entry) return Promise.reject(new Error(`no timer trigger ${functionName}/${triggerName}`));
      return run(entry, now());
    },
  };
}
