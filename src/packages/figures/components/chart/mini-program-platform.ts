import { BasicPlatform } from 'chart.js';

/** The Canvas instance a SelectorQuery hands back for `<canvas type="2d">` (WeChat: Canvas). */
export interface CanvasNode {
  width: number;
  height: number;
  getContext(type: '2d'): CanvasRenderingContext2D | null;
}

/**
 * Chart.js on WeChat's Canvas 2D node. Chart.js finds the canvas through `context.canvas` and
 * clears it with `resetTransform()`, both of the HTML canvas standard WeChat's Canvas 2D follows;
 * where a base library lacks either, they are supplied here from the node and `setTransform`.
 * Like BasicPlatform it listens to no events: the chart's figures are in the table beside it.
 */
export class MiniProgramCanvasPlatform extends BasicPlatform {
  override acquireContext(canvas: HTMLCanvasElement): CanvasRenderingContext2D | null {
    const context = (canvas as unknown as CanvasNode).getContext('2d');
    if (!context) return null;
    if (context.canvas !== canvas) Object.defineProperty(context, 'canvas', { value: canvas, configurable: true });
    if (typeof context.resetTransform !== 'function') context.resetTransform = () => context.setTransform(1, 0, 0, 1, 0, 0);
    return context;
  }
}
