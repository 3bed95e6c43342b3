/**
 * How fast a station answers: a response target per priority (station config, these are the
 * defaults), the colour an officer's inbox gives a thread by how long the resident has waited,
 * and what the resident is told to expect.
 */
import type { Priority } from '../routing/model';

export type ResponseTargets = Record<Priority, number>;

/** Minutes until the assigned officer should have answered; past it the timer hands over to the duty officer. */
export const DEFAULT_RESPONSE_TARGET_MINUTES: Readonly<ResponseTargets> = /* @__PURE__ */ Object.freeze({ urgent: 15, high: 60, normal: 240 });

const MINUTE_MS = 60_000;

export function dueAt(waitingSince: Date, priority: Priority, targets: ResponseTargets = DEFAULT_RESPONSE_TARGET_MINUTES): Date {
  return new Date(waitingSince.getTime() + targets[priority] * MINUTE_MS);
}

/** Inbox colour: green while well within the target, amber in its last quarter, red when overdue. */
export type WaitLevel = 'ok' | 'soon' | 'overdue';

export function waitLevel(waitingSince: Date, due: Date, now: Date): WaitLevel {
  const left = due.getTime() - now.getTime();
  if (left <= 0) return 'overdue';
  const total = Math.max(1, due.getTime() - waitingSince.getTime());
  return left <= total / 4 ? 'soon' : 'ok';
}

const BEIJING_OFFSET_MS = 8 * 3_600_000;
const beijingDay = (at: Date) => new Date(at.getTime() + BEIJING_OFFSET_MS).toISOString().slice(0, 10);
const beijingClock = (at: Date) => new Date(at.getTime() + BEIJING_OFFSET_MS).toISOString().slice(11, 16);

/** "今天 18:00", "明天 09:30", else "11月26日 09:30" (Beijing time). */
export function dayAndTime(at: Date, now: Date): string {
  const day = beijingDay(at);
  if (day === beijingDay(now)) return `今天 ${beijingClock(at)}`;
  if (day === beijingDay(new Date(now.getTime() + 86_400_000))) return `明天 ${beijingClock(at)}`;
  const [, month, date] = day.split('-');
  return `${Number(month)}月${Number(date)}日 ${beijingClock(at)}`;
}

/** Rounded up to the next 5 minutes: "14:37" reads as a promise nobody can keep to the minute. */
const roundUp = (at: Date) => new Date(Math.ceil(at.getTime() / (5 * MINUTE_MS)) * 5 * MINUTE_MS);

export interface ExpectationInput {
  /** "赵警官", "西罗园派出所 综合服务大厅". */
  who: string;
  /** An officer: the end of their current shift, if they are on duty. */
  onDutyUntil?: Date;
  /** A desk or queue rather than one officer. */
  isDesk: boolean;
  due: Date;
  now: Date;
}

/**
 * What the resident reads under "交给了谁": "赵警官 今天 18:00 前回复". An officer whose shift
 * ends before the target answers before going off duty or hands over to the duty officer.
 */
export function replyExpectation({ who, onDutyUntil, isDesk, due, now }: ExpectationInput): string {
  if (isDesk) return `${who} 会在 ${dayAndTime(roundUp(due), now)} 前回复`;
  if (!onDutyUntil) return `${who} 现在不在岗，值班民警会在 ${dayAndTime(roundUp(due), now)} 前回复`;
  const by = onDutyUntil.getTime() < due.getTime() ? onDutyUntil : roundUp(due);
  return `${who} ${dayAndTime(by, now)} 前回复`;
}
