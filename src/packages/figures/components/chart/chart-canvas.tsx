import { useEffect, useRef } from 'react';
import Taro from '@tarojs/taro';
import { roleProps } from '@/components/a11y';
import { Canvas as TaroCanvas } from '@tarojs/components';
import { Canvas } from '@antv/f2';
import type { ChartElement } from './comparison-chart';

export interface ChartCanvasProps {
  /** What to draw: an F2 element tree (comparison-chart.ts). */
  chart: ChartElement;
  /** Height in px; the width is the container's. */
  height: number;
  /** What the chart shows, for screen readers (its figures are in the table beside it). */
  label: string;
}

let nextId = 0;

interface CanvasNode {
  width: number;
  height: number;
  getContext(type: '2d'): CanvasRenderingContext2D;
  createImage(): HTMLImageElement;
  requestAnimationFrame(callback: () => void): number;
  cancelAnimationFrame(id: number): void;
}

/**
 * weapp: F2 draws on a `<canvas type="2d">` node found by a selector query once the node is
 * laid out; the node's backing store is scaled by the device pixel ratio as WeChat requires.
 */
export function ChartCanvas({ chart, height, label }: ChartCanvasProps) {
  const id = useRef(`fq-chart-${(nextId += 1)}`).current;
  const drawn = useRef<{ canvas: Canvas; height: number } | null>(null);
  const unmounted = useRef(false);

  // A new chart updates the F2 canvas already on the node (charts are keyed by their categories,
  // so a new set of them is drawn afresh); a new height needs the node measured again.
  useEffect(() => {
    const current = drawn.current;
    if (current && current.height === height) {
      current.canvas.update({ children: chart }).catch((error: unknown) => console.warn('[chart] F2 could not draw', error));
      return;
    }
    Taro.nextTick(() => {
      Taro.createSelectorQuery()
        .select(`#${id}`)
        .fields({ node: true, size: true })
        .exec((results: Array<{ node?: CanvasNode; width: number; height: number } | null>) => {
          const found = results[0];
          if (!found?.node || unmounted.current) return;
          const node = found.node;
          const pixelRatio = Taro.getSystemInfoSync().pixelRatio;
          node.width = found.width * pixelRatio;
          node.height = found.height * pixelRatio;
          drawn.current?.canvas.destroy();
          const canvas = new Canvas({
            context: node.getContext('2d'),
            pixelRatio,
            width: found.width,
            height: found.height,
            animate: false,
            children: chart,
            // The node's own methods: detached from it they throw (WeChat binds them to the node).
            createImage: () => node.createImage(),
            requestAnimationFrame: (callback: () => void) => node.requestAnimationFrame(callback),
            cancelAnimationFrame: (frame: number) => node.cancelAnimationFrame(frame),
            offscreenCanvas: Taro.createOffscreenCanvas({ type: '2d' }) as never,
          });
          drawn.current = { canvas, height };
          canvas.render().catch((error: unknown) => console.warn('[chart] F2 could not draw', error));
        });
    });
  }, [chart, height, id]);

  useEffect(
    () => () => {
      unmounted.current = true;
      drawn.current?.canvas.destroy();
      drawn.current = null;
    },
    [],
  );

  return <TaroCanvas id={id} type="2d" className="chart-canvas" style={{ height: `${height}px` }} {...roleProps('img')} aria-label={label} />;
}
