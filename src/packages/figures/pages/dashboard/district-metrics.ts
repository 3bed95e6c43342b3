/** What a district admin can put stations side by side on: one figure at a time, chart and table alike. */
import type { StationComparisonRow } from '@domain/actions/dashboard';
import type { PeriodFigures } from '@domain/dashboard/figures';
import type { ChartPoint } from '../../components/chart/comparison-chart';
import { changeOf, show, type Format, type Value } from '@domain/dashboard/figure-rows';

export interface DistrictMetric {
  key: string;
  label: string;
  format: Format;
  pick: (figures: PeriodFigures) => Value;
}

export const DISTRICT_METRICS: readonly DistrictMetric[] = [
  { key: 'questions', label: '提问数', format: 'count', pick: (f) => f.consult.questions },
  { key: 'withinTarget', label: '按时回复率', format: 'rate', pick: (f) => f.consult.withinTargetRate },
  { key: 'firstResponse', label: '首次回复用时（中位数）', format: 'minutes', pick: (f) => f.consult.firstResponseP50Minutes },
  { key: 'bookings', label: '预约数', format: 'count', pick: (f) => f.booking.bookings },
  { key: 'utilisation', label: '名额使用率', format: 'rate', pick: (f) => f.booking.utilisation },
  { key: 'noShowRate', label: '爽约率', format: 'rate', pick: (f) => f.booking.noShowRate },
  { key: 'newReaders', label: '反诈新读者', format: 'count', pick: (f) => f.antiFraud.newReaders },
  { key: 'resolutionRate', label: '化解率', format: 'rate', pick: (f) => f.mediation.resolutionRate },
];

/** A rate is drawn in percent (the chart's axis and labels read 0–100). */
const chartValue = (value: Value, format: Format): number | null => (value === null ? null : format === 'rate' ? Math.round(value * 1000) / 10 : value);

export function chartFormatOf(metric: DistrictMetric): (value: number) => string {
  if (metric.format === 'rate') return (value) => `${value}%`;
  if (metric.format === 'minutes') return (value) => `${value}分`;
  return (value) => String(value);
}

/** The chart's bars (a station with nothing to count has no bar) and the table's rows, in the district's order. */
export function districtSeries(rows: readonly StationComparisonRow[], metric: DistrictMetric) {
  const points: ChartPoint[] = rows.map((row) => ({ label: row.stationName, current: chartValue(metric.pick(row.figures), metric.format) }));
  return {
    points,
    columns: ['派出所', '本期', '上期', '变化'],
    rows: rows.map((row) => {
      const now = metric.pick(row.figures);
      const before = metric.pick(row.previousFigures);
      return { label: row.stationName, cells: [show(now, metric.format), show(before, metric.format), changeOf(now, before, metric.format)] };
    }),
  };
}
