/**
 * The H5 build served by the local cloud, in headless Chromium at phone size: sign in as a
 * persona, walk every tab, and run the officer-invite flow end to end. Screenshots land in
 * tests/e2e/screenshots/.
 */
import type { Browser } from 'playwright-core';
import { baseUrl, button, launchBrowser, newPhonePage, screenshot, shown, signInAs, tab } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser.close());

test('a visitor who is not signed in is sent to the local sign-in page', async () => {
  const page = await newPhonePage(browser);
  await page.goto(`${baseUrl()}/#/pages/me/index`);
  await page.waitForURL(/__local\/sign-in/);
  await shown(page, '王阿姨').waitFor();
  await screenshot(page, 'sign-in');
  await page.context().close();
});

test('a resident walks every tab and sees the demo data', async () => {
  const page = await newPhonePage(browser);
  await signInAs(page, 'resident-xly2');

  await page.goto(`${baseUrl()}/#/pages/feed/index`);
  await shown(page, '冒充“公安局”').waitFor();
  await screenshot(page, 'feed');

  await tab(page, '预约').click();
  await shown(page, '西罗园派出所').waitFor();
  // 王阿姨 lives in Beijing (丰台): Hangzhou's 长庆 is offered only when she searches for it.
  expect(await page.locator('.station-card', { hasText: '长庆派出所' }).filter({ visible: true }).count()).toBe(0);
  const search = page.locator('input[placeholder="找其他派出所：输入名称或区"]').filter({ visible: true });
  await search.fill('拱墅');
  await shown(page, '长庆派出所').waitFor();
  await search.fill('');
  await screenshot(page, 'booking');

  await tab(page, '问片警').click();
  await shown(page, '紧急情况请拨打 110').waitFor();
  await shown(page, '问问您的片儿警').waitFor();
  await screenshot(page, 'consult');

  await tab(page, '我的').click();
  await shown(page, '王阿姨').waitFor();
  await shown(page, '西罗园第二社区').waitFor();
  await screenshot(page, 'me');

  await tab(page, '反诈').click();
  await shown(page, '守好钱袋子').waitFor();
  await page.context().close();
});

test('a station admin invites an officer, who redeems the code and reaches the workbench', async () => {
  const admin = await newPhonePage(browser);
  // An admin opening the app lands on the workbench.
  await signInAs(admin, 'admin-xly');
  await admin.getByText('新建邀请码').waitFor();
  // The form starts with no kind chosen: the admin says what the newcomer does.
  await admin.locator('.chip--interactive', { hasText: '社区民警' }).filter({ visible: true }).first().click();
  await button(admin, '生成邀请码').click();
  const codeText = admin.locator('.invite-fresh__code');
  await codeText.waitFor();
  const code = (await codeText.innerText()).trim();
  expect(code).toMatch(/^[2-9A-HJ-NP-Z]{8}$/);
  await screenshot(admin, 'officer-workbench');

  const newcomer = await newPhonePage(browser);
  await signInAs(newcomer, 'guest');
  await newcomer.goto(`${baseUrl()}/#/pages/me/index`);
  await newcomer.getByText('我是民警').click();
  await newcomer.locator('input[placeholder="8位字母或数字"]').fill(code);
  await newcomer.locator('input[placeholder="例如 赵文龙（同事看到）"]').fill('冯志远');
  await newcomer.locator('input[placeholder="印在警民联系牌上的工作号码"]').fill('13800138000');
  await button(newcomer, '登记').click();
  await newcomer.getByText('民警工作台').waitFor();
  await newcomer.getByText('西罗园派出所').first().waitFor();
  await screenshot(newcomer, 'me-officer');

  // The admin takes the role back; the newcomer's open 我的 page follows live, without a reload.
  await admin.reload();
  const newcomerRow = admin.locator('.workbench-list__item', { hasText: '微信用户' });
  await newcomerRow.locator('taro-button-core', { hasText: '收回权限' }).click();
  // The app's own dialog: a named dialog with named buttons (not Taro's H5 showModal).
  const dialog = admin.getByRole('dialog', { name: /收回 .* 的民警权限？/ });
  await dialog.getByRole('button', { name: '收回', exact: true }).click();
  await admin.getByText('已收回').waitFor();
  await newcomer.getByText('我是民警').waitFor();
  expect(await newcomer.getByText('民警工作台').count()).toBe(0);

  // The code is spent: a second person gets a clear refusal.
  const late = await newPhonePage(browser);
  await signInAs(late, 'guest');
  await late.goto(`${baseUrl()}/#/pages/me/index`);
  await late.getByText('我是民警').click();
  await late.locator('input[placeholder="8位字母或数字"]').fill(code);
  await late.locator('input[placeholder="例如 赵文龙（同事看到）"]').fill('孔令辉');
  await late.locator('input[placeholder="印在警民联系牌上的工作号码"]').fill('13900139000');
  await button(late, '登记').click();
  await late.getByText('邀请码已被使用').waitFor();

  await Promise.all([admin, newcomer, late].map((page) => page.context().close()));
});
