import { useEffect, useRef } from 'react';
import type { ChartCanvasProps } from './chart-canvas';
import { drawChart } from './draw-chart';

export type { ChartCanvasProps } from './chart-canvas';

/** H5: Chart.js draws on a canvas element of the page's width, at the screen's pixel ratio. */
export function ChartCanvas({ chart, height, label }: ChartCanvasProps) {
  const element = useRef<HTMLCanvasElement>(null);
  const drawn = useRef<ReturnType<typeof drawChart> | null>(null);

  useEffect(() => {
    const canvas = element.current;
    if (!canvas) return;
    drawn.current?.destroy();
    drawn.current = null;
    try {
      drawn.current = drawChart(canvas, chart, { cssWidth: canvas.clientWidth, cssHeight: height, pixelRatio: window.devicePixelRatio || 1 });
    } catch (error) {
      // The table below the chart still carries every figure.
      console.warn('[chart] could not draw', error);
    }
  }, [chart, height]);

  useEffect(
    () => () => {
      drawn.current?.destroy();
      drawn.current = null;
    },
    [],
  );

  return <canvas ref={element} className="chart-canvas" role="img" aria-label={label} style={{ height: `${height}px` }} />;
}
