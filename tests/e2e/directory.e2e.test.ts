/**
 * "Who is responsible for me": a new resident binds a home community by typing an address,
 * sees the beat officer's contact plate, previews where a question goes, is told to call 110
 * for an emergency (sending it anyway) — and the officer finds the alert on the workbench.
 */
import type { Browser } from 'playwright-core';
import { baseUrl, button, launchBrowser, newPhonePage, screenshot, shown, signInAs, tab, allowReminder } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser.close());

test('a new resident binds a community by address, sees the beat officer, and learns where a question goes', async () => {
  const page = await newPhonePage(browser);
  await signInAs(page, 'guest');
  await page.goto(`${baseUrl()}/#/pages/me/index`);
  await shown(page, '登记我住的社区').click();

  await shown(page, '输入地址').click();
  await page.locator('input[placeholder="例如：西罗园二区5号楼3单元301"]').filter({ visible: true }).fill('西罗园二区5号楼3单元301');
  await button(page, '查找').click();
  await shown(page, '是 西罗园第二社区 吗？').waitFor();
  await screenshot(page, 'bind-address');
  await button(page, '确认').click();
  const confirmBar = button(page, '确认，我住在这里');
  if (await confirmBar.isVisible().catch(() => false)) await confirmBar.click();

  await shown(page, '警民联系牌').waitFor();
  await shown(page, '赵警官').waitFor();
  await shown(page, '010-6721 0121').waitFor();
  await screenshot(page, 'me-beat-card');

  await tab(page, '问片警').click();
  await shown(page, '纠纷调解').click();
  await page.locator('textarea').filter({ visible: true }).fill('楼上装修太吵了，想请社区民警协调一下');
  await button(page, '先看看会交给谁').click();
  await shown(page, '会交给：').waitFor();
  await shown(page, '西罗园派出所').waitFor();
  await screenshot(page, 'consult-preview');

  await page.locator('textarea').filter({ visible: true }).fill('楼下有人拿刀砍人，快来');
  await button(page, '先看看会交给谁').click();
  await shown(page, '可能是紧急情况').waitFor();
  await shown(page, '拨打 110').waitFor();
  await screenshot(page, 'consult-emergency');
  // The preview stored nothing; sending shows the prompt again (the function reads the text
  // before it keeps anything, after WeChat's reply-notification question) and goes out only
  // when insisted on.
  await button(page, '发送给片儿警').click();
  await allowReminder(page);
  await shown(page, '不是正在发生的危险，仍然发给派出所').click();
  await allowReminder(page);
  await shown(page, /由 .+ 回复/).waitFor();
  await page.context().close();

  // The emergency reached the station: the officers see it on the workbench.
  const officer = await newPhonePage(browser);
  await signInAs(officer, 'officer-duty-xly');
  await officer.goto(`${baseUrl()}/#/pages/me/index`);
  await shown(officer, '民警工作台').click();
  await shown(officer, '紧急提醒（近7天）').waitFor();
  await shown(officer, '楼下有人拿刀砍人，快来').waitFor();
  await officer.waitForTimeout(600); // let the page slide-in finish before the picture
  await screenshot(officer, 'workbench-alert');
  await officer.context().close();
});
