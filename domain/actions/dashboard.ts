import * as v from 'valibot';
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
  /** Past days of the range the timer has not rolled up yet (counted as empty until it has). */
  pendingDays: number;
  /** When today's figures were computed (today is never stored as final). */
  asOf: string;
}

const periodInput = {
  period: v.picklist(PERIOD_KINDS, '请选择时间段'),
  from: v.optional(day('开始日期')),
  to: v.optional(day('结束日期')),
};

export const dashboardActions = defineFunction('dashboard', {
  stationDashboard: action<StationDashboardView>()({
    summary: '派出所成效看板：问片警、预约、反诈、调解、警银联动，本期与上期对比（读每日汇总）',
    input: v.pipe(
      v.strictObject({ stationId: id('派出所'), ...periodInput }),
      v.check((input) => input.period !== 'custom' || (input.from !== undefined && input.to !== undefined && input.from <= input.to), '自定义时间段要填开始和结束日期，开始不晚于结束'),
    ),
    policy: 'stationAdmin',
    stationOf: (input) => input.stationId,
  }),
  rollUpDailyStats: action<{ rolledUp: number; caughtUpTo: string; done: boolean }>()({
    summary: '定时：把已结束的日子按派出所汇总进 station_daily_stats（错过的日子下次补上）',
    input: emptyInput,
    policy: 'system',
  }),
});
