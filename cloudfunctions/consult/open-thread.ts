import { randomUUID } from 'node:crypto';
import { dueAt, maskPersonalNumbers, queuePosition } from '@domain/consult';
import type { Priority } from '@domain/routing';
import type { TransferFacts } from '@domain/anti-fraud/warning-signs';
import { COLLECTIONS, type ConsultThreadRecord, type EmbeddedMessage, type RoutingDecisionRecord, type UserRecord } from '@platform/cloud/collections';
import { assertTextIsSafe } from '@platform/cloud/content-security';
import { ActionError } from '@domain/errors';
import { findMany } from '@platform/cloud/documents';
import { assigneeKey, assigneeLabel, type RoutedQuestion } from '@platform/cloud/question-routing';
import { inTransaction } from '@platform/cloud/transaction';
import { database } from '@platform/cloud/wx';
import { assignedUsers, openWatches, sendNewQuestionMessages, threadPageFor } from './threads';
import type { ConsultCategory } from '@domain/routing';

/** New threads per resident per hour: enough for a real need, not for flooding a station. */
export const NEW_THREAD_LIMIT = { max: 5, windowMinutes: 60 };

/**
 * The hourly limit, counted from the resident's own threads of the last hour (history_by_resident):
 * one read, and nothing extra to write when a thread opens. Bounded by now on both sides: a thread
 * stamped later than the clock (a clock set back) must not hold a resident off for days.
 */
async function assertThreadLimit(userId: string, now: Date): Promise<void> {
  const _ = database().command;
  const windowMs = NEW_THREAD_LIMIT.windowMinutes * 60_000;
  const recent = await findMany<Pick<ConsultThreadRecord, '_id' | 'createdAt'>>(
    database()
      .collection(COLLECTIONS.consultThreads)
      .where({ residentUserId: userId, createdAt: _.gt(new Date(now.getTime() - windowMs)).and(_.lte(now)) })
      .orderBy('createdAt', 'desc')
      .field({ createdAt: true })
      .limit(NEW_THREAD_LIMIT.max),
  );
  if (recent.length < NEW_THREAD_LIMIT.max) return;
  // A place comes free when the oldest of the last `max` threads leaves the window.
  const oldest = recent[recent.length - 1] as Pick<ConsultThreadRecord, 'createdAt'>;
  const minutes = Math.max(1, Math.ceil((oldest.createdAt.getTime() + windowMs - now.getTime()) / 60_000));
  throw new ActionError('RATE_LIMITED', `尝试次数过多，请${minutes}分钟后再试`);
}
const TITLE_LENGTH = 40;

/** set() takes the document without its `_id` (the id is the doc() argument). */
export function withoutId<T extends { _id: string }>(record: T): Omit<T, '_id'> {
  const { _id: _ignored, ...data } = record;
  return data;
}

export const newId = () => randomUUID().replace(/-/g, '');
/** A bank clerk signs with the name they joined with; a resident with their nickname. */
export const residentLabelOf = (user: UserRecord) => (user.partner?.name ? user.partner.name : user.nickname && user.nickname !== '微信用户' ? user.nickname : '居民');

export interface OpenThreadInput {
  user: UserRecord;
  openid: string;
  routed: RoutedQuestion;
  category: ConsultCategory;
  kind: ConsultThreadRecord['kind'];
  text: string;
  photoFileIds: string[];
  priority: Priority;
  location?: { latitude: number; longitude: number };
  fraudCheck?: ConsultThreadRecord['fraudCheck'];
  bankCheck?: ConsultThreadRecord['bankCheck'];
  /** A response target of its own (a bank check: 5 minutes), instead of the station's for the priority. */
  responseMinutes?: number;
  now: Date;
}

/**
 * Records the routing decision and opens the thread with its first message (held in the thread),
 * in one transaction; the officers who now have it are told, and everyone who may follow it gets
 * a watch document, in one request after the commit: 8 database requests whatever the desk's
 * size, an emergency's alert included (it is its routing decision). The text passes content security first
 * (an emergency the resident confirmed after the 110 prompt is not held up by it: it goes only to
 * police officers), and the hourly limit is checked before anything is written.
 */
export async function openThread(input: OpenThreadInput): Promise<string> {
  const { user, openid, routed, text, now } = input;
  const { directory, decision, emergency } = routed;
  await assertThreadLimit(user._id, now);
  if (!emergency.emergency) await assertTextIsSafe(openid, text, 2);

  const threadId = newId();
  const decisionId = newId();
  const masked = maskPersonalNumbers(text);
  const due = input.responseMinutes ? new Date(now.getTime() + input.responseMinutes * 60_000) : dueAt(now, input.priority, routed.targets);
  const claimed = decision.assignee.type === 'officer';
  const residentLabel = residentLabelOf(user);
  const officers = await assignedUsers(directory, decision.assignee);
  const watchers = [{ _id: user._id, openid }, ...officers.map((officer) => ({ _id: officer._id, openid: officer.openid }))];
  // An emergency's decision is also the duty officers' alert (directory.listOfficerAlerts reads it).
  const alertStationId = decision.stationId ?? (decision.assignee.type === 'desk' ? decision.assignee.stationId : undefined);
  const alert = emergency.emergency && alertStationId ? { stationId: alertStationId, officerId: decision.assignee.type === 'officer' ? decision.assignee.officerId : `duty-desk:${alertStationId}` } : undefined;
  const decisionRecord: RoutingDecisionRecord = {
    _id: decisionId,
    userId: user._id,
    at: now,
    input: { category: input.category, text: masked.text, ...(routed.communityId ? { communityId: routed.communityId } : {}), ...(input.location ? { location: input.location } : {}) },
    ...(emergency.emergency ? { emergency: { kind: emergency.kind ?? 'unknown', ...(emergency.matched ? { matched: emergency.matched } : {}) } } : {}),
    ...(decision.stationId ? { stationId: decision.stationId } : {}),
    ...(decision.postId ? { postId: decision.postId } : {}),
    ...(decision.districtId ? { districtId: decision.districtId } : {}),
    assignee: decision.assignee,
    priority: input.priority,
    reason: decision.reason,
    steps: decision.steps,
    ...(decision.boundaryFlag ? { boundary: decision.boundaryFlag } : {}),
    ...(alert ? { alert } : {}),
  };
  // The question itself lives in the thread (one write less than a message document of its own).
  const firstMessage: EmbeddedMessage = {
    _id: `${threadId}-first`,
    from: 'resident',
    authorUserId: user._id,
    authorLabel: residentLabel,
    text,
    textMasked: masked.text,
    hasPersonalNumbers: masked.masked,
    photoFileIds: input.photoFileIds,
    createdAt: now,
  };
  const thread: ConsultThreadRecord = {
    _id: threadId,
    kind: input.kind,
    category: input.category,
    priority: input.priority,
    status: 'open',
    open: true,
    awaiting: 'officer',
    ...queuePosition(input.priority, 'officer', now),
    dueAt: due,
    residentUserId: user._id,
    residentOpenid: openid,
    residentLabel,
    ...(routed.communityId ? { communityId: routed.communityId } : {}),
    ...(decision.stationId ? { stationId: decision.stationId } : {}),
    ...(decision.districtId ? { districtId: decision.districtId } : {}),
    assignee: decision.assignee,
    assigneeKey: assigneeKey(decision.assignee),
    ...(decision.assignee.type === 'officer' ? { assignedOfficerId: decision.assignee.officerId } : {}),
    claimed,
    assigneeLabel: assigneeLabel(directory, decision.assignee, false),
    reason: decision.reason,
    decisionId,
    title: Array.from(masked.text).slice(0, TITLE_LENGTH).join(''),
    lastMessage: { text: masked.text, from: 'resident', at: now },
    unreadForResident: 0,
    unreadForOfficer: 1,
    escalated: false,
    watcherIds: [...new Set(watchers.map((watcher) => watcher._id))],
    sentBy: { [user._id]: { since: now, count: 1 } },
    createdAt: now,
    updatedAt: now,
    ...(input.fraudCheck ? { fraudCheck: input.fraudCheck } : {}),
    ...(input.bankCheck ? { bankCheck: input.bankCheck, bankBranchId: input.bankCheck.branchId } : {}),
    firstMessage,
  };
  // The decision (an emergency's alert with it) and the thread (with its question) are written
  // together or not at all. The watch documents follow (openWatches: signals, not data).
  await inTransaction(async (transaction) => {
    await transaction.collection(COLLECTIONS.routingDecisions).doc(decisionId).set({ data: withoutId(decisionRecord) });
    await transaction.collection(COLLECTIONS.consultThreads).doc(threadId).set({ data: withoutId(thread) });
  });

  const title = input.kind === 'bankCheck' ? '银行网点求助：客户正要转账' : input.kind === 'fraudCheck' ? '转账前核实（紧急）' : emergency.emergency ? '居民提问疑似紧急情况' : `新提问：${masked.text}`;
  const deliveries = await sendNewQuestionMessages(officers, threadPageFor('officer', threadId), title, now);
  await openWatches(threadId, watchers, deliveries, now);
  return threadId;
}

export type { TransferFacts };
