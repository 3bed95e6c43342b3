/**
 * Issue 16's stumbles about forms and confirmations, in 长辈模式 at phone size:
 * - a failed submit moves focus to the first invalid field — the box itself, or its group of
 *   chips — which is marked invalid and described by its error, written beside it, on screen;
 * - confirmations are the app's own dialog (not Taro's showModal): named, large text, named
 *   60-px buttons, focus inside, and back on the control that asked when it closes.
 * Screenshots: tests/e2e/screenshots/forms-*.png.
 */
import type { Browser, Page } from 'playwright-core';
import { seriousAxeViolations } from './accessibility/axe';
import { elderProblems } from './accessibility/limits';
import { measurePage } from './accessibility/measure';
import { baseUrl, dialog, elderPhone as elderPhoneOf, launchBrowser, onScreen, screenshot } from './browser';

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser.close();
});

const elderPhone = (persona: string): Promise<Page> => elderPhoneOf(browser, persona);

interface FocusedField {
  tag: string;
  role: string | null;
  name: string | null;
  invalid: string | null;
  described: string;
  /** The focused control and its error lie inside the screen. */
  onScreen: boolean;
}

/** What has focus now: its name, invalid state, the text it is described by, and whether it is on screen. */
async function focusedField(page: Page): Promise<FocusedField> {
  // Focus moves once the answer is drawn, then the scroll is smooth: wait for an invalid control
  // at rest on screen (the tapped button has focus until then).
  await page
    .waitForFunction(
      () => {
        const element = document.activeElement as HTMLElement | null;
        if (!element || element.getAttribute('aria-invalid') !== 'true') return false;
        const box = element.getBoundingClientRect();
        return box.top >= 0 && box.bottom <= window.innerHeight;
      },
      undefined,
      { timeout: 5000 },
    )
    .catch(() => undefined);
  return page.evaluate(() => {
    const element = document.activeElement as HTMLElement;
    const labelledBy = element.getAttribute('aria-labelledby');
    const name = element.getAttribute('aria-label') ?? (labelledBy ? document.getElementById(labelledBy)?.textContent ?? null : null);
    const described = (element.getAttribute('aria-describedby') ?? '')
      .split(/\s+/)
      .filter(Boolean)
      .map((id) => document.getElementById(id)?.textContent ?? '')
      .join(' ');
    // The control and its error message both lie inside the screen.
    const error = document.getElementById((element.getAttribute('aria-describedby') ?? '').split(/\s+/)[0] ?? '');
    const inside = (node: Element | null) => {
      const box = node?.getBoundingClientRect();
      return box !== undefined && box.top >= 0 && box.bottom <= window.innerHeight;
    };
    return { tag: element.tagName.toLowerCase(), role: element.getAttribute('role'), name, invalid: element.getAttribute('aria-invalid'), described, onScreen: inside(element) && inside(error) };
  });
}

test('问片警 without a category: the category group gets focus, on screen, with its error beside it', async () => {
  const page = await elderPhone('resident-xly2');
  await page.goto(`${baseUrl()}/#/pages/consult/index`);
  const form = onScreen(page, 'pages/consult/index');
  await form.getByRole('textbox', { name: '您的问题' }).waitFor();
  await form.getByRole('textbox', { name: '您的问题' }).fill('楼道里堆满了杂物');
  await form.locator('taro-button-core', { hasText: '发送给片儿警' }).click();
  expect(await focusedField(page)).toEqual({ tag: 'taro-view-core', role: 'group', name: '1. 选一个问题类别', invalid: 'true', described: '请选择问题类别', onScreen: true });
  await screenshot(page, 'forms-consult-first-error-elder');
  // Nothing was asked or sent: no reminder question for a question that cannot go.
  expect(await dialog(page, '接收消息提醒').count()).toBe(0);
  await page.context().close();
});

test('转账前问一问 sent empty: focus on the amount box, described by what to write', async () => {
  const page = await elderPhone('resident-xly2');
  await page.goto(`${baseUrl()}/#/packages/consult/pages/fraud-check/index`);
  const form = onScreen(page, 'packages/consult/pages/fraud-check/index');
  await form.getByRole('button', { name: '请民警帮我核实' }).click();
  const focused = await focusedField(page);
  expect(focused).toMatchObject({ tag: 'input', name: '准备转多少钱，单位元', invalid: 'true', onScreen: true });
  expect(focused.described).toMatch(/\p{Script=Han}/u);
  // Every field the answer names says so beside it, in Chinese.
  const messages = await form.locator('.field-error').allInnerTexts();
  expect(messages.length).toBeGreaterThanOrEqual(3);
  for (const message of messages) expect(message).toMatch(/^[^A-Za-z]*$/);
  await screenshot(page, 'forms-fraud-check-first-error-elder');
  await page.context().close();
});

test('publish with an empty title: focus on the title box, its error beside it', async () => {
  const page = await elderPhone('officer-beat-xly');
  await page.goto(`${baseUrl()}/#/packages/officer/pages/publish/index`);
  const form = onScreen(page, 'packages/officer/pages/publish/index');
  await form.locator('taro-button-core', { hasText: '发布' }).waitFor();
  await form.locator('taro-button-core', { hasText: '发布' }).click();
  const focused = await focusedField(page);
  expect(focused).toMatchObject({ tag: 'input', name: '标题', invalid: 'true', onScreen: true });
  expect(focused.described).toMatch(/标题/);
  await screenshot(page, 'forms-publish-first-error-elder');
  await page.context().close();
});

test("停办's confirmation in 长辈模式: the app's dialog, large and named, focus in and back", async () => {
  const page = await elderPhone('officer-hall-xly');
  await page.goto(`${baseUrl()}/#/packages/officer/pages/hall-roster/index`);
  const closeDay = onScreen(page, 'packages/officer/pages/hall-roster/index').getByRole('button', { name: /^停办这一天：/ });
  await closeDay.click();
  const question = dialog(page, /^停办.*全天？$/);
  await question.waitFor();
  await page.waitForFunction(() => document.activeElement?.closest('[role="dialog"]') != null);
  expect(await page.locator('.taro-modal__foot').count()).toBe(0);
  await page.waitForTimeout(300);
  await screenshot(page, 'forms-close-day-dialog-elder');
  const problems = [...(await seriousAxeViolations(page)), ...elderProblems(await page.evaluate(measurePage))];
  expect(problems).toEqual([]);
  // Escape says no, and focus is back on 停办这一天.
  await page.keyboard.press('Escape');
  await question.waitFor({ state: 'detached' });
  await page.waitForFunction(() => document.activeElement?.getAttribute('aria-label')?.startsWith('停办这一天：') === true);
  await page.context().close();
});

test("H5's reminder question is the app's dialog, large in 长辈模式, asked only when the question will go", async () => {
  const page = await elderPhone('resident-xly2');
  await page.goto(`${baseUrl()}/#/pages/consult/index`);
  const form = onScreen(page, 'pages/consult/index');
  await form.getByRole('textbox', { name: '您的问题' }).waitFor();
  await form.getByRole('button', { name: '纠纷调解', exact: true }).click();
  await form.getByRole('textbox', { name: '您的问题' }).fill('楼上装修太吵了');
  await form.locator('taro-button-core', { hasText: '发送给片儿警' }).click();
  const question = dialog(page, '接收消息提醒');
  await question.waitFor();
  const sizes = await question.evaluate((element) => {
    const content = element.querySelector('.confirm-dialog__content') as HTMLElement;
    const buttons = Array.from(element.querySelectorAll('[role="button"]')) as HTMLElement[];
    return { text: parseFloat(getComputedStyle(content).fontSize), buttons: buttons.map((button) => button.getBoundingClientRect().height) };
  });
  expect(sizes.text).toBeGreaterThanOrEqual(18);
  expect(sizes.buttons).toHaveLength(2);
  for (const height of sizes.buttons) expect(height).toBeGreaterThanOrEqual(60);
  await page.waitForTimeout(300);
  await screenshot(page, 'forms-reminder-dialog-elder');
  await question.getByRole('button', { name: '拒绝', exact: true }).click();
  await question.waitFor({ state: 'detached' });
  await page.context().close();
});
