/**
 * Where residents already are (issue 17), in separate browsers: 工商银行康桥支行's clerk raises a
 * check for a customer about to transfer 9万元; 康桥's anti-fraud officer finds it on top of the
 * inbox with the customer's details, answers, and the clerk reads the answer. A newcomer opens a
 * community's contact card (the address its code holds) and registers the community in one tap.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { baseUrl, launchBrowser, newPhonePage, onScreen, screenshot, shown, signInAs, dialog, SCREENSHOT_DIR } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser.close();
});

/** The local stand-in for WeChat's subscription prompt, when it is shown: allow the reminder. */
async function allowReminderIfAsked(page: Page): Promise<void> {
  const confirm = dialog(page, '接收消息提醒').getByRole('button', { name: '允许', exact: true });
  // isVisible() does not wait: give the question a moment to come up before going on without it.
  const asked = await confirm.waitFor({ state: 'visible', timeout: 5000 }).then(
    () => true,
    () => false,
  );
  if (asked) await confirm.click();
}

/**
 * The demo roster has the anti-fraud officer on day shifts (08:00–18:00, one rest day a week); out of
 * those hours a check rightly goes to the duty desk. The district admin, who keeps 康桥's roster, puts
 * her on duty for the next hours, as a station does when a check is expected (refused as an overlap
 * when she is on duty already).
 */
async function putOnDutyNow(browser: Browser, officer: Page): Promise<void> {
  const me = await callAs<{ id: string }>(officer, 'station', 'myOfficerProfile', {});
  const admin = await newPhonePage(browser);
  await signInAs(admin, 'admin-gongshu');
  const beijing = new Date(Date.now() + 8 * 3_600_000);
  const hour = beijing.getUTCHours();
  const pad = (n: number) => String(n).padStart(2, '0');
  const shift = { stationId: 'kangqiao', officerId: me.id, kind: 'community', day: beijing.toISOString().slice(0, 10), start: `${pad(hour)}:00`, end: `${pad((hour + 3) % 24)}:00` };
  await callAs(admin, 'station', 'addShift', shift).catch(() => undefined);
  await admin.close();
}

/** Calls a cloud action from inside the signed-in page (its session cookie goes along). */
async function callAs<T>(page: Page, fn: string, action: string, input: unknown): Promise<T> {
  const answer = await page.evaluate(
    async ({ fn, action, input }) => {
      const response = await fetch(`/__cloud/functions/${fn}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ action, input }) });
      return response.json();
    },
    { fn, action, input },
  );
  if (!answer.ok) throw new Error(`${fn}.${action}: ${JSON.stringify(answer.error)}`);
  return answer.data as T;
}

test('a bank clerk raises a check; the anti-fraud officer sees it on top, answers; the clerk reads the answer', async () => {
  const clerk = await newPhonePage(browser);
  const officer = await newPhonePage(browser);
  await signInAs(clerk, 'partner-bank-kq');
  await signInAs(officer, 'officer-antifraud-kq');
  await putOnDutyNow(browser, officer);

  await clerk.goto(`${baseUrl()}/#/pages/me/index`);
  await shown(clerk, '警银联动').click();
  const form = onScreen(clerk, 'packages/consult/pages/bank-check/index');
  await form.getByText('工商银行康桥支行').first().waitFor();
  await form.locator('input[aria-label="客户准备转多少钱，单位元"]').fill('90000');
  await form.getByText('网站或App里充值', { exact: true }).click();
  await form.getByText('理财群/炒股群', { exact: true }).click();
  await form.locator('input[aria-label="客户姓名（可以不填）"]').fill('吴秀兰');
  await form.locator('input[aria-label="客户电话（可以不填）"]').fill('13812345678');
  await form.getByText('立即请反诈民警核实').click();
  await allowReminderIfAsked(clerk);
  await shown(clerk, /已通知反诈专员/).waitFor();
  await screenshot(clerk, 'bank-check-raised');

  await officer.goto(`${baseUrl()}/#/packages/officer/pages/consult-inbox/index`);
  const inbox = onScreen(officer, 'packages/officer/pages/consult-inbox/index');
  await inbox.getByText(/银行网点求助 \d+ 件/).waitFor();
  // Above every view, with the customer's details for the anti-fraud officer.
  const top = inbox.locator('.bank-check').first();
  await top.getByText('9万元').waitFor();
  await top.getByText('客户：吴秀兰 13812345678').waitFor();
  await screenshot(officer, 'bank-check-inbox');
  await top.click();
  const thread = onScreen(officer, 'packages/officer/pages/consult-thread/index');
  await thread.getByText(/【警银联动】工商银行康桥支行/).first().waitFor();
  await thread.locator('.consult-composer textarea').fill('请稳住客户，我十分钟到');
  await thread.locator('.consult-composer__send').click();
  await thread.getByText('请稳住客户，我十分钟到').first().waitFor();

  // The clerk's own list masks the customer; the answer is in the thread.
  await clerk.goto(`${baseUrl()}/#/packages/consult/pages/bank-check/index`);
  const list = onScreen(clerk, 'packages/consult/pages/bank-check/index');
  await list.getByText('客户：吴** 138****5678').first().waitFor();
  await list.getByText(/反诈专员已回复/).first().click();
  await onScreen(clerk, 'packages/consult/pages/thread/index').getByText('请稳住客户，我十分钟到').first().waitFor();
  await screenshot(clerk, 'bank-check-answered');
});

test('a newcomer opens a community contact card and registers the community in one tap', async () => {
  const officer = await newPhonePage(browser);
  const newcomer = await newPhonePage(browser);
  await signInAs(officer, 'officer-beat-xly');
  await signInAs(newcomer, 'guest');

  // The officer's page draws the card's poster; the code holds this page's address and scene.
  await officer.goto(`${baseUrl()}/#/packages/officer/pages/contact-cards/index`);
  const cards = onScreen(officer, 'packages/officer/pages/contact-cards/index');
  await cards.getByText('西罗园第二社区', { exact: true }).click();
  await cards.locator('.card-poster').getByText('扫码问片警 · 紧急情况请拨打110').waitFor();
  await screenshot(officer, 'contact-card-poster');
  // The same poster as one picture (drawn on a canvas): downloaded on H5, 150-dpi A4.
  const [download] = await Promise.all([officer.waitForEvent('download'), cards.getByRole('button', { name: '下载海报图片' }).click()]);
  expect(download.suggestedFilename()).toBe('西罗园第二社区警民联系卡海报.png');
  const saved = path.join(SCREENSHOT_DIR, 'contact-card-poster-download.png');
  await download.saveAs(saved);
  const png = fs.readFileSync(saved);
  expect(png.subarray(1, 4).toString()).toBe('PNG');
  expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1240, 1754]);
  await cards.getByText('✓ 海报图片已下载：西罗园第二社区警民联系卡海报.png').waitFor();
  const code = await callAs<{ scene: string; scans: number }>(officer, 'directory', 'contactCardCode', { stationId: 'xiluoyuan', communityId: 'xly-2' });

  await newcomer.goto(`${baseUrl()}/#/packages/content/pages/card/index?scene=${encodeURIComponent(code.scene)}`);
  const card = onScreen(newcomer, 'packages/content/pages/card/index');
  await card.getByText('西罗园第二社区').first().waitFor();
  await card.getByText('我住在西罗园第二社区，登记').click();
  await card.getByText(/已登记：您住在西罗园第二社区/).waitFor();
  await screenshot(newcomer, 'contact-card-registered');

  const me = await callAs<{ homeCommunity?: { id: string } }>(newcomer, 'account', 'me', {});
  expect(me.homeCommunity?.id).toBe('xly-2');
  const after = await callAs<{ scans: number }>(officer, 'directory', 'contactCardCode', { stationId: 'xiluoyuan', communityId: 'xly-2' });
  expect(after.scans).toBe(code.scans + 1);
});
