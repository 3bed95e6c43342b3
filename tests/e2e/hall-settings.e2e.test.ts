/**
 * 大厅设置 on a phone: 西罗园's admin sees the hall's three windows, cannot delete the exit-entry
 * window while services use it, adds a 身份证 window and gives it 身份证首次申领, and lets
 * 往来港澳通行证 be done on weekday mornings only. A resident then sees, in the booking flow,
 * which window to go to and when the service is done.
 */
import type { Browser, Page } from 'playwright-core';
import { baseUrl, button, launchBrowser, newPhonePage, onScreen, screenshot, shown, signInAs, tab } from './browser';

const settle = (page: Page) => page.waitForTimeout(600);
const settingsPage = (page: Page) => onScreen(page, 'packages/officer/pages/hall-settings/index');
const box = (page: Page, label: string) => settingsPage(page).getByRole('textbox', { name: label, exact: true });
const act = (page: Page, label: string) => settingsPage(page).getByRole('button', { name: label, exact: true });

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser.close();
});

test('the admin manages the windows and a service keeps shorter hours; the resident sees where and when', async () => {
  const admin = await newPhonePage(browser);
  await signInAs(admin, 'admin-xly');
  await onScreen(admin, 'packages/officer/pages/workbench/index').getByText('大厅设置', { exact: true }).click();

  // The demo hall was set up with its real windows.
  await box(admin, '窗口3的名称').waitFor();
  expect(await box(admin, '窗口1的名称').inputValue()).toBe('1号窗口（户籍，可现场拍照）');
  expect(await box(admin, '窗口3的名称').inputValue()).toBe('3号窗口（出入境）');

  // A window still serving services cannot vanish.
  await act(admin, '删除3号窗口（出入境）').click();
  await settingsPage(admin).getByRole('alert').filter({ hasText: '“3号窗口（出入境）”还在办理“普通护照”' }).waitFor();
  await expect(box(admin, '窗口3的名称').inputValue()).resolves.toBe('3号窗口（出入境）');

  // A new window, given one service.
  await box(admin, '新窗口的名称').fill('4号窗口（身份证）');
  await act(admin, '添加窗口').click();
  await shown(admin, '已添加“4号窗口（身份证）”，请在下面的业务里勾选它办理哪些业务').waitFor();
  const idFirstWindows = settingsPage(admin).getByRole('group', { name: '身份证首次申领：在哪些窗口办理' });
  await idFirstWindows.getByRole('checkbox', { name: '4号窗口（身份证）' }).click();
  await expect(idFirstWindows.getByRole('checkbox', { name: '4号窗口（身份证）' }).getAttribute('aria-checked')).resolves.toBe('true');

  // 往来港澳通行证 on weekday mornings only.
  await settingsPage(admin).getByRole('checkbox', { name: '往来港澳通行证：只在部分时间办理（比大厅短）' }).click();
  await act(admin, '往来港澳通行证只在上午办理').click();
  expect(await box(admin, '往来港澳通行证：周一办理时间').inputValue()).toBe('09:00-12:00');
  expect(await box(admin, '往来港澳通行证：周六办理时间').inputValue()).toBe('');
  await box(admin, '往来港澳通行证：周二办理时间').scrollIntoViewIfNeeded();
  await settle(admin);
  await screenshot(admin, 'hall-settings-1-windows-and-hours');

  await act(admin, '保存大厅设置').click();
  // Afternoon 港澳 bookings, if the demo has any, are listed first and confirmed.
  const saved = shown(admin, /^✓ (大厅设置已保存|已保存)/);
  const confirm = act(admin, '确认保存并通知这些居民');
  await Promise.race([saved.waitFor(), confirm.waitFor()]);
  if (await confirm.isVisible()) await confirm.click();
  await saved.waitFor();

  // Opened again, the page shows what was saved.
  await admin.reload();
  await box(admin, '窗口4的名称').waitFor();
  expect(await box(admin, '窗口4的名称').inputValue()).toBe('4号窗口（身份证）');
  expect(await box(admin, '往来港澳通行证：周五办理时间').inputValue()).toBe('09:00-12:00');
  await settle(admin);
  await screenshot(admin, 'hall-settings-2-saved');

  // The resident sees where to go and when.
  const resident = await newPhonePage(browser);
  await signInAs(resident, 'resident-xly2');
  await resident.goto(`${baseUrl()}/#/pages/booking/index`);
  await tab(resident, '预约').click();
  await shown(resident, '我所在社区的派出所').waitFor();
  await button(resident, '在这里预约办证').click();
  const flow = onScreen(resident, 'packages/booking/pages/book/index');
  await flow.getByText('往来港澳通行证', { exact: true }).click();
  const hkMacau = flow.getByRole('radio', { name: /^往来港澳通行证/ });
  await hkMacau.getByText('办理窗口：3号窗口（出入境）').waitFor();
  await hkMacau.getByText('只在这些时间办理：周一至周五 09:00–12:00').waitFor();
  await expect(flow.getByRole('radio', { name: /^往来台湾通行证/ }).getByText('只在这些时间办理', { exact: false }).count()).resolves.toBe(0);
  await flow.getByRole('radio', { name: /^身份证首次申领/ }).getByText('办理窗口：1号窗口（户籍，可现场拍照）或2号窗口（户籍）或4号窗口（身份证）').waitFor();
  await settle(resident);
  await screenshot(resident, 'hall-settings-3-resident-sees-window');

  await Promise.all([admin, resident].map((page) => page.context().close()));
});
