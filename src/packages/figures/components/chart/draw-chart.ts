/**
 * Chart.js with only what the dashboard draws (bars, a line with dots, a category and a value
 * axis): registered by hand so the rest of the library (other chart kinds, tooltips, legends,
 * animations' targets) is left out of the subpackage.
 */
import { BarController, BarElement, BasicPlatform, CategoryScale, Chart, LineController, LineElement, LinearScale, PointElement } from 'chart.js';
import { CHART_COLORS, CHART_FONT_FAMILY, type ChartSpec } from './comparison-chart';

let registered = false;

function registerOnce() {
  if (registered) return;
  Chart.register(BarController, BarElement, CategoryScale, LinearScale, LineController, LineElement, PointElement);
  Chart.defaults.font.family = CHART_FONT_FAMILY;
  Chart.defaults.color = CHART_COLORS.text;
  registered = true;
}

/** What Chart.js needs of a canvas: its size in pixels (set to CSS pixels before drawing) and a 2D context. */
export interface CanvasLike {
  width: number;
  height: number;
  getContext(type: '2d'): unknown;
}

/**
 * Draws `spec` on `canvas`, which is `cssWidth` × `cssHeight` CSS pixels on screen. Chart.js reads
 * the chart's size from the canvas, then makes the backing store `pixelRatio` times larger and
 * scales its context to match (its retinaScale), so lines and text stay sharp on the phone.
 * No DOM platform: sizes are given, and the charts take no touch or mouse events.
 */
export function drawChart(canvas: CanvasLike, spec: ChartSpec, size: { cssWidth: number; cssHeight: number; pixelRatio: number }, platform: typeof BasicPlatform = BasicPlatform): Chart<'bar' | 'line', (number | null)[], string> {
  registerOnce();
  canvas.width = Math.max(1, Math.round(size.cssWidth));
  canvas.height = Math.max(1, Math.round(size.cssHeight));
  return new Chart(canvas as unknown as HTMLCanvasElement, { ...spec, options: { ...spec.options, devicePixelRatio: size.pixelRatio }, platform });
}
