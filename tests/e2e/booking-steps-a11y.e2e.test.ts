/**
 * The page catalogue sees the booking flow at its first step only. Here 王阿姨 walks every step
 * in 长辈模式 at a 375-px phone — day tiles, slot tiles, for whom, needs, review — and each step
 * is held to the same numbers as every page (axe, text size, contrast, 60×60 targets, no
 * sideways overflow, no overlapping controls). The needs are real checkboxes a screen reader
 * can tick. Screenshots go to tests/e2e/screenshots/pages/booking-flow-<step>-elder.png.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { seriousAxeViolations } from './accessibility/axe';
import { elderProblems } from './accessibility/limits';
import { measurePage } from './accessibility/measure';
import { SCREENSHOT_DIR, baseUrl, elderPhone, launchBrowser, shown } from './browser';

const SHOTS = path.join(SCREENSHOT_DIR, 'pages');

let browser: Browser;
let page: Page;

beforeAll(async () => {
  fs.mkdirSync(SHOTS, { recursive: true });
  browser = await launchBrowser();
  page = await elderPhone(browser, 'resident-xly2');
});
afterAll(async () => {
  await browser.close();
});

/** The step as it is on screen now: a screenshot, then axe and the elder numbers. */
async function checkStep(step: string): Promise<void> {
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(300);
  await page.screenshot({ path: path.join(SHOTS, `booking-flow-${step}-elder.png`), fullPage: true });
  const problems = [...(await seriousAxeViolations(page)), ...elderProblems(await page.evaluate(measurePage))];
  expect(problems).toEqual([]);
}

const visible = (selector: string) => page.locator(selector).filter({ visible: true });

test('every step of the booking flow meets the elder-mode numbers', async () => {
  await page.goto(`${baseUrl()}/#/packages/booking/pages/book/index?stationId=xiluoyuan`);
  const service = visible('[role=radio]').first();
  await service.waitFor({ timeout: 20000 });
  await service.click();
  await expect(service.getAttribute('aria-checked')).resolves.toBe('true');
  await checkStep('service');

  await page.locator('taro-button-core', { hasText: '下一步：选日期' }).filter({ visible: true }).click();
  await shown(page, /第2步/).waitFor();
  // Four tiles a row in elder mode: every open day is a 60×60 target inside the screen.
  const openDay = visible('.day-grid__cell[aria-disabled=false]').first();
  await openDay.waitFor();
  await checkStep('day');

  await openDay.click();
  await shown(page, /第3步/).waitFor();
  await checkStep('slot');

  await visible('.slot-list__item[aria-disabled=false]').first().click();
  await shown(page, /第4步/).waitFor();
  await checkStep('person');

  await visible('[role=radio]').filter({ hasText: '本人' }).click();
  await shown(page, /第5步/).waitFor();
  const wheelchair = visible('[role=checkbox]').filter({ hasText: '轮椅' });
  await expect(wheelchair.getAttribute('aria-checked')).resolves.toBe('false');
  await wheelchair.click();
  await expect(wheelchair.getAttribute('aria-checked')).resolves.toBe('true');
  await checkStep('needs');

  await page.locator('taro-button-core', { hasText: '下一步：核对信息' }).filter({ visible: true }).click();
  await shown(page, /第6步/).waitFor();
  await shown(page, '轮椅/无障碍通道').waitFor();
  await checkStep('review');
});
