/**
 * Issue 13's browser test for the charts: questions are asked at 西罗园 on three days of a past
 * week (the local cloud's clock moved there and back), the daily timer rolls the days up, and the
 * station admin opens 成效看板, switches to a custom period on the date fields and sees the
 * "每天的提问" chart drawn on its canvas with one bar per day that had questions, as tall as
 * the table beside it says, and the table giving exactly the seeded counts. The 拱墅 district
 * admin then sees the district's stations side by side.
 */
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { addDays } from '@domain/dashboard/figures';
import { SCREENSHOT_DIR, baseUrl, launchBrowser, newPhonePage, onScreen, screenshot, shown, signInAs } from './browser';

jest.setTimeout(180_000);

const DASHBOARD = 'packages/figures/pages/dashboard/index';
const DAY_MS = 86_400_000;

/** Beijing's today, and the Monday three weeks before this week's (a week no other test writes in). */
function seededWeek(): { monday: string; sunday: string } {
  const today = new Date(Date.now() + 8 * 3_600_000);
  const weekday = (today.getUTCDay() + 6) % 7;
  const monday = new Date(today.getTime() - (weekday + 21) * DAY_MS).toISOString().slice(0, 10);
  return { monday, sunday: addDays(monday, 6) };
}

/** Questions asked per day of the seeded week (Monday first). */
const ASKED = [2, 0, 3, 0, 1, 0, 0];

async function setServerClock(now: string | null): Promise<void> {
  const response = await fetch(`${baseUrl()}/__local/clock`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ now }) });
  if (!response.ok) throw new Error(`the local cloud refused the clock (${response.status}): is LOCAL_CLOUD_CLOCK_CONTROL=1 set?`);
}

type Envelope<T> = { ok: boolean; data?: T; error?: { code: string; message: string } };

async function callAs<T>(browser: Browser, persona: string, fn: string, action: string, input: Record<string, unknown>): Promise<T> {
  const context = await browser.newContext();
  try {
    const signIn = await context.request.post(`${baseUrl()}/__local/sign-in`, { form: { persona, next: '/' }, maxRedirects: 0 });
    if (signIn.status() >= 400) throw new Error(`sign-in as ${persona}: HTTP ${signIn.status()}`);
    const response = await context.request.post(`${baseUrl()}/__cloud/functions/${fn}`, { data: { action, input } });
    const envelope = (await response.json()) as Envelope<T>;
    if (!envelope.ok) throw new Error(`${fn}.${action} as ${persona}: ${envelope.error?.code} ${envelope.error?.message}`);
    return envelope.data as T;
  } finally {
    await context.close();
  }
}

async function rollUpUntilDone(): Promise<void> {
  for (let run = 0; run < 60; run += 1) {
    const response = await fetch(`${baseUrl()}/__local/timers/dashboard/rollUpDailyStats`, { method: 'POST' });
    const envelope = (await response.json()) as Envelope<{ done: boolean }>;
    if (!envelope.ok) throw new Error(`rollUpDailyStats: ${envelope.error?.code} ${envelope.error?.message}`);
    if (envelope.data?.done) return;
  }
  throw new Error('the daily timer did not catch up in 60 runs');
}

/**
 * The bars of a chart's canvas: runs of columns holding the bar colour (#1a4fa3), each with its
 * height in canvas pixels; and how many pixels are drawn at all (not blank).
 */
function barsOf(canvas: HTMLCanvasElement): { drawn: number; bars: { left: number; height: number }[] } {
  const context = canvas.getContext('2d') as CanvasRenderingContext2D;
  const { width, height } = canvas;
  const pixels = context.getImageData(0, 0, width, height).data;
  let drawn = 0;
  const columnHeights: number[] = [];
  for (let x = 0; x < width; x += 1) {
    let count = 0;
    for (let y = 0; y < height; y += 1) {
      const at = (y * width + x) * 4;
      if ((pixels[at + 3] as number) > 0) drawn += 1;
      if (Math.abs((pixels[at] as number) - 0x1a) < 6 && Math.abs((pixels[at + 1] as number) - 0x4f) < 6 && Math.abs((pixels[at + 2] as number) - 0xa3) < 6) count += 1;
    }
    columnHeights.push(count);
  }
  const bars: { left: number; height: number }[] = [];
  columnHeights.forEach((count, x) => {
    const last = bars.at(-1);
    if (count === 0) return;
    if (last && columnHeights[x - 1] !== 0) last.height = Math.max(last.height, count);
    else bars.push({ left: x, height: count });
  });
  return { drawn, bars: bars.filter((bar) => bar.height > 2) };
}

let browser: Browser;
const week = seededWeek();

beforeAll(async () => {
  browser = await launchBrowser();
  // Questions asked on three days of the seeded week, each at 10:00 Beijing time.
  try {
    for (const [index, count] of ASKED.entries()) {
      if (count === 0) continue;
      await setServerClock(`${addDays(week.monday, index)}T10:00:00+08:00`);
      for (let n = 0; n < count; n += 1) {
        await callAs(browser, 'resident-xly2', 'consult', 'startThread', { category: n % 2 ? 'household' : 'exitEntry', text: `请问第${index + 1}天的第${n + 1}个问题：办证要带什么材料？` });
      }
    }
  } finally {
    await setServerClock(null);
  }
  await rollUpUntilDone();
});

afterAll(async () => {
  await browser?.close();
});

async function openDashboard(persona: string): Promise<Page> {
  const page = await newPhonePage(browser);
  await signInAs(page, persona);
  await page.goto(`${baseUrl()}/#/${DASHBOARD}`);
  return page;
}

test('the station admin picks a custom week and sees its questions drawn as bars that agree with the table and the seeded questions', async () => {
  const page = await openDashboard('admin-xly');
  const screen = onScreen(page, DASHBOARD);
  await shown(page, '趋势图').waitFor({ timeout: 20_000 });

  await screen.getByRole('radio', { name: '自定义' }).click();
  await screen.getByLabel('开始日期').fill(week.monday);
  await screen.getByLabel('结束日期').fill(week.sunday);
  await shown(page, `本期 ${week.monday} 至 ${week.sunday}`).waitFor({ timeout: 20_000 });
  expect(await screen.getByText(/还在汇总/).count()).toBe(0);

  const table = screen.getByRole('table', { name: '每天的提问（按天）：数字' });
  const rows = table.getByRole('row');
  await rows.nth(7).waitFor();
  expect(await rows.count()).toBe(8);
  for (const [index, count] of ASKED.entries()) {
    const cells = await rows.nth(index + 1).getByRole('cell').allInnerTexts();
    // Columns: this period's count, the previous period's day, its count (nothing was asked then).
    expect(cells).toEqual([String(count), expect.stringContaining(String(Number(addDays(week.monday, index - 7).slice(8, 10)))), '0']);
  }

  // The chart beside it: drawn (not blank), one bar per day with questions, heights in the table's proportions.
  const canvas = screen.locator('canvas[aria-label^="每天的提问"]');
  await canvas.waitFor();
  // F2 draws on the next animation frame after the chart is handed over.
  await page.waitForFunction(
    (label) => {
      const element = Array.from(document.querySelectorAll('canvas')).find((found) => found.getAttribute('aria-label')?.startsWith(label)) as HTMLCanvasElement | undefined;
      const pixels = element?.getContext('2d')?.getImageData(0, 0, element.width, element.height).data;
      return pixels !== undefined && pixels.some((value, index) => index % 4 === 3 && value > 0);
    },
    '每天的提问',
    { timeout: 10_000 },
  );
  const { drawn, bars } = await canvas.evaluate(barsOf);
  expect(drawn).toBeGreaterThan(1000);
  const asked = ASKED.filter((count) => count > 0);
  expect(bars).toHaveLength(asked.length);
  const unit = (bars[0] as { height: number }).height / (asked[0] as number);
  bars.forEach((bar, index) => expect(Math.abs(bar.height - unit * (asked[index] as number))).toBeLessThan(unit * 0.1 + 3));
  // Left to right in day order: Monday's bar first, Friday's last.
  expect(bars.map((bar) => bar.left)).toEqual([...bars.map((bar) => bar.left)].sort((a, b) => a - b));

  // The category table adds up to the same questions.
  const categories = screen.getByRole('table', { name: '本期提问的类别：数字' });
  const counts = await categories.getByRole('row').evaluateAll((found) => found.slice(1).map((row) => Number(row.querySelectorAll('[role="cell"]')[0]?.textContent)));
  expect(counts.reduce((sum, count) => sum + count, 0)).toBe(ASKED.reduce((sum, count) => sum + count, 0));
  await screenshot(page, 'officer-dashboard-charts');
  await screen.locator('.chart-figure').first().screenshot({ path: path.join(SCREENSHOT_DIR, 'officer-dashboard-chart-questions.png') });
  await page.context().close();
});

test('the district admin sees the district\'s stations side by side, chart and table alike', async () => {
  const page = await openDashboard('admin-gongshu');
  const screen = onScreen(page, DASHBOARD);
  await shown(page, '各所成效对比').waitFor({ timeout: 20_000 });
  const table = screen.getByRole('table', { name: '各所提问数：数字' });
  await table.waitFor({ timeout: 20_000 });
  const stations = await table.getByRole('rowheader').allInnerTexts();
  expect(stations.length).toBeGreaterThanOrEqual(5);
  expect(stations).toEqual(expect.arrayContaining(['长庆派出所', '半山派出所']));

  await screen.getByRole('radio', { name: '按时回复率' }).click();
  await screen.getByRole('table', { name: '各所按时回复率：数字' }).waitFor();
  const canvas = screen.locator('canvas[aria-label^="各所按时回复率"]');
  await canvas.waitFor();
  await screenshot(page, 'officer-district-comparison');
  await screen.locator('.chart-figure').first().screenshot({ path: path.join(SCREENSHOT_DIR, 'officer-district-comparison-chart.png') });
  await page.context().close();
});
