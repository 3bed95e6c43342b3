/**
 * Headless Chromium for the e2e tests: Debian's chromium driven by playwright-core (no browser
 * download). CHROMIUM_PATH overrides the binary. Screenshots go to tests/e2e/screenshots/.
 */
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { isStaffRole } from '@domain/roles';
import { DEMO_PERSONAS } from '@local-cloud/seed/demo-data';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export const SCREENSHOT_DIR = path.join(__dirname, 'screenshots');

/** Base URL of the local cloud started by scripts/run-e2e.mjs. */
export function baseUrl(): string {
  const url = process.env.E2E_BASE_URL;
  if (!url) throw new Error('E2E_BASE_URL is not set: run the e2e tests with `npm run test:e2e`');
  return url.replace(/\/+$/, '');
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS,
  });
}

/** A phone-sized page (iPhone 12–14 class), Chinese locale, in its own browser context. */
export async function newPhonePage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    locale: 'zh-CN',
    // Residents and officers are in China: times on screen read as Beijing time.
    timezoneId: 'Asia/Shanghai',
    baseURL: process.env.E2E_BASE_URL,
  });
  return context.newPage();
}

/**
 * A small phone (375 × 812) in 长辈模式, signed in as the persona: the elder-mode specs' resident.
 * Taro's H5 storage keeps `{ data }` as JSON under the key.
 */
export async function elderPhone(browser: Browser, persona: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 375, height: 812 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  await context.addInitScript(() => window.localStorage.setItem('fq.elderMode', JSON.stringify({ data: 'on' })));
  const page = await context.newPage();
  await signInAs(page, persona);
  return page;
}

/** Full-page screenshot at tests/e2e/screenshots/<name>.png. */
export async function screenshot(page: Page, name: string): Promise<string> {
  const file = path.join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/** Signs in on the local sign-in page as a demo persona (see local-cloud/seed/demo-data.ts). */
export async function signInAs(page: Page, persona: string): Promise<void> {
  await page.goto(`${baseUrl()}/__local/sign-in`);
  await page.click(`[data-persona="${persona}"]`);
  // The sign-in page's own address matches any app address: wait to leave it, then for the page
  // the app lands on — officers and admins go on to the workbench (src/state/officer-landing.ts)
  // — so a test's next goto can't race the app's start-up routing.
  await page.waitForURL((url) => !url.pathname.startsWith('/__local/'));
  const role = DEMO_PERSONAS.find((candidate) => candidate.key === persona)?.role;
  await onScreen(page, role && isStaffRole(role) ? 'packages/officer/pages/workbench/index' : 'pages/feed/index').waitFor();
}

/**
 * The page at `route` once it is the one on screen and has stopped sliding in. Until then the page
 * being left is still visible, so a text both pages have (a chip, a service name) could be clicked
 * on the wrong one; and when the slide ends Taro swaps the page's transform for none
 * (`taro_page_stationed`), which can move what is under a click that lands at that moment.
 */
export const onScreen = (page: Page, route: string) => page.locator(`.taro_page.taro_page_stationed[id^="/${route}?"]`).filter({ visible: true });

/** Taro's H5 router keeps visited pages in the DOM, hidden: only look at the page on screen. */
export const shown = (page: Page, text: string | RegExp) => page.getByText(text).filter({ visible: true }).first();
export const button = (page: Page, label: string) => page.locator('taro-button-core', { hasText: label }).filter({ visible: true }).first();
export const tab = (page: Page, label: string) => page.locator('.weui-tabbar__label', { hasText: label });

/**
 * The app's own dialog (askToConfirm), by its title, on the page that has come to rest on screen:
 * every page draws the pending question, and while a page slides in after a tap two are visible.
 */
export const dialog = (page: Page, title: string | RegExp) => page.locator('.taro_page.taro_page_stationed').filter({ visible: true }).getByRole('dialog', { name: title });

/** Answers the app's reminder question (H5 stands in for WeChat's subscription prompt with the app's dialog). */
export async function allowReminder(page: Page): Promise<void> {
  await dialog(page, '接收消息提醒').getByRole('button', { name: '允许', exact: true }).click();
}
