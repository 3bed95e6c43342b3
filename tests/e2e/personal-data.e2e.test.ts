/**
 * 我的 → 我的数据 in a browser: a new resident (so the demo personas other tests use stay as they
 * are) registers 西罗园第二社区 and asks the hall a question, which 李警官 answers. She sees what is
 * held about her, exports it (two files, downloaded), reads what stays and until when, deletes her
 * account, and on coming back finds a new, empty account. 李警官's thread now shows her as 已注销.
 */
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { baseUrl, button, launchBrowser, newPhonePage, onScreen, screenshot as takeScreenshot, shown, signInAs } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await setClock(null);
  await browser.close();
});

/** The hall desk answers 户籍 questions in its opening hours: the local clock is pinned to 10:00 today (Beijing). */
async function setClock(now: string | null): Promise<void> {
  const response = await fetch(`${baseUrl()}/__local/clock`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ now }) });
  if (!response.ok) throw new Error(`clock: ${response.status}`);
}
const beijingTodayAt10 = () => `${new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10)}T10:00:00+08:00`;

async function screenshot(page: Page, name: string): Promise<void> {
  await page.waitForTimeout(600);
  await takeScreenshot(page, name);
}

/** A cloud call with the page's own session, as the app makes it. */
async function call<T>(page: Page, fn: string, action: string, input: unknown): Promise<T> {
  const response = await page.request.post(`${baseUrl()}/__cloud/functions/${fn}`, { data: { action, input } });
  const body = (await response.json()) as { ok: boolean; data: T; error?: { message: string } };
  if (!body.ok) throw new Error(`${fn}.${action}: ${body.error?.message}`);
  return body.data;
}

/** The officer's view of the thread's last photo, as the app serves it. */
async function officerPhotoUrl(officer: Page, threadId: string): Promise<string> {
  const view = await call<{ messages: { photoUrls: string[] }[] }>(officer, 'consult', 'getThread', { threadId });
  const url = view.messages.flatMap((message) => message.photoUrls).at(-1);
  if (!url) throw new Error('no photo in the thread');
  return url;
}

const MY_DATA = 'packages/content/pages/my-data/index';
const QUESTION = '老人身份证过期了，补办要带什么？我电话13812345678';

test('a resident exports her data, deletes her account, comes back to an empty one; the officer sees 已注销', async () => {
  await setClock(beijingTodayAt10());
  const resident = await newPhonePage(browser);
  const officer = await newPhonePage(browser);
  await signInAs(resident, 'guest');
  await signInAs(officer, 'officer-hall-xly');

  await call(resident, 'account', 'updateProfile', { nickname: '刘奶奶' });
  await call(resident, 'directory', 'bindHomeCommunity', { communityId: 'xly-2', via: 'list' });
  const started = await call<{ kind: string; threadId: string }>(resident, 'consult', 'startThread', { category: 'household', text: QUESTION });
  expect(started.kind).toBe('sent');
  await call(officer, 'consult', 'sendMessage', { threadId: started.threadId, clientId: 'e2e-officer-1', text: '带上户口本，到大厅2号窗口' });

  // A photo in her thread: made smaller in the browser, uploaded through the media function.
  await resident.goto(`${baseUrl()}/#/packages/consult/pages/thread/index?id=${started.threadId}`);
  await shown(resident, '带上户口本，到大厅2号窗口').waitFor();
  const [chooser] = await Promise.all([resident.waitForEvent('filechooser'), shown(resident, '+ 照片').click()]);
  await chooser.setFiles(path.join(__dirname, '../../src/assets/tabbar/feed-active.png'));
  await resident.locator('.photo-picker__image').filter({ visible: true }).first().waitFor();
  await resident.locator('.consult-composer__send').filter({ visible: true }).click();
  await resident.locator('.consult-message--mine .consult-message__photos img, .consult-message--mine img').filter({ visible: true }).first().waitFor();
  const photoUrl = await officerPhotoUrl(officer, started.threadId);
  expect((await fetch(photoUrl)).headers.get('content-type')).toBe('image/jpeg');

  // The officer handling it sees her number masked until he says why he needs it (audited).
  await officer.goto(`${baseUrl()}/#/packages/officer/pages/consult-thread/index?id=${started.threadId}`);
  await shown(officer, '老人身份证过期了，补办要带什么？我电话138****5678').waitFor();
  await shown(officer, '查看完整号码（会记录用途）').click();
  await shown(officer, '联系居民').click();
  await shown(officer, QUESTION).waitFor();
  await screenshot(officer, 'officer-reveal-number');

  // 我的 → 我的数据
  await resident.goto(`${baseUrl()}/#/pages/me/index`);
  await shown(resident, '我的数据').click();
  const page = onScreen(resident, MY_DATA);
  await page.getByText('刘奶奶', { exact: false }).first().waitFor();
  await page.getByText('西罗园第二社区').first().waitFor();
  // Her own words, with the phone number masked as on every list.
  expect(await page.getByText('13812345678').count()).toBe(0);
  await screenshot(resident, 'my-data');

  // Export: two files delivered through cloud storage, downloaded by the browser.
  await button(resident, '导出我的数据').click();
  await shown(resident, '✓ 已导出，请保存文件').waitFor();
  const [download] = await Promise.all([resident.waitForEvent('download'), button(resident, '保存可阅读的文件').click()]);
  expect(download.suggestedFilename()).toMatch(/^我的数据-\d{4}-\d{2}-\d{2}\.txt$/);
  const readable = await (await fetch(download.url())).text();
  expect(readable).toContain('刘奶奶');
  expect(readable).toContain(QUESTION);
  const [jsonDownload] = await Promise.all([resident.waitForEvent('download'), button(resident, '保存 JSON 文件').click()]);
  const json = JSON.parse(await (await fetch(jsonDownload.url())).text()) as { account: { nickname: string }; groups: Record<string, unknown> };
  expect(json.account.nickname).toBe('刘奶奶');
  expect(Object.keys(json.groups)).toEqual(expect.arrayContaining(['account', 'consult']));
  // Served as a download, never as a page on the app's own address.
  const served = await fetch(jsonDownload.url());
  expect(served.headers.get('content-disposition')).toMatch(/^attachment/);
  expect(served.headers.get('x-content-type-options')).toBe('nosniff');

  // Delete: first told what goes and what stays, and until when.
  await button(resident, '注销账号…').click();
  await shown(resident, '注销前请看清楚').waitFor();
  await shown(resident, /问片警的对话：\d+ 条/).waitFor();
  await shown(resident, /您问过的问题里民警的回复：保留到 \d{4}-\d{2}-\d{2}/).waitFor();
  await screenshot(resident, 'my-data-delete-plan');
  await button(resident, '确认注销').click();
  await shown(resident, '账号已注销').waitFor();
  await screenshot(resident, 'my-data-deleted');

  // Coming back: a new, empty account.
  await button(resident, '回到“我的”').click();
  await onScreen(resident, 'pages/me/index').getByText('微信用户').first().waitFor();
  expect(await onScreen(resident, 'pages/me/index').getByText('刘奶奶').count()).toBe(0);
  await shown(resident, '我的数据').click();
  const fresh = onScreen(resident, MY_DATA);
  await fresh.getByText('微信用户', { exact: false }).first().waitFor();
  expect(await fresh.getByText(/^\d+ 条$/).count()).toBe(1); // the account itself, nothing else
  expect(await fresh.getByText('西罗园第二社区').count()).toBe(0);

  // 李警官's thread: the conversation stays with the station, the resident is 已注销.
  await officer.goto(`${baseUrl()}/#/packages/officer/pages/consult-thread/index?id=${started.threadId}`);
  await shown(officer, '已注销').waitFor();
  await shown(officer, '带上户口本，到大厅2号窗口').waitFor();
  expect(await officer.getByText(QUESTION).count()).toBe(0);
  await screenshot(officer, 'my-data-officer-thread');
  // Her photo is gone from storage too.
  expect((await fetch(photoUrl)).status).toBe(404);
});
