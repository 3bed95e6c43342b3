import * as v from 'valibot';
import { AUDIT_GROUPS, type AuditGroup } from '../audit/catalogue';
import { PERIOD_KINDS, type DayRange, type PeriodFigures, type PeriodKind } from '../dashboard/figures';
import { action, defineFunction, emptyInput, id } from './define';

const day = (label: string) => v.pipe(v.string(`${label}无效`), v.regex(/^\d{4}-\d{2}-\d{2}$/, `${label}格式应为 2026-01-31`));

/** One day of the chart series. */
export interface DashboardDayPoint {
  day: string;
  questions: number;
  bookings: number;
}

export interface StationDashboardView {
  stationId: string;
  stationName: string;
  period: PeriodKind;
  current: DayRange;
  previous: DayRange;
  figures: PeriodFigures;
  previousFigures: PeriodFigures;
  series: DashboardDayPoint[];
  /** The previous period's days in the same order (day 1 of each side by side); days after today are left out. */
  previousSeries: DashboardDayPoint[];
  /** Past days of the range the timer has not rolled up yet (counted as empty until it has). */
  pendingDays: number;
  /** When today's figures were computed (today is never stored as final). */
  asOf: string;
}

/** One station of a district, side by side with the others for the same period. */
export interface StationComparisonRow {
  stationId: string;
  stationName: string;
  figures: PeriodFigures;
  previousFigures: PeriodFigures;
}

export interface DistrictComparisonView {
  districtId: string;
  period: PeriodKind;
  current: DayRange;
  previous: DayRange;
  /** The district's stations in their display order. */
  stations: StationComparisonRow[];
  /** Past station-days of either range the timer has not rolled up yet. */
  pendingDays: number;
  asOf: string;
}

const periodInput = {
  period: v.picklist(PERIOD_KINDS, '请选择时间段'),
  from: v.optional(day('开始日期')),
  to: v.optional(day('结束日期')),
};

/** A file written to cloud storage for the caller: a temporary link, valid until `expiresAt`, when the file is deleted. */
export interface FileDownloadView {
  url: string;
  fileName: string;
  bytes: number;
  expiresAt: string;
}

/** One audit record as a reviewer reads it. */
export interface AuditEntryView {
  id: string;
  at: string;
  type: string;
  /** The act in words (the type itself when it is not in the catalogue). */
  label: string;
  group?: AuditGroup;
  /** Who acted: an officer or admin (or, for a resident's own step, the resident); absent for the system. */
  actor?: { id: string; name: string };
  /** Whom it concerned: the resident whose data was read, the officer whose role changed. */
  subject?: { id: string; name: string };
  stationId?: string;
  stationName?: string;
  /** The record's other facts, in words ("日期：2026-11-25；原因：停电"). */
  details: string;
}

export interface AuditLogPage {
  entries: AuditEntryView[];
  nextCursor?: string;
  /** The staff of the stations in view, for the officer filter. */
  officers: { id: string; name: string; stationName: string }[];
  /** The stations in view (one for a station admin; the district's for a district admin). */
  stations: { id: string; name: string }[];
}

const auditFilters = {
  /** Acts by this officer or admin (their account id). */
  officerId: v.optional(id('民警')),
  /** Acts that concerned this person (their account id). */
  residentId: v.optional(id('居民')),
  group: v.optional(v.picklist(AUDIT_GROUPS, '请选择操作类别')),
  from: v.optional(day('开始日期')),
  to: v.optional(day('结束日期')),
};
const cursor = v.optional(v.pipe(v.string('翻页位置无效'), v.maxLength(200, '翻页位置无效')));
const rangeInOrder = <T extends { from?: string; to?: string }>(input: T) => input.from === undefined || input.to === undefined || input.from <= input.to;
const RANGE_MESSAGE = '开始日期不能晚于结束日期';

const CUSTOM_RANGE_MESSAGE = '自定义时间段要填开始和结束日期，开始不晚于结束';
const customRangeComplete = (input: { period: PeriodKind; from?: string; to?: string }) => input.period !== 'custom' || (input.from !== undefined && input.to !== undefined && input.from <= input.to);

const stationDashboardInput = v.pipe(
  v.strictObject({ stationId: id('派出所'), ...periodInput }),
  v.check((input) => customRangeComplete(input), CUSTOM_RANGE_MESSAGE),
);

export const dashboardActions = defineFunction('dashboard', {
  stationDashboard: action<StationDashboardView>()({
    summary: '派出所成效看板：问片警、预约、反诈、调解、警银联动，本期与上期对比（读每日汇总）',
    input: stationDashboardInput,
    policy: 'stationAdmin',
    stationOf: (input) => input.stationId,
  }),
  districtComparison: action<DistrictComparisonView>()({
    summary: '分局：本区各派出所同一时间段的成效并排对比（读每日汇总）',
    input: v.pipe(v.strictObject({ districtId: id('分局'), ...periodInput }), v.check((input) => customRangeComplete(input), CUSTOM_RANGE_MESSAGE)),
    policy: 'districtAdmin',
    districtOf: (input) => input.districtId,
  }),
  exportDashboard: action<FileDownloadView>()({
    summary: '把成效看板这一时间段的数字导出为 Excel（每个方面一张表），放在云存储里供下载',
    input: stationDashboardInput,
    policy: 'stationAdmin',
    stationOf: (input) => input.stationId,
  }),
  auditLog: action<AuditLogPage>()({
    summary: '本所审计记录：谁看了谁的个人信息、谁改了人员排班和大厅设置、谁给谁签到；按人、类别、日期筛选，分页（查看本身也记录）',
    input: v.pipe(v.strictObject({ stationId: id('派出所'), ...auditFilters, cursor }), v.check(rangeInOrder, RANGE_MESSAGE)),
    policy: 'stationAdmin',
    stationOf: (input) => input.stationId,
  }),
  districtAuditLog: action<AuditLogPage>()({
    summary: '分局查看辖下各所的审计记录（可只看一个所），筛选和分页同本所审计记录',
    input: v.pipe(v.strictObject({ districtId: id('分局'), stationId: v.optional(id('派出所')), ...auditFilters, cursor }), v.check(rangeInOrder, RANGE_MESSAGE)),
    policy: 'districtAdmin',
    districtOf: (input) => input.districtId,
  }),
  exportAuditLog: action<FileDownloadView>()({
    summary: '把本所筛选出的审计记录导出为 Excel（导出也记录）',
    input: v.pipe(v.strictObject({ stationId: id('派出所'), ...auditFilters }), v.check(rangeInOrder, RANGE_MESSAGE)),
    policy: 'stationAdmin',
    stationOf: (input) => input.stationId,
  }),
  exportDistrictAuditLog: action<FileDownloadView>()({
    summary: '把分局筛选出的审计记录导出为 Excel（导出也记录）',
    input: v.pipe(v.strictObject({ districtId: id('分局'), stationId: v.optional(id('派出所')), ...auditFilters }), v.check(rangeInOrder, RANGE_MESSAGE)),
    policy: 'districtAdmin',
    districtOf: (input) => input.districtId,
  }),
  rollUpDailyStats: action<{ rolledUp: number; caughtUpTo: string; done: boolean }>()({
    summary: '定时：把已结束的日子按派出所汇总进 station_daily_stats（错过的日子下次补上）',
    input: emptyInput,
    policy: 'system',
  }),
});
