import { assertUploadReceipts } from '@platform/cloud/media';
import { MESSAGES_PAGE, MESSAGES_PER_HOUR, type consultActions, type ThreadView } from '@domain/actions/consult';
import { canReopen, dueAt, maskPersonalNumbers, queuePosition, REOPEN_WINDOW_DAYS } from '@domain/consult';
import { ActionError } from '@domain/errors';
import { COLLECTIONS, type BookingRecord, type ConsultMessageRecord, type ConsultThreadRecord, type UserRecord } from '@platform/cloud/collections';
import { assertTextIsSafe } from '@platform/cloud/content-security';
import { requireUser, type Handlers } from '@platform/cloud/create-function';
import { currentDirectory, type Directory } from '@platform/cloud/directory';
import { findById, findMany, insert, isDuplicateId, isoDate } from '@platform/cloud/documents';
import { expectationFor, targetsIn } from '@platform/cloud/question-routing';
import { recordStationEvent } from '@platform/cloud/station-events';
import { inTransaction, readInTransaction } from '@platform/cloud/transaction';
import { database } from '@platform/cloud/wx';
import { bookingStatusLabel } from '@domain/booking/booking';
import { SERVICE_LABELS } from '@domain/booking/services';
import { withoutId } from './open-thread';
import {
  allowWatching,
  announceToOfficers,
  authorLabelOf,
  loadThread,
  messageViews,
  notifyResident,
  officersOfUser,
  signalChange,
  summaryView,
  threadPageFor,
  viewerOf,
  type Viewer,
} from './threads';

/** Thrown out of a send whose message id exists: the same clientId was stored before (a retry). */
class MessageStored extends Error {}

type ConversationHandlers = Pick<Handlers<typeof consultActions>, 'getThread' | 'olderMessages' | 'sendMessage' | 'markRead' | 'revealPersonalNumbers'>;

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

/** The thread's first message when the thread holds it (threads opened since December 2026), as a message record. */
export function embeddedFirstMessage(thread: Pick<ConsultThreadRecord, '_id' | 'firstMessage'>): ConsultMessageRecord | undefined {
  return thread.firstMessage ? { ...thread.firstMessage, threadId: thread._id } : undefined;
}

/** A message of this thread by id: stored on its own, or (the first) held in the thread. */
async function messageOf(thread: ConsultThreadRecord, messageId: string): Promise<ConsultMessageRecord | undefined> {
  const first = embeddedFirstMessage(thread);
  if (first && first._id === messageId) return first;
  const message = await findById<ConsultMessageRecord>(COLLECTIONS.consultMessages, messageId);
  return message && message.threadId === thread._id ? message : undefined;
}

/**
 * One page of a thread's messages, newest first from the database and returned oldest first:
 * the newest page on opening, then pages back from `before`. Reading ascending with a limit
 * would stop at the oldest page and never show a message past it. A first message held in the
 * thread is older than every stored one: it joins the page that reaches the start.
 */
async function messagePage(thread: ConsultThreadRecord, before?: ConsultMessageRecord): Promise<{ messages: ConsultMessageRecord[]; hasOlder: boolean }> {
  const first = embeddedFirstMessage(thread);
  if (before && first && before._id === first._id) return { messages: [], hasOlder: false };
  const _ = database().command;
  const threadId = thread._id;
  const where = before ? { threadId, createdAt: _.lte(before.createdAt) } : { threadId };
  const limit = MESSAGES_PAGE + 21;
  // Messages stamped the same millisecond as `before` are ordered by _id: skip those not older.
  const found = await findMany<ConsultMessageRecord>(database().collection(COLLECTIONS.consultMessages).where(where).orderBy('createdAt', 'desc').orderBy('_id', 'desc').limit(limit));
  const stored = before ? found.filter((message) => message.createdAt.getTime() < before.createdAt.getTime() || message._id < before._id) : found;
  const older = first && found.length < limit ? [...stored, first] : stored;
  return { messages: older.slice(0, MESSAGES_PAGE).reverse(), hasOlder: older.length > MESSAGES_PAGE };
}

async function residentContext(thread: ConsultThreadRecord, directory: Directory): Promise<ThreadView['residentContext']> {
  const [earlier, bookings] = await Promise.all([
    findMany<ConsultThreadRecord>(database().collection(COLLECTIONS.consultThreads).where({ residentUserId: thread.residentUserId }).orderBy('createdAt', 'desc').orderBy('_id', 'desc').limit(6)),
    findMany<BookingRecord>(database().collection(COLLECTIONS.bookings).where({ accountId: thread.residentUserId }).orderBy('start', 'desc').limit(5)),
  ]);
  const communityName = thread.communityId ? directory.communities.get(thread.communityId)?.name : undefined;
  return {
    ...(communityName ? { communityName } : {}),
    earlierThreads: earlier.filter((other) => other._id !== thread._id).slice(0, 5).map((other) => ({ id: other._id, title: other.title, status: other.status, createdAt: isoDate(other.createdAt) })),
    bookings: bookings.map((booking) => ({ id: booking._id, service: SERVICE_LABELS[booking.service] ?? booking.service, day: booking.day, status: booking.status, statusLabel: bookingStatusLabel(booking) })),
  };
}

/**
 * The whole thread as this viewer may see it. An assigned officer reading personal numbers is
 * logged (PIPL). A handler that has just written the thread passes it, with the directory it
 * holds: neither is read again.
 */
export async function threadView(threadId: string, user: UserRecord, now: Date, known?: { directory: Directory; thread: ConsultThreadRecord }): Promise<ThreadView> {
  return (await threadAndView(threadId, user, now, known)).view;
}

/** The thread as stored and as this viewer may see it. */
async function threadAndView(threadId: string, user: UserRecord, now: Date, known?: { directory: Directory; thread: ConsultThreadRecord }): Promise<{ thread: ConsultThreadRecord; view: ThreadView }> {
  const directory = known?.directory ?? (await currentDirectory(now));
  const viewerOfKnown = known && viewerOf(known.thread, user, directory);
  const { thread, viewer } = known && viewerOfKnown ? { thread: known.thread, viewer: viewerOfKnown } : await loadThread(threadId, user, directory);
  const { messages, hasOlder } = await messagePage(thread);
  const reopenUntil = thread.closedAt && canReopen(thread.closedAt, now) ? new Date(thread.closedAt.getTime() + REOPEN_WINDOW_DAYS * DAY_MS) : undefined;
  const view: ThreadView = {
    ...summaryView(thread, viewer, directory, now),
    viewer: viewer.role,
    messages: await messageViews(messages, thread, viewer),
    hasOlderMessages: hasOlder,
    reason: thread.reason,
    expectation: thread.open && thread.awaiting === 'officer' ? expectationFor(directory, thread.assignee, thread.dueAt, now) : '',
    ...(thread.outcome ? { outcome: thread.outcome } : {}),
    ...(thread.rating ? { rating: thread.rating } : {}),
    ...(thread.closedAt ? { closedAt: isoDate(thread.closedAt) } : {}),
    ...(viewer.role === 'resident' && reopenUntil ? { reopenUntil: isoDate(reopenUntil) } : {}),
    canAnswer: viewer.role === 'officer',
    ...(viewer.role === 'officer' ? { residentContext: await residentContext(thread, directory) } : {}),
  };
  return { thread, view };
}

interface SystemMessageOptions {
  /** The thread must still be in this status (else CONFLICT): two taps, or two officers, never both win. */
  expectStatus?: ConsultThreadRecord['status'];
  unset?: (keyof ConsultThreadRecord)[];
}

/**
 * A line from the system in the thread ("已转给…", "已办结"), with the thread change it explains,
 * atomically. Answers with the thread as written.
 */
export async function addSystemMessage(thread: ConsultThreadRecord, text: string, patch: Partial<ConsultThreadRecord>, now: Date, options: SystemMessageOptions = {}): Promise<ConsultThreadRecord> {
  const _ = database().command;
  const written = await inTransaction(async (transaction) => {
    const current = await readInTransaction<ConsultThreadRecord>(transaction, COLLECTIONS.consultThreads, thread._id);
    if (!current) throw new ActionError('NOT_FOUND', '没有找到这个提问');
    if (options.expectStatus && current.status !== options.expectStatus) throw new ActionError('CONFLICT', '提问的状态刚刚有变化，请刷新后再试');
    const unset = Object.fromEntries((options.unset ?? []).map((field) => [field, _.remove()]));
    const change = { ...patch, lastMessage: { text, from: 'system' as const, at: now }, updatedAt: now, unreadForResident: current.unreadForResident + 1 };
    await transaction.collection(COLLECTIONS.consultThreads).doc(thread._id).update({ data: { ...unset, ...change } });
    const message: ConsultMessageRecord = { _id: `${thread._id}-s${now.getTime().toString(36)}${Math.random().toString(36).slice(2, 6)}`, threadId: thread._id, from: 'system', authorLabel: '系统', text, textMasked: text, hasPersonalNumbers: false, photoFileIds: [], createdAt: now };
    await transaction.collection(COLLECTIONS.consultMessages).doc(message._id).set({ data: withoutId(message) });
    const after: ConsultThreadRecord = { ...current, ...change };
    for (const field of options.unset ?? []) delete after[field];
    return after;
  });
  await signalChange(thread._id, now, written);
  return written;
}

export const conversationHandlers: ConversationHandlers = {
  async getThread({ threadId }, context) {
    const { user } = requireUser(context);
    const { thread, view } = await threadAndView(threadId, user, context.now);
    await allowWatching(thread, [user], context.now);
    return view;
  },

  /** Only the officer handling the thread, only for a message that holds numbers, and always audited with why. */
  async revealPersonalNumbers({ threadId, messageId, purpose }, context) {
    const { user } = requireUser(context);
    const directory = await currentDirectory(context.now);
    const { thread, viewer } = await loadThread(threadId, user, directory);
    if (viewer.role !== 'officer' || !viewer.isAssigned) throw new ActionError('FORBIDDEN', '只有负责这个问题的民警可以查看完整号码');
    const message = await messageOf(thread, messageId);
    if (!message || !message.hasPersonalNumbers) throw new ActionError('NOT_FOUND', '这条消息里没有需要查看的号码');
    await insert(COLLECTIONS.auditLog, { type: 'consult.personal-data.revealed', stationId: thread.stationId, threadId, messageId, purpose, userId: thread.residentUserId, by: user._id, at: context.now });
    return { text: message.text };
  },

  async olderMessages({ threadId, before }, context) {
    const { user } = requireUser(context);
    const directory = await currentDirectory(context.now);
    const { thread, viewer } = await loadThread(threadId, user, directory);
    const from = await messageOf(thread, before);
    if (!from) throw new ActionError('NOT_FOUND', '没有找到这条消息，请刷新后再试');
    const { messages, hasOlder } = await messagePage(thread, from);
    return { messages: await messageViews(messages, thread, viewer), hasOlder };
  },

  /**
   * One transaction reads the thread, checks who sends and the hourly limit (kept in the thread),
   * passes content security, then writes the thread and the message: the sender's watch too when
   * new. A retry of a stored message (same clientId) answers with it. Only the first message the
   * other side has not read yet is announced to them: WeChat's one-time subscriptions are scarce,
   * and a second message while the first is unread would spend one for nothing.
   */
  async sendMessage({ threadId, clientId, text, photoFileIds = [], photoReceipts = [] }, context) {
    const { user, openid } = requireUser(context);
    if (!text && photoFileIds.length === 0) throw new ActionError('INVALID_INPUT', '请填写消息', { text: '请填写消息' });
    const directory = await currentDirectory(context.now);
    assertUploadReceipts(user._id, 'consult', photoFileIds, photoReceipts, context.now);
    const messageId = `${threadId}-${clientId}`;
    const masked = maskPersonalNumbers(text);
    const preview = masked.text || '[照片]';
    const now = context.now;
    let sent: { thread: ConsultThreadRecord; viewer: Viewer; message: ConsultMessageRecord; watchedBefore: boolean };
    try {
      sent = await inTransaction(async (transaction) => {
        const current = await readInTransaction<ConsultThreadRecord>(transaction, COLLECTIONS.consultThreads, threadId);
        const viewer = current && viewerOf(current, user, directory);
        if (!current || !viewer) throw new ActionError('NOT_FOUND', '没有找到这个提问');
        if (current.status !== 'open') throw new ActionError('CONFLICT', viewer.role === 'resident' ? '这个提问已经结束。如需继续，请先重新打开' : '这个提问已经办结');
        const window = current.sentBy?.[user._id];
        const sameHour = window !== undefined && now.getTime() - window.since.getTime() < HOUR_MS;
        if (sameHour && window.count >= MESSAGES_PER_HOUR) throw new ActionError('RATE_LIMITED', `一小时内在这个对话里最多发 ${MESSAGES_PER_HOUR} 条消息，请稍后再发`);
        // Nothing is stored, and nobody is told, unless WeChat content security passes it.
        await assertTextIsSafe(openid, text, 2);

        const author = authorLabelOf(viewer, directory, current);
        const myOfficer = viewer.role === 'officer' ? officersOfUser(directory, user._id).find((officer) => officer.stationId === current.stationId) ?? officersOfUser(directory, user._id)[0] : undefined;
        const message: ConsultMessageRecord = {
          _id: messageId,
          threadId,
          clientId,
          from: author.from,
          authorUserId: user._id,
          authorLabel: author.label,
          text,
          textMasked: masked.text,
          hasPersonalNumbers: masked.masked,
          photoFileIds,
          createdAt: now,
        };
        // The station's targets matter when the thread goes back to waiting for an officer.
        const backToOfficer = viewer.role === 'resident' && current.awaiting === 'resident';
        const targets = targetsIn(directory, current.stationId);
        const patch: Partial<ConsultThreadRecord> =
          viewer.role === 'resident'
            ? {
                unreadForOfficer: current.unreadForOfficer + 1,
                residentReadAt: now,
                ...(backToOfficer ? { awaiting: 'officer', ...queuePosition(current.priority, 'officer', now), dueAt: dueAt(now, current.priority, targets), escalated: false } : {}),
              }
            : {
                unreadForResident: current.unreadForResident + 1,
                unreadForOfficer: 0,
                officerReadAt: now,
                awaiting: 'resident',
                ...queuePosition(current.priority, 'resident', current.waitingSince),
                // The first officer to answer a desk's question takes it on.
                ...(!current.claimed && myOfficer
                  ? { claimed: true, assignee: { type: 'officer', officerId: myOfficer._id }, assigneeKey: `officer:${myOfficer._id}`, assignedOfficerId: myOfficer._id, assigneeLabel: myOfficer.title }
                  : {}),
              };
        // The first officer reply is the question's response time (成效看板), counted once, on the day it
        // happened; within target when it came before the due time the resident was given.
        const firstResponse = viewer.role === 'officer' && !current.firstResponseAt;
        if (firstResponse) patch.firstResponseAt = now;
        const watchedBefore = current.watcherIds === undefined || current.watcherIds.includes(user._id);
        await transaction.collection(COLLECTIONS.consultThreads).doc(threadId).update({
          data: {
            ...patch,
            lastMessage: { text: preview, from: author.from, at: now },
            [`sentBy.${user._id}`]: sameHour ? { since: window.since, count: window.count + 1 } : { since: now, count: 1 },
            ...(watchedBefore ? {} : { watcherIds: [...(current.watcherIds ?? []), user._id] }),
            updatedAt: now,
          },
        });
        try {
          await transaction.collection(COLLECTIONS.consultMessages).add({ data: { ...withoutId(message), _id: messageId } });
        } catch (error) {
          if (isDuplicateId(error)) throw new MessageStored();
          throw error;
        }
        if (firstResponse && current.kind !== 'bankCheck') {
          const waitedMs = now.getTime() - current.createdAt.getTime();
          const firstResponseEvent = {
            type: 'firstResponse' as const,
            minutes: Math.round(waitedMs / 60_000),
            withinTarget: now.getTime() <= current.dueAt.getTime(),
            ...(myOfficer ? { officerId: myOfficer._id } : {}),
            ...(current.communityId ? { communityId: current.communityId } : {}),
          };
          await recordStationEvent(current.stationId, firstResponseEvent, now, transaction);
        }
        if (!watchedBefore) {
          await transaction.collection(COLLECTIONS.consultWatch).doc(`${threadId}-${user._id}`).set({ data: { threadId, userId: user._id, openid: user.openid, version: 0, changedAt: now } });
        }
        return { thread: current, viewer, message, watchedBefore };
      });
    } catch (error) {
      // A retry of a message stored already answers with it, whatever has changed since (closed, limit reached).
      // (CloudBase may report the duplicate id at commit rather than at add.)
      const retried = error instanceof MessageStored || isDuplicateId(error) || (error instanceof ActionError && (error.code === 'CONFLICT' || error.code === 'RATE_LIMITED'));
      const stored = retried ? await findById<ConsultMessageRecord>(COLLECTIONS.consultMessages, messageId) : undefined;
      if (!stored || stored.authorUserId !== user._id) throw error instanceof MessageStored || isDuplicateId(error) ? new ActionError('CONFLICT', '这条消息已经发过了') : error;
      const { thread, viewer } = await loadThread(threadId, user, directory);
      return (await messageViews([stored], thread, viewer))[0]!;
    }
    const { thread, viewer, message } = sent;
    // Threads from before the watcher list: the sender's watch is looked up as it was.
    if (thread.watcherIds === undefined) await allowWatching(thread, [user], now);
    const watched = { ...thread, watcherIds: sent.watchedBefore || !thread.watcherIds ? thread.watcherIds : [...thread.watcherIds, user._id] };
    const unreadBefore = viewer.role === 'resident' ? thread.unreadForOfficer : thread.unreadForResident;
    const title = `${message.authorLabel}：${preview}`;
    // Officers are told before the signal, which records what became of each message (their alert counts).
    const alert = unreadBefore === 0 && viewer.role === 'resident' ? await announceToOfficers(watched, directory, title, now) : undefined;
    await signalChange(threadId, now, watched, alert);
    if (unreadBefore === 0 && viewer.role === 'officer') await notifyResident(thread.residentOpenid, threadPageFor('resident', thread._id), title, now);
    // The sender's own photos as still being checked (shown to them, as an upload is until WeChat's
    // verdict): not read here. Every other view, and the sender's at the reload the signal causes,
    // reads the check status (messageViews) and hides a flagged photo.
    return (await messageViews([message], thread, viewer, new Map()))[0]!;
  },

  async markRead({ threadId }, context) {
    const { user } = requireUser(context);
    const directory = await currentDirectory(context.now);
    const { thread, viewer } = await loadThread(threadId, user, directory);
    const unread = viewer.role === 'resident' ? thread.unreadForResident : thread.unreadForOfficer;
    // "已读" means the person who answers has read it: a colleague or an admin looking on does not
    // count. Only a real change is written and signalled: reading must not wake the other phone for nothing.
    if (unread > 0 && viewer.isAssigned) {
      const patch = viewer.role === 'resident' ? { unreadForResident: 0, residentReadAt: context.now } : { unreadForOfficer: 0, officerReadAt: context.now };
      await database().collection(COLLECTIONS.consultThreads).doc(threadId).update({ data: patch });
      await signalChange(threadId, context.now, thread);
    }
    return { readAt: context.now.toISOString() };
  },
};
