import type { consultActions, InboxView } from '@domain/actions/consult';
import { DEFAULT_QUICK_REPLIES, DEFAULT_RESPONSE_TARGET_MINUTES, dueAt, THREAD_OUTCOME_LABELS } from '@domain/consult';
import { ActionError } from '@domain/errors';
import { OFFICER_KIND_LABELS } from '@domain/roles';
import { route, type Assignee } from '@domain/routing';
import { COLLECTIONS, type ConsultSettingsRecord, type ConsultThreadRecord, type UserRecord } from '@platform/cloud/collections';
import { assertTextIsSafe } from '@platform/cloud/content-security';
import { requireUser, type Handlers } from '@platform/cloud/create-function';
import { bumpDirectoryVersion, currentDirectory, type Directory } from '@platform/cloud/directory';
import { findById, findMany } from '@platform/cloud/documents';
import { assigneeKey, assigneeLabel, targetsIn } from '@platform/cloud/question-routing';
import { inTransaction } from '@platform/cloud/transaction';
import { database } from '@platform/cloud/wx';
import { addSystemMessage, threadView } from './conversation';
import { allowWatching, assignedUsers, loadThread, notifyOfficers, officersOfUser, summaryView, threadPageFor, viewerOf } from './threads';

type OfficerHandlers = Pick<
  Handlers<typeof consultActions>,
  'officerInbox' | 'listTransferTargets' | 'getQuickReplies' | 'saveQuickReplies' | 'getResponseTargets' | 'setResponseTargets' | 'closeWithOutcome' | 'transferThread'
>;

/** One inbox page; an officer works the oldest first and rarely scrolls past it. */
const INBOX_PAGE = 100;
/**
 * The tab counts read at most this many open threads (projected, through the station index):
 * past it the tabs say "200+". An exact figure beyond a backlog that size helps no officer, and
 * reading 1,000 documents per inbox refresh was most of its cost.
 */
const COUNT_CAP = 200;

/** The assignee keys that mean "mine": my officer records, and the desks my kinds staff at my station. */
function myAssigneeKeys(directory: Directory, user: UserRecord): string[] {
  const keys = officersOfUser(directory, user._id).map((officer) => `officer:${officer._id}`);
  if (user.stationId && user.officerKinds.includes('hall')) keys.push(`desk:hall:${user.stationId}`);
  if (user.stationId && user.officerKinds.includes('duty')) keys.push(`desk:duty:${user.stationId}`);
  return keys;
}

/** Equality on the station or the assignee, then one sort key (queueRank, waitingSince): what an index serves directly. */
function inboxFilter(view: InboxView, stationId: string, keys: string[]): Record<string, unknown> {
  const _ = database().command;
  if (view === 'mine') return { assigneeKey: _.in(keys), open: true };
  if (view === 'unassigned') return { stationId, open: true, claimed: false };
  return { stationId, open: true };
}

// `_id` last makes the order total and matches the declared indexes (cloudbase/database-indexes.json).
const inboxQuery = (filter: Record<string, unknown>) =>
  database().collection(COLLECTIONS.consultThreads).where(filter).orderBy('inboxOrder', 'asc').orderBy('_id', 'asc').limit(INBOX_PAGE);

export const officerHandlers: OfficerHandlers = {
  async officerInbox({ stationId, view }, context) {
    const { user } = requireUser(context);
    const directory = await currentDirectory(context.now);
    const keys = myAssigneeKeys(directory, user);
    const viewer = { user, role: 'officer' as const, officerIds: new Set<string>(), isAssigned: false };
    const threads = view === 'mine' && keys.length === 0 ? [] : await findMany<ConsultThreadRecord>(inboxQuery(inboxFilter(view, stationId, keys)));
    // The tab counts and the badge from one unsorted pass over the station's open threads (only
    // the fields they need), instead of a count() per tab.
    const open = await findMany<Pick<ConsultThreadRecord, '_id' | 'claimed' | 'assigneeKey' | 'unreadForOfficer'>>(
      database()
        .collection(COLLECTIONS.consultThreads)
        .where(inboxFilter('station', stationId, keys))
        .orderBy('inboxOrder', 'asc')
        .orderBy('_id', 'asc')
        .field({ claimed: true, assigneeKey: true, unreadForOfficer: true })
        .limit(COUNT_CAP),
    );
    const mine = new Set(keys);
    const mineHere = open.filter((thread) => mine.has(thread.assigneeKey));
    return {
      threads: threads.map((thread) => summaryView(thread, viewer, directory, context.now)),
      // Threads assigned to me at another station (a district anti-fraud hand-over) are in the 'mine' list itself.
      counts: { mine: view === 'mine' ? threads.length : mineHere.length, station: open.length, unassigned: open.filter((thread) => !thread.claimed).length },
      countsCapped: open.length >= COUNT_CAP,
      unread: (view === 'mine' ? threads : mineHere).reduce((sum, thread) => sum + thread.unreadForOfficer, 0),
    };
  },

  async listTransferTargets({ stationId }, context) {
    const directory = await currentDirectory(context.now);
    const station = directory.stations.get(stationId);
    const officers = [...directory.officers.values()]
      .filter((officer) => officer.stationId === stationId)
      .map((officer) => ({ id: officer._id, label: `${officer.title}（${officer.kinds.map((kind) => OFFICER_KIND_LABELS[kind]).join('、')}）` }));
    const stations = [...directory.stations.values()]
      .filter((other) => other._id !== stationId && other.districtId === station?.districtId)
      .sort((a, b) => a.order - b.order)
      .map((other) => ({ id: other._id, name: other.name }));
    return { officers, stations };
  },

  async getQuickReplies({ stationId }) {
    const settings = await findById<ConsultSettingsRecord>(COLLECTIONS.consultSettings, stationId);
    return settings?.quickReplies ? { stationId, replies: settings.quickReplies, isDefault: false } : { stationId, replies: [...DEFAULT_QUICK_REPLIES], isDefault: true };
  },

  async saveQuickReplies({ stationId, replies }, context) {
    const { user, openid } = requireUser(context);
    // Colleagues send these to residents: they pass content security like any other text.
    await assertTextIsSafe(openid, replies.join('\n'), 2);
    const existing = await findById<ConsultSettingsRecord>(COLLECTIONS.consultSettings, stationId);
    await database()
      .collection(COLLECTIONS.consultSettings)
      .doc(stationId)
      .set({ data: { ...(existing?.targets ? { targets: existing.targets } : {}), quickReplies: replies, updatedAt: context.now, updatedBy: user._id } });
    return { stationId, replies, isDefault: false };
  },

  async getResponseTargets({ stationId }) {
    const settings = await findById<ConsultSettingsRecord>(COLLECTIONS.consultSettings, stationId);
    return { stationId, minutes: settings?.targets ?? { ...DEFAULT_RESPONSE_TARGET_MINUTES }, isDefault: !settings?.targets };
  },

  async setResponseTargets({ stationId, minutes }, context) {
    const { user } = requireUser(context);
    if (!(minutes.urgent <= minutes.high && minutes.high <= minutes.normal)) {
      throw new ActionError('INVALID_INPUT', '紧急的时限要最短，普通的最长', { minutes: '紧急 ≤ 优先 ≤ 普通' });
    }
    const existing = await findById<ConsultSettingsRecord>(COLLECTIONS.consultSettings, stationId);
    await inTransaction(async (transaction) => {
      await transaction
        .collection(COLLECTIONS.consultSettings)
        .doc(stationId)
        .set({ data: { ...(existing?.quickReplies ? { quickReplies: existing.quickReplies } : {}), targets: minutes, updatedAt: context.now, updatedBy: user._id } });
      await transaction.collection(COLLECTIONS.auditLog).add({ data: { type: 'consult.response-targets.updated', stationId, by: user._id, at: context.now } });
    });
    // The directory carries each station's targets: warm copies are rebuilt with the new ones.
    await bumpDirectoryVersion(context.now);
    return { stationId, minutes, isDefault: false };
  },

  async closeWithOutcome({ threadId, outcome, note }, context) {
    const { user, openid } = requireUser(context);
    const directory = await currentDirectory(context.now);
    const { thread, viewer } = await loadThread(threadId, user, directory);
    if (viewer.role !== 'officer') throw new ActionError('FORBIDDEN', '只有民警可以办结');
    if (note) await assertTextIsSafe(openid, note, 2);
    const who = officersOfUser(directory, user._id)[0]?.title ?? '民警';
    const written = await addSystemMessage(thread, `${who} 已办结：${THREAD_OUTCOME_LABELS[outcome]}${note ? `。${note}` : ''}`, { status: 'closed', open: false, closedAt: context.now, outcome }, context.now, {
      expectStatus: 'open',
    });
    return threadView(threadId, user, context.now, { directory, thread: written });
  },

  async transferThread({ threadId, toOfficerId, toStationId, note }, context) {
    const { user, openid } = requireUser(context);
    if (Boolean(toOfficerId) === Boolean(toStationId)) throw new ActionError('INVALID_INPUT', '请选择转给哪位民警或哪个派出所', { toOfficerId: '请选择转给谁' });
    const directory = await currentDirectory(context.now);
    const { thread, viewer } = await loadThread(threadId, user, directory);
    if (viewer.role !== 'officer') throw new ActionError('FORBIDDEN', '只有民警可以转交');
    // The resident reads the note.
    await assertTextIsSafe(openid, note, 2);

    let assignee: Assignee;
    let stationId: string;
    if (toOfficerId) {
      const officer = directory.officers.get(toOfficerId);
      if (!officer) throw new ActionError('NOT_FOUND', '没有找到这位民警');
      assignee = { type: 'officer', officerId: officer._id };
      stationId = officer.stationId;
    } else {
      const station = directory.stations.get(toStationId ?? '');
      if (!station) throw new ActionError('NOT_FOUND', '没有找到这个派出所');
      // The other station's own rules decide who there takes it (hall desk, anti-fraud, duty desk).
      assignee = route({ stationIdByLocation: station._id, category: thread.category, at: context.now }, directory.routing).assignee;
      stationId = station._id;
    }
    if (assigneeKey(assignee) === thread.assigneeKey) throw new ActionError('CONFLICT', '已经在这位民警手里了');

    const from = officersOfUser(directory, user._id)[0]?.title ?? '民警';
    const label = assigneeLabel(directory, assignee, false);
    const station = directory.stations.get(stationId);
    // Another station is named; a colleague at the same station is not.
    const where = station && stationId !== thread.stationId && !label.startsWith(station.name) ? `${station.name} ` : '';
    const due = dueAt(context.now, thread.priority, targetsIn(directory, stationId));
    const written = await addSystemMessage(
      thread,
      `${from} 把问题转给了 ${where}${label}：${note}`,
      {
        assignee,
        assigneeKey: assigneeKey(assignee),
        assigneeLabel: label,
        claimed: assignee.type === 'officer',
        ...(assignee.type === 'officer' ? { assignedOfficerId: assignee.officerId } : {}),
        stationId,
        ...(station ? { districtId: station.districtId } : {}),
        dueAt: due,
        escalated: false,
        reason: `已由 ${from} 转给 ${label}`,
      },
      context.now,
      { expectStatus: 'open', ...(assignee.type === 'officer' ? {} : { unset: ['assignedOfficerId'] }) },
    );
    const receivers = await assignedUsers(directory, assignee);
    await allowWatching(thread, receivers, context.now);
    await notifyOfficers(receivers, threadPageFor('officer', threadId), `转来的提问：${thread.title}`, context.now);
    const stillVisible = viewerOf(written, user, directory) !== undefined;
    return { transferredTo: `${where}${label}`, stillVisible };
  },
};
