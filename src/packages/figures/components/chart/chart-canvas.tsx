import { useEffect, useRef } from 'react';
import Taro from '@tarojs/taro';
import { roleProps } from '@/components/a11y';
import { Canvas as TaroCanvas } from '@tarojs/components';
import type { ChartSpec } from './comparison-chart';
import { drawChart } from './draw-chart';
import { type CanvasNode, MiniProgramCanvasPlatform } from './mini-program-platform';

export interface ChartCanvasProps {
  /** What to draw: a Chart.js configuration (comparison-chart.ts). */
  chart: ChartSpec;
  /** Height in px; the width is the container's. */
  height: number;
  /** What the chart shows, for screen readers (its figures are in the table beside it). */
  label: string;
}

let nextId = 0;

const pixelRatioOfScreen = () => (typeof Taro.getWindowInfo === 'function' ? Taro.getWindowInfo() : Taro.getSystemInfoSync()).pixelRatio || 1;

/**
 * weapp: Chart.js draws on a `<canvas type="2d">` node found by a selector query once the node is
 * laid out (`fields({ node: true, size: true })`); its backing store is the laid-out size times
 * the screen's pixel ratio, and drawing is scaled to match, as WeChat's Canvas 2D guide asks.
 */
export function ChartCanvas({ chart, height, label }: ChartCanvasProps) {
  const id = useRef(`fq-chart-${(nextId += 1)}`).current;
  const drawn = useRef<ReturnType<typeof drawChart> | null>(null);
  const unmounted = useRef(false);

  useEffect(() => {
    Taro.nextTick(() => {
      Taro.createSelectorQuery()
        .select(`#${id}`)
        .fields({ node: true, size: true })
        .exec((results: Array<{ node?: CanvasNode; width: number; height: number } | null>) => {
          const found = results[0];
          if (!found?.node || unmounted.current) return;
          drawn.current?.destroy();
          drawn.current = null;
          try {
            drawn.current = drawChart(found.node, chart, { cssWidth: found.width, cssHeight: found.height, pixelRatio: pixelRatioOfScreen() }, MiniProgramCanvasPlatform);
          } catch (error) {
            // The table below the chart still carries every figure.
            console.warn('[chart] could not draw', error);
          }
        });
    });
  }, [chart, height, id]);

  useEffect(
    () => () => {
      unmounted.current = true;
      drawn.current?.destroy();
      drawn.current = null;
    },
    [],
  );

  return <TaroCanvas id={id} type="2d" className="chart-canvas" style={{ height: `${height}px` }} {...roleProps('img')} aria-label={label} />;
}
