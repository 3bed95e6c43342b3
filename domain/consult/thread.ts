/** The life of a 问片警 thread: statuses, who waits for whom, outcomes, and the reopen window. */
import type { Priority } from '../routing/model';

export const THREAD_STATUSES = ['open', 'closed'] as const;
export type ThreadStatus = (typeof THREAD_STATUSES)[number];

/** Whose turn it is: the resident waits for the station, or the station waits for the resident. */
export type Awaiting = 'officer' | 'resident';

export const THREAD_OUTCOMES = ['answered', 'referred', 'mediated', 'visited'] as const;
export type ThreadOutcome = (typeof THREAD_OUTCOMES)[number];
export const THREAD_OUTCOME_LABELS: Record<ThreadOutcome, string> = {
  answered: '已解答',
  referred: '已转办',
  mediated: '已调解',
  visited: '已上门处理',
};

/** A closed thread may be reopened by the resident within this many days. */
export const REOPEN_WINDOW_DAYS = 7;

export function canReopen(closedAt: Date, now: Date): boolean {
  return now.getTime() - closedAt.getTime() <= REOPEN_WINDOW_DAYS * 86_400_000;
}

/**
 * The inbox's first sort key: waiting threads by priority (urgent first, so a fraud check about a
 * transfer in progress tops every list), then the ones answered and waiting on the resident.
 * The second key is `waitingSince`, oldest first. One number keeps the query index-friendly:
 * equality on the station or assignee, then (queueRank, waitingSince).
 */
export function queueRank(priority: Priority, awaiting: Awaiting): number {
  if (awaiting === 'resident') return 3;
  return priority === 'urgent' ? 0 : priority === 'high' ? 1 : 2;
}

/**
 * Where a thread stands in the inbox, as the fields stored with it. `inboxOrder` folds
 * (queueRank, waitingSince) into one sortable string ("2-2026-11-25T02:00:00.000Z"), so the
 * inbox is one equality filter plus one sort key — cheaper to sort, and one index to declare.
 */
export function queuePosition(priority: Priority, awaiting: Awaiting, waitingSince: Date): { queueRank: number; waitingSince: Date; inboxOrder: string } {
  const rank = queueRank(priority, awaiting);
  return { queueRank: rank, waitingSince, inboxOrder: `${rank}-${waitingSince.toISOString()}` };
}

export const RATING_LABELS = ['', '很不满意', '不满意', '一般', '满意', '非常满意'] as const;

/** What a station starts with; officers edit their station's list. */
export const DEFAULT_QUICK_REPLIES: readonly string[] = /* @__PURE__ */ Object.freeze([
  '您好，您的问题已收到，我正在核实，请稍等。',
  '办理需要本人携带身份证和户口本原件，到派出所综合服务大厅办理。',
  '这件事我明天上午上门了解情况，请保持电话畅通。',
  '请不要向任何人转账，也不要透露验证码。有疑问随时问我。',
  '已经帮您转给负责的同事，他会尽快联系您。',
]);

/** Subscribe-message templates (configured in the WeChat admin console): the client asks for them, the function sends them. */
export const CONSULT_TEMPLATES = {
  /** To officers: a new question, a resident's reply, a hand-over. */
  newQuestion: 'tmpl-consult-new',
  /** To residents: an officer answered. */
  reply: 'tmpl-consult-reply',
} as const;

/** The realtime collection phones watch for "this thread changed" (see platform/cloud/collections.ts). */
export const CONSULT_WATCH_COLLECTION = 'consult_watch';
