/**
 * The one declaration of personal data, per collection: what it holds about a resident, why, who
 * may read it, how long it is kept, how the resident's documents are found, exported and erased,
 * and how the retention timer sweeps it. 我的数据, export, account deletion and the retention timer
 * all read this table; tests/functions/personal-data.test.ts fails when a collection of
 * COLLECTIONS is in neither this table nor NOT_RESIDENT_DATA, or when a resident's id turns up in
 * a collection this table does not cover.
 */
import { RETENTION_DAYS, keptUntil, periodLabel, retentionCutoff } from '@domain/privacy/retention';
import { PRIORITIES } from '@domain/routing';
import { creditsLeftOf } from './alert-credits';
import { COLLECTIONS, type OfficerAlertCreditsRecord } from './collections';
import { findById, findMany, isoDate } from './documents';
import { mediaRecords } from './media';
import { BOOKING_DATA, FAMILY_MEMBER_DATA } from './personal-data-bookings';
import { database } from './wx';
import { _, asDate, day, eraseWith, findAll, findAllIn, justRemove, oldest, plain, remove, retentionText, strings, type CollectionName, type Doc, type EraseContext, type Erasure, type PersonalDataSpec } from './personal-data-spec';

export * from './personal-data-spec';
export { familyMemberData, eraseFamilyMemberData } from './personal-data-bookings';

const ERASED_TEXT = '（居民已注销，内容已删除）';
export const ERASED_LABEL = '已注销';
/** What a station's old records show for an officer who deleted their account after leaving. */
export const ERASED_OFFICER = '已注销的民警';

/** A closed thread past its time, with its messages, change signals and photos. */
/** Whether a consult message, or a thread's question held in it, carries this photo (indexes retention_by_photo, retention_by_first_photo). */
async function sentInConsult(fileId: string): Promise<boolean> {
  const [inMessages, inQuestions] = await Promise.all([
    findMany<Doc>(database().collection(COLLECTIONS.consultMessages).where({ photoFileIds: fileId }).orderBy('_id', 'asc').limit(1)),
    findMany<Doc>(database().collection(COLLECTIONS.consultThreads).where({ 'firstMessage.photoFileIds': fileId }).orderBy('_id', 'asc').limit(1)),
  ]);
  return inMessages.length > 0 || inQuestions.length > 0;
}

async function expireThread(thread: Doc): Promise<Erasure> {
  const [messages, watches] = await Promise.all([findAll(COLLECTIONS.consultMessages, { threadId: thread._id }), findAll(COLLECTIONS.consultWatch, { threadId: thread._id })]);
  const files = [...heldFirstMessages([thread]), ...messages].flatMap((message) => strings(message.photoFileIds));
  const media = [...(await mediaRecords(files)).values()] as unknown as Doc[];
  return {
    writes: [
      remove(COLLECTIONS.consultThreads, thread),
      ...messages.map((doc) => remove(COLLECTIONS.consultMessages, doc)),
      ...watches.map((doc) => remove(COLLECTIONS.consultWatch, doc)),
      ...media.map((doc) => remove(COLLECTIONS.mediaFiles, doc)),
    ],
    files,
  };
}

/**
 * First messages held in their thread (threads opened since December 2026), as the message
 * documents they were before: 我的数据, the export and the erasure see them exactly as a message.
 */
function heldFirstMessages(threads: readonly Doc[]): Doc[] {
  return threads.flatMap((thread) => {
    const first = thread.firstMessage as Doc | undefined;
    return first ? [{ ...first, threadId: thread._id, heldInThread: true }] : [];
  });
}

/**
 * Emergency alerts held in their routing decision (since December 2026), as the alert documents
 * they were before: the same line in 我的数据 and the export, kept and removed with the decision.
 */
function alertsInDecisions(decisions: readonly Doc[]): Doc[] {
  return decisions.flatMap((decision) => {
    const input = decision.input as { text?: string } | undefined;
    return decision.alert ? [{ _id: decision._id, text: String(input?.text ?? '').slice(0, 200), createdAt: decision.at, heldInDecision: true }] : [];
  });
}

export const PERSONAL_DATA: readonly PersonalDataSpec[] = [
  {
    collection: COLLECTIONS.users,
    group: 'account',
    holds: '微信匿名编号（OpenID）、昵称、角色、登记的社区',
    purpose: '认出您本人；民警回复时称呼您；把问题交给您社区的片儿警',
    readers: '您本人；民警只看到昵称',
    retention: '账号存在期间；注销时删除',
    find: async ({ userId }) => {
      const user = await findById<Doc>(COLLECTIONS.users, userId);
      return user ? [user] : [];
    },
    line: (doc) => `昵称：${String(doc.nickname)}，${day(doc.createdAt)} 开始使用`,
    exported: (doc) => plain(doc, 'openid'),
    erase: justRemove(COLLECTIONS.users),
  },
  FAMILY_MEMBER_DATA,
  BOOKING_DATA,
  {
    collection: COLLECTIONS.waitlists,
    group: 'bookings',
    holds: '您在候补名单上的位置',
    purpose: '有空位时先通知您',
    readers: '您本人；办理大厅的民警',
    retention: '随时段结束；注销时从名单上去掉',
    find: ({ userId }) => findAll(COLLECTIONS.waitlists, { accountIds: userId }),
    line: (doc) => `候补 ${String(doc.day)}`,
    exported: (doc) => ({ day: doc.day, service: doc.service, stationId: doc.stationId }),
    erase(doc, { subject, tombstone }) {
      // A held place stays held until its time runs out, then the hall timer passes it on as usual.
      const entries = (doc.entries as Doc[]).map((entry) =>
        entry.accountId === subject.userId
          ? { ...entry, accountId: tombstone, personKey: tombstone, person: { self: false, name: ERASED_LABEL }, status: entry.status === 'waiting' ? 'left' : entry.status }
          : entry,
      );
      return { writes: [{ collection: COLLECTIONS.waitlists, id: doc._id, update: { entries, accountIds: strings(doc.accountIds).filter((id) => id !== subject.userId) } }] };
    },
  },
  {
    collection: COLLECTIONS.consultThreads,
    group: 'consult',
    holds: '您问片警的问题：类别、社区、处理情况、评价',
    purpose: '让负责的民警回答和跟进',
    readers: '您本人；处理问题的民警（证件号、手机号打码，查看完整号码会被记录）',
    retention: retentionText('closedThread', '办结'),
    find: ({ userId }) => findAll(COLLECTIONS.consultThreads, { residentUserId: userId }),
    line: (doc) => `${String(doc.title)}（${doc.open ? '处理中' : '已结束'}）`,
    exported: (doc) => plain(doc, 'residentOpenid', 'residentUserId', 'inboxOrder', 'queueRank', 'assigneeKey', 'decisionId', 'claimed', 'watcherIds', 'sentBy', 'firstMessage'),
    erase(doc, { tombstone, now }) {
      // The station keeps the officers' side of the conversation until the thread's time is up;
      // nothing in it points back to the resident any more.
      const lastMessage = doc.lastMessage as { text: string; from: string; at: Date };
      const update: Record<string, unknown> = {
        residentUserId: tombstone,
        residentOpenid: '',
        residentLabel: ERASED_LABEL,
        title: ERASED_LABEL,
        lastMessage: lastMessage.from === 'resident' ? { ...lastMessage, text: ERASED_TEXT } : lastMessage,
        unreadForResident: 0,
        fraudCheck: _().remove(),
        rating: _().remove(),
        // The resident's place in the watcher list and the hourly count of their messages go too.
        ...(Array.isArray(doc.watcherIds) ? { watcherIds: (doc.watcherIds as string[]).filter((id) => id !== doc.residentUserId) } : {}),
        [`sentBy.${String(doc.residentUserId)}`]: _().remove(),
      };
      if (doc.open) Object.assign(update, { open: false, status: 'closed', closedAt: now, unreadForOfficer: 0 });
      const closedAt = doc.open ? now : asDate(doc.closedAt);
      return {
        writes: [{ collection: COLLECTIONS.consultThreads, id: doc._id, update }],
        kept: { what: '您问过的问题里民警的回复', why: '派出所对已办事项的记录；您的文字、照片和身份已删除', until: keptUntil('closedThread', closedAt) },
      };
    },
    sweep: {
      kind: 'closedThread',
      due: (now, limit) => oldest(COLLECTIONS.consultThreads, { open: false }, 'closedAt', retentionCutoff('closedThread', now), limit),
      expire: expireThread,
    },
  },
  {
    collection: COLLECTIONS.consultMessages,
    group: 'consult',
    holds: '对话里的每一条消息和照片',
    purpose: '让负责的民警回答和跟进',
    readers: '您本人；处理问题的民警',
    retention: retentionText('closedThread', '对话办结'),
    find: async (_subject, found) => {
      const threads = found.get(COLLECTIONS.consultThreads) ?? [];
      return [...heldFirstMessages(threads), ...(await findAllIn(COLLECTIONS.consultMessages, 'threadId', threads.map((thread) => thread._id)))];
    },
    line: (doc) => (doc.from === 'resident' ? `我：${String(doc.textMasked)}` : undefined),
    exported: (doc) => ({ threadId: doc.threadId, from: doc.from, author: doc.authorLabel, text: doc.text, photos: strings(doc.photoFileIds).length, at: isoDate(doc.createdAt) }),
    erase(doc, { subject, tombstone }) {
      if (doc.from !== 'resident' && doc.authorUserId !== subject.userId) return { writes: [] };
      if (doc.heldInThread) {
        const held = { text: ERASED_TEXT, textMasked: ERASED_TEXT, hasPersonalNumbers: false, photoFileIds: [], authorUserId: tombstone, authorLabel: ERASED_LABEL };
        const update = Object.fromEntries(Object.entries(held).map(([field, value]) => [`firstMessage.${field}`, value]));
        return { writes: [{ collection: COLLECTIONS.consultThreads, id: String(doc.threadId), update }], files: strings(doc.photoFileIds) };
      }
      return {
        writes: [
          {
            collection: COLLECTIONS.consultMessages,
            id: doc._id,
            update: { text: ERASED_TEXT, textMasked: ERASED_TEXT, hasPersonalNumbers: false, photoFileIds: [], authorUserId: tombstone, authorLabel: ERASED_LABEL, clientId: _().remove() },
          },
        ],
        files: strings(doc.photoFileIds),
      };
    },
  },
  {
    collection: COLLECTIONS.mediaFiles,
    group: 'consult',
    holds: '您上传的照片（谁上传、用在哪里、微信安全检查的结果）',
    purpose: '只让上传的人在原处（问片警对话、调解案件、民警本人的照片）使用这张照片；未通过安全检查的照片不给别人看',
    readers: '您本人；处理您问题或调解案件的民警；调解案件的另一方当事人看到案件里通过安全检查的现场照片',
    retention: `随对话或调解案件删除；上传了没发出的照片${periodLabel(RETENTION_DAYS.unattachedUpload)}后删除；民警照片换下、去掉或民警停用时删除`,
    find: ({ userId }) => findAll(COLLECTIONS.mediaFiles, { ownerUserId: userId }),
    line: (doc) => `${day(doc.createdAt)} 上传的照片${(doc.check as { status?: string }).status === 'risky' ? '（未通过安全检查）' : ''}`,
    exported: (doc) => ({ type: doc.type, bytes: doc.bytes, check: (doc.check as { status?: string }).status, at: isoDate(doc.createdAt) }),
    erase: (doc) => ({ writes: [remove(COLLECTIONS.mediaFiles, doc)], files: [String(doc.fileId)] }),
    sweep: {
      kind: 'unattachedUpload',
      // Never sent, or no longer used (an officer photo whose deletion did not finish at once: platform/cloud/officer-photos.ts).
      due: async (now, limit) => {
        const unattached = await oldest(COLLECTIONS.mediaFiles, { attachedAt: _().exists(false) }, 'createdAt', retentionCutoff('unattachedUpload', now), limit);
        const detached = unattached.length < limit ? await oldest(COLLECTIONS.mediaFiles, {}, 'detachedAt', now, limit - unattached.length) : [];
        return [...unattached, ...detached.filter((doc) => !unattached.some((other) => other._id === doc._id))];
      },
      async expire(doc) {
        // A consult message's photos are not marked attached when sent (that write would cost the
        // send a request, issue 18): before deleting an unsent-looking upload the timer looks for a
        // message or a thread's question holding it, and marks it attached instead (so it is not
        // looked at again; it then goes with its thread). Receipts stop being taken before an upload
        // is due (platform/cloud/media.ts), so no message can take it after this look.
        if (doc.attachedAt === undefined && doc.detachedAt === undefined && (await sentInConsult(String(doc.fileId)))) {
          return { writes: [{ collection: COLLECTIONS.mediaFiles, id: doc._id, update: { attachedAt: doc.createdAt } }] };
        }
        return { writes: [remove(COLLECTIONS.mediaFiles, doc)], files: [String(doc.fileId)] };
      },
    },
  },
  {
    collection: COLLECTIONS.consultWatch,
    group: 'consult',
    holds: '对话有新消息时通知您手机的信号（不含内容）',
    purpose: '新回复即时显示',
    readers: '您本人的手机',
    retention: '随对话删除',
    find: ({ userId }) => findAll(COLLECTIONS.consultWatch, { userId }),
    exported: (doc) => ({ threadId: doc.threadId, changedAt: isoDate(doc.changedAt) }),
    erase: justRemove(COLLECTIONS.consultWatch),
  },
  {
    collection: COLLECTIONS.routingDecisions,
    group: 'consult',
    holds: '您的问题交给哪个所、哪位民警，以及依据（问题文字已打码）',
    purpose: '核对和改进分派规则',
    readers: '派出所管理员',
    retention: retentionText('routingDecision', '提问'),
    find: ({ userId }) => findAll(COLLECTIONS.routingDecisions, { userId }),
    exported: (doc) => plain(doc, 'userId', 'steps', 'alert'),
    erase: justRemove(COLLECTIONS.routingDecisions),
    sweep: {
      kind: 'routingDecision',
      due: (now, limit) => oldest(COLLECTIONS.routingDecisions, { priority: _().in([...PRIORITIES]) }, 'at', retentionCutoff('routingDecision', now), limit),
      expire: async (doc) => ({ writes: [remove(COLLECTIONS.routingDecisions, doc)] }),
    },
  },
  {
    collection: COLLECTIONS.officerNotifications,
    group: 'consult',
    holds: '疑似紧急的问题发给民警的提醒（文字已打码）',
    purpose: '让值班民警马上看到紧急情况',
    readers: '值班民警',
    retention: retentionText('officerNotification', '发出'),
    find: async (_subject, found) => {
      const decisions = found.get(COLLECTIONS.routingDecisions) ?? [];
      return [...alertsInDecisions(decisions), ...(await findAllIn(COLLECTIONS.officerNotifications, 'decisionId', decisions.map((decision) => decision._id)))];
    },
    exported: (doc) => ({ text: doc.text, at: isoDate(doc.createdAt) }),
    // An alert held in its decision goes with the decision (its own entry above).
    erase: (doc) => (doc.heldInDecision ? { writes: [] } : justRemove(COLLECTIONS.officerNotifications)(doc)),
    sweep: {
      kind: 'officerNotification',
      due: (now, limit) => oldest(COLLECTIONS.officerNotifications, { type: 'emergency' }, 'createdAt', retentionCutoff('officerNotification', now), limit),
      expire: async (doc) => ({ writes: [remove(COLLECTIONS.officerNotifications, doc)] }),
    },
  },
  {
    collection: COLLECTIONS.mediationCases,
    group: 'mediation',
    holds: '您作为当事人或受邀参加的调解案件：纠纷情况、现场和调解会照片、各方姓名和电话、调解记录、协议和您的确认',
    purpose: '组织圆桌调解、形成协议、回访协议是否履行',
    readers: '您本人只看到自己的案件；办案民警（查看被记录）；受邀的调解力量只看到那一次调解会，电话打码',
    retention: retentionText('closedMediationCase', '结案'),
    find: async ({ userId }) => {
      const [asParty, asInvitee] = await Promise.all([findAll(COLLECTIONS.mediationCases, { partyUserIds: userId }), findAll(COLLECTIONS.mediationCases, { inviteeUserIds: userId })]);
      return [...new Map([...asParty, ...asInvitee].map((doc) => [doc._id, doc])).values()];
    },
    line: (doc) => `${String(doc.title)}（${doc.open ? '进行中' : '已结案'}）`,
    exported: (doc) => plain(doc, 'partyUserIds', 'inviteeUserIds', 'officerIds', 'version', 'reminderDueAt'),
    erase(doc, { subject, tombstone, now, found }) {
      // The case is the station's mediation file and the other party's too: it stays, without
      // anything that names this person or reaches them.
      const mine = (value: unknown) => value === subject.userId;
      const parties = (doc.parties as Doc[]).map((party) => (mine(party.userId) ? { id: party.id, name: ERASED_LABEL } : party));
      const sessions = (doc.sessions as (Doc & { invitations: Doc[] })[]).map((session) => ({
        ...session,
        invitations: session.invitations.map((invitation) => {
          if (!mine(invitation.userId)) return invitation;
          const { userId: _user, openid: _openid, phone: _phone, ...rest } = invitation;
          return invitation.kind === 'party' ? { ...rest, name: ERASED_LABEL } : rest;
        }),
      }));
      const history = (doc.history as { by: { userId: string; label: string } }[]).map((entry) => (mine(entry.by.userId) ? { ...entry, by: { userId: tombstone, label: ERASED_LABEL } } : entry));
      const agreement = doc.agreement as { confirmations: { by: string }[] } | undefined;
      // Photos this person uploaded (a resident's 申请调解) go with their account (the media entry erases the files).
      const ownPhotos = new Set((found.get(COLLECTIONS.mediaFiles) ?? []).map((media) => String(media.fileId)));
      const update: Record<string, unknown> = {
        parties,
        sessions,
        photoFileIds: strings(doc.photoFileIds).filter((fileId) => !ownPhotos.has(fileId)),
        history,
        partyUserIds: strings(doc.partyUserIds).filter((id) => id !== subject.userId),
        inviteeUserIds: strings(doc.inviteeUserIds).filter((id) => id !== subject.userId),
        ...(agreement ? { agreement: { ...agreement, confirmations: agreement.confirmations.map((confirmation) => (mine(confirmation.by) ? { ...confirmation, by: tombstone } : confirmation)) } } : {}),
        ...(mine(doc.createdBy) ? { createdBy: tombstone } : {}),
      };
      const closedAt = doc.open ? now : asDate(doc.closedAt);
      return {
        writes: [{ collection: COLLECTIONS.mediationCases, id: doc._id, update }],
        kept: { what: '您参与的调解案件', why: '派出所的调解档案，也是另一方的案件；您的姓名、电话和微信身份已删除', until: keptUntil('closedMediationCase', closedAt) },
      };
    },
    sweep: {
      kind: 'closedMediationCase',
      due: (now, limit) => oldest(COLLECTIONS.mediationCases, { open: false }, 'closedAt', retentionCutoff('closedMediationCase', now), limit),
      async expire(doc) {
        const passes = await findAll(COLLECTIONS.mediationPasses, { caseId: doc._id });
        const sessions = (doc.sessions as { record?: { photoFileIds: string[] } }[]) ?? [];
        const agreement = doc.agreement as { confirmations: { photoFileId?: string }[] } | undefined;
        const files = [...strings(doc.photoFileIds), ...sessions.flatMap((session) => strings(session.record?.photoFileIds)), ...strings(agreement?.confirmations.map((confirmation) => confirmation.photoFileId))];
        // The photos' upload records (who uploaded them, the media check) go with them.
        const media = [...(await mediaRecords(files)).values()] as unknown as Doc[];
        return {
          writes: [remove(COLLECTIONS.mediationCases, doc), ...passes.map((pass) => remove(COLLECTIONS.mediationPasses, pass)), ...media.map((record) => remove(COLLECTIONS.mediaFiles, record))],
          files,
        };
      },
    },
  },
  {
    collection: COLLECTIONS.articleAcks,
    group: 'feed',
    holds: '您点过“我已知晓”的反诈提醒',
    purpose: '统计提醒送达了多少居民',
    readers: '您本人；民警只看到各社区的人数',
    retention: '账号存在期间；注销时删除（各社区人数不含个人信息，保留）',
    find: ({ userId }) => findAll(COLLECTIONS.articleAcks, { userId }),
    line: (doc) => `${day(doc.at)} 已知晓一条提醒`,
    exported: (doc) => ({ articleId: doc.articleId, at: isoDate(doc.at) }),
    erase: justRemove(COLLECTIONS.articleAcks),
  },
  {
    collection: COLLECTIONS.articleReaders,
    group: 'feed',
    holds: '您打开过哪些反诈信息（每条只记第一次）',
    purpose: '“N人看过”按人数计，同一个人看几遍只算一人',
    readers: '只有系统计数用；民警只看到总人数',
    retention: '账号存在期间；注销时删除（总人数不含个人信息，保留）',
    find: ({ userId }) => findAll(COLLECTIONS.articleReaders, { userId }),
    line: (doc) => `${day(doc.at)} 看过一条反诈信息`,
    exported: (doc) => ({ articleId: doc.articleId, at: isoDate(doc.at) }),
    erase: justRemove(COLLECTIONS.articleReaders),
  },
  {
    collection: COLLECTIONS.quizRounds,
    group: 'feed',
    holds: '防骗小测试的题目和得分',
    purpose: '同一天不出重复的题',
    readers: '您本人',
    retention: retentionText('quizRound', '答题'),
    find: ({ userId }) => findAll(COLLECTIONS.quizRounds, { userId }),
    line: (doc) => `${day(doc.createdAt)} 小测试${typeof doc.score === 'number' ? `，得分 ${doc.score}` : ''}`,
    exported: (doc) => ({ questions: doc.questionIds, score: doc.score, at: isoDate(doc.createdAt) }),
    erase: justRemove(COLLECTIONS.quizRounds),
    sweep: {
      kind: 'quizRound',
      due: (now, limit) => oldest(COLLECTIONS.quizRounds, {}, 'createdAt', retentionCutoff('quizRound', now), limit),
      expire: async (doc) => ({ writes: [remove(COLLECTIONS.quizRounds, doc)] }),
    },
  },
  {
    collection: COLLECTIONS.groupReaders,
    group: 'feed',
    holds: '您从哪个群打开过哪条反诈信息（第一次打开时）',
    purpose: '统计每个社区群的阅读人数和“我已知晓”（每人只算一次）',
    readers: '只用于计数；民警只看到各群的人数',
    retention: retentionText('groupLanding', '打开'),
    find: ({ userId }) => findAll(COLLECTIONS.groupReaders, { userId }),
    line: (doc) => `${day(doc.at)} 从社区群打开过一条反诈信息`,
    exported: (doc) => ({ article: doc.articleId, at: isoDate(doc.at) }),
    erase: justRemove(COLLECTIONS.groupReaders),
    sweep: {
      kind: 'groupLanding',
      due: (now, limit) => oldest(COLLECTIONS.groupReaders, {}, 'at', retentionCutoff('groupLanding', now), limit),
      expire: async (doc) => ({ writes: [remove(COLLECTIONS.groupReaders, doc)] }),
    },
  },
  {
    collection: COLLECTIONS.contactCardScans,
    group: 'community',
    holds: '您扫过哪张警民联系卡（第一次扫码的时间）',
    purpose: '统计每张联系卡有多少人扫过（每人只算一次）',
    readers: '只用于计数；民警只看到人数',
    retention: retentionText('cardScan', '第一次扫码'),
    find: ({ userId }) => findAll(COLLECTIONS.contactCardScans, { userId }),
    line: (doc) => `${day(doc.firstAt)} 扫过一张警民联系卡`,
    exported: (doc) => ({ card: doc.cardId, firstAt: isoDate(doc.firstAt) }),
    erase: justRemove(COLLECTIONS.contactCardScans),
    sweep: {
      kind: 'cardScan',
      due: (now, limit) => oldest(COLLECTIONS.contactCardScans, {}, 'firstAt', retentionCutoff('cardScan', now), limit),
      expire: async (doc) => ({ writes: [remove(COLLECTIONS.contactCardScans, doc)] }),
    },
  },
  {
    collection: COLLECTIONS.alertSubscriptions,
    group: 'subscriptions',
    holds: '您订阅的社区紧急预警（微信编号、社区、剩余条数）',
    purpose: '社区有紧急预警时给您发微信通知',
    readers: '只由程序用来发通知',
    retention: '直到用完或注销',
    find: async ({ userId }) => {
      const subscription = await findById<Doc>(COLLECTIONS.alertSubscriptions, userId);
      return subscription ? [subscription] : [];
    },
    line: (doc) => `紧急预警，还能收 ${String(doc.remaining)} 条`,
    exported: (doc) => ({ communityId: doc.communityId, remaining: doc.remaining, acceptedAt: isoDate(doc.acceptedAt) }),
    erase: justRemove(COLLECTIONS.alertSubscriptions),
  },
  {
    collection: COLLECTIONS.officerAlertCredits,
    group: 'subscriptions',
    holds: '民警：还能收到几条“新的提问”微信提醒',
    purpose: '在工作台显示提醒次数，用完时提示重新开启',
    readers: '只由程序使用',
    retention: '直到用完或注销',
    find: async ({ userId }) => {
      const credits = await findById<Doc & OfficerAlertCreditsRecord>(COLLECTIONS.officerAlertCredits, userId);
      // The count as the workbench shows it: net of the messages spent by questions opened since it was armed.
      return credits ? [{ ...credits, remaining: (await creditsLeftOf(userId, credits)).left }] : [];
    },
    line: (doc) => `新提问提醒，还能收 ${String(doc.remaining)} 条`,
    exported: (doc) => ({ remaining: doc.remaining, updatedAt: isoDate(doc.updatedAt) }),
    erase: justRemove(COLLECTIONS.officerAlertCredits),
  },
  {
    collection: COLLECTIONS.officers,
    group: 'officer',
    holds: '民警：您的民警资料（姓名、居民看到的称呼、工作电话、照片）',
    purpose: '居民在警民联系牌、回复和“我的片警”里认出您、打您的工作电话；所里按岗位和社区给您分派工作',
    readers: '辖区居民看到称呼、工作电话和照片（未通过微信安全检查的照片谁也看不到）；本所民警和管理员看到全部',
    retention: '在岗期间保存；换照片或去掉照片时旧照片立即删除；停用时照片删除；注销账号时姓名、称呼、电话和照片都删除（所里的旧记录只显示“已注销的民警”）',
    find: ({ userId }) => findAll(COLLECTIONS.officers, { userId }),
    line: (doc) => `${String(doc.title)}（${doc.active === false ? '已停用' : '在岗'}）${doc.photoFileId ? '，有照片' : ''}`,
    exported: (doc) => ({ name: doc.name, title: doc.title, phone: doc.phone ?? null, stationId: doc.stationId, hasPhoto: Boolean(doc.photoFileId), active: doc.active !== false }),
    erase: (doc, { tombstone }) => ({
      writes: [{ collection: COLLECTIONS.officers, id: doc._id, update: { name: ERASED_OFFICER, title: ERASED_OFFICER, phone: _().remove(), photoFileId: _().remove(), userId: tombstone } }],
      files: typeof doc.photoFileId === 'string' ? [doc.photoFileId] : [],
    }),
  },
  {
    collection: COLLECTIONS.alertDeliveries,
    group: 'subscriptions',
    holds: '每条紧急预警是否已发给您',
    purpose: '同一条预警不重复发送',
    readers: '只由程序使用',
    retention: '账号存在期间；注销时删除',
    find: ({ userId }) => findAll(COLLECTIONS.alertDeliveries, { subscriberId: userId }),
    line: (doc) => `预警通知（${String(doc.status)}）`,
    exported: (doc) => ({ articleId: doc.articleId, status: doc.status, at: isoDate(doc.claimedAt) }),
    erase: justRemove(COLLECTIONS.alertDeliveries),
  },
  {
    collection: COLLECTIONS.rateLimits,
    group: 'records',
    holds: '防止频繁尝试的计数（如一小时内提了几个问题）',
    purpose: '防刷、防猜邀请码',
    readers: '只由程序使用',
    retention: retentionText('rateLimit', '计数开始'),
    find: async ({ userId }) => {
      const keys = ['redeem', 'consult-thread', 'export', 'mediation-request'].map((prefix) => `${prefix}:${userId}`);
      return (await Promise.all(keys.map((key) => findById<Doc>(COLLECTIONS.rateLimits, key)))).filter((doc): doc is Doc => doc !== undefined);
    },
    exported: (doc) => ({ count: doc.count, since: isoDate(doc.windowStart) }),
    erase: justRemove(COLLECTIONS.rateLimits),
  },
  {
    collection: COLLECTIONS.auditLog,
    group: 'records',
    holds: '谁在什么时候查看或更改了个人信息、账号注销记录',
    purpose: '依法可追溯，防止滥用',
    readers: '派出所和分局管理员',
    retention: `${periodLabel(RETENTION_DAYS.auditLog)}后删除；注销后不再与您关联`,
    find: ({ userId }) => findAll(COLLECTIONS.auditLog, { userId }),
    exported: (doc) => plain(doc, 'userId'),
    erase: (doc, { tombstone }) => ({
      writes: [{ collection: COLLECTIONS.auditLog, id: doc._id, update: { userId: tombstone } }],
      kept: { what: '操作审计记录', why: '法律要求可追溯；只留编号，不含昵称、电话、证件号和微信身份', until: keptUntil('auditLog', asDate(doc.at)) },
    }),
    sweep: {
      kind: 'auditLog',
      due: (now, limit) => oldest(COLLECTIONS.auditLog, {}, 'at', retentionCutoff('auditLog', now), limit),
      expire: async (doc) => ({ writes: [remove(COLLECTIONS.auditLog, doc)] }),
    },
  },
  {
    collection: COLLECTIONS.dataExports,
    group: 'records',
    holds: '您导出的文件（“我的数据”；民警和管理员导出的 Excel 报表）',
    purpose: '让您下载自己的数据',
    readers: '只有拿到下载链接的人（链接只发给您）',
    retention: retentionText('dataExport', '导出'),
    find: ({ userId }) => findAll(COLLECTIONS.dataExports, { userId }),
    line: (doc) => `${day(doc.createdAt)} 导出过一次${typeof doc.title === 'string' ? `：${doc.title}` : ''}`,
    exported: (doc) => ({ at: isoDate(doc.createdAt) }),
    erase: (doc) => ({ writes: [remove(COLLECTIONS.dataExports, doc)], files: strings(doc.fileIds) }),
    sweep: {
      kind: 'dataExport',
      due: (now, limit) => oldest(COLLECTIONS.dataExports, { kind: 'export' }, 'createdAt', retentionCutoff('dataExport', now), limit),
      expire: async (doc) => ({ writes: [remove(COLLECTIONS.dataExports, doc)], files: strings(doc.fileIds) }),
    },
  },
];

/**
 * Collections that hold nothing about a resident, each with the reason. A new collection must be
 * placed here or in PERSONAL_DATA (the test fails otherwise).
 */
export const NOT_RESIDENT_DATA: Partial<Record<CollectionName, string>> = {
  [COLLECTIONS.districts]: '分局的公开信息',
  [COLLECTIONS.stations]: '派出所的公开信息',
  [COLLECTIONS.communities]: '社区的公开信息和边界',
  [COLLECTIONS.posts]: '警务室的公开信息',
  [COLLECTIONS.invites]: '民警的邀请码（不涉及居民）；过期 30 天后由 account 的定时任务删除',
  [COLLECTIONS.articles]: '民警发布的反诈内容；“已知晓”人数按社区汇总，不含个人',
  [COLLECTIONS.dutyShifts]: '民警排班',
  [COLLECTIONS.dutyLeave]: '民警请假',
  [COLLECTIONS.routingRules]: '派出所的分派规则',
  [COLLECTIONS.meta]: '程序自身的版本信息',
  [COLLECTIONS.hallConfigs]: '大厅的业务和开放时间',
  [COLLECTIONS.consultSettings]: '派出所的快捷回复和响应时限',
  [COLLECTIONS.alertFanouts]: '一条预警的发送进度；游标只在发送期间指向某个订阅编号',
  [COLLECTIONS.contactCards]: '警民联系卡的二维码和扫码人数（只有数字）',
  [COLLECTIONS.mediationPasses]: '调解会邀请凭证：只有编号，指向案件里的那一条邀请',
  [COLLECTIONS.mediationRosters]: '社区调解力量名单（居委会、楼门长、司法员等的工作联系方式），由所里和社区民警维护，不与居民账号关联',
  [COLLECTIONS.articleAckShards]: '预警“已知晓”人数的分片计数（只有数字，按社区汇总）',
  [COLLECTIONS.timerCursors]: '定时任务做到哪里了（只有日期和文档编号）',
  [COLLECTIONS.wechatGroups]: '社区微信群的名称和所属社区（群编号由微信给出，不含个人）',
  [COLLECTIONS.groupReach]: '每条信息在每个群的打开人数（只有数字）',
  [COLLECTIONS.bankBranches]: '合作银行网点的名称和地址；网点工作人员的加入记在其账号里',
  [COLLECTIONS.stationDailyStats]: '派出所每日成效汇总：人数、件数、时长等数字；为去重数人数，读者、答题人和点“我已知晓”的人只存账号编号的摘要（不存编号本身，只用来去重）',
  [COLLECTIONS.stationEvents]: '派出所成效事件（首次回复用时、评价星级、转值班、110 提示、候补、分享和群内打开）：只有民警、社区和群的编号，不含居民身份',
};

/** The specs with a retention sweep, for the timer. */
export const RETENTION_SWEEPS = PERSONAL_DATA.flatMap((spec) => (spec.sweep ? [{ collection: spec.collection, sweep: spec.sweep }] : []));

/** The erasure of every document in `found`, in registry order. */
export const eraseFound = (found: ReadonlyMap<string, Doc[]>, context: Omit<EraseContext, 'found'>): Erasure[] => eraseWith(PERSONAL_DATA, found, context);
