import * as v from 'valibot';
import { action, defineFunction, emptyInput } from './define';

/** The groups 我的数据 shows, in this order. */
export const PERSONAL_DATA_GROUPS = ['account', 'officer', 'community', 'family', 'bookings', 'consult', 'feed', 'mediation', 'subscriptions', 'records'] as const;
export type PersonalDataGroup = (typeof PERSONAL_DATA_GROUPS)[number];

export const PERSONAL_DATA_GROUP_TITLES: Record<PersonalDataGroup, string> = {
  account: '账号',
  officer: '民警资料',
  community: '我住的社区',
  family: '家人',
  bookings: '预约',
  consult: '问片警的对话',
  feed: '反诈提醒的“已知晓”和小测试',
  mediation: '参与的调解',
  subscriptions: '订阅的提醒',
  records: '导出记录和操作记录',
};

export interface MyDataGroupView {
  group: PersonalDataGroup;
  title: string;
  count: number;
  /** A few lines a resident recognises, numbers masked ("身份证 1101**********1234"). */
  lines: string[];
  purpose: string;
  retention: string;
}

export interface MyDataView {
  groups: MyDataGroupView[];
}

export interface ExportFileView {
  kind: 'readable' | 'json';
  name: string;
  url: string;
  bytes: number;
}

export interface DataExportView {
  files: ExportFileView[];
  /** The files are deleted from cloud storage at this time. */
  expiresAt: string;
}

export interface KeptRecordView {
  what: string;
  why: string;
  /** ISO time the kept record is deleted. */
  until: string;
}

export interface DeletionPlanView {
  /** What is erased, by group, e.g. "预约记录 3 条（2 个未办理的预约会先取消）". */
  erased: string[];
  /** What stays, without phone, ID number or WeChat identity, and until when. */
  kept: KeptRecordView[];
  /** Why the account cannot be deleted here (e.g. an officer account); empty when it can. */
  blockers: string[];
}

export interface AccountDeletedView {
  deleted: true;
  kept: KeptRecordView[];
}

export const DELETE_CONFIRMATION = '确认注销';

export const privacyActions = defineFunction('privacy', {
  myData: action<MyDataView>()({
    summary: '我的数据：本程序保存的与我有关的信息，分组列出',
    input: emptyInput,
    policy: 'signedIn',
  }),
  exportMyData: action<DataExportView>()({
    summary: '导出我的数据（可读文件和 JSON），通过云存储下载',
    input: emptyInput,
    policy: 'signedIn',
  }),
  deletionPlan: action<DeletionPlanView>()({
    summary: '注销前告诉我：哪些会删除，哪些依法保留、保留到什么时候',
    input: emptyInput,
    policy: 'signedIn',
  }),
  deleteAccount: action<AccountDeletedView>()({
    summary: '注销账号：一次删除或匿名化我的全部信息',
    input: v.strictObject({ confirmation: v.literal(DELETE_CONFIRMATION, `请输入“${DELETE_CONFIRMATION}”`) }),
    policy: 'signedIn',
  }),
  enforceRetention: action<{ removed: Record<string, number> }>()({
    summary: '定时按保存期限删除到期的记录（每次有限的一批）',
    input: emptyInput,
    policy: 'system',
  }),
});
