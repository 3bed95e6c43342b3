/**
 * Issue 11's browser test: a brand-new station set up through the UI only. The 拱墅 district
 * admin opens 桃源派出所 and invites its admin; the admin imports a community boundary (an
 * overlapping one first, refused with the overlap drawn), sets the hall's hours and two services,
 * and invites a beat officer; the officer registers; the admin gives them the community and a
 * shift. A new resident registers in that community, asks a question — it reaches the new
 * officer's inbox — and books at the new hall. Then the officer is put on leave, and the next
 * question goes where the roster says: the station's duty desk.
 *
 * The day is pinned through the local cloud's clock (test-only) to a Wednesday morning.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { DEMO_BOUNDARIES } from '../../local-cloud/seed/demo-geography';
import { baseUrl, button, launchBrowser, newPhonePage, onScreen, screenshot, shown, signInAs, tab, allowReminder } from './browser';

const DAY_MS = 86_400_000;

// The whole setup is one story through four phones: longer than the default minute.
jest.setTimeout(240_000);

/** The next Wednesday (Beijing), at 10:00 Beijing time. */
function nextWednesdayMorning(): { now: string; day: string } {
  let day = new Date(Date.now() + 8 * 3_600_000 + DAY_MS);
  while (day.getUTCDay() !== 3) day = new Date(day.getTime() + DAY_MS);
  const iso = day.toISOString().slice(0, 10);
  return { now: `${iso}T10:00:00+08:00`, day: iso };
}

async function setServerClock(now: string | null): Promise<void> {
  const response = await fetch(`${baseUrl()}/__local/clock`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ now }) });
  if (!response.ok) throw new Error(`the local cloud refused the clock (${response.status}): is LOCAL_CLOUD_CLOCK_CONTROL=1 set?`);
}

/** A GeoJSON square, written to a temporary file the admin "picks". */
function squareFile(dir: string, name: string, south: number, west: number, size: number): string {
  const ring = [
    [west, south],
    [west + size, south],
    [west + size, south + size],
    [west, south + size],
    [west, south],
  ];
  const file = path.join(dir, name);
  fs.writeFileSync(file, JSON.stringify({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: { name }, geometry: { type: 'Polygon', coordinates: [ring] } }] }));
  return file;
}

const settle = (page: Page) => page.waitForTimeout(600);
const field = (page: Page, label: string) => page.locator(`input[aria-label="${label}"]`).filter({ visible: true }).first();
const action = (page: Page, label: string) => page.locator(`[role="button"][aria-label="${label}"]`).filter({ visible: true }).first();
const choice = (page: Page, label: string, within?: string) =>
  (within ? page.locator('.admin-section', { hasText: within }).filter({ visible: true }) : page).locator('.admin-choice', { hasText: label }).filter({ visible: true }).first();

async function openWorkbenchEntry(page: Page, title: string): Promise<void> {
  await page.goto(`${baseUrl()}/#/packages/officer/pages/workbench/index`);
  await onScreen(page, 'packages/officer/pages/workbench/index').getByText(title, { exact: true }).click();
}

async function redeem(page: Page, code: string, name: string, phone: string): Promise<void> {
  await page.goto(`${baseUrl()}/#/pages/me/index`);
  await shown(page, '我是民警').click();
  await page.locator('input[placeholder="8位字母或数字"]').fill(code);
  await page.locator('input[placeholder="例如 赵文龙（同事看到）"]').fill(name);
  await page.locator('input[placeholder="印在警民联系牌上的工作号码"]').fill(phone);
  await button(page, '登记').click();
  await shown(page, '民警工作台').waitFor();
}

async function ask(page: Page, text: string): Promise<void> {
  await page.goto(`${baseUrl()}/#/pages/consult/index`);
  await onScreen(page, 'pages/consult/index').getByRole('button', { name: '纠纷调解', exact: true }).click();
  await page.locator('textarea').filter({ visible: true }).first().fill(text);
  await button(page, '发送给片儿警').click();
  await allowReminder(page);
}

let browser: Browser;
let fileDir: string;
const today = nextWednesdayMorning();
const stationId = `ty${Date.now().toString(36)}`;

beforeAll(async () => {
  await setServerClock(today.now);
  browser = await launchBrowser();
  fileDir = fs.mkdtempSync(path.join(os.tmpdir(), 'station-setup-'));
});
afterAll(async () => {
  await browser.close();
  await setServerClock(null);
  fs.rmSync(fileDir, { recursive: true, force: true });
});

test('a new station is set up in the app, a resident is routed to its new officer, and leave sends the next question to the duty desk', async () => {
  // 1. The district admin opens the station and invites its admin.
  const district = await newPhonePage(browser);
  await signInAs(district, 'admin-gongshu');
  await openWorkbenchEntry(district, '新建派出所');
  await field(district, '派出所编号（字母或数字）').fill(stationId);
  await field(district, '派出所名称').fill('桃源派出所');
  await field(district, '地址').fill('杭州市拱墅区桃源街道桃源路 8 号');
  await field(district, '值班电话').fill('0571-8702 1199');
  await field(district, '纬度').fill('30.3300');
  await field(district, '经度').fill('120.1200');
  await action(district, '建立派出所').click();
  await shown(district, '已建立 桃源派出所').waitFor();
  await action(district, '生成管理员邀请码').click();
  const adminCode = (await district.locator('.invite-code').filter({ visible: true }).innerText()).trim();
  expect(adminCode).toMatch(/^[2-9A-HJ-NP-Z]{8}$/);
  await screenshot(district, 'station-setup-1-new-station');

  // 2. The admin registers with the code.
  const admin = await newPhonePage(browser);
  await signInAs(admin, 'guest');
  await redeem(admin, adminCode, '孙桂兰', '0571-8702 1198');

  // 3. A post, then a community: an overlapping boundary is refused and drawn; the right one is taken.
  await openWorkbenchEntry(admin, '社区与警务区');
  await shown(admin, '还没有社区').waitFor();
  await field(admin, '警务区名称').fill('桃源警务室');
  await field(admin, '警务区电话（印在警民联系牌上）').fill('0571-8702 1191');
  await action(admin, '保存警务区').click();
  await shown(admin, '已保存 桃源警务室').waitFor();
  await field(admin, '社区名称').fill('桃源里社区');
  await field(admin, '别名（居民写地址时的叫法，用逗号分开）').fill('桃源里,桃源新村');
  await choice(admin, '桃源警务室').click();

  const neighbour = DEMO_BOUNDARIES.find((boundary) => boundary.communityId === 'xly-2')!;
  const overlapping = squareFile(fileDir, 'overlapping.geojson', neighbour.centre.latitude - 0.001, neighbour.centre.longitude - 0.001, 0.004);
  const [firstChooser] = await Promise.all([admin.waitForEvent('filechooser'), action(admin, '导入社区边界（GeoJSON 文件）').click()]);
  await firstChooser.setFiles(overlapping);
  await shown(admin, /边界与西罗园第二社区（约[\d,]+平方米）重叠/).waitFor();
  expect(await admin.locator('.boundary-map__overlap').count()).toBeGreaterThan(0);
  await settle(admin);
  await screenshot(admin, 'station-setup-2-overlap-refused');
  await action(admin, '保存社区').click();
  await shown(admin, /重叠，请修改边界后再导入/).waitFor();

  const own = squareFile(fileDir, 'taoyuan.geojson', 30.33, 120.12, 0.005);
  const [secondChooser] = await Promise.all([admin.waitForEvent('filechooser'), action(admin, '重新选择边界文件（当前：overlapping.geojson）').click()]);
  await secondChooser.setFiles(own);
  await shown(admin, '✓ 边界可以使用：4 个点，没有与相邻社区重叠').waitFor();
  await action(admin, '保存社区').click();
  await shown(admin, '已保存 桃源里社区').waitFor();
  await shown(admin, '没有社区民警：居民的提问会转给警务区同事或值班室。请在“民警管理”里安排。').waitFor();

  // 4. The hall: its two windows (the first is proposed), weekday hours are proposed; two services with their places and windows.
  await openWorkbenchEntry(admin, '大厅设置');
  await field(admin, '窗口1的名称').fill('1号窗口（户籍）');
  await field(admin, '新窗口的名称').fill('2号窗口（户籍）');
  await action(admin, '添加窗口').click();
  await shown(admin, '已添加“2号窗口（户籍）”').waitFor();
  await choice(admin, '身份证到期换领').click();
  await choice(admin, '户口迁移').click();
  // 户口迁移 only at window 2.
  await admin.getByRole('group', { name: '户口迁移：在哪些窗口办理' }).filter({ visible: true }).getByRole('checkbox', { name: '1号窗口（户籍）' }).click();
  await field(admin, '身份证到期换领：每个时段名额').fill('3');
  await field(admin, '周三上午').fill('09:00-12:00');
  await action(admin, '保存大厅设置').click();
  await shown(admin, '大厅设置已保存，居民马上能按新设置预约').waitFor();
  await admin.getByText('办理：身份证到期换领', { exact: true }).filter({ visible: true }).waitFor();
  await admin.getByText('办理：身份证到期换领、户口迁移', { exact: true }).filter({ visible: true }).waitFor();
  await settle(admin);
  await screenshot(admin, 'station-setup-3-hall');

  // 5. A beat officer is invited and registers.
  await admin.goto(`${baseUrl()}/#/packages/officer/pages/workbench/index`);
  await shown(admin, '新建邀请码').waitFor();
  await admin.locator('.chip--interactive', { hasText: '社区民警' }).filter({ visible: true }).first().click();
  await button(admin, '生成邀请码').click();
  const officerCode = (await admin.locator('.invite-fresh__code').filter({ visible: true }).innerText()).trim();
  const officer = await newPhonePage(browser);
  await signInAs(officer, 'guest');
  await redeem(officer, officerCode, '钱志明', '13812340000');

  // 6. The admin gives the officer the community and a 社区 shift today.
  await openWorkbenchEntry(admin, '民警管理');
  await action(admin, '安排钱警官').click();
  await choice(admin, '桃源警务室', '钱警官所在警务区').click();
  await choice(admin, '桃源里社区', '钱警官负责的社区').click();
  await action(admin, '保存钱警官的安排').click();
  await shown(admin, '已保存 钱警官 的安排：桃源里社区').waitFor();

  await openWorkbenchEntry(admin, '值班表');
  const dayLabel = `周三 ${Number(today.day.slice(5, 7))}月${Number(today.day.slice(8, 10))}日`;
  await choice(admin, '钱警官', '排一个班').click();
  await choice(admin, '社区', '排一个班').click();
  await choice(admin, dayLabel, '排一个班').click();
  await action(admin, '排班').click();
  await shown(admin, `已排班：钱警官 ${today.day} 社区 08:00–18:00`).waitFor();
  await shown(admin, /钱警官（社区，到 18:00）/).waitFor();
  await settle(admin);
  await screenshot(admin, 'station-setup-4-roster');

  // 7. A new resident registers in 桃源里社区 and asks: it reaches 钱警官.
  const resident = await newPhonePage(browser);
  await signInAs(resident, 'guest');
  await resident.goto(`${baseUrl()}/#/pages/me/index`);
  await shown(resident, '登记我住的社区').click();
  await resident.locator('input[placeholder="搜社区名字，例如：西罗园"]').filter({ visible: true }).fill('桃源');
  await shown(resident, '桃源里社区').click();
  await button(resident, '确认，我住在这里').click();
  await shown(resident, '警民联系牌').waitFor();

  await ask(resident, '楼下的广场舞音响每天晚上太吵了，想请民警协调');
  await shown(resident, '由 钱警官 回复').waitFor();
  await officer.goto(`${baseUrl()}/#/packages/officer/pages/workbench/index`);
  await shown(officer, '居民提问').click();
  await shown(officer, '楼下的广场舞音响每天晚上太吵了，想请民警协调').waitFor();
  await settle(officer);
  await screenshot(officer, 'station-setup-5-officer-inbox');

  // 8. The resident books at the new hall.
  await resident.goto(`${baseUrl()}/#/pages/booking/index`);
  await tab(resident, '预约').click();
  const card = resident.locator('.station-card', { hasText: '桃源派出所' }).filter({ visible: true }).first();
  await card.locator('taro-button-core', { hasText: '在这里预约办证' }).click();
  const flow = onScreen(resident, 'packages/booking/pages/book/index');
  await flow.getByText('身份证到期换领', { exact: true }).click();
  await button(resident, '下一步：选日期').click();
  await resident.locator(`.day-grid__cell[data-day="${today.day}"]`).filter({ visible: true }).first().click();
  await shown(resident, '14:00').click();
  await shown(resident, '本人').click();
  await button(resident, '下一步：核对信息').click();
  await shown(resident, '1号窗口（户籍）或2号窗口（户籍）').waitFor();
  await button(resident, '确认预约').click();
  await allowReminder(resident);
  await shown(resident, '预约成功').waitFor();

  // 9. 钱警官 goes on leave: the next question goes to the duty desk, and the resident is told why.
  await openWorkbenchEntry(admin, '值班表');
  await choice(admin, '钱警官', '登记请假').click();
  await field(admin, '从哪天（含）').fill(today.day);
  await field(admin, '到哪天（含）').fill(today.day);
  await action(admin, '登记请假').click();
  await shown(admin, `已登记 钱警官 ${today.day} 至 ${today.day} 请假`).waitFor();

  await ask(resident, '小区门口的共享单车堆满了人行道');
  await shown(resident, '由 桃源派出所 值班室 回复').waitFor();
  await shown(resident, /钱警官现在不在岗/).waitFor();
  await settle(resident);
  await screenshot(resident, 'station-setup-6-fallback');

  await Promise.all([district, admin, officer, resident].map((page) => page.context().close()));
});
