import * as v from 'valibot';
import { CONTACT_CHANNELS, PAYEE_KINDS } from '../anti-fraud/warning-signs';
import { THREAD_OUTCOMES, type Awaiting, type ThreadOutcome, type ThreadStatus, type WaitLevel } from '../consult';
import { CONSULT_CATEGORIES, type ConsultCategory, type Priority } from '../routing/model';
import { bankCheckSpecs } from './bank-checks';
import { action, defineFunction, emptyInput, id, text } from './define';
import type { RoutingPreviewView } from './directory';

export type MessageAuthor = 'resident' | 'officer' | 'system';

export interface MessageView {
  id: string;
  /** The sender's own id for an optimistic message, so the page can replace it with the stored one. */
  clientId?: string;
  from: MessageAuthor;
  /** "王阿姨", "赵警官", "系统". */
  authorLabel: string;
  /** Masked for everyone but the sender and the assigned officer. */
  text: string;
  photoUrls: string[];
  /** For the officer handling the thread: the message holds a phone or ID number shown masked; revealPersonalNumbers shows it, audited. */
  revealable?: boolean;
  /** Photos WeChat's media check flagged: said to the sender (theirs are hidden) and to the officer handling it. */
  photoNotice?: string;
  at: string;
  mine: boolean;
  /** For the sender's own messages: the other side has read it. */
  read: boolean;
}

export interface ThreadSummaryView {
  id: string;
  category: ConsultCategory;
  kind: 'question' | 'fraudCheck' | 'bankCheck';
  status: ThreadStatus;
  awaiting: Awaiting;
  priority: Priority;
  /** The first words of the question, masked. */
  title: string;
  lastMessage: { text: string; from: MessageAuthor; at: string };
  /** Messages the viewer has not read yet. */
  unread: number;
  /** "赵警官", "西罗园派出所 综合服务大厅". */
  assigneeLabel: string;
  stationName?: string;
  communityName?: string;
  residentLabel: string;
  waitingSince: string;
  /** Minutes the resident has waited, by the cloud's clock (a phone's clock may be wrong). */
  waitedMinutes: number;
  dueAt: string;
  /** For officers: how long the resident has waited against the station's target. */
  waitLevel: WaitLevel;
  updatedAt: string;
}

export interface ResidentContextView {
  communityName?: string;
  earlierThreads: { id: string; title: string; status: ThreadStatus; createdAt: string }[];
  /** statusLabel: 已改约 for a booking moved to another time (its old document is 'cancelled'). */
  bookings: { id: string; service: string; day: string; status: string; statusLabel: string }[];
}

export interface ThreadView extends ThreadSummaryView {
  viewer: 'resident' | 'officer';
  /** The newest messages (at most MESSAGES_PAGE), oldest first. */
  messages: MessageView[];
  /** Earlier messages exist: olderMessages pages back from the first one shown. */
  hasOlderMessages: boolean;
  /** Why it went where it went, and when to expect an answer. */
  reason: string;
  expectation: string;
  outcome?: ThreadOutcome;
  rating?: { stars: number; comment?: string };
  closedAt?: string;
  /** Resident only: a closed thread can be reopened until then. */
  reopenUntil?: string;
  /** Officer only: whether this officer may answer (assigned, or a colleague at the station). */
  canAnswer: boolean;
  residentContext?: ResidentContextView;
}

export type StartThreadView =
  | { kind: 'emergency'; prompt: string }
  | { kind: 'sent'; threadId: string; routing: RoutingPreviewView };

/** The warning signs that fit the facts are the phone's to show (domain/anti-fraud/warning-signs.ts): it shows them as the form is filled in. */
export interface FraudCheckView {
  threadId: string;
  routing: RoutingPreviewView;
}

export type InboxView = 'mine' | 'station' | 'unassigned';

export interface InboxPageView {
  threads: ThreadSummaryView[];
  counts: Record<InboxView, number>;
  /** The station has more open threads than one read returns (1000): counts are "at least". */
  countsCapped: boolean;
  /** Unread resident messages in the officer's own threads (workbench badge). */
  unread: number;
}

export interface TransferTargetsView {
  officers: { id: string; label: string }[];
  stations: { id: string; name: string }[];
}

export interface ResponseTargetsView {
  stationId: string;
  /** Minutes per priority until the assigned officer should have answered. */
  minutes: Record<Priority, number>;
  isDefault: boolean;
}

export interface TransferResultView {
  /** "长庆派出所 值班室", "刘警官". */
  transferredTo: string;
  /** False when the thread left the officer's station: they can no longer open it. */
  stillVisible: boolean;
}

export interface QuickRepliesView {
  stationId: string;
  replies: string[];
  isDefault: boolean;
}

const latLng = v.strictObject({
  latitude: v.pipe(v.number('位置无效'), v.minValue(-90, '位置无效'), v.maxValue(90, '位置无效')),
  longitude: v.pipe(v.number('位置无效'), v.minValue(-180, '位置无效'), v.maxValue(180, '位置无效')),
});

/** Photos are uploaded by the client to cloud storage first; messages carry their file ids. */
const photoFileIds = v.optional(
  v.pipe(
    v.array(v.pipe(v.string('照片无效'), v.regex(/^cloud:\/\/[\w.\-/]{1,300}$/, '照片无效')), '照片无效'),
    v.maxLength(3, '最多附 3 张照片'),
  ),
);

/** One per photo, in the same order: the receipt the upload answered (proof the photo is the sender's own). */
const photoReceipts = v.optional(
  v.pipe(v.array(v.pipe(v.string('照片无效'), v.regex(/^[0-9a-z]{1,12}\.[\w-]{43}$/, '照片无效')), '照片无效'), v.maxLength(3, '最多附 3 张照片')),
);

const threadId = id('对话');
/** Generated by the sender's phone; a resend after a lost answer lands on the same message. */
const clientId = v.pipe(v.string('消息编号无效'), v.regex(/^[A-Za-z0-9_-]{8,40}$/, '消息编号无效'));

export interface OlderMessagesView {
  /** Oldest first, all older than the message asked about. */
  messages: MessageView[];
  hasOlder: boolean;
}

export const MESSAGE_MAX = 500;

/** Why an officer needs a resident's full phone or ID number: one is chosen for every reveal, and audited. */
export const REVEAL_PURPOSES = ['contactResident', 'verifyIdentity', 'handleMatter'] as const;
export type RevealPurpose = (typeof REVEAL_PURPOSES)[number];
export const REVEAL_PURPOSE_LABELS: Record<RevealPurpose, string> = {
  contactResident: '联系居民',
  verifyIdentity: '核实身份',
  handleMatter: '办理这件事',
};
/** Messages per answer of getThread / olderMessages (a thread can grow past any one read). */
export const MESSAGES_PAGE = 100;
/** Messages one person may post in one thread per hour: a flood stops there, a conversation never reaches it. */
export const MESSAGES_PER_HOUR = 60;
export const QUICK_REPLY_MAX = 100;

export const consultActions = defineFunction('consult', {
  startThread: action<StartThreadView>()({
    summary: '居民发出问题：记录交给谁、建立对话、通知民警；疑似紧急情况先提示拨打 110',
    input: v.strictObject({
      category: v.picklist(CONSULT_CATEGORIES, '请选择问题类别'),
      text: text('问题', MESSAGE_MAX),
      photoFileIds,
      photoReceipts,
      location: v.optional(latLng),
      /** The resident saw the 110 prompt and still wants the station to have it in writing. */
      afterEmergencyPrompt: v.optional(v.boolean()),
    }),
    policy: 'signedIn',
  }),
  startFraudCheck: action<FraudCheckView>()({
    summary: '转账前问一问：紧急转给本所反诈民警，并立即给出最相关的三条提醒',
    input: v.strictObject({
      amount: v.pipe(v.number('请填写金额'), v.minValue(0.01, '请填写金额'), v.maxValue(100_000_000, '金额太大了，请核对')),
      payeeKind: v.picklist(PAYEE_KINDS, '请选择收款方'),
      channel: v.picklist(CONTACT_CHANNELS, '请选择对方怎么联系您的'),
      note: v.optional(text('补充说明', 200, 0)),
      articleId: v.optional(id('文章')),
    }),
    policy: 'signedIn',
  }),
  listMyThreads: action<ThreadSummaryView[]>()({
    summary: '我的提问（进行中在前，最新的在前）',
    input: emptyInput,
    policy: 'signedIn',
  }),
  getThread: action<ThreadView>()({
    summary: '一个对话的全部消息（居民本人，或本所民警/被指派的民警）',
    input: v.strictObject({ threadId }),
    policy: 'signedIn',
  }),
  revealPersonalNumbers: action<{ text: string }>()({
    summary: '处理问题的民警查看一条消息里完整的电话或证件号（写明用途，记入审计）',
    input: v.strictObject({ threadId, messageId: id('消息'), purpose: v.picklist(REVEAL_PURPOSES, '请选择查看用途') }),
    policy: 'signedIn',
  }),
  olderMessages: action<OlderMessagesView>()({
    summary: '对话里更早的消息（从已显示的最早一条往前翻一页）',
    input: v.strictObject({ threadId, before: id('消息') }),
    policy: 'signedIn',
  }),
  sendMessage: action<MessageView>()({
    summary: '在对话里发一条消息（先过内容安全检查）',
    input: v.strictObject({ threadId, clientId, text: text('消息', MESSAGE_MAX, 0), photoFileIds, photoReceipts }),
    policy: 'signedIn',
  }),
  markRead: action<{ readAt: string }>()({
    summary: '标记已读（对方会看到“已读”）',
    input: v.strictObject({ threadId }),
    policy: 'signedIn',
  }),
  closeAndRate: action<ThreadView>()({
    summary: '居民结束提问并评价（1–5 星）',
    input: v.strictObject({
      threadId,
      stars: v.pipe(v.number('请选择星级'), v.integer('请选择星级'), v.minValue(1, '请选择星级'), v.maxValue(5, '请选择星级')),
      comment: v.optional(text('评价', 200, 0)),
    }),
    policy: 'signedIn',
  }),
  reopenThread: action<ThreadView>()({
    summary: '居民在 7 天内重新打开已结束的提问',
    input: v.strictObject({ threadId }),
    policy: 'signedIn',
  }),
  closeWithOutcome: action<ThreadView>()({
    summary: '民警办结：已解答、已转办、已调解、已上门处理',
    input: v.strictObject({ threadId, outcome: v.picklist(THREAD_OUTCOMES, '请选择办理结果'), note: v.optional(text('说明', 200, 0)) }),
    policy: 'signedIn',
  }),
  transferThread: action<TransferResultView>()({
    summary: '民警转给同事或其他派出所，并附说明（居民能看到交接）',
    input: v.strictObject({
      threadId,
      toOfficerId: v.optional(id('民警')),
      toStationId: v.optional(id('派出所')),
      note: text('交接说明', 200),
    }),
    policy: 'signedIn',
  }),
  officerInbox: action<InboxPageView>()({
    summary: '民警的提问收件箱：我的 / 本所 / 待认领，最久未回复的在前',
    input: v.strictObject({ stationId: id('派出所'), view: v.picklist(['mine', 'station', 'unassigned'], '收件箱无效') }),
    policy: 'stationStaff',
    stationOf: (input) => input.stationId,
  }),
  listTransferTargets: action<TransferTargetsView>()({
    summary: '可以转给的同事和本分局的派出所',
    input: v.strictObject({ stationId: id('派出所') }),
    policy: 'stationStaff',
    stationOf: (input) => input.stationId,
  }),
  getQuickReplies: action<QuickRepliesView>()({
    summary: '本所的快捷回复',
    input: v.strictObject({ stationId: id('派出所') }),
    policy: 'stationStaff',
    stationOf: (input) => input.stationId,
  }),
  saveQuickReplies: action<QuickRepliesView>()({
    summary: '修改本所的快捷回复',
    input: v.strictObject({
      stationId: id('派出所'),
      replies: v.pipe(v.array(text('快捷回复', QUICK_REPLY_MAX)), v.maxLength(20, '快捷回复最多 20 条')),
    }),
    policy: 'stationStaff',
    stationOf: (input) => input.stationId,
  }),
  getResponseTargets: action<ResponseTargetsView>()({
    summary: '本所的回复时限（按优先级，分钟）',
    input: v.strictObject({ stationId: id('派出所') }),
    policy: 'stationStaff',
    stationOf: (input) => input.stationId,
  }),
  setResponseTargets: action<ResponseTargetsView>()({
    summary: '所管理员设置回复时限；超时的提问由定时任务转给值班民警',
    input: v.strictObject({
      stationId: id('派出所'),
      minutes: v.strictObject({
        urgent: v.pipe(v.number('请填写时限'), v.integer('时限按分钟填写'), v.minValue(5, '时限至少 5 分钟'), v.maxValue(60, '紧急提问的时限不能超过 60 分钟')),
        high: v.pipe(v.number('请填写时限'), v.integer('时限按分钟填写'), v.minValue(5, '时限至少 5 分钟'), v.maxValue(24 * 60, '时限不能超过 24 小时')),
        normal: v.pipe(v.number('请填写时限'), v.integer('时限按分钟填写'), v.minValue(5, '时限至少 5 分钟'), v.maxValue(3 * 24 * 60, '时限不能超过 3 天')),
      }),
    }),
    policy: 'stationAdmin',
    stationOf: (input) => input.stationId,
  }),
  escalateOverdue: action<{ escalated: number }>()({
    summary: '定时：超过回复时限的提问转给值班民警，并在对话里说明',
    input: emptyInput,
    policy: 'system',
  }),
  ...bankCheckSpecs,
});
