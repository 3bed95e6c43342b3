/**
 * Issue 5's browser test: 王阿姨 books a 身份证遗失补领 (photo taken at the window) slot at
 * 西罗园派出所 for a family member who needs a wheelchair, sees it in 我的预约 with its QR and
 * 6-digit code, moves it to a later time; 李警官 at the 西罗园 hall desk sees the wheelchair need
 * on today's roster and checks the resident in by typing the code.
 *
 * The roster and check-in are about *today*, so the local cloud's clock (test-only, see
 * local-cloud/clock.ts) is set to a working-day morning: the test behaves the same at any hour.
 */
import type { Browser, Page } from 'playwright-core';
import { DEMO_HALL_CONFIGS } from '@local-cloud/seed/demo-hall-config';
import { baseUrl, button, launchBrowser, newPhonePage, onScreen, screenshot, shown, signInAs, tab, allowReminder, dialog } from './browser';

const DAY_MS = 86_400_000;

/** The next Wednesday (Beijing) that is not a holiday, at 08:40 Beijing time. */
function nextWorkingWednesdayMorning(): { now: string; day: string } {
  const holidays = new Set(DEMO_HALL_CONFIGS.xiluoyuan.holidays.map((holiday) => holiday.day));
  let day = new Date(Date.now() + 8 * 3_600_000 + DAY_MS);
  while (day.getUTCDay() !== 3 || holidays.has(day.toISOString().slice(0, 10))) day = new Date(day.getTime() + DAY_MS);
  const iso = day.toISOString().slice(0, 10);
  return { now: `${iso}T08:40:00+08:00`, day: iso };
}

async function setServerClock(now: string | null): Promise<void> {
  const response = await fetch(`${baseUrl()}/__local/clock`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ now }) });
  if (!response.ok) throw new Error(`the local cloud refused the clock (${response.status}): is LOCAL_CLOUD_CLOCK_CONTROL=1 set?`);
}

/** A new resident signed in over HTTP (the guest persona gets a fresh account each time): its cookie. */
async function newResidentCookie(): Promise<string> {
  const response = await fetch(`${baseUrl()}/__local/sign-in`, { method: 'POST', body: new URLSearchParams({ persona: 'guest', next: '/' }), redirect: 'manual' });
  return (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
}

async function callBooking<T>(cookie: string, action: string, input: unknown): Promise<T> {
  const response = await fetch(`${baseUrl()}/__cloud/functions/booking`, { method: 'POST', headers: { 'content-type': 'application/json', cookie }, body: JSON.stringify({ action, input }) });
  const result = (await response.json()) as { ok: boolean; data: T; error?: { message: string } };
  if (!result.ok) throw new Error(`${action}: ${result.error?.message}`);
  return result.data;
}

/** Today's cell in a calendar strip (by its label, not its position: a click during a page slide could land on a neighbour). */
function todayCell(page: Page, within = '') {
  return page.locator(`${within} .day-grid__cell[data-day="${today.day}"]`.trim()).filter({ visible: true }).first();
}

const settle = (page: Page) => page.waitForTimeout(500); // let Taro's page slide-in finish before a picture

let browser: Browser;
const today = nextWorkingWednesdayMorning();
beforeAll(async () => {
  await setServerClock(today.now);
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser.close();
  await setServerClock(null);
});

test('a resident books an ID-card photo slot for a family member in a wheelchair, reschedules it, and the hall officer checks them in', async () => {
  const resident = await newPhonePage(browser);
  await signInAs(resident, 'resident-xly2');
  await resident.goto(`${baseUrl()}/#/pages/booking/index`);
  await tab(resident, '预约').click();

  // Station: her own comes first.
  await shown(resident, '我所在社区的派出所').waitFor();
  await button(resident, '在这里预约办证').click();

  // Service, with the checklist (on the flow's page: the station card behind it lists the services too).
  await onScreen(resident, 'packages/booking/pages/book/index').getByText('身份证遗失补领', { exact: true }).click();
  await shown(resident, '窗口现场拍照，请穿深色有领上衣').waitFor();
  await settle(resident);
  await screenshot(resident, 'booking-1-service');
  await button(resident, '下一步：选日期').click();

  // Day: today is the first day of the calendar.
  await todayCell(resident).click();
  await shown(resident, `${Number(today.day.slice(5, 7))}月${Number(today.day.slice(8))}日 周三`).waitFor();
  // Slot: 10:00 today (more than the 60-minute change cut-off away, so it can be moved).
  await shown(resident, '10:00').waitFor();
  await screenshot(resident, 'booking-2-slot');
  await shown(resident, '10:00').click();

  // For whom: add a family member (saved for next time).
  await button(resident, '为家人预约').click();
  const form = resident.locator('.form-card').filter({ visible: true });
  await form.locator('input').nth(0).fill('王秀兰');
  await form.locator('input').nth(1).fill('110106194503120029');
  await form.locator('input').nth(2).fill('13800138000');
  await shown(resident, '父母').click();
  await screenshot(resident, 'booking-3-family-member');
  await button(resident, '保存').click();

  // Needs: a wheelchair.
  await shown(resident, '轮椅/无障碍通道').click();
  await button(resident, '下一步：核对信息').click();
  await shown(resident, '王秀兰（父母）').waitFor();
  await screenshot(resident, 'booking-4-review');
  await button(resident, '确认预约').click();
  // The local stand-in for WeChat's subscription prompt.
  await allowReminder(resident);
  await shown(resident, '预约成功').waitFor();
  await button(resident, '查看我的预约').click();

  // 我的预约: the booking with its QR code and 6-digit code.
  await shown(resident, '待办理（1）').waitFor();
  const card = resident.locator('.booking-card').filter({ visible: true }).first();
  await card.locator('.booking-card__when', { hasText: '10:00' }).waitFor();
  await card.getByText('轮椅/无障碍通道').waitFor();
  await card.locator('.check-in-qr').waitFor();
  await settle(resident);
  await screenshot(resident, 'booking-5-mine');

  // Reschedule to 10:30 the same day: the new place is taken before the old one is released, and
  // the check-in code a resident may have written down stays the same.
  const codeBefore = (await card.locator('.booking-card__code').innerText()).trim();
  await button(resident, '改时间').click();
  await todayCell(resident, '.reschedule').click();
  await resident.locator('.reschedule .slot-list__item').filter({ visible: true, hasText: '10:30' }).click();
  await button(resident, '改到 10:30').click();
  await card.locator('.booking-card__when', { hasText: '10:30' }).waitFor();
  const code = (await card.locator('.booking-card__code').innerText()).trim();
  expect(code).toMatch(/^[1-9]\d{5}$/);
  expect(code).toBe(codeBefore);
  // Said on the page (and to a screen reader), not in a toast that fades.
  await resident.locator('[role=status]').filter({ visible: true, hasText: '已改到' }).getByText(/已改到 .*10:30，签到码不变/).waitFor();
  await screenshot(resident, 'booking-6-rescheduled');
  await resident.context().close();

  // The hall officer: today's roster shows the wheelchair need; check-in by the typed code.
  const officer = await newPhonePage(browser);
  await signInAs(officer, 'officer-hall-xly');
  await officer.goto(`${baseUrl()}/#/packages/officer/pages/workbench/index`);
  await shown(officer, '大厅预约名单').click();
  await shown(officer, '10:30（1人）').waitFor();
  const entry = officer.locator('.roster-entry').filter({ visible: true, hasText: '身份证遗失补领' });
  await entry.getByText('轮椅/无障碍通道').waitFor();
  await entry.getByText('待办理').waitFor();
  await settle(officer);
  await screenshot(officer, 'booking-7-roster');

  await officer.locator('.check-in__input input').filter({ visible: true }).first().fill(code);
  await button(officer, '确认签到').click();
  await shown(officer, '✓ 已签到：王*兰').waitFor();
  await entry.getByText('已签到').waitFor();
  await screenshot(officer, 'booking-8-checked-in');
  await officer.context().close();
});

test('a full slot: 王阿姨 joins its waitlist, takes the place held for her, then the hall closes the time and she moves it', async () => {
  // Two neighbours take both places of 14:00 today (身份证遗失补领 has 2 per slot at 西罗园).
  const slotId = `xiluoyuan:idReplacement:${today.day}:1400`;
  const [first, second] = [await newResidentCookie(), await newResidentCookie()];
  const taken = await callBooking<{ id: string }>(first, 'reserve', { slotId, person: { self: true }, needs: { kinds: [] } });
  await callBooking(second, 'reserve', { slotId, person: { self: true }, needs: { kinds: [] } });

  const resident = await newPhonePage(browser);
  await signInAs(resident, 'resident-xly2');
  await resident.goto(`${baseUrl()}/#/pages/booking/index`);
  await shown(resident, '我所在社区的派出所').waitFor();
  await button(resident, '在这里预约办证').click();
  // Inside the booking flow page: the station page being left names the services too.
  const flow = onScreen(resident, 'packages/booking/pages/book/index');
  await flow.getByText('身份证遗失补领', { exact: true }).click();
  await flow.locator('[role=radio][aria-checked=true]', { hasText: '身份证遗失补领' }).waitFor();
  await button(resident, '下一步：选日期').click();
  await flow.locator(`.day-grid__cell[data-day="${today.day}"]`).click();
  await flow.locator('.flow__day-title', { hasText: `${Number(today.day.slice(5, 7))}月${Number(today.day.slice(8))}日 周三` }).waitFor();
  const fullSlot = flow.locator('.slot-list__item', { hasText: '14:00' }).getByText('已约满 · 可候补');
  await fullSlot.waitFor({ timeout: 10_000 }).catch(async (error: Error) => {
    // Say what the server and the screen each believed, so a failure can be told apart from a slow page.
    const server = await callBooking<{ days: Array<{ day: string; slots: Array<{ time: string; left: number }> }> }>(first, 'availability', { stationId: 'xiluoyuan', service: 'idReplacement' });
    const serverSlots = server.days.find((entry) => entry.day === today.day)?.slots.map((slot) => `${slot.time}:${slot.left}`);
    const screenSlots = [await flow.locator('.flow__so-far').innerText(), ...(await flow.locator('.slot-list__item').allInnerTexts())];
    await screenshot(resident, 'booking-9-failed');
    throw new Error(`14:00 not shown as full. Server: ${JSON.stringify(serverSlots)}; screen: ${JSON.stringify(screenSlots)}; ${error.message}`);
  });
  await fullSlot.click();
  await resident.locator('.choice').filter({ visible: true, hasText: '用我自己的身份证办理' }).click();
  await button(resident, '下一步：核对信息').click();
  await shown(resident, '（已约满，登记候补）').waitFor();
  await button(resident, '登记候补').click();
  await allowReminder(resident);
  await shown(resident, '已登记候补，排第1位').waitFor();
  await screenshot(resident, 'booking-9-waitlist-joined');

  // A neighbour cancels: the place is held for 王阿姨 (the offer goes to her outbox).
  await callBooking(first, 'cancel', { bookingId: taken.id });
  await resident.goto(`${baseUrl()}/#/packages/booking/pages/mine/index`);
  await shown(resident, '预约这个名额').waitFor();
  await settle(resident);
  await screenshot(resident, 'booking-10-waitlist-held');
  await button(resident, '预约这个名额').click();
  const card = resident.locator('.booking-card').filter({ visible: true, hasText: '14:00' });
  await card.waitFor();
  await resident.context().close();

  // The hall closes 14:00: both people booked are marked and told.
  const officer = await newPhonePage(browser);
  await signInAs(officer, 'officer-hall-xly');
  await officer.goto(`${baseUrl()}/#/packages/officer/pages/hall-roster/index`);
  const slot = officer.locator('.roster-slot').filter({ visible: true, hasText: '14:00（2人）' });
  const closeButton = slot.getByRole('button', { name: '停办此时段：14:00' });
  await closeButton.click();
  // The app's own dialog (not Taro's showModal): named, focus inside it, a reason box, named buttons;
  // saying no puts focus back on the button that asked.
  const question = dialog(officer, /停办.*14:00 这个时段？/);
  await question.waitFor();
  await officer.waitForFunction(() => document.activeElement?.closest('[role="dialog"]') != null);
  await screenshot(officer, 'booking-10b-close-dialog');
  await question.getByRole('button', { name: '先不停办', exact: true }).click();
  await officer.waitForFunction(() => document.activeElement?.getAttribute('aria-label') === '停办此时段：14:00');
  await closeButton.click();
  await question.getByRole('textbox', { name: '停办原因（可以不写）' }).fill('窗口设备检修');
  await question.getByRole('button', { name: '停办', exact: true }).click();
  await slot.getByText('已停办：窗口设备检修（已通知改约）').first().waitFor();
  await settle(officer);
  await screenshot(officer, 'booking-11-slot-closed');
  await officer.context().close();

  // 王阿姨 sees why and moves to 15:00 even though the usual change cut-off would not matter here.
  const back = await newPhonePage(browser);
  await signInAs(back, 'resident-xly2');
  await back.goto(`${baseUrl()}/#/packages/booking/pages/mine/index`);
  const closedCard = back.locator('.booking-card').filter({ visible: true, hasText: '大厅临时停办这个时间（窗口设备检修）' });
  await closedCard.waitFor();
  await screenshot(back, 'booking-12-closed-notice');
  await button(back, '改时间').click();
  await todayCell(back, '.reschedule').click();
  await back.locator('.reschedule .slot-list__item').filter({ visible: true, hasText: '15:00' }).click();
  await button(back, '改到 15:00').click();
  await back.locator('.booking-card__when', { hasText: '15:00' }).waitFor();
  await back.context().close();
});
