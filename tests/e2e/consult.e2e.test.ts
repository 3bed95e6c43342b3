/**
 * 问片警 in two browsers at once: 王阿姨 of 西罗园第二社区 asks about 户口迁移, it lands in the
 * 西罗园 hall desk's inbox with the reason shown, 李警官 answers, 王阿姨 sees the answer without
 * reloading, then closes and rates. A second run at night: a general question goes to the duty
 * officer 程警官. "Day" and "night" are pinned through the local cloud's clock (local mode only).
 */
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { baseUrl, launchBrowser, newPhonePage, onScreen, screenshot as takeScreenshot, shown, signInAs, allowReminder } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await setClock(null);
  await browser.close();
});

/** Today (Beijing) at the given hour, as an ISO string. */
function beijingToday(hour: number): string {
  const day = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
  return `${day}T${String(hour).padStart(2, '0')}:00:00+08:00`;
}

/** Lets the page slide-in finish before the picture. */
async function screenshot(page: Page, name: string): Promise<void> {
  await page.waitForTimeout(600);
  await takeScreenshot(page, name);
}

async function setClock(now: string | null): Promise<void> {
  const response = await fetch(`${baseUrl()}/__local/clock`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ now }) });
  if (!response.ok) throw new Error(`clock: ${response.status}`);
}

const PHOTO = path.join(__dirname, '../../src/assets/tabbar/feed-active.png');
const OTHER_PHOTO = path.join(__dirname, '../../src/assets/tabbar/consult-active.png');

/** Picks photos through the page's own picker (a file chooser on H5); each is uploaded before its thumbnail shows. */
async function pickPhotos(page: Page, files: string[]): Promise<void> {
  const add = page.getByRole('button', { name: /^添加照片/ }).filter({ visible: true }).first();
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), add.click()]);
  await chooser.setFiles(files);
  await page.locator(`img[alt="要发的第 ${files.length} 张照片"]`).filter({ visible: true }).first().waitFor();
}

/** A photo in the conversation, by its spoken name, and that it really loaded. */
async function photoShown(page: Page, name: RegExp): Promise<void> {
  const button = page.getByRole('button', { name }).filter({ visible: true }).first();
  await button.waitFor();
  const image = button.locator('img').first();
  await expect(image.evaluate((element) => new Promise<number>((resolve) => { const img = element as HTMLImageElement; if (img.complete) resolve(img.naturalWidth); else img.onload = () => resolve(img.naturalWidth); }))).resolves.toBeGreaterThan(0);
}

async function ask(page: Page, category: string, text: string, photos: string[] = []): Promise<void> {
  await page.goto(`${baseUrl()}/#/pages/consult/index`);
  // The feed has a chip called 其他 too: choose the category on the consult page itself, by its
  // role: the resident's earlier threads (other specs ask too) show the same words as text.
  await onScreen(page, 'pages/consult/index').getByRole('button', { name: category, exact: true }).click();
  await page.locator('textarea').filter({ visible: true }).first().fill(text);
  if (photos.length) await pickPhotos(page, photos);
  await page.locator('taro-button-core', { hasText: '发送给片儿警' }).filter({ visible: true }).first().click();
  await allowReminder(page);
}

async function reply(page: Page, text: string): Promise<void> {
  await page.locator('.consult-composer textarea').filter({ visible: true }).fill(text);
  await page.locator('.consult-composer__send').filter({ visible: true }).click();
}

test('户口迁移 goes to the hall desk, the answer arrives live, the resident closes and rates', async () => {
  await setClock(beijingToday(10));
  const resident = await newPhonePage(browser);
  const officer = await newPhonePage(browser);
  await signInAs(resident, 'resident-xly2');
  await signInAs(officer, 'officer-hall-xly');

  // With a photo of the page in question: the upload's receipt goes with the question.
  await ask(resident, '户籍/身份证', '户口迁移需要带什么材料？', [PHOTO]);
  await shown(resident, '由 西罗园派出所 综合服务大厅 回复').waitFor();
  await shown(resident, '已转给 西罗园派出所 综合服务大厅（户籍/出入境窗口）').waitFor();
  await screenshot(resident, 'consult-resident-sent');

  await officer.goto(`${baseUrl()}/#/packages/officer/pages/workbench/index`);
  await shown(officer, '居民提问').waitFor();
  await screenshot(officer, 'consult-workbench-entry');
  await shown(officer, '居民提问').click();
  await shown(officer, '户口迁移需要带什么材料？').waitFor();
  await screenshot(officer, 'consult-officer-inbox');
  await shown(officer, '户口迁移需要带什么材料？').click();
  await shown(officer, '已转给 西罗园派出所 综合服务大厅（户籍/出入境窗口）').waitFor();
  await photoShown(officer, /发的第 1 张照片/);
  await reply(officer, '王阿姨您好，带上户口本和身份证原件，到大厅 2 号窗口办理。');
  await shown(officer, '王阿姨您好，带上户口本和身份证原件，到大厅 2 号窗口办理。').waitFor();
  await screenshot(officer, 'consult-officer-thread');

  // 王阿姨 allowed a reminder when she asked: WeChat would now show her the reply notice.
  expect(await (await fetch(`${baseUrl()}/__local/outbox`)).text()).toContain('tmpl-consult-reply');
  // No reload on the resident's side: the change signal brings the answer.
  await shown(resident, '王阿姨您好，带上户口本和身份证原件，到大厅 2 号窗口办理。').waitFor({ timeout: 10_000 });
  await shown(resident, '民警已回复，您可以继续问').waitFor();
  await screenshot(resident, 'consult-resident-answered');
  // A follow-up with another photo reaches the officer live, photo and all.
  await pickPhotos(resident, [OTHER_PHOTO]);
  await reply(resident, '这是户口本首页，您看看还缺什么。');
  await shown(officer, '这是户口本首页，您看看还缺什么。').waitFor({ timeout: 10_000 });
  await expect(officer.getByRole('button', { name: /发的第 1 张照片/ }).filter({ visible: true }).count()).resolves.toBe(2);
  await photoShown(officer, /发的第 1 张照片/);
  // The officer sees the read receipt once she has read it.
  await shown(officer, '· 已读').waitFor({ timeout: 10_000 });

  await shown(resident, '问题解决了，结束并评价').click();
  await resident.locator('.rating-panel__star').filter({ visible: true }).nth(4).click();
  await shown(resident, '5 星 · 非常满意').waitFor();
  await resident.locator('.rating-panel__submit').filter({ visible: true }).click();
  await shown(resident, '居民结束了提问，评价 5 星').waitFor();
  await shown(resident, /已结束 · 您的评价 5 星 ★★★★★/).waitFor();
  await screenshot(resident, 'consult-resident-rated');
  await resident.context().close();
  await officer.context().close();
});

test('at night a general question goes to the duty officer, who answers and closes it with an outcome', async () => {
  await setClock(beijingToday(22));
  const resident = await newPhonePage(browser);
  const officer = await newPhonePage(browser);
  await signInAs(resident, 'resident-xly2');
  await signInAs(officer, 'officer-duty-xly');

  await ask(resident, '其他', '小区的消防通道被车堵住了');
  await shown(resident, '由 程警官 回复').waitFor();
  await shown(resident, /赵警官现在不在岗/).waitFor();
  await screenshot(resident, 'consult-night-duty');

  await officer.goto(`${baseUrl()}/#/packages/officer/pages/consult-inbox/index`);
  await shown(officer, '小区的消防通道被车堵住了').waitFor();
  await screenshot(officer, 'consult-night-inbox');

  // 程警官 goes to look, then closes it with what was done; the resident sees the outcome.
  await shown(officer, '小区的消防通道被车堵住了').click();
  await reply(officer, '我现在过去看看，请稍等。');
  await shown(officer, '办结').click();
  await shown(officer, '已上门处理').click();
  await officer.locator('.officer-panel textarea').filter({ visible: true }).fill('已联系车主挪车，通道已畅通');
  await screenshot(officer, 'consult-officer-close');
  await shown(officer, '确认办结').click();
  await shown(officer, /已办结：已上门处理/).waitFor();
  await shown(resident, '程警官 已办结：已上门处理。已联系车主挪车，通道已畅通').waitFor({ timeout: 10_000 });
  await screenshot(resident, 'consult-night-closed');
  await resident.context().close();
  await officer.context().close();
});

test('转账前问一问: the warning signs show at once, and the check goes to the anti-fraud officer as urgent', async () => {
  await setClock(beijingToday(10));
  const resident = await newPhonePage(browser);
  await signInAs(resident, 'resident-xly2');
  await resident.goto(`${baseUrl()}/#/pages/consult/index`);
  await shown(resident, '我的提问').waitFor();
  await screenshot(resident, 'consult-tab');
  await shown(resident, '转账前问一问').click();

  await resident.locator('.fraud-check__amount input').filter({ visible: true }).fill('50000');
  await shown(resident, '对方说的“安全账户”').click();
  await shown(resident, '打电话给我').click();
  // The signs follow what was entered, before anything is sent.
  await shown(resident, '1. 没有“安全账户”').waitFor();
  await shown(resident, '2. 公检法不会打电话办案').waitFor();
  await screenshot(resident, 'fraud-check-form');
  await shown(resident, '请民警帮我核实').click();
  await allowReminder(resident);
  await shown(resident, /已经紧急转给/).waitFor();
  await screenshot(resident, 'fraud-check-sent');
  await shown(resident, '查看民警回复').click();
  await shown(resident, /【转账前核实】我准备转账 50,000 元/).waitFor();
  await resident.context().close();
});
