/**
 * The dashboard's two kinds of chart as Chart.js configurations (platform-neutral: ChartCanvas
 * draws them on the weapp canvas node or an H5 canvas). Meaning is never carried by colour alone:
 * this period is drawn as bars, the previous one as a dashed line with hollow dots, each bar
 * carries its number when there is room, and the page shows the same figures as a table.
 */
import type { BarElement, ChartConfiguration, Plugin } from 'chart.js';

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

/** Chinese first: WeChat's canvas and the phone browsers fall back to the system's CJK face. */
export const CHART_FONT_FAMILY = "'PingFang SC', 'Noto Sans CJK SC', 'Microsoft YaHei', sans-serif";

/** A chart the dashboard draws: one bar dataset for this period, maybe a line for the previous one. */
export type ChartSpec = ChartConfiguration<'bar' | 'line', (number | null)[], string>;

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
 * Writes each bar's number at its end (above a column, right of a horizontal bar). Chart.js has
 * no value labels of its own; an inline plugin draws them after the bars, from the same elements.
 */
function barNumbers(texts: readonly (string | null)[], fontSize: number, horizontal: boolean, gap: number): Plugin<'bar' | 'line'> {
  return {
    id: 'fqBarNumbers',
    afterDatasetsDraw(chart) {
      const bars = chart.getDatasetMeta(0).data as unknown as BarElement[];
      const context = chart.ctx;
      context.save();
      context.font = `${fontSize}px ${CHART_FONT_FAMILY}`;
      context.fillStyle = CHART_COLORS.text;
      context.textAlign = horizontal ? 'left' : 'center';
      context.textBaseline = horizontal ? 'middle' : 'bottom';
      bars.forEach((bar, index) => {
        const text = texts[index];
        if (!text) return;
        if (horizontal) context.fillText(text, bar.x + gap, bar.y);
        else context.fillText(text, bar.x, bar.y - gap);
      });
      context.restore();
    },
  };
}

const tickFont = (look: ChartLook) => ({ size: fontSizeOf(look), family: CHART_FONT_FAMILY });

/**
 * Bars for this period; when `previous` values are given, a dashed line with hollow dots for the
 * previous period over the same positions (day 1 with day 1, week 1 with week 1).
 */
export function comparisonChart(points: readonly ChartPoint[], look: ChartLook, format: (value: number) => string = shortNumber): ChartSpec {
  const fontSize = fontSizeOf(look);
  const withPrevious = points.some((point) => point.previous !== undefined);
  const ticks = valueTicks(points.flatMap((point) => [point.current, point.previous]));
  const labelled = points.length <= MAX_LABELLED_BARS;
  const pointRadius = look.elder ? 5 : 4;
  // A number sits clear of the previous period's dot, which may be at the bar's top (or at 0 under an empty day).
  const gap = pointRadius + 5;
  return {
    type: 'bar',
    data: {
      labels: points.map((point) => point.label),
      datasets: [
        { type: 'bar', data: points.map((point) => point.current), backgroundColor: CHART_COLORS.current, categoryPercentage: 1, barPercentage: 0.6, order: 1 },
        ...(withPrevious
          ? [
              {
                type: 'line' as const,
                data: points.map((point) => point.previous ?? null),
                borderColor: CHART_COLORS.previous,
                borderWidth: look.elder ? 3 : 2,
                borderDash: [6, 4],
                pointRadius,
                pointBorderWidth: 2,
                pointBackgroundColor: '#ffffff',
                pointBorderColor: CHART_COLORS.previous,
                // The line is drawn over the bars.
                order: 0,
              },
            ]
          : []),
      ],
    },
    options: {
      responsive: false,
      animation: false,
      events: [],
      // Room above the tallest bar for its number.
      layout: { padding: { top: labelled ? fontSize + gap : pointRadius + 2, right: 4 } },
      scales: {
        x: { type: 'category', grid: { display: false }, ticks: { font: tickFont(look), color: CHART_COLORS.text, autoSkip: true, autoSkipPadding: 6, maxRotation: 0 } },
        y: {
          type: 'linear',
          min: 0,
          max: ticks.at(-1),
          grid: { color: CHART_COLORS.grid },
          border: { display: false, dash: [2, 2] },
          // Our own numbers: Chart.js's default formatting needs Intl, which not every mini-program runtime has.
          ticks: { stepSize: (ticks[1] as number) - (ticks[0] as number), font: tickFont(look), color: CHART_COLORS.text, callback: (value) => shortNumber(Number(value)) },
        },
      },
    },
    plugins: labelled ? [barNumbers(points.map((point) => (point.current === null ? null : format(point.current))), fontSize, false, gap)] : [],
  };
}

/** Horizontal bars, one per name (stations side by side), each with its value written at its end. */
export function rankingChart(points: readonly ChartPoint[], look: ChartLook, format: (value: number) => string = shortNumber): ChartSpec {
  const fontSize = fontSizeOf(look);
  const ticks = valueTicks(points.map((point) => point.current));
  // The widest number written after a bar, in character widths, decides the room kept on the right.
  const texts = points.map((point) => (point.current === null ? null : format(point.current)));
  const widest = Math.max(1, ...texts.map((text) => text?.length ?? 0));
  return {
    type: 'bar',
    data: {
      labels: points.map((point) => point.label),
      // A name with nothing to measure keeps its place with no bar and no number.
      datasets: [{ type: 'bar', data: points.map((point) => point.current), backgroundColor: CHART_COLORS.current, categoryPercentage: 1, barPercentage: 0.6 }],
    },
    options: {
      indexAxis: 'y',
      responsive: false,
      animation: false,
      events: [],
      layout: { padding: { right: Math.ceil(widest * fontSize * 0.62) + 8 } },
      scales: {
        y: { type: 'category', grid: { display: false }, ticks: { font: tickFont(look), color: CHART_COLORS.text, autoSkip: false } },
        x: { type: 'linear', display: false, min: 0, max: ticks.at(-1) },
      },
    },
    plugins: [barNumbers(texts, fontSize, true, 4)],
  };
}
