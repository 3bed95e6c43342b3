import { assertUploadReceipts } from '@platform/cloud/media';
import type { consultActions } from '@domain/actions/consult';
import { fraudCheckMessage } from '@domain/anti-fraud/warning-signs';
import { canReopen, dueAt, PLACE_NEEDED, queuePosition, reachesNoStation } from '@domain/consult';
import { EMERGENCY_PROMPT } from '@domain/emergency';
import { ActionError } from '@domain/errors';
import { COLLECTIONS, type ConsultThreadRecord } from '@platform/cloud/collections';
import { assertTextIsSafe } from '@platform/cloud/content-security';
import { requireUser, type Handlers } from '@platform/cloud/create-function';
import { currentDirectory } from '@platform/cloud/directory';
import { findMany } from '@platform/cloud/documents';
import { routeResidentQuestion, routingPreviewView, targetsIn } from '@platform/cloud/question-routing';
import { recordStationEvent } from '@platform/cloud/station-events';
import { database } from '@platform/cloud/wx';
import { addSystemMessage, threadView } from './conversation';
import { openThread } from './open-thread';
import { loadThread, summaryView } from './threads';

type ResidentHandlers = Pick<Handlers<typeof consultActions>, 'startThread' | 'startFraudCheck' | 'listMyThreads' | 'closeAndRate' | 'reopenThread'>;

const MY_THREADS_LIMIT = 50;

export const residentHandlers: ResidentHandlers = {
  async startThread({ category, text, photoFileIds, photoReceipts, location, afterEmergencyPrompt }, context) {
    const { user, openid } = requireUser(context);
    const routed = await routeResidentQuestion(user, { category, text, ...(location ? { location } : {}) }, context.now);
    // The 110 prompt comes before anything is sent: a question that reads as an emergency is
    // only stored once the resident has seen the prompt and still chooses to send it.
    if (routed.emergency.emergency && !afterEmergencyPrompt) {
      // Counted for the dashboard where the question would have gone; nothing of the resident or the text is kept.
      await recordStationEvent(routed.decision.stationId, { type: 'emergencyPrompt', kind: routed.emergency.kind ?? 'unknown' }, context.now);
      return { kind: 'emergency', prompt: EMERGENCY_PROMPT };
    }
    if (reachesNoStation(routed.decision.assignee)) throw new ActionError('INVALID_INPUT', PLACE_NEEDED.question);
    const priority = routed.emergency.emergency ? 'urgent' : routed.decision.priority;
    assertUploadReceipts(user._id, 'consult', photoFileIds ?? [], photoReceipts ?? [], context.now);
    const threadId = await openThread({ user, openid, routed, category, kind: 'question', text, photoFileIds: photoFileIds ?? [], priority, ...(location ? { location } : {}), now: context.now });
    return { kind: 'sent', threadId, routing: await routingPreviewView(routed, context.now) };
  },

  async startFraudCheck({ amount, payeeKind, channel, note, articleId }, context) {
    const { user, openid } = requireUser(context);
    const facts = { amount, payeeKind, channel };
    const text = fraudCheckMessage(facts, note);
    const routed = await routeResidentQuestion(user, { category: 'fraudCheck', text }, context.now, false);
    if (reachesNoStation(routed.decision.assignee)) throw new ActionError('INVALID_INPUT', PLACE_NEEDED.fraudCheck);
    // A transfer about to happen cannot wait: top priority whatever the station's rule says.
    const threadId = await openThread({
      user,
      openid,
      routed,
      category: 'fraudCheck',
      kind: 'fraudCheck',
      text,
      photoFileIds: [],
      priority: 'urgent',
      fraudCheck: { ...facts, ...(articleId ? { articleId } : {}) },
      now: context.now,
    });
    const routing = await routingPreviewView(routed, context.now);
    return { threadId, routing: { ...routing, priority: 'urgent' } };
  },

  async listMyThreads(_input, context) {
    const { user } = requireUser(context);
    const directory = await currentDirectory(context.now);
    const threads = await findMany<ConsultThreadRecord>(
      database().collection(COLLECTIONS.consultThreads).where({ residentUserId: user._id }).orderBy('updatedAt', 'desc').orderBy('_id', 'desc').limit(MY_THREADS_LIMIT),
    );
    const viewer = { user, role: 'resident' as const, officerIds: new Set<string>(), isAssigned: true };
    // Open threads first, then the most recently active.
    return threads.map((thread) => summaryView(thread, viewer, directory, context.now)).sort((a, b) => Number(b.status === 'open') - Number(a.status === 'open'));
  },

  async closeAndRate({ threadId, stars, comment }, context) {
    const { user, openid } = requireUser(context);
    const directory = await currentDirectory(context.now);
    const { thread, viewer } = await loadThread(threadId, user, directory);
    if (viewer.role !== 'resident') throw new ActionError('FORBIDDEN', '只有提问的居民可以评价');
    if (thread.rating) throw new ActionError('CONFLICT', '您已经评价过了');
    if (comment) await assertTextIsSafe(openid, comment, 2);
    const rating = { stars, ...(comment ? { comment } : {}) };
    const closing: Partial<ConsultThreadRecord> = thread.status === 'open' ? { status: 'closed', open: false, closedAt: context.now } : {};
    const what = thread.status === 'open' ? '居民结束了提问，评价' : '居民评价';
    const written = await addSystemMessage(thread, `${what} ${stars} 星${comment ? `：${comment}` : ''}`, { ...closing, rating }, context.now, { expectStatus: thread.status });
    if (thread.kind !== 'bankCheck') await recordStationEvent(thread.stationId, { type: 'rating', stars }, context.now);
    return threadView(threadId, user, context.now, { directory, thread: written });
  },

  async reopenThread({ threadId }, context) {
    const { user } = requireUser(context);
    const directory = await currentDirectory(context.now);
    const { thread, viewer } = await loadThread(threadId, user, directory);
    if (viewer.role !== 'resident') throw new ActionError('FORBIDDEN', '只有提问的居民可以重新打开');
    if (thread.status !== 'closed' || !thread.closedAt) throw new ActionError('CONFLICT', '这个提问还没有结束');
    if (!canReopen(thread.closedAt, context.now)) throw new ActionError('EXPIRED', '结束已超过 7 天，不能重新打开。请重新提一个问题');
    const due = dueAt(context.now, thread.priority, targetsIn(directory, thread.stationId));
    const written = await addSystemMessage(
      thread,
      '居民重新打开了提问',
      { status: 'open', open: true, awaiting: 'officer', ...queuePosition(thread.priority, 'officer', context.now), dueAt: due, escalated: false },
      context.now,
      { expectStatus: 'closed', unset: ['closedAt', 'outcome', 'rating'] },
    );
    return threadView(threadId, user, context.now, { directory, thread: written });
  },
};
