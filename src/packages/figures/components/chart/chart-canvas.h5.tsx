import { useEffect, useRef } from 'react';
import { Canvas } from '@antv/f2';
import type { ChartCanvasProps } from './chart-canvas';

export type { ChartCanvasProps } from './chart-canvas';

/** H5: F2 draws on a canvas element of the page's width; a new chart updates the same F2 canvas. */
export function ChartCanvas({ chart, height, label }: ChartCanvasProps) {
  const element = useRef<HTMLCanvasElement>(null);
  const drawn = useRef<{ canvas: Canvas; width: number; height: number } | null>(null);

  useEffect(() => {
    const canvasElement = element.current;
    const context = canvasElement?.getContext('2d');
    if (!canvasElement || !context) return;
    const width = canvasElement.clientWidth;
    const current = drawn.current;
    if (current && current.width === width && current.height === height) {
      current.canvas.update({ children: chart }).catch((error: unknown) => console.warn('[chart] F2 could not draw', error));
      return;
    }
    current?.canvas.destroy();
    const canvas = new Canvas({ context, pixelRatio: window.devicePixelRatio || 1, width, height, animate: false, children: chart });
    drawn.current = { canvas, width, height };
    canvas.render().catch((error: unknown) => console.warn('[chart] F2 could not draw', error));
  }, [chart, height]);

  useEffect(
    () => () => {
      drawn.current?.canvas.destroy();
      drawn.current = null;
    },
    [],
  );

  return <canvas ref={element} className="chart-canvas" role="img" aria-label={label} style={{ height: `${height}px` }} />;
}
