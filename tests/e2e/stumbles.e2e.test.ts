/**
 * Issue 16 ("what a first-time resident and officer stumbled on"), the items a browser shows,
 * each checked in the H5 build at phone size (the rest have their own specs: booking for 改时间
 * and 停办, forms for the first error and the app's dialogs, consult for a closed thread, feed for
 * pre-ticked chips and the quiz). Screenshots: tests/e2e/screenshots/stumbles-*.png.
 */
import type { Browser, Page } from 'playwright-core';
import { baseUrl, elderPhone as elderPhoneOf, launchBrowser, newPhonePage, onScreen, screenshot, signInAs } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser.close();
});

const elderPhone = (persona: string): Promise<Page> => elderPhoneOf(browser, persona);

/** The element's box lies inside the screen, clear of the tab bar at the bottom. */
const inView = (page: Page, selector: string) =>
  page.evaluate((css) => {
    const element = Array.from(document.querySelectorAll<HTMLElement>(css)).find((candidate) => candidate.getClientRects().length > 0);
    if (!element) return 'missing';
    const box = element.getBoundingClientRect();
    const tabBar = document.querySelector('.weui-tabbar')?.getBoundingClientRect();
    const bottom = tabBar && tabBar.height > 0 ? tabBar.top : window.innerHeight;
    return box.top >= 0 && box.bottom <= bottom + 1 ? 'in view' : `at ${Math.round(box.top)}–${Math.round(box.bottom)}, screen ends at ${Math.round(bottom)}`;
  }, selector);

test('长辈模式: the booking step’s 下一步 is on screen as soon as a service is chosen, without scrolling', async () => {
  const page = await elderPhone('resident-xly2');
  await page.goto(`${baseUrl()}/#/packages/booking/pages/book/index?stationId=xiluoyuan`);
  const flow = onScreen(page, 'packages/booking/pages/book/index');
  const service = flow.getByRole('radio').first();
  await service.waitFor();
  await service.click();
  expect(await page.evaluate(() => window.scrollY)).toBe(0);
  expect(await inView(page, '.action-bar')).toBe('in view');
  await screenshot(page, 'stumbles-elder-next-in-view');
  await page.context().close();
});

test('长辈模式: phone numbers are never split across lines', async () => {
  const page = await elderPhone('resident-xly2');
  await page.goto(`${baseUrl()}/#/pages/booking/index`);
  await onScreen(page, 'pages/booking/index').locator('.station-card').first().waitFor();
  const numbers = await page.evaluate(() => {
    const found: { text: string; lines: number }[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent ?? '';
      const match = /\d{3,4}-\d{4}\s?\d{4}|1\d{2}\s?\d{4}\s?\d{4}/.exec(text);
      if (!match || (node.parentElement?.getClientRects().length ?? 0) === 0) continue;
      const range = document.createRange();
      range.setStart(node, match.index);
      range.setEnd(node, match.index + match[0].length);
      const tops = new Set(Array.from(range.getClientRects()).map((rect) => Math.round(rect.top)));
      found.push({ text: match[0], lines: tops.size });
    }
    return found;
  });
  expect(numbers.length).toBeGreaterThan(0);
  for (const number of numbers) expect(number).toEqual({ text: number.text, lines: 1 });
  await screenshot(page, 'stumbles-elder-phone-numbers');
  await page.context().close();
});

test('H5: a sub-page has a title bar with its own title and a way back; opened from a link, the way home', async () => {
  const page = await newPhonePage(browser);
  await signInAs(page, 'resident-xly2');
  // Opened straight from a link: nothing to go back to, so the bar offers 首页.
  await page.goto(`${baseUrl()}/#/packages/content/pages/about/index`);
  const about = onScreen(page, 'packages/content/pages/about/index');
  await about.getByRole('heading', { level: 1, name: '关于与隐私' }).waitFor();
  await about.getByRole('button', { name: '回到首页' }).click();
  await onScreen(page, 'pages/feed/index').waitFor();
  // From the 预约 tab: the bar says 返回 and goes back there; the title is the page's own, not the last page's.
  await page.goto(`${baseUrl()}/#/pages/booking/index`);
  await onScreen(page, 'pages/booking/index').getByText('我的预约', { exact: true }).click();
  const mine = onScreen(page, 'packages/booking/pages/mine/index');
  await mine.getByRole('heading', { level: 1 }).waitFor();
  expect(await mine.getByRole('heading', { level: 1 }).innerText()).toBe('我的预约');
  await screenshot(page, 'stumbles-back-bar');
  await mine.getByRole('button', { name: '返回上一页' }).click();
  await onScreen(page, 'pages/booking/index').waitFor();
  await page.context().close();
});

test('关于与隐私 says nothing is "opening later" that is live', async () => {
  const page = await newPhonePage(browser);
  await signInAs(page, 'resident-xly2');
  await page.goto(`${baseUrl()}/#/packages/content/pages/about/index`);
  const about = onScreen(page, 'packages/content/pages/about/index');
  await about.getByRole('heading', { level: 1, name: '关于与隐私' }).waitFor();
  const text = await about.innerText();
  expect(text).not.toMatch(/即将|以后开放|稍后开放|后续开放|暂未开放|敬请期待|尚未开通/);
  await page.context().close();
});

test('an invite code with letters the generator never issues is told exactly what is wrong, in Chinese', async () => {
  const page = await newPhonePage(browser);
  await signInAs(page, 'guest');
  await page.goto(`${baseUrl()}/#/pages/me/index`);
  const me = onScreen(page, 'pages/me/index');
  await me.getByText('我是民警').click();
  // 我是民警 is its own page in the officer subpackage.
  const join = onScreen(page, 'packages/officer/pages/join/index');
  await join.locator('input[placeholder="8位字母或数字"]').fill('ABCD0IOL');
  await join.locator('input[placeholder="例如 赵文龙（同事看到）"]').fill('冯志远');
  await join.locator('input[placeholder="印在警民联系牌上的工作号码"]').fill('13800138000');
  await join.locator('taro-button-core', { hasText: '登记' }).click();
  const message = join.getByText(/邀请码里不会有“0、I、O、L”/);
  await message.waitFor();
  // The box itself has focus and is described by that message, which sits right under it.
  await page.waitForFunction(() => document.activeElement?.getAttribute('placeholder') === '8位字母或数字' && document.activeElement.getAttribute('aria-invalid') === 'true');
  await screenshot(page, 'stumbles-invite-code-letters');
  await page.context().close();
});

test('malformed input is refused in Chinese, never with valibot’s English', async () => {
  const page = await newPhonePage(browser);
  await signInAs(page, 'resident-xly2');
  const answers = await page.evaluate(async () => {
    const call = async (fn: string, action: string, input: unknown) => {
      const response = await fetch(`/__cloud/functions/${fn}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ action, input }) });
      return (await response.json()) as { ok: boolean; error?: { message: string; fields?: Record<string, string> } };
    };
    return Promise.all([
      call('booking', 'reserve', {}),
      call('booking', 'reserve', { slotId: 42, extra: true }),
      call('consult', 'startThread', { category: 'nope', text: 5 }),
      call('account', 'redeemInvite', { code: null }),
    ]);
  });
  for (const answer of answers) {
    expect(answer.ok).toBe(false);
    const texts = [answer.error?.message ?? '', ...Object.values(answer.error?.fields ?? {})];
    for (const text of texts) {
      expect(text).toMatch(/\p{Script=Han}/u);
      expect(text).not.toMatch(/Invalid|Expected|received/);
    }
  }
  await page.context().close();
});

test('the 110 prompt after an emergency text has its 拨打 110 button on screen, above the tab bar', async () => {
  const page = await elderPhone('resident-xly2');
  await page.goto(`${baseUrl()}/#/pages/consult/index`);
  const form = onScreen(page, 'pages/consult/index');
  await form.getByRole('textbox', { name: '您的问题' }).waitFor();
  await form.getByRole('button', { name: '治安求助', exact: true }).click();
  await form.getByRole('textbox', { name: '您的问题' }).fill('有人正在砸我家的门，还拿着刀');
  await form.locator('taro-button-core', { hasText: '先看看会交给谁' }).click();
  await form.locator('.consult-page__result .emergency-alert__call').waitFor();
  await page.waitForTimeout(800);
  expect(await inView(page, '.consult-page__result .emergency-alert__call')).toBe('in view');
  await screenshot(page, 'stumbles-110-in-view');
  await page.context().close();
});

test('长辈模式 home shows every unexpired urgent alert, and an alert’s 我已知晓 is on screen without scrolling', async () => {
  const officer = await newPhonePage(browser);
  await signInAs(officer, 'officer-beat-xly');
  const titles = ['紧急：冒充燃气公司上门收“检测费”', '紧急：冒充社保局电话称医保卡停用'];
  for (const title of titles) {
    const answer = await officer.evaluate(async (draftTitle) => {
      const draft = {
        kind: 'alert',
        title: draftTitle,
        summary: '这是一条测试用的紧急预警摘要，提醒居民提高警惕。',
        body: ['有人冒充工作人员，要求居民转账或付费。'],
        tips: ['先挂断电话，再拨打官方电话核实'],
        fraudTypes: ['fake-police'],
        audiences: ['elderly'],
        target: { scope: 'station' },
        urgent: true,
        pinHours: 24,
        images: [],
      };
      const response = await fetch('/__cloud/functions/feed', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ action: 'publishArticle', input: { stationId: 'xiluoyuan', draft } }) });
      return (await response.json()) as { ok: boolean; error?: { message: string } };
    }, title);
    expect(answer).toMatchObject({ ok: true });
  }
  await officer.context().close();

  const page = await elderPhone('resident-xly2');
  await page.goto(`${baseUrl()}/#/pages/feed/index`);
  const home = onScreen(page, 'pages/feed/index');
  for (const title of titles) await home.getByText(title).waitFor();
  await screenshot(page, 'stumbles-elder-home-two-alerts');
  await home.getByText(titles[0]!).click();
  const article = onScreen(page, 'packages/content/pages/article/index');
  await article.getByText('我已知晓', { exact: true }).waitFor();
  expect(await page.evaluate(() => window.scrollY)).toBe(0);
  expect(await inView(page, '.action-bar')).toBe('in view');
  await screenshot(page, 'stumbles-elder-ack-in-view');
  await page.context().close();
});
