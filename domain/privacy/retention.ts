/**
 * How long each kind of record is kept, in one place: the retention timer enforces these, the
 * deletion plan quotes them, and the privacy page states them. Days unless said otherwise.
 */
import { INVITE_RETENTION_DAYS } from '../invites';

export const RETENTION_DAYS = {
  /** A closed 问片警 thread, its messages and photos, counted from closing. */
  closedThread: 365,
  /** A booking whose day has passed (done, cancelled, no-show), counted from the appointment day. */
  pastBooking: 180,
  /** How a question was routed (for checking and tuning the rules). */
  routingDecision: 180,
  /** Emergency alerts shown to officers. */
  officerNotification: 180,
  /** A quiz round's questions and score. */
  quizRound: 90,
  /** An officer invite, counted from its expiry. */
  expiredInvite: INVITE_RETENTION_DAYS,
  /** A photo uploaded but never sent (the message was abandoned). */
  unattachedUpload: 1,
  /** The resident's own data export files in cloud storage. */
  dataExport: 1,
  /** Which group a person first opened an item from (counts each reader once per group). */
  groupLanding: 365,
  /** That a person scanned a contact card (counts each scanner once). */
  cardScan: 365,
  /** A closed 圆桌调解 case (the station's mediation file: agreement, records, photos), counted from closing. */
  closedMediationCase: 3 * 365,
  /** Attempt counters against guessing and flooding. */
  rateLimit: 1,
  /** Who read or changed personal data, and account deletions (kept without contact data). */
  auditLog: 3 * 365,
} as const;

export type RetentionKind = keyof typeof RETENTION_DAYS;

export const DAY_MS = 86_400_000;

/** Records of this kind dated before the returned moment are due for removal. */
export const retentionCutoff = (kind: RetentionKind, now: Date): Date => new Date(now.getTime() - RETENTION_DAYS[kind] * DAY_MS);

/** The moment a record of this kind dated `from` is due, e.g. for "保留到2029年12月4日". */
export const keptUntil = (kind: RetentionKind, from: Date): Date => new Date(from.getTime() + RETENTION_DAYS[kind] * DAY_MS);

/** "一年", "180天", "3年": how a period reads on the privacy page. */
export function periodLabel(days: number): string {
  if (days % 365 === 0) return days === 365 ? '一年' : `${days / 365}年`;
  return `${days}天`;
}

/** The lines the privacy page shows, in the order residents think about them. */
export const RETENTION_STATEMENTS: { what: string; kind: RetentionKind; from: string; then: string }[] = [
  { what: '已结束的问片警对话（文字和照片）', kind: 'closedThread', from: '办结后', then: '删除' },
  { what: '已过去的预约记录', kind: 'pastBooking', from: '预约日期后', then: '删除' },
  { what: '提问的分派记录', kind: 'routingDecision', from: '提问后', then: '删除' },
  { what: '给民警的紧急提醒', kind: 'officerNotification', from: '发出后', then: '删除' },
  { what: '防骗小测试的答题记录', kind: 'quizRound', from: '答题后', then: '删除' },
  { what: '民警邀请码', kind: 'expiredInvite', from: '失效后', then: '删除' },
  { what: '已结案的调解案件（协议、调解记录和照片）', kind: 'closedMediationCase', from: '结案后', then: '删除' },
  { what: '从社区群打开反诈信息的记录', kind: 'groupLanding', from: '打开后', then: '删除' },
  { what: '扫过警民联系卡的记录', kind: 'cardScan', from: '第一次扫码后', then: '删除' },
  { what: '上传了但没有发出去的照片', kind: 'unattachedUpload', from: '上传后', then: '删除' },
  { what: '您导出的“我的数据”文件', kind: 'dataExport', from: '导出后', then: '删除' },
  { what: '查看和注销等审计记录（不含联系方式）', kind: 'auditLog', from: '记录后', then: '删除' },
];
