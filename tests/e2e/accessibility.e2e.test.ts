/**
 * Issue 7's proof, on every page of the H5 build at a 375-px phone viewport, in the standard
 * mode and in 长辈模式: axe-core finds no serious or critical violation; in elder mode every text
 * is ≥ 18px with line height ≥ 1.3 and contrast ≥ 4.5:1 (3:1 for large text), every control is
 * ≥ 60×60 (44×44 in the standard mode), nothing is clipped sideways and no two controls overlap.
 * Screenshots of every page in both modes go to tests/e2e/screenshots/pages/ (git-ignored);
 * `npm run screenshots` copies the ones the README shows into docs/screenshots/.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { PAGE_CATALOGUE, type CallAction, type CataloguedPage } from './accessibility/page-catalogue';
import { seriousAxeViolations } from './accessibility/axe';
import { elderProblems, standardProblems } from './accessibility/limits';
import { measurePage } from './accessibility/measure';
import { SCREENSHOT_DIR, baseUrl, launchBrowser, shown, signInAs } from './browser';

const ROOT = path.resolve(__dirname, '..', '..');
const SHOTS = path.join(SCREENSHOT_DIR, 'pages');

type Mode = 'standard' | 'elder';
const MODES: Mode[] = ['standard', 'elder'];

let browser: Browser;
const contexts = new Map<string, BrowserContext>();

beforeAll(async () => {
  fs.mkdirSync(SHOTS, { recursive: true });
  browser = await launchBrowser();
});
afterAll(async () => {
  for (const context of contexts.values()) await context.close();
  await browser.close();
});

/** One signed-in phone per persona and mode; elder mode is the resident's stored choice. */
async function phoneFor(persona: string, mode: Mode): Promise<Page> {
  const key = `${persona}:${mode}`;
  let context = contexts.get(key);
  if (!context) {
    context = await browser.newContext({ viewport: { width: 375, height: 812 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'zh-CN' });
    // Taro's H5 storage keeps `{ data }` as JSON under the key.
    await context.addInitScript((choice) => window.localStorage.setItem('fq.elderMode', JSON.stringify({ data: choice })), mode === 'elder' ? 'on' : 'off');
    const page = await context.newPage();
    await signInAs(page, persona);
    await page.close();
    contexts.set(key, context);
  }
  return context.newPage();
}

/** Cloud actions as a persona, over the local cloud's HTTP interface with its sign-in cookie. */
const callAs: CallAction = async (persona, fn, action, input) => {
  const context = await browser.newContext();
  try {
    const signIn = await context.request.post(`${baseUrl()}/__local/sign-in`, { form: { persona, next: '/' }, maxRedirects: 0 });
    if (signIn.status() >= 400) throw new Error(`sign-in as ${persona}: HTTP ${signIn.status()}`);
    const response = await context.request.post(`${baseUrl()}/__cloud/functions/${fn}`, { data: { action, input } });
    return (await response.json()) as unknown;
  } finally {
    await context.close();
  }
};

async function openPage(entry: CataloguedPage, mode: Mode): Promise<Page> {
  const query = entry.prepare ? await entry.prepare(callAs) : entry.query;
  const page = await phoneFor(entry.persona, mode);
  await page.goto(`${baseUrl()}/#/${entry.route}${query ? `?${query}` : ''}`);
  await shown(page, entry.ready).waitFor({ timeout: 20000 });
  await page.waitForLoadState('networkidle');
  // Skeletons fade out; wait until nothing animates.
  await page.waitForTimeout(300);
  return page;
}

test('the catalogue lists every page the app declares', () => {
  const source = fs.readFileSync(path.join(ROOT, 'src', 'app.config.ts'), 'utf8');
  const declared = [...source.matchAll(/pages:\s*\[([^\]]*)\]/g)].flatMap((match, index) => {
    const root = index === 0 ? '' : (/root:\s*'([^']+)'[^{}]*$/.exec(source.slice(0, match.index))?.[1] ?? '');
    return [...(match[1] ?? '').matchAll(/'([^']+)'/g)].map((page) => (root ? `${root}/${page[1]}` : page[1]));
  });
  expect(declared.length).toBeGreaterThan(4);
  // A page may be catalogued in several states (the dashboard as a station admin and as 分局).
  expect([...new Set(PAGE_CATALOGUE.map((entry) => entry.route))].sort()).toEqual([...new Set(declared)].sort());
});

describe.each(MODES)('%s mode', (mode) => {
  test.each(PAGE_CATALOGUE.map((entry) => [entry.name, entry] as const))('%s', async (_name, entry) => {
    const page = await openPage(entry, mode);
    try {
      await page.screenshot({ path: path.join(SHOTS, `${entry.name}-${mode}.png`), fullPage: true });
      const axe = await seriousAxeViolations(page);
      const measured = await page.evaluate(measurePage);
      const problems = [...axe, ...(mode === 'elder' ? elderProblems(measured) : standardProblems(measured))];
      expect(problems).toEqual([]);
      expect(measured.texts.length).toBeGreaterThan(0);
    } finally {
      await page.close();
    }
  });
});
