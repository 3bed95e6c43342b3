import { useEffect, useRef } from 'react';
import { Canvas } from '@antv/f2';
import type { ChartCanvasProps } from './chart-canvas';

export type { ChartCanvasProps } from './chart-canvas';

/** H5: F2 draws on a canvas element of the page's width. */
export function ChartCanvas({ chart, height, label }: ChartCanvasProps) {
  const element = useRef<HTMLCanvasElement>(null);
  const drawn = useRef<Canvas | null>(null);

  // Drawn afresh for every new chart: F2's update() keeps a category axis's old ticks when the
  // categories change (a week after a month showed the month's dates under the week's bars).
  useEffect(() => {
    const canvasElement = element.current;
    const context = canvasElement?.getContext('2d');
    if (!canvasElement || !context) return;
    drawn.current?.destroy();
    const canvas = new Canvas({ context, pixelRatio: window.devicePixelRatio || 1, width: canvasElement.clientWidth, height, animate: false, children: chart });
    drawn.current = canvas;
    void canvas.render();
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
