/**
 * The audit log viewer: a station's admins read their station's records, a district's admins
 * those of every station of the district; filtered by who acted, whom it concerned, the kind of
 * act and the days, newest first, a page at a time (cursor), or exported as Excel. Reading the log
 * is itself recorded — before the page is handed over, so no read goes unrecorded — under the
 * station whose records were read.
 */
import type { AuditEntryView, AuditLogPage, dashboardActions, FileDownloadView } from '@domain/actions/dashboard';
import { AUDIT_GROUP_LABELS, AUDIT_TYPES, auditParties, auditTypeLabel, auditTypesOf, type AuditGroup } from '@domain/audit/catalogue';
import { addDays, startOfBeijingDay } from '@domain/dashboard/figures';
import { ActionError } from '@domain/errors';
import { COLLECTIONS, type AuditLogRecord, type DistrictRecord, type StationRecord, type UserRecord } from '@platform/cloud/collections';
import { requireUser, type Handlers } from '@platform/cloud/create-function';
import { findById, findMany } from '@platform/cloud/documents';
import { inTransaction } from '@platform/cloud/transaction';
import { database } from '@platform/cloud/wx';
import { handOverFile, safeFileName } from './file-download';
import { beijingTimeLabel, writeWorkbook, type SheetSpec } from './workbook';

export const AUDIT_PAGE_SIZE = 30;
/** An export holds at most this many records (newest first); the file says when there were more. */
export const AUDIT_EXPORT_MAX = 5000;
/** Records sharing the cursor's millisecond may sit on either side of it: read this many more. */
const TIE_MARGIN = 20;
const READ_BATCH = 1000;

export interface AuditFilters {
  officerId?: string;
  residentId?: string;
  group?: AuditGroup;
  from?: string;
  to?: string;
}

interface Scope {
  /** The stations whose records are in view, by id. */
  stations: Map<string, string>;
  districtId?: string;
}

async function stationScope(stationId: string, stationName: string): Promise<Scope> {
  return { stations: new Map([[stationId, stationName]]) };
}

async function districtScope(districtId: string, onlyStationId: string | undefined): Promise<Scope> {
  const stations = await findMany<StationRecord>(database().collection(COLLECTIONS.stations).where({ districtId }).limit(1000));
  const inView = stations.filter((station) => onlyStationId === undefined || station._id === onlyStationId);
  if (onlyStationId !== undefined && inView.length === 0) throw new ActionError('FORBIDDEN', '这个派出所不在本分局');
  return { stations: new Map(inView.map((station) => [station._id, station.name])), districtId };
}

interface Cursor {
  at: number;
  id: string;
}

const encodeCursor = (cursor: Cursor): string => `${cursor.at}~${cursor.id}`;
function decodeCursor(text: string): Cursor {
  const match = /^(\d{1,15})~([\w-]{1,64})$/.exec(text);
  if (!match) throw new ActionError('INVALID_INPUT', '翻页位置无效，请重新打开');
  return { at: Number(match[1]), id: match[2] as string };
}

/** Newest first: later time, then the larger id. */
const isOlderThan = (record: AuditLogRecord, cursor: Cursor): boolean => {
  const at = record.at.getTime();
  return at < cursor.at || (at === cursor.at && record._id < cursor.id);
};

/**
 * One query the declared audit_log indexes serve: the stations pinned first, then the officer,
 * the person or the kind of act (each has its index), newest first.
 */
function query(scope: Scope, filters: AuditFilters, before: Cursor | undefined, limit: number) {
  const db = database();
  const _ = db.command;
  const ids = [...scope.stations.keys()];
  const where: Record<string, unknown> = { stationId: ids.length === 1 ? ids[0] : _.in(ids) };
  if (filters.officerId) where.by = filters.officerId;
  if (filters.residentId) where.userId = filters.residentId;
  if (filters.group) where.type = _.in(auditTypesOf(filters.group));
  const endOfTo = filters.to ? startOfBeijingDay(addDays(filters.to, 1)).getTime() : undefined;
  const upper = before && (endOfTo === undefined || before.at < endOfTo) ? _.lte(new Date(before.at)) : endOfTo !== undefined ? _.lt(new Date(endOfTo)) : undefined;
  if (filters.from) where.at = upper ? _.gte(startOfBeijingDay(filters.from)).and(upper) : _.gte(startOfBeijingDay(filters.from));
  else if (upper) where.at = upper;
  return db.collection(COLLECTIONS.auditLog).where(where).orderBy('at', 'desc').orderBy('_id', 'desc').limit(limit);
}

async function readPage(scope: Scope, filters: AuditFilters, cursor: Cursor | undefined, size: number): Promise<{ records: AuditLogRecord[]; more: boolean }> {
  const found = await findMany<AuditLogRecord>(query(scope, filters, cursor, size + 1 + (cursor ? TIE_MARGIN : 0)));
  const after = cursor ? found.filter((record) => isOlderThan(record, cursor)) : found;
  return { records: after.slice(0, size), more: after.length > size };
}

/** Up to AUDIT_EXPORT_MAX records, read in pages of 1000 (a server get() returns at most 1000). */
async function readAll(scope: Scope, filters: AuditFilters): Promise<{ records: AuditLogRecord[]; more: boolean }> {
  const records: AuditLogRecord[] = [];
  let cursor: Cursor | undefined;
  for (;;) {
    const page = await readPage(scope, filters, cursor, Math.min(READ_BATCH, AUDIT_EXPORT_MAX - records.length));
    records.push(...page.records);
    const last = page.records.at(-1);
    if (!page.more || !last) return { records, more: false };
    if (records.length >= AUDIT_EXPORT_MAX) return { records, more: true };
    cursor = { at: last.at.getTime(), id: last._id };
  }
}

const SYSTEM_ACTORS: Record<string, string> = { hallHousekeeping: '系统（大厅定时核对）', system: '系统' };

async function namesOf(ids: readonly string[]): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  const wanted = [...new Set(ids)].filter((id) => !(id in SYSTEM_ACTORS));
  const _ = database().command;
  for (let start = 0; start < wanted.length; start += 100) {
    const users = await findMany<UserRecord>(database().collection(COLLECTIONS.users).where({ _id: _.in(wanted.slice(start, start + 100)) }).field({ nickname: true }).limit(100));
    for (const user of users) names.set(user._id, user.nickname);
  }
  for (const [id, name] of Object.entries(SYSTEM_ACTORS)) names.set(id, name);
  return names;
}

/** The staff of the stations in view, for the officer filter. */
async function staffOf(scope: Scope): Promise<AuditLogPage['officers']> {
  const _ = database().command;
  const ids = [...scope.stations.keys()];
  const users = await findMany<UserRecord>(
    database().collection(COLLECTIONS.users).where({ stationId: ids.length === 1 ? ids[0] : _.in(ids) }).field({ nickname: true, stationId: true, role: true }).limit(1000),
  );
  return users
    .filter((user) => user.role === 'officer' || user.role === 'stationAdmin')
    .map((user) => ({ id: user._id, name: user.nickname, stationName: scope.stations.get(user.stationId ?? '') ?? '' }))
    .sort((a, b) => a.stationName.localeCompare(b.stationName, 'zh-CN') || a.name.localeCompare(b.name, 'zh-CN'));
}

const FIELD_LABELS: Record<string, string> = {
  day: '日期',
  time: '时段',
  reason: '原因',
  count: '条数',
  affected: '涉及预约',
  bookingId: '预约编号',
  threadId: '对话编号',
  messageId: '消息编号',
  purpose: '用途',
  caseId: '案件编号',
  communityId: '社区',
  communityIds: '社区',
  postId: '警务室',
  officerId: '民警编号',
  officers: '民警',
  role: '身份',
  kinds: '岗位',
  kind: '班次',
  start: '开始',
  end: '结束',
  fromDay: '从',
  toDay: '到',
  name: '名称',
  phone: '电话',
  members: '人数',
  as: '身份',
  from: '从',
  to: '到',
  period: '时间段',
  filters: '筛选条件',
  invite: '邀请码',
  detail: '详情',
};
const HIDDEN_FIELDS = new Set(['_id', 'type', 'by', 'userId', 'at', 'stationId', 'districtId']);

function valueText(value: unknown): string {
  if (value instanceof Date) return beijingTimeLabel(value);
  if (Array.isArray(value)) return value.every((item) => typeof item !== 'object' || item === null) ? value.join('、') : `${value.length} 项`;
  if (typeof value === 'object' && value !== null) return Object.entries(value).map(([key, inner]) => `${FIELD_LABELS[key] ?? key} ${valueText(inner)}`).join('，');
  if (typeof value === 'boolean') return value ? '是' : '否';
  return String(value);
}

/** The record's other facts in words; phone numbers stay masked as everywhere else. */
function detailsOf(record: AuditLogRecord): string {
  return Object.entries(record)
    .filter(([key, value]) => !HIDDEN_FIELDS.has(key) && value !== undefined && value !== null && value !== '')
    .map(([key, value]) => `${FIELD_LABELS[key] ?? key}：${key === 'phone' ? maskPhone(String(value)) : valueText(value)}`)
    .join('；')
    .slice(0, 300);
}

const maskPhone = (phone: string): string => phone.replace(/(\d{3})\d{4}(\d{2,})/, '$1****$2');

function entryViews(records: readonly AuditLogRecord[], names: Map<string, string>, scope: Scope): AuditEntryView[] {
  const person = (id: string | undefined) => (id === undefined ? undefined : { id, name: names.get(id) ?? '已注销或未知的账号' });
  return records.map((record) => {
    const { actorId, subjectId } = auditParties(record);
    const stationId = typeof record.stationId === 'string' ? record.stationId : undefined;
    return {
      id: record._id,
      at: record.at.toISOString(),
      type: record.type,
      label: auditTypeLabel(record.type),
      ...(AUDIT_TYPES[record.type] ? { group: AUDIT_TYPES[record.type]!.group } : {}),
      ...(actorId !== undefined ? { actor: person(actorId) } : {}),
      ...(subjectId !== undefined && subjectId !== actorId ? { subject: person(subjectId) } : {}),
      ...(stationId ? { stationId, stationName: scope.stations.get(stationId) ?? stationId } : {}),
      details: detailsOf(record),
    };
  });
}

async function views(records: readonly AuditLogRecord[], scope: Scope): Promise<AuditEntryView[]> {
  const ids = records.flatMap((record) => {
    const { actorId, subjectId } = auditParties(record);
    return [actorId, subjectId].filter((id): id is string => id !== undefined);
  });
  return entryViews(records, await namesOf(ids), scope);
}

/**
 * Records that these records were read: one entry per station whose records were read (a district
 * admin's reading shows in each station's own log), or one for the scope when nothing matched.
 */
async function recordReading(type: 'audit.viewed' | 'audit.exported', by: string, scope: Scope, records: readonly AuditLogRecord[], filters: AuditFilters, now: Date): Promise<void> {
  const counts = new Map<string, number>();
  for (const record of records) if (typeof record.stationId === 'string') counts.set(record.stationId, (counts.get(record.stationId) ?? 0) + 1);
  const shown = Object.fromEntries(Object.entries(filters).filter(([, value]) => value !== undefined));
  const base = { type, by, ...(filters.residentId ? { userId: filters.residentId } : {}), filters: shown, at: now, ...(scope.districtId ? { districtId: scope.districtId } : {}) };
  const entries =
    counts.size > 0
      ? [...counts].map(([stationId, count]) => ({ ...base, stationId, count }))
      : [{ ...base, ...(scope.stations.size === 1 ? { stationId: [...scope.stations.keys()][0] } : {}), count: 0 }];
  await inTransaction(async (transaction) => {
    for (const data of entries) await transaction.collection(COLLECTIONS.auditLog).add({ data });
  });
}

async function page(scope: Scope, filters: AuditFilters, cursorText: string | undefined, by: string, now: Date): Promise<AuditLogPage> {
  const cursor = cursorText ? decodeCursor(cursorText) : undefined;
  const { records, more } = await readPage(scope, filters, cursor, AUDIT_PAGE_SIZE);
  const [entries, officers] = await Promise.all([views(records, scope), staffOf(scope)]);
  await recordReading('audit.viewed', by, scope, records, filters, now);
  const last = records.at(-1);
  return {
    entries,
    ...(more && last ? { nextCursor: encodeCursor({ at: last.at.getTime(), id: last._id }) } : {}),
    officers,
    stations: [...scope.stations].map(([id, name]) => ({ id, name })),
  };
}

function filterNotes(filters: AuditFilters, names: Map<string, string>): string {
  const parts = [
    `日期：${filters.from ?? '最早'} 至 ${filters.to ?? '今天'}`,
    ...(filters.group ? [`类别：${AUDIT_GROUP_LABELS[filters.group]}`] : []),
    ...(filters.officerId ? [`操作人：${names.get(filters.officerId) ?? filters.officerId}`] : []),
    ...(filters.residentId ? [`涉及的人：${names.get(filters.residentId) ?? filters.residentId}`] : []),
  ];
  return `筛选：${parts.join('；')}`;
}

async function exportFile(scope: Scope, title: string, filters: AuditFilters, by: string, now: Date): Promise<FileDownloadView> {
  const { records, more } = await readAll(scope, filters);
  const names = await namesOf([...records.flatMap((record) => Object.values(auditParties(record))), ...[filters.officerId, filters.residentId]].filter((id): id is string => id !== undefined));
  const entries = entryViews(records, names, scope);
  const sheet: SheetSpec = {
    name: '审计记录',
    title: `${title} 审计记录`,
    notes: [
      filterNotes(filters, names),
      `导出时间：${beijingTimeLabel(now)}（北京时间）；共 ${entries.length} 条${more ? `（只导出最近的 ${AUDIT_EXPORT_MAX} 条，请缩短日期范围）` : ''}；本次导出已记入审计记录`,
    ],
    columns: [
      { header: '时间', width: 18 },
      { header: '派出所', width: 14 },
      { header: '类别', width: 16 },
      { header: '操作', width: 30 },
      { header: '操作人', width: 16 },
      { header: '涉及的人', width: 16 },
      { header: '详情', width: 60 },
    ],
    rows: entries.map((entry) => [
      beijingTimeLabel(new Date(entry.at)),
      entry.stationName ?? '',
      entry.group ? AUDIT_GROUP_LABELS[entry.group] : '其他',
      entry.label,
      entry.actor?.name ?? '',
      entry.subject?.name ?? '',
      entry.details,
    ]),
    filter: true,
  };
  const content = await writeWorkbook([sheet], now);
  const stamp = beijingTimeLabel(now).slice(0, 10);
  // Recorded before the link is handed over.
  await recordReading('audit.exported', by, scope, records, filters, now);
  return handOverFile(by, safeFileName(`${title}审计记录-${stamp}.xlsx`), content, now);
}

const filtersOf = (input: AuditFilters): AuditFilters => ({ officerId: input.officerId, residentId: input.residentId, group: input.group, from: input.from, to: input.to });

async function stationNamed(stationId: string): Promise<string> {
  const station = await findById<StationRecord>(COLLECTIONS.stations, stationId);
  if (!station) throw new ActionError('NOT_FOUND', '没有找到这个派出所');
  return station.name;
}

const districtNamed = async (districtId: string): Promise<string> => (await findById<DistrictRecord>(COLLECTIONS.districts, districtId))?.name ?? districtId;

type AuditLogHandlers = Pick<Handlers<typeof dashboardActions>, 'auditLog' | 'districtAuditLog' | 'exportAuditLog' | 'exportDistrictAuditLog'>;

export const auditLogHandlers: AuditLogHandlers = {
  async auditLog(input, context) {
    const { user } = requireUser(context);
    return page(await stationScope(input.stationId, await stationNamed(input.stationId)), filtersOf(input), input.cursor, user._id, context.now);
  },

  async districtAuditLog(input, context) {
    const { user } = requireUser(context);
    return page(await districtScope(input.districtId, input.stationId), filtersOf(input), input.cursor, user._id, context.now);
  },

  async exportAuditLog(input, context) {
    const { user } = requireUser(context);
    const name = await stationNamed(input.stationId);
    return exportFile(await stationScope(input.stationId, name), name, filtersOf(input), user._id, context.now);
  },

  async exportDistrictAuditLog(input, context) {
    const { user } = requireUser(context);
    const scope = await districtScope(input.districtId, input.stationId);
    const title = input.stationId ? (scope.stations.get(input.stationId) as string) : await districtNamed(input.districtId);
    return exportFile(scope, title, filtersOf(input), user._id, context.now);
  },
};
