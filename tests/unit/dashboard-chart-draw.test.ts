/**
 * The dashboard's charts drawn the way the weapp build draws them: on a stand-in for WeChat's
 * Canvas 2D node (what `SelectorQuery.fields({ node: true })` hands back), whose context has
 * neither `canvas` nor `resetTransform`, as an older base library may lack them. The recorded
 * drawing is checked against the figures: the backing store is scaled by the pixel ratio, one bar
 * per day as tall as its count, the numbers written on the bars, the previous period dashed.
 */
import { comparisonChart, rankingChart, valueTicks } from '../../src/packages/figures/components/chart/comparison-chart';
import { drawChart } from '../../src/packages/figures/components/chart/draw-chart';
import { MiniProgramCanvasPlatform } from '../../src/packages/figures/components/chart/mini-program-platform';

/** The Canvas 2D methods the stand-in has; anything else Chart.js calls fails the test. */
const METHODS = ['save', 'restore', 'beginPath', 'closePath', 'moveTo', 'lineTo', 'rect', 'arc', 'fill', 'stroke', 'fillRect', 'strokeRect', 'clearRect', 'fillText', 'strokeText', 'setLineDash', 'getLineDash', 'setTransform', 'transform', 'translate', 'rotate', 'scale', 'clip', 'quadraticCurveTo', 'bezierCurveTo', 'ellipse', 'drawImage'];

interface Call {
  name: string;
  args: unknown[];
  fillStyle: unknown;
  font: unknown;
}

function weappCanvasNode() {
  const calls: Call[] = [];
  const state: Record<string, unknown> = { fillStyle: '#000000', font: '10px sans-serif' };
  const context: Record<string, unknown> = {};
  for (const name of METHODS) context[name] = (...args: unknown[]) => calls.push({ name, args, fillStyle: state.fillStyle, font: state.font });
  context.measureText = (text: string) => ({ width: String(text).length * 8, actualBoundingBoxAscent: 8, actualBoundingBoxDescent: 2 });
  for (const property of ['fillStyle', 'strokeStyle', 'font', 'lineWidth', 'lineCap', 'lineJoin', 'lineDashOffset', 'textAlign', 'textBaseline', 'globalAlpha', 'miterLimit', 'direction', 'imageSmoothingEnabled']) {
    Object.defineProperty(context, property, { get: () => state[property], set: (value) => (state[property] = value), enumerable: true });
  }
  const node = { width: 300, height: 150, getContext: (type: string) => (type === '2d' ? context : null) };
  return { node, calls, context };
}

const WEEK = [
  { label: '11/09', current: 2, previous: 0 },
  { label: '11/10', current: 0, previous: 1 },
  { label: '11/11', current: 3, previous: 0 },
  { label: '11/12', current: 1, previous: 2 },
];

test('a week is drawn on the weapp node: backing store at the pixel ratio, bars as tall as their counts, numbers on them, the previous period dashed', () => {
  const { node, calls, context } = weappCanvasNode();
  const chart = drawChart(node, comparisonChart(WEEK, { elder: false }), { cssWidth: 320, cssHeight: 220, pixelRatio: 3 }, MiniProgramCanvasPlatform);

  // WeChat's Canvas 2D guide: canvas.width = laid-out width × dpr, and drawing scaled by dpr.
  expect([node.width, node.height]).toEqual([960, 660]);
  expect(calls.some((call) => call.name === 'setTransform' && JSON.stringify(call.args) === JSON.stringify([3, 0, 0, 3, 0, 0]))).toBe(true);
  expect(context.canvas).toBe(node);

  // Bars: rectangles filled in this period's colour, one per day with questions, heights 2 : 3 : 1.
  const bars: number[] = [];
  calls.forEach((call, index) => {
    if (call.name !== 'rect') return;
    const fill = calls.slice(index + 1).find((next) => next.name === 'fill' || next.name === 'rect');
    if (fill?.name === 'fill' && fill.fillStyle === '#1a4fa3') bars.push(Math.abs(call.args[3] as number));
  });
  const drawnBars = bars.filter((height) => height > 0.5);
  expect(drawnBars).toHaveLength(3);
  const unit = (drawnBars[0] as number) / 2;
  expect(drawnBars[1]).toBeCloseTo(unit * 3, 0);
  expect(drawnBars[2]).toBeCloseTo(unit * 1, 0);

  // Numbers over the bars (0 too) and the day labels under them, in 12 px in the standard mode.
  const texts = calls.filter((call) => call.name === 'fillText').map((call) => String(call.args[0]));
  expect(texts).toEqual(expect.arrayContaining(['2', '0', '3', '1', '11/09', '11/10', '11/11', '11/12']));
  expect(calls.find((call) => call.name === 'fillText' && call.args[0] === '11/09')?.font).toMatch(/^(normal )?12px /);
  // The previous period: a dashed line.
  expect(calls.some((call) => call.name === 'setLineDash' && JSON.stringify(call.args[0]) === JSON.stringify([6, 4]))).toBe(true);

  chart.destroy();
  // A new chart on the same node starts again from the laid-out size (not the scaled backing store).
  const again = drawChart(node, comparisonChart(WEEK, { elder: true }), { cssWidth: 320, cssHeight: 297, pixelRatio: 2 }, MiniProgramCanvasPlatform);
  expect([node.width, node.height]).toEqual([640, 594]);
  expect(calls.filter((call) => call.name === 'fillText' && call.args[0] === '11/09').at(-1)?.font).toMatch(/^(normal )?18px /);
  again.destroy();
});

test('stations side by side: a horizontal bar per station with a number, none for a station with nothing to measure', () => {
  const { node, calls } = weappCanvasNode();
  const points = [
    { label: '长庆派出所', current: 90 },
    { label: '潮鸣派出所', current: null },
    { label: '康桥派出所', current: 45 },
  ];
  const chart = drawChart(node, rankingChart(points, { elder: false }, (value) => `${value}%`), { cssWidth: 320, cssHeight: 200, pixelRatio: 2 }, MiniProgramCanvasPlatform);
  const texts = calls.filter((call) => call.name === 'fillText').map((call) => String(call.args[0]));
  expect(texts).toEqual(expect.arrayContaining(['长庆派出所', '潮鸣派出所', '康桥派出所', '90%', '45%']));
  expect(texts.filter((text) => text.endsWith('%'))).toHaveLength(2);
  // Widths 90 : 45 (horizontal bars: the rect's width carries the value).
  const barWidths = calls
    .map((call, index) => ({ call, fill: calls.slice(index + 1).find((next) => next.name === 'fill' || next.name === 'rect') }))
    .filter(({ call, fill }) => call.name === 'rect' && fill?.name === 'fill' && fill.fillStyle === '#1a4fa3')
    .map(({ call }) => Math.abs(call.args[2] as number))
    .filter((width) => width > 0.5);
  expect(barWidths).toHaveLength(2);
  expect(barWidths[0]).toBeCloseTo((barWidths[1] as number) * 2, 0);
  chart.destroy();
});

test('the value axis climbs in round steps with room above the tallest bar', () => {
  expect(valueTicks([2, 0, 3, 1])).toEqual([0, 2, 4]);
  expect(valueTicks([])).toEqual([0, 1]);
  expect(valueTicks([80])).toEqual([0, 50, 100]);
  expect(valueTicks([87])).toEqual([0, 50, 100, 150]);
  expect(valueTicks([null, 0])).toEqual([0, 1]);
});
