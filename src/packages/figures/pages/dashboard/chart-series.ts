/**
 * What the dashboard's charts draw, and the same figures as table rows. A period of up to a month
 * is shown day by day; a longer one (a quarter, a long custom range) in runs of seven days from
 * its first day, so a chart keeps a dozen bars and its table a dozen rows. The previous period is
 * laid beside this one position by position: its day 1 with this period's day 1.
 */
import type { DashboardDayPoint } from '@domain/actions/dashboard';
import { CONSULT_CATEGORIES, CONSULT_CATEGORY_LABELS } from '@domain/routing/model';
import type { PeriodFigures } from '@domain/dashboard/figures';
import type { ChartPoint } from '../../components/chart/comparison-chart';

export type DailyMeasure = 'questions' | 'bookings';

const DAILY_UP_TO = 31;
const WEEKDAYS = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'];

const shortDay = (day: string) => `${Number(day.slice(5, 7))}月${Number(day.slice(8, 10))}日`;
const weekdayOf = (day: string) => WEEKDAYS[new Date(`${day}T00:00:00.000Z`).getUTCDay()] as string;

interface Bucket {
  /** What the row and the bar are called: "12月1日 周一" or "12月1日起 7天". */
  label: string;
  /** A short label for under the bar. */
  axisLabel: string;
  previousLabel: string | null;
  current: number;
  previous: number | null;
}

/** A row of the table beside a chart: its header cell and the rest. */
export interface TableRow {
  label: string;
  cells: string[];
}

export interface SeriesView {
  points: ChartPoint[];
  /** The table's column headers, the row header's first. */
  columns: string[];
  rows: TableRow[];
  /** "按天", "每 7 天一段" or "按类别". */
  unit: string;
}

function chunk<T>(items: readonly T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let index = 0; index < items.length; index += size) chunks.push(items.slice(index, index + size));
  return chunks;
}

const rangeLabel = (days: readonly DashboardDayPoint[]) => {
  const first = days[0]?.day as string;
  const last = days.at(-1)?.day as string;
  return days.length === 1 ? shortDay(first) : `${shortDay(first)}–${shortDay(last)}`;
};

function bucketsOf(current: readonly DashboardDayPoint[], previous: readonly DashboardDayPoint[], measure: DailyMeasure): Bucket[] {
  const total = (days: readonly DashboardDayPoint[]) => days.reduce((sum, day) => sum + day[measure], 0);
  if (current.length <= DAILY_UP_TO) {
    return current.map((day, index) => {
      const before = previous[index];
      return {
        label: `${shortDay(day.day)} ${weekdayOf(day.day)}`,
        axisLabel: day.day.slice(5).replace('-', '/'),
        previousLabel: before ? `${shortDay(before.day)} ${weekdayOf(before.day)}` : null,
        current: day[measure],
        previous: before ? before[measure] : null,
      };
    });
  }
  const previousWeeks = chunk(previous, 7);
  return chunk(current, 7).map((week, index) => {
    const before = previousWeeks[index];
    return {
      label: rangeLabel(week),
      axisLabel: `第${index + 1}段`,
      previousLabel: before && before.length > 0 ? rangeLabel(before) : null,
      current: total(week),
      // A shorter stretch of the previous period would mislead beside a full one: shown as missing.
      previous: before && before.length === week.length ? total(before) : null,
    };
  });
}

/** The chart points and table rows of one daily measure (questions or bookings). */
export function dailySeries(current: readonly DashboardDayPoint[], previous: readonly DashboardDayPoint[], measure: DailyMeasure): SeriesView {
  const buckets = bucketsOf(current, previous, measure);
  return {
    unit: current.length <= DAILY_UP_TO ? '按天' : '每 7 天一段',
    points: buckets.map((bucket) => ({ label: bucket.axisLabel, current: bucket.current, previous: bucket.previous })),
    columns: ['本期', '数量', '上期同位置', '数量'],
    rows: buckets.map((bucket) => ({
      label: bucket.label,
      cells: [String(bucket.current), bucket.previousLabel ?? '—', bucket.previous === null ? '—' : String(bucket.previous)],
    })),
  };
}

/** Questions by category, this period and the previous one (categories asked in neither are left out). */
export function categorySeries(now: PeriodFigures, before: PeriodFigures): SeriesView {
  const asked = CONSULT_CATEGORIES.filter((category) => (now.consult.byCategory[category] ?? 0) + (before.consult.byCategory[category] ?? 0) > 0);
  const points = asked.map((category) => ({ label: CONSULT_CATEGORY_LABELS[category], current: now.consult.byCategory[category] ?? 0, previous: before.consult.byCategory[category] ?? 0 }));
  return {
    unit: '按类别',
    points,
    columns: ['类别', '本期', '上期'],
    rows: points.map((point) => ({ label: point.label, cells: [String(point.current), String(point.previous)] })),
  };
}
