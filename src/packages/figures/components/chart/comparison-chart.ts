/**
 * The dashboard's two kinds of chart as F2 element trees (platform-neutral: ChartCanvas draws
 * them on the weapp canvas node or an H5 canvas). Meaning is never carried by colour alone:
 * this period is drawn as bars, the previous one as a dashed line with hollow dots, each bar
 * carries its number when there is room, and the page shows the same figures as a table.
 */
import { Axis, Chart, Interval, Line, Point, TextGuide, jsx, type ComponentType } from '@antv/f2';

/**
 * F2's element factory. Its declared ElementType does not admit F2's own generic chart classes
 * (their props are required, its constructor type takes any props), so the type is widened here.
 */
const element = (type: unknown, props: Record<string, unknown>, ...children: unknown[]) => jsx(type as ComponentType, props, ...children);

/** One bar of a chart: its label and the value now and (optionally) in the previous period. */
export interface ChartPoint {
  label: string;
  current: number | null;
  previous?: number | null;
}

export interface ChartLook {
  /** 长辈模式: larger labels and thicker strokes. */
  elder: boolean;
}

export const CHART_COLORS = {
  current: '#1a4fa3',
  previous: '#4e5969',
  text: '#1d2129',
  grid: '#c9cdd4',
} as const;

/** Above this many bars the numbers on them would overlap; the table still has them. */
const MAX_LABELLED_BARS = 14;

const fontSizeOf = (look: ChartLook) => (look.elder ? 18 : 12);

/**
 * The value axis: from 0 in three or four round steps (1, 2 or 5 times a power of ten, never a
 * fraction for counts) to a top that leaves room for the number above the tallest bar.
 */
export function valueTicks(values: readonly (number | null | undefined)[]): number[] {
  const highest = Math.max(0, ...values.map((value) => value ?? 0));
  if (highest === 0) return [0, 1];
  const rough = (highest * 1.15) / 3;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = Math.max(1, [1, 2, 5, 10].map((factor) => factor * power).find((candidate) => candidate >= rough) as number);
  const ticks = [0];
  while ((ticks.at(-1) as number) < highest * 1.15) ticks.push((ticks.at(-1) as number) + step);
  return ticks;
}

const shortNumber = (value: number) => (Number.isInteger(value) ? String(value) : value.toFixed(1));

/**
 * Bars for this period; when `previous` values are given, a dashed line with hollow dots for the
 * previous period over the same positions (day 1 with day 1, week 1 with week 1).
 */
export function comparisonChart(points: readonly ChartPoint[], look: ChartLook, format: (value: number) => string = shortNumber) {
  const fontSize = fontSizeOf(look);
  const withPrevious = points.some((point) => point.previous !== undefined);
  const ticks = valueTicks(points.flatMap((point) => [point.current, point.previous]));
  const data = points.map((point) => ({ label: point.label, current: point.current, previous: point.previous ?? null }));
  const valueScale = { min: 0, max: ticks.at(-1), ticks, nice: false };
  const labelled = points.length <= MAX_LABELLED_BARS;
  const labelStyle = { fill: CHART_COLORS.text, fontSize };
  return element(
    Chart,
    // Keyed by its categories: F2's update() otherwise keeps the old category axis (a month's dates under a week's bars).
    { key: points.map((point) => point.label).join('|'), data, scale: { current: valueScale, previous: valueScale, label: { type: 'cat' } } },
    element(Axis, { field: 'label', labelAutoHide: true, style: { label: labelStyle } }),
    element(Axis, { field: 'current', style: { label: labelStyle, grid: { stroke: CHART_COLORS.grid, lineDash: [2, 2] } } }),
    element(Interval, { x: 'label', y: 'current', color: CHART_COLORS.current, style: { widthRatio: 0.6 } }),
    withPrevious && element(Line, { x: 'label', y: 'previous', color: CHART_COLORS.previous, style: { lineWidth: look.elder ? 3 : 2, lineDash: [6, 4] } }),
    withPrevious && element(Point, { x: 'label', y: 'previous', color: CHART_COLORS.previous, size: look.elder ? 5 : 4, style: { fill: '#ffffff', lineWidth: 2, stroke: CHART_COLORS.previous } }),
    ...(labelled
      ? data
          .filter((point) => point.current !== null)
          .map((point) =>
            element(TextGuide, { key: point.label, records: [{ label: point.label, current: point.current }], content: format(point.current as number), offsetY: -fontSize * 0.8, style: { ...labelStyle, textAlign: 'center', textBaseline: 'bottom' } }),
          )
      : []),
  );
}

/** Horizontal bars, one per name (stations side by side), each with its value written at its end. */
export function rankingChart(points: readonly ChartPoint[], look: ChartLook, format: (value: number) => string = shortNumber) {
  const fontSize = fontSizeOf(look);
  const ticks = valueTicks(points.map((point) => point.current));
  // F2 draws the first category at the bottom of a transposed chart: reverse so the list reads top-down.
  // A name with nothing to measure keeps its place with no bar and no number (F2 would draw a null half-way).
  const data = [...points].reverse().map((point) => ({ label: point.label, current: point.current ?? 0, measured: point.current !== null }));
  const labelStyle = { fill: CHART_COLORS.text, fontSize };
  return element(
    Chart,
    { key: points.map((point) => point.label).join('|'), data, coord: { transposed: true }, scale: { current: { min: 0, max: ticks.at(-1), nice: false }, label: { type: 'cat' } } },
    element(Axis, { field: 'label', style: { label: labelStyle } }),
    element(Axis, { field: 'current', visible: false }),
    element(Interval, { x: 'label', y: 'current', color: CHART_COLORS.current, style: { widthRatio: 0.6 } }),
    ...data
      .filter((point) => point.measured)
      .map((point) =>
        element(TextGuide, { key: point.label, records: [{ label: point.label, current: point.current }], content: format(point.current), offsetX: 4, style: { ...labelStyle, textAlign: 'start', textBaseline: 'middle' } }),
      ),
  );
}

export type ChartElement = ReturnType<typeof comparisonChart>;
