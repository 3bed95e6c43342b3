/**
 * What every consult handler shares: who a viewer is to a thread (resident, the assigned
 * officer, a station colleague, or nobody), per-viewer views with masking, change signals for
 * watch(), and subscribe messages.
 */
import type { MessageAuthor, MessageView, ThreadSummaryView } from '@domain/actions/consult';
import { CONSULT_CATEGORY_LABELS } from '@domain/routing';
import { CONSULT_TEMPLATES, waitLevel } from '@domain/consult';
import { messageData } from '@domain/notifications/message-fields';
import { ActionError } from '@domain/errors';
import type { Assignee } from '@domain/routing';
import { tempFileUrlsById } from '@platform/cloud/cloud-files';
import { isFlagged, mediaRecords } from '@platform/cloud/media';
import { alertTokenOf } from '@platform/cloud/alert-credits';
import { COLLECTIONS, type ConsultMessageRecord, type ConsultThreadRecord, type ConsultWatchRecord, type MediaFileRecord, type OfficerRecord, type UserRecord, type WatchAlert } from '@platform/cloud/collections';
import { accountsByIds, type Directory, type OfficerAccount } from '@platform/cloud/directory';
import { findById, findMany, isoDate, updated } from '@platform/cloud/documents';
import { cloud, database } from '@platform/cloud/wx';
import { templateIdFor } from '@platform/cloud/settings';
import { userIdFor } from '@platform/cloud/identity';

/** Subscribe-message templates (configured in the WeChat admin console). */
export const CONSULT_NEW_TEMPLATE = CONSULT_TEMPLATES.newQuestion;
export const CONSULT_REPLY_TEMPLATE = CONSULT_TEMPLATES.reply;

export interface Viewer {
  user: UserRecord;
  role: 'resident' | 'officer';
  /** The viewer's officer records (an account may be on the roster once per station). */
  officerIds: Set<string>;
  /** The resident, or the officer the thread is assigned to (or, unclaimed, an officer of its desk). */
  isAssigned: boolean;
}

export const officersOfUser = (directory: Directory, userId: string): OfficerRecord[] => [...directory.officers.values()].filter((officer) => officer.userId === userId);

const DESK_KIND = { hall: 'hall', duty: 'duty' } as const;

/** Officer records that count as "assigned" for an assignee: the officer, or everyone on the desk. */
export function assignedOfficers(directory: Directory, assignee: Assignee): OfficerRecord[] {
  if (assignee.type === 'officer') {
    const officer = directory.officers.get(assignee.officerId);
    return officer ? [officer] : [];
  }
  if (assignee.type === 'desk') {
    const kind = DESK_KIND[assignee.desk];
    return [...directory.officers.values()].filter((officer) => officer.stationId === assignee.stationId && officer.kinds.includes(kind));
  }
  return [];
}

/**
 * Who may read a thread: its resident; staff of its station (district admins of its district);
 * an officer it is assigned to elsewhere. Anyone else gets NOT_FOUND, never a hint it exists.
 */
export function viewerOf(thread: ConsultThreadRecord, user: UserRecord, directory: Directory): Viewer | undefined {
  if (thread.residentUserId === user._id) return { user, role: 'resident', officerIds: new Set(), isAssigned: true };
  // A bank check belongs to its branch: the clerk's colleagues at the counter follow it too.
  if (thread.bankCheck && user.partner?.branchId === thread.bankCheck.branchId) return { user, role: 'resident', officerIds: new Set(), isAssigned: false };
  if (user.role === 'resident') return undefined;
  const mine = officersOfUser(directory, user._id);
  const officerIds = new Set(mine.map((officer) => officer._id));
  const assigned = assignedOfficers(directory, thread.assignee).some((officer) => officerIds.has(officer._id));
  const ownStation = thread.stationId !== undefined && user.stationId === thread.stationId && (user.role === 'officer' || user.role === 'stationAdmin');
  const ownDistrict = user.role === 'districtAdmin' && thread.districtId !== undefined && user.districtId === thread.districtId;
  if (!assigned && !ownStation && !ownDistrict) return undefined;
  return { user, role: 'officer', officerIds, isAssigned: assigned };
}

export async function loadThread(threadId: string, user: UserRecord, directory: Directory): Promise<{ thread: ConsultThreadRecord; viewer: Viewer }> {
  const thread = await findById<ConsultThreadRecord>(COLLECTIONS.consultThreads, threadId);
  const viewer = thread && viewerOf(thread, user, directory);
  if (!thread || !viewer) throw new ActionError('NOT_FOUND', '没有找到这个提问');
  return { thread, viewer };
}

/**
 * Full text for the sender and for the resident (what the station wrote to them); masked for every
 * officer who did not write it. The officer handling the thread reveals a number explicitly, with
 * a purpose, and that reveal is audited (revealPersonalNumbers).
 */
export const readableText = (message: Pick<ConsultMessageRecord, 'text' | 'textMasked' | 'authorUserId'>, viewer: Viewer): string =>
  message.authorUserId === viewer.user._id || viewer.role === 'resident' ? message.text : message.textMasked;

/** `checked`: the photos' media records as the handler has just read them (sendMessage's upload check), not read again. */
export async function messageViews(messages: ConsultMessageRecord[], thread: ConsultThreadRecord, viewer: Viewer, checked?: Map<string, MediaFileRecord>): Promise<MessageView[]> {
  const otherSideReadAt = viewer.role === 'resident' ? thread.officerReadAt : thread.residentReadAt;
  const fileIds = messages.flatMap((message) => message.photoFileIds);
  const [byFileId, media] = await Promise.all([tempFileUrlsById(fileIds), checked ?? mediaRecords(fileIds)]);
  const handling = viewer.role === 'officer' && viewer.isAssigned;
  return messages.map((message) => {
    const mine = message.authorUserId === viewer.user._id;
    const flagged = message.photoFileIds.filter((fileId) => isFlagged(media.get(fileId)));
    // A flagged photo is seen only by the officer handling the thread; its sender is told.
    const shown = handling ? message.photoFileIds : message.photoFileIds.filter((fileId) => !flagged.includes(fileId));
    const photoNotice =
      flagged.length === 0 ? undefined : handling && !mine ? `${flagged.length} 张照片未通过微信安全检查，只有处理的民警能看到` : mine ? `您的 ${flagged.length} 张照片未通过微信安全检查，已对他人隐藏` : undefined;
    return {
      id: message._id,
      ...(mine && message.clientId ? { clientId: message.clientId } : {}),
      from: message.from,
      authorLabel: message.authorLabel,
      text: readableText(message, viewer),
      ...(handling && !mine && message.hasPersonalNumbers ? { revealable: true } : {}),
      ...(photoNotice ? { photoNotice } : {}),
      photoUrls: shown.flatMap((fileId) => {
        const url = byFileId.get(fileId);
        return url ? [url] : [];
      }),
      at: isoDate(message.createdAt),
      mine,
      read: mine && otherSideReadAt !== undefined && otherSideReadAt.getTime() >= message.createdAt.getTime(),
    };
  });
}

export function summaryView(thread: ConsultThreadRecord, viewer: Viewer, directory: Directory, now: Date): ThreadSummaryView {
  const communityName = thread.communityId ? directory.communities.get(thread.communityId)?.name : undefined;
  const stationName = thread.stationId ? directory.stations.get(thread.stationId)?.name : undefined;
  return {
    id: thread._id,
    category: thread.category,
    kind: thread.kind,
    status: thread.status,
    awaiting: thread.awaiting,
    priority: thread.priority,
    // Title and last message are stored masked: a list never shows personal numbers.
    title: thread.title,
    lastMessage: { text: thread.lastMessage.text, from: thread.lastMessage.from, at: isoDate(thread.lastMessage.at) },
    unread: viewer.role === 'resident' ? thread.unreadForResident : thread.unreadForOfficer,
    assigneeLabel: thread.assigneeLabel,
    ...(stationName ? { stationName } : {}),
    ...(communityName ? { communityName } : {}),
    residentLabel: thread.residentLabel,
    waitingSince: isoDate(thread.waitingSince),
    waitedMinutes: Math.max(0, Math.floor((now.getTime() - thread.waitingSince.getTime()) / 60_000)),
    dueAt: isoDate(thread.dueAt),
    waitLevel: thread.open && thread.awaiting === 'officer' ? waitLevel(thread.waitingSince, thread.dueAt, now) : 'ok',
    updatedAt: isoDate(thread.updatedAt),
  };
}

export const categoryTitle = (thread: Pick<ConsultThreadRecord, 'category'>) => CONSULT_CATEGORY_LABELS[thread.category];

export function authorLabelOf(viewer: Viewer, directory: Directory, thread: ConsultThreadRecord): { from: MessageAuthor; label: string } {
  if (viewer.role === 'resident') return { from: 'resident', label: thread.residentLabel };
  const officer = officersOfUser(directory, viewer.user._id)[0];
  return { from: 'officer', label: officer?.title ?? (viewer.user.role === 'stationAdmin' ? '派出所' : '民警') };
}

/**
 * Tells every phone that watches this thread that it changed. The signal carries no content:
 * a phone that hears it fetches through getThread, which checks access and masks per viewer.
 * With `alert` (officers told of this change, announceToOfficers), the same update records on
 * every watch document of the thread what became of each officer's message: their alert counts
 * need no write of their own (platform/cloud/alert-credits.ts).
 */
export async function signalChange(threadId: string, now: Date, thread?: WatchedThread, alert?: WatchAlert): Promise<void> {
  const _ = database().command;
  const recorded = alert ? { alerts: _.push([alert]), lastAlertAt: alert.at } : {};
  const signalled = await updated(database().collection(COLLECTIONS.consultWatch).where({ threadId }).update({ data: { version: _.inc(1), changedAt: now, ...recorded } }));
  // Fewer watch documents than the thread lists: the opening crashed before writing them (openWatches).
  if (thread?.watcherIds && signalled < new Set(thread.watcherIds).size) await restoreWatches(thread, now, alert);
}

type WatchedThread = Pick<ConsultThreadRecord, '_id' | 'watcherIds' | 'residentUserId' | 'residentOpenid'>;

/**
 * Writes the watch documents a thread lists but lacks (rare: a crash between a question's commit
 * and its watches), so its phones follow it live again from its next change on. Someone listed
 * whose account is gone (an officer who deleted it: their watches went with it) leaves the list.
 */
async function restoreWatches(thread: WatchedThread, now: Date, alert?: WatchAlert): Promise<void> {
  const existing = await findMany<Pick<ConsultWatchRecord, '_id' | 'userId'>>(
    database().collection(COLLECTIONS.consultWatch).where({ threadId: thread._id }).field({ userId: true }).limit(1000),
  );
  const watching = new Set(existing.map((watch) => watch.userId));
  const missing = (thread.watcherIds ?? []).filter((userId) => !watching.has(userId));
  if (missing.length === 0) return;
  const others = missing.filter((userId) => userId !== thread.residentUserId);
  const accounts = [...(missing.includes(thread.residentUserId) ? [{ _id: thread.residentUserId, openid: thread.residentOpenid }] : []), ...(others.length > 0 ? await accountsByIds(others) : [])];
  const gone = missing.filter((userId) => !accounts.some((account) => account._id === userId));
  // An officer just told of this change keeps the record of it (signalChange could not write it).
  const recorded = alert ? { alerts: [alert], lastAlertAt: alert.at } : {};
  if (accounts.length > 0) await database().collection(COLLECTIONS.consultWatch).add({ data: accounts.map((account) => ({ _id: `${thread._id}-${account._id}`, ...watchData(thread._id, account, now), ...recorded })) });
  if (gone.length > 0) await database().collection(COLLECTIONS.consultThreads).doc(thread._id).update({ data: { watcherIds: database().command.pullAll(gone) } });
}

/**
 * Lets people who may read the thread watch it (one signal document per person and thread).
 * The thread lists who watches it (`watcherIds`), so the usual call reads nothing; new watchers
 * are written and listed, all of them in one update of the list. Threads from before the list
 * read the watch document, as they did.
 */
export async function allowWatching(thread: Pick<ConsultThreadRecord, '_id' | 'watcherIds'>, users: readonly Pick<UserRecord, '_id' | 'openid'>[], now: Date): Promise<void> {
  const newcomers = [...new Map(users.filter((user) => !thread.watcherIds?.includes(user._id)).map((user) => [user._id, user])).values()];
  const unwatched = thread.watcherIds
    ? newcomers
    : (await Promise.all(newcomers.map(async (user) => ((await findById(COLLECTIONS.consultWatch, `${thread._id}-${user._id}`)) ? [] : [user])))).flat();
  if (unwatched.length === 0) return;
  await Promise.all(
    unwatched.map((user) =>
      database()
        .collection(COLLECTIONS.consultWatch)
        .doc(`${thread._id}-${user._id}`)
        .set({ data: { threadId: thread._id, userId: user._id, openid: user.openid, version: 0, changedAt: now } }),
    ),
  );
  if (thread.watcherIds) {
    await database()
      .collection(COLLECTIONS.consultThreads)
      .doc(thread._id)
      .update({ data: { watcherIds: database().command.addToSet({ $each: unwatched.map((user) => user._id) }) } });
  }
}

/**
 * The accounts of the officers a thread is assigned to (those who have signed in): from the
 * directory, which holds them; an account linked since it was built is read.
 */
export async function assignedUsers(directory: Directory, assignee: Assignee): Promise<OfficerAccount[]> {
  const userIds = [...new Set(assignedOfficers(directory, assignee).flatMap((officer) => (officer.userId ? [officer.userId] : [])))];
  const missing = userIds.filter((userId) => !directory.officerAccounts.has(userId));
  const read = new Map((missing.length > 0 ? await accountsByIds(missing) : []).map((account) => [account._id, account]));
  return userIds.flatMap((userId) => {
    const account = directory.officerAccounts.get(userId) ?? read.get(userId);
    return account ? [account] : [];
  });
}


type Delivery = 'sent' | 'noneLeft' | 'failed';

/** A one-time subscribe message; without a subscription left (43101) the in-app badge still stands. */
async function send(touser: string, templateId: string, page: string, title: string, at: Date): Promise<Delivery> {
  try {
    await cloud.openapi.subscribeMessage.send({ touser, templateId: templateIdFor(templateId), page, data: messageData({ thing1: title, time2: at }) });
    return 'sent';
  } catch (error) {
    const code = (error as { errCode?: number }).errCode;
    // 43101: the person has no subscription left for this template — the usual case, not a fault.
    if (code === 43101) return 'noneLeft';
    console.warn('[consult] subscribe message not sent', code);
    return 'failed';
  }
}

/** To the resident: an officer answered. */
export async function notifyResident(openid: string, page: string, title: string, at: Date): Promise<void> {
  await send(openid, CONSULT_REPLY_TEMPLATE, page, title, at);
}

export interface OfficerDelivery {
  userId: string;
  delivery: Delivery;
}

/** A new-question message to each of these officers (WeChat requests only; nothing is written). */
export async function sendNewQuestionMessages(officers: readonly Pick<UserRecord, 'openid'>[], page: string, title: string, at: Date): Promise<OfficerDelivery[]> {
  return Promise.all(officers.map(async (officer) => ({ userId: userIdFor(officer.openid), delivery: await send(officer.openid, CONSULT_NEW_TEMPLATE, page, title, at) })));
}

/**
 * A new-question message to each of these officers. An officer's workbench counts the messages
 * left (station.armAlerts adds them): the counts of all of them follow in at most two writes —
 * one less for each delivered, none left for each WeChat says has none — not one per officer.
 */
export async function notifyOfficers(officers: readonly Pick<UserRecord, 'openid'>[], page: string, title: string, at: Date): Promise<void> {
  if (officers.length === 0) return;
  await spendAlertCredits(await sendNewQuestionMessages(officers, page, title, at));
}

async function spendAlertCredits(deliveries: readonly OfficerDelivery[]): Promise<void> {
  const _ = database().command;
  const spend = async (delivery: Delivery, data: Record<string, unknown>) => {
    const userIds = deliveries.filter((entry) => entry.delivery === delivery).map((entry) => entry.userId);
    if (userIds.length === 0) return;
    await database()
      .collection(COLLECTIONS.officerAlertCredits)
      .where({ _id: _.in(userIds), remaining: _.gt(0) })
      .update({ data });
  };
  await Promise.all([spend('sent', { remaining: _.inc(-1) }), spend('noneLeft', { remaining: 0 })]);
}

/**
 * A resident's message announced to the officers the thread is assigned to, before the change is
 * signalled: answers the record of the deliveries for signalChange to write on the thread's watch
 * documents (an officer the thread lists as a watcher has one). An officer it does not list (on
 * the desk since the question opened, or a thread from before the list) has their count spent
 * directly, as a transfer's message does: rare, and a request more.
 */
export async function announceToOfficers(thread: Pick<ConsultThreadRecord, '_id' | 'assignee' | 'watcherIds'>, directory: Directory, title: string, now: Date): Promise<WatchAlert | undefined> {
  const officers = await assignedUsers(directory, thread.assignee);
  if (officers.length === 0) return undefined;
  const deliveries = await sendNewQuestionMessages(officers, threadPageFor('officer', thread._id), title, now);
  const watching = (entry: OfficerDelivery) => thread.watcherIds?.includes(entry.userId) === true;
  await spendAlertCredits(deliveries.filter((entry) => !watching(entry)));
  const tokens = (delivery: Delivery) => deliveries.filter((entry) => watching(entry) && entry.delivery === delivery).map((entry) => alertTokenOf(`${thread._id}-${entry.userId}`));
  const alert: WatchAlert = { at: now, sent: tokens('sent'), noneLeft: tokens('noneLeft') };
  return alert.sent.length + alert.noneLeft.length > 0 ? alert : undefined;
}

/**
 * The watch documents of a thread that has just opened, all in one request (a batch add: one
 * `database.insertDocument` request with every document, as wx-server-sdk 4 sends it), written
 * after the thread's transaction: they carry no content, they only tell phones to reload. An
 * officer's document also records the new-question message sent to them (which spends one of
 * their alerts, platform/cloud/alert-credits.ts), so the count needs no write of its own. A crash
 * between the commit and this write leaves consistent data and no live refresh for the thread
 * until its next change re-creates the missing documents (signalChange), like a subscribe
 * message not sent.
 */
export async function openWatches(threadId: string, watchers: readonly Pick<UserRecord, '_id' | 'openid'>[], deliveries: readonly OfficerDelivery[], now: Date): Promise<void> {
  const alerts = new Map(deliveries.flatMap(({ userId, delivery }) => (delivery === 'failed' ? [] : [[userId, delivery] as const])));
  const documents = [...new Map(watchers.map((watcher) => [watcher._id, watcher])).values()].map((watcher) => {
    const alert = alerts.get(watcher._id);
    return { _id: `${threadId}-${watcher._id}`, ...watchData(threadId, watcher, now), ...(alert ? { newQuestionAlert: alert, alertedAt: now } : {}) };
  });
  if (documents.length > 0) await database().collection(COLLECTIONS.consultWatch).add({ data: documents });
}

const watchData = (threadId: string, watcher: Pick<UserRecord, '_id' | 'openid'>, now: Date) => ({ threadId, userId: watcher._id, openid: watcher.openid, version: 0, changedAt: now });

export const threadPageFor = (role: 'resident' | 'officer', threadId: string) =>
  role === 'resident' ? `packages/consult/pages/thread/index?id=${threadId}` : `packages/officer/pages/consult-thread/index?id=${threadId}`;
