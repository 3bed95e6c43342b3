import { useMemo } from 'react';
import { Text, View } from '@tarojs/components';
import { useElderMode } from '@/state/elder-mode';
import { ChartCanvas } from './chart-canvas';
import type { ChartLook, ChartSpec } from './comparison-chart';
import './index.scss';

export { comparisonChart, rankingChart, type ChartPoint, type ChartLook, type ChartSpec } from './comparison-chart';

export interface FigureTable {
  /** Column headers, the row header's column first. */
  columns: string[];
  rows: { label: string; cells: string[] }[];
}

export interface ChartFigureProps {
  title: string;
  /** Builds the chart for the current look (长辈模式 draws larger labels). */
  draw: (look: ChartLook) => ChartSpec;
  /** What the chart shows, in a sentence, for screen readers. */
  summary: string;
  /** Explain bars and the dashed line (charts that compare with the previous period). */
  comparesPrevious?: boolean;
  table: FigureTable;
  /** Height in px in the standard mode (长辈模式 adds a third). */
  height?: number;
}

/**
 * A chart with its figures as a table right below it: the table is what screen readers and
 * 长辈模式 read; the chart is a picture of the same numbers. The legend says in words which mark
 * is which, so colour never carries the meaning alone.
 */
export function ChartFigure({ title, draw, summary, comparesPrevious = false, table, height = 220 }: ChartFigureProps) {
  const { elder } = useElderMode();
  const [rowHeader, ...cellHeaders] = table.columns;
  // The chart is drawn from the same figures as the table: a new drawing only when they (or the mode) change.
  const signature = JSON.stringify([table, elder]);
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const chart = useMemo(() => draw({ elder }), [signature]);
  return (
    <View className="chart-figure">
      <Text className="chart-figure__title">{title}</Text>
      {comparesPrevious && (
        <View className="chart-figure__legend">
          <View className="chart-figure__key">
            <View className="chart-figure__swatch chart-figure__swatch--bar" />
            <Text>实心柱：本期</Text>
          </View>
          <View className="chart-figure__key">
            <View className="chart-figure__swatch chart-figure__swatch--dashed" />
            <Text>虚线和空心圆点：上期</Text>
          </View>
        </View>
      )}
      <ChartCanvas chart={chart} height={elder ? Math.round(height * 1.35) : height} label={`${title}图表：${summary}。具体数字见下表。`} />
      <View className="chart-figure__table" role="table" aria-label={`${title}：数字`}>
        <View className="chart-figure__row chart-figure__row--head" role="row" style={{ gridTemplateColumns: `1.6fr repeat(${cellHeaders.length}, 1fr)` }}>
          <View role="columnheader">
            <Text>{rowHeader}</Text>
          </View>
          {cellHeaders.map((header, index) => (
            <View key={index} role="columnheader">
              <Text>{header}</Text>
            </View>
          ))}
        </View>
        {table.rows.map((row) => (
          <View key={row.label} className="chart-figure__row" role="row" style={{ gridTemplateColumns: `1.6fr repeat(${cellHeaders.length}, 1fr)` }}>
            <View role="rowheader">
              <Text>{row.label}</Text>
            </View>
            {row.cells.map((cell, index) => (
              <View key={index} role="cell">
                <Text>{cell}</Text>
              </View>
            ))}
          </View>
        ))}
      </View>
    </View>
  );
}
