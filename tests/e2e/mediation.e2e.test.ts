/**
 * 圆桌调解 across separate phones: 王阿姨's noise question becomes a case; 赵警官 keeps the
 * community's roster, convenes a round table with the other party (李先生, who has no account
 * yet) and three forces; each confirms from their own phone through their pass; both parties
 * confirm the agreement; the cloud's clock moves 7 days, the 回访 reminder goes out, the officer
 * records that it held, the case closes as 化解 and the station's figures count it. Photos: the
 * officer picks two scene photos and removes one before saving, photographs the round table; each
 * shows with its text alternative, to the officer and (the scene) to 王阿姨. Across a boundary,
 * 武林's co-mediator convenes a round table of 潮鸣's case with 东园's roster.
 */
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { DEMO_BOUNDARIES } from '@local-cloud/seed/demo-geography';
import { baseUrl, launchBrowser, newPhonePage, onScreen, screenshot as takeScreenshot, shown, signInAs, allowReminder } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await setClock(null);
  await browser.close();
});

const DAY = 86_400_000;
/** Mid-June of this year: seven days later is the same year, so the year's figures hold both ends. */
const START = new Date(`${new Date().getFullYear()}-06-10T10:00:00+08:00`);

async function setClock(now: Date | null): Promise<void> {
  const response = await fetch(`${baseUrl()}/__local/clock`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ now: now?.toISOString() ?? null }) });
  if (!response.ok) throw new Error(`clock: ${response.status}`);
}

async function runTimer(fn: string, trigger: string): Promise<{ ok: boolean; data?: Record<string, number> }> {
  const response = await fetch(`${baseUrl()}/__local/timers/${fn}/${trigger}`, { method: 'POST' });
  if (!response.ok) throw new Error(`timer: ${response.status}`);
  return (await response.json()) as { ok: boolean; data?: Record<string, number> };
}

async function screenshot(page: Page, name: string): Promise<void> {
  await page.waitForTimeout(600);
  await takeScreenshot(page, name);
}

/** The local stand-in for WeChat's subscription prompt: allow one message. */
async function allowMessage(page: Page): Promise<void> {
  await allowReminder(page);
}

const tap = (page: Page, label: string) => page.getByRole('button', { name: label, exact: true }).filter({ visible: true }).first().click();
/** The native box inside Taro's Input/Textarea (both carry the label). */
const field = (page: Page, label: string) => page.locator(`input[aria-label="${label}"], textarea[aria-label="${label}"]`).filter({ visible: true }).last();

/** This year's figure of the station's 调解成效 card, e.g. ("结案", "2"). */
async function figure(page: Page, label: string): Promise<string> {
  const item = page.locator('.md-figures__item').filter({ visible: true }).filter({ has: page.locator('.md-figures__label', { hasText: new RegExp(`^${label}$`) }) });
  await item.first().waitFor();
  return (await item.first().locator('.md-figures__value').textContent())?.trim() ?? '';
}

const PHOTO = path.join(__dirname, '../../src/assets/tabbar/feed-active.png');
const OTHER_PHOTO = path.join(__dirname, '../../src/assets/tabbar/consult-active.png');

/** Picks photos through the page's own picker (a file chooser on H5) and waits for their thumbnails. */
async function pickPhotos(page: Page, what: string, files: string[]): Promise<void> {
  const add = page.getByRole('button', { name: new RegExp(`^\\+ 添加${what}`) }).filter({ visible: true }).first();
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), add.click()]);
  await chooser.setFiles(files);
  await page.locator(`img[alt="待保存的${what}，第 ${files.length} 张"]`).waitFor();
}

/** A saved photo by its text alternative, and that it really loaded. */
async function photoShown(page: Page, alt: string): Promise<void> {
  const image = page.locator(`img[alt="${alt}"]`).filter({ visible: true }).first();
  await image.waitFor();
  await expect(image.evaluate((element) => new Promise<number>((resolve) => { const img = element as HTMLImageElement; if (img.complete) resolve(img.naturalWidth); else img.onload = () => resolve(img.naturalWidth); }))).resolves.toBeGreaterThan(0);
}

async function openCases(officer: Page): Promise<void> {
  await officer.goto(`${baseUrl()}/#/packages/officer/pages/mediation-cases/index`);
  await onScreen(officer, 'packages/officer/pages/mediation-cases/index').waitFor();
}

test('a noise thread becomes a case, the round table meets, the agreement holds at 回访: 化解', async () => {
  await setClock(START);
  const wang = await newPhonePage(browser);
  const zhao = await newPhonePage(browser);
  const li = await newPhonePage(browser);
  const forces = [await newPhonePage(browser), await newPhonePage(browser), await newPhonePage(browser)];
  await signInAs(wang, 'resident-xly2');
  await signInAs(zhao, 'officer-beat-xly');
  await signInAs(li, 'guest');
  for (const phone of forces) await signInAs(phone, 'guest');

  // The station's figures before.
  await openCases(zhao);
  const closedBefore = Number(await figure(zhao, '结案'));
  const rateBefore = await figure(zhao, '化解率');
  const resolvedBefore = rateBefore === '—' ? 0 : Math.round((Number.parseFloat(rateBefore) / 100) * closedBefore);
  await screenshot(zhao, 'mediation-officer-cases');

  // 王阿姨 asks her beat officer about the noise upstairs.
  await wang.goto(`${baseUrl()}/#/pages/consult/index`);
  // The category chip, not a 纠纷调解 thread of hers from another spec listed under 我的提问.
  await onScreen(wang, 'pages/consult/index').getByRole('button', { name: '纠纷调解', exact: true }).click();
  await wang.locator('textarea').filter({ visible: true }).first().fill('楼上602每天晚上十一点还在跳绳、拖桌子，睡不着，能不能帮忙调解一下？');
  await wang.locator('taro-button-core', { hasText: '发送给片儿警' }).filter({ visible: true }).first().click();
  await allowMessage(wang);
  await wang.waitForURL(/consult\/pages\/thread\/index\?id=/);
  const threadId = new URL(wang.url().replace('/#/', '/')).searchParams.get('id');
  expect(threadId).toBeTruthy();

  // 赵警官 keeps 西罗园第二社区's roster: 居委会, 楼门长, 司法员.
  await zhao.goto(`${baseUrl()}/#/packages/officer/pages/mediation-roster/index`);
  // Choosing the community opens its roster afresh: wait for its answer before typing into it.
  const rosterLoaded = zhao.waitForResponse((response) => response.url().includes('/__cloud/functions/mediation'), { timeout: 5000 }).catch(() => undefined);
  // The community chip by its role: the same words elsewhere on screen took the tap, and the rows went
  // into 西罗园第一社区's full roster as 其他.
  await onScreen(zhao, 'packages/officer/pages/mediation-roster/index').getByRole('button', { name: '西罗园第二社区', exact: true }).click();
  await zhao.locator('[aria-pressed="true"]', { hasText: '西罗园第二社区' }).filter({ visible: true }).first().waitFor();
  await rosterLoaded;
  // 西罗园第一社区 (shown first) has all six forces; 第二社区's own roster is drawn once it says what it lacks.
  await shown(zhao, '还没有：').waitFor();
  // Each person goes into the row the tap added. Filling "the last 姓名" raced the new row's render: 张大爷
  // overwrote 刘主任 in the row above, and the empty new row was dropped at saving.
  const rosterField = (label: string) => zhao.locator(`input[aria-label="${label}"]`).filter({ visible: true });
  for (const [name, phone, building] of [['刘主任', '13700001111', ''], ['张大爷', '13700002222', '5号楼'], ['周司法员', '13700003333', '']]) {
    const row = await rosterField('姓名').count();
    await tap(zhao, '+ 添加一位');
    await rosterField('姓名').nth(row).waitFor();
    await rosterField('姓名').nth(row).fill(name!);
    await rosterField('电话').nth(row).fill(phone!);
    if (building) await field(zhao, '负责的楼').fill(building);
  }
  for (const title of ['居委会 刘主任', '楼门长 张大爷', '司法员 周司法员']) await shown(zhao, title).waitFor();
  await tap(zhao, '保存名单');
  await shown(zhao, '✓ 名单已保存').waitFor();

  // The thread becomes a case.
  await zhao.goto(`${baseUrl()}/#/packages/officer/pages/consult-thread/index?id=${threadId}`);
  await shown(zhao, '楼上602每天晚上十一点还在跳绳').waitFor();
  await tap(zhao, '转为调解');
  await onScreen(zhao, 'packages/officer/pages/mediation-open/index').waitFor();
  await shown(zhao, '噪音扰民').click();
  await field(zhao, '纠纷地点').fill('西罗园二区5号楼3单元');
  await field(zhao, '经过和诉求').fill('王阿姨反映楼上602住户每晚十一点后跳绳、拖动桌椅，影响休息，沟通未果。');
  await field(zhao, '当事人 1 姓名').fill('李先生');
  await field(zhao, '当事人 1 电话').fill('13912345678');
  await field(zhao, '当事人 1 住址').fill('西罗园二区5号楼3单元602');
  // Two scene photos; the second was the wrong one, removed before saving (never attached to the case).
  await pickPhotos(zhao, '现场照片', [PHOTO, OTHER_PHOTO]);
  await zhao.locator('img[alt="待保存的现场照片，第 2 张"]').scrollIntoViewIfNeeded();
  await screenshot(zhao, 'mediation-open-photos');
  await tap(zhao, '删除待保存的现场照片第 2 张');
  await zhao.locator('img[alt="待保存的现场照片，第 2 张"]').waitFor({ state: 'detached' });
  await tap(zhao, '登记并受理');
  await onScreen(zhao, 'packages/officer/pages/mediation-case/index').waitFor();
  await shown(zhao, '已受理').waitFor();
  await photoShown(zhao, '现场照片，第 1 张，共 1 张：西罗园二区5号楼3单元');
  await expect(zhao.locator('img[alt^="现场照片，第 2 张"]').count()).resolves.toBe(0);

  // A round table with both parties and the three forces (tomorrow 19:00 at the 居委会 by default).
  for (const label of ['居委会 刘主任', '楼门长（5号楼） 张大爷', '司法员 周司法员']) await zhao.getByText(label, { exact: true }).filter({ visible: true }).first().click();
  await tap(zhao, '召集并生成邀请');
  await shown(zhao, '第 1 次圆桌调解会').waitFor();
  await shown(zhao, '地点：西罗园第二社区居委会会议室').waitFor();

  // Each invitation is its own pass; the officer sends each one (a card in WeChat, the link here).
  const passOf = async (name: string): Promise<string> => {
    await zhao.locator('taro-button-core', { hasText: `发给${name}` }).filter({ visible: true }).first().click();
    const text = (await zhao.locator(`[data-pass-for="${name}"]`).filter({ visible: true }).textContent()) ?? '';
    const path = /\/packages\/mediation\/pages\/pass\/index\?token=[\w-]+/.exec(text)?.[0];
    if (!path) throw new Error(`no pass link for ${name}: ${text}`);
    return path;
  };
  const invitees: [Page, string][] = [[wang, '王阿姨'], [li, '李先生'], [forces[0]!, '刘主任'], [forces[1]!, '张大爷'], [forces[2]!, '周司法员']];
  const passes = new Map<string, string>();
  for (const [, name] of invitees) passes.set(name, await passOf(name));
  await screenshot(zhao, 'mediation-officer-session');

  // Everyone confirms from their own phone; a force sees this session and nothing of the case file.
  for (const [phone, name] of invitees) {
    await phone.goto(`${baseUrl()}/#${passes.get(name)}`);
    await shown(phone, `${name}，邀请您参加圆桌调解会`).waitFor();
    await shown(phone, '地点：西罗园第二社区居委会会议室').waitFor();
    await tap(phone, '确认参加');
    await allowMessage(phone);
    await shown(phone, '✓ 您已确认参加，开会前一天会提醒您').waitFor();
  }
  await expect(forces[0]!.getByText('跳绳、拖动桌椅').count()).resolves.toBe(0);
  await expect(forces[0]!.getByText('13912345678').count()).resolves.toBe(0);
  await shown(forces[0]!, '当事人 李先生 139****5678').waitFor();
  await screenshot(forces[0]!, 'mediation-pass-force');

  // The round table meets: the officer records it and writes the agreement.
  await zhao.reload();
  await shown(zhao, '第 1 次圆桌调解会').waitFor();
  expect(await zhao.getByText('✓ 确认参加').filter({ visible: true }).count()).toBe(5);
  await field(zhao, '调解记录').fill('双方到场，说开了：李先生家孩子晚上跳绳锻炼，不知道楼下听得这么清楚。');
  await pickPhotos(zhao, '会场照片', [PHOTO]);
  await tap(zhao, '保存这次调解会的记录');
  await shown(zhao, '第 1 次圆桌调解会（已召开）').waitFor();
  await photoShown(zhao, '第 1 次圆桌调解会的照片，第 1 张，共 1 张');
  await zhao.locator('img[alt="第 1 次圆桌调解会的照片，第 1 张，共 1 张"]').scrollIntoViewIfNeeded();
  await screenshot(zhao, 'mediation-officer-photos');
  await field(zhao, '第 1 条').fill('李先生家晚上九点后不再跳绳，桌椅腿加装防滑垫。');
  await tap(zhao, '+ 加一条');
  await field(zhao, '第 2 条').fill('王阿姨有事先找楼门长张大爷转达，不上门争吵。');
  await tap(zhao, '保存协议，请各方确认');
  await shown(zhao, '调解协议（第 1 版）').waitFor();

  // Both parties confirm the agreement in the app: 王阿姨 from 我的调解, 李先生 from his pass.
  await wang.goto(`${baseUrl()}/#/packages/mediation/pages/mine/index`);
  // The case row on 我的调解 itself (while the page opens, the thread she left may still show the words).
  await onScreen(wang, 'packages/mediation/pages/mine/index').getByRole('button', { name: /噪音扰民：/ }).first().click();
  await onScreen(wang, 'packages/mediation/pages/case/index').waitFor();
  await shown(wang, '李先生家晚上九点后不再跳绳').waitFor();
  await photoShown(wang, '现场照片，第 1 张，共 1 张：西罗园二区5号楼3单元');
  await screenshot(wang, 'mediation-party-agreement');
  await tap(wang, '我已阅读，确认协议');
  await shown(wang, '✓ 您已确认这份协议').waitFor();
  await li.goto(`${baseUrl()}/#${passes.get('李先生')}`);
  await tap(li, '查看我的调解案件');
  await onScreen(li, 'packages/mediation/pages/case/index').waitFor();
  await tap(li, '我已阅读，确认协议');
  await shown(li, '已达成协议，待回访').waitFor();

  // The printable agreement.
  await zhao.reload();
  await shown(zhao, '已达成协议，待回访').waitFor();
  // Headless Chromium hands a PDF to a download rather than a viewer: catch the request it opens.
  const [pdfRequest] = await Promise.all([zhao.context().waitForEvent('request', (request) => request.url().includes('.pdf')), tap(zhao, '打开调解协议书（PDF，可打印）')]);
  const bytes = await (await fetch(new URL(pdfRequest.url(), baseUrl()))).arrayBuffer();
  expect(Buffer.from(bytes).subarray(0, 5).toString()).toBe('%PDF-');

  // The officer asks to be reminded; seven days on, the timer reminds him and the case waits in 待回访.
  await tap(zhao, '到期提醒我回访');
  await allowMessage(zhao);
  await shown(zhao, '✓ 到期会提醒您').waitFor();
  await setClock(new Date(START.getTime() + 7 * DAY + 3_600_000));
  const reminders = await runTimer('mediation', 'sendReminders');
  expect(reminders.data?.followUpReminders).toBe(1);
  const outbox = await (await fetch(`${baseUrl()}/__local/outbox`)).text();
  expect(outbox).toContain('tmpl-mediation-followup');
  expect(outbox).toContain('该回访了：噪音扰民');
  await openCases(zhao);
  await shown(zhao, '待回访').click();
  await shown(zhao, '噪音扰民：王阿姨反映楼上602住户每晚').click();
  await onScreen(zhao, 'packages/officer/pages/mediation-case/index').waitFor();
  await shown(zhao, '协议履行良好').click();
  await field(zhao, '回访情况').fill('上门回访，晚上已经安静，两家见面打招呼。');
  await tap(zhao, '记录回访');
  await shown(zhao, '已结案（化解）').waitFor();
  await shown(zhao, '回访：协议履行良好（赵警官）').waitFor();
  await screenshot(zhao, 'mediation-officer-closed');

  // The station's 化解率 counts it.
  await openCases(zhao);
  await zhao.reload();
  expect(Number(await figure(zhao, '结案'))).toBe(closedBefore + 1);
  expect(await figure(zhao, '化解率')).toBe(`${Math.round(((resolvedBefore + 1) / (closedBefore + 1)) * 1000) / 10}%`);
  // The same per community and officer, and for this month (Beijing time by the cloud's clock).
  await tap(zhao, '本月');
  await shown(zhao, `${START.getFullYear()} 年 6 月调解成效`).waitFor();
  expect(Number(await figure(zhao, '结案'))).toBeGreaterThanOrEqual(1);
  await shown(zhao, '西罗园第二社区：受理').waitFor();
  await shown(zhao, '赵警官：受理').waitFor();
  await screenshot(zhao, 'mediation-officer-figures');
  // Seven phones on a 2-core machine shared with other work: the whole round takes a while.
}, 240_000);

async function call<T>(page: Page, fn: string, action: string, input: unknown): Promise<T> {
  const response = await page.request.post(`${baseUrl()}/__cloud/functions/${fn}`, { data: { action, input } });
  const body = (await response.json()) as { ok: boolean; data: T; error?: { message: string } };
  if (!body.ok) throw new Error(`${fn}.${action}: ${body.error?.message}`);
  return body.data;
}

test('across a boundary: 武林’s co-mediator finds 潮鸣’s case among his own and convenes with 东园’s roster', async () => {
  await setClock(null);
  const jin = await newPhonePage(browser);
  const zheng = await newPhonePage(browser);
  await signInAs(jin, 'officer-beat-cm');
  await signInAs(zheng, 'officer-beat-wl');
  // 金警官 keeps 东园's roster and enters a square-dance complaint under the 凤起 interchange, at 武林's edge.
  await call(jin, 'mediation', 'saveRoster', { stationId: 'chaoming', communityId: 'dongyuan', members: [{ force: 'committee', name: '东园 陈书记', phone: '13757101301' }, { force: 'residentRep', name: '沈阿姨' }] });
  const dongyuan = DEMO_BOUNDARIES.find((boundary) => boundary.communityId === 'dongyuan')!;
  const east = Math.max(...dongyuan.outer.map((point) => point.longitude));
  const opened = await call<{ id: string; mediators: string[] }>(jin, 'mediation', 'openCase', {
    source: 'walkIn',
    communityId: 'dongyuan',
    category: 'noise',
    place: { text: '凤起立交桥下广场', location: { latitude: dongyuan.centre.latitude, longitude: east - 0.0003 } },
    description: '两支广场舞队晚上音响太响，桥两边的居民都来反映。',
    parties: [{ name: '投诉居民 赵先生' }, { name: '广场舞队 林阿姨' }],
  });
  expect(opened.mediators).toEqual(['潮鸣派出所 金警官', '武林派出所 郑警官（协同调解）']);

  // 郑警官 sees it under 我的 at his own station, opens it and convenes with the host community's roster.
  await openCases(zheng);
  await shown(zheng, '噪音扰民：两支广场舞队晚上音响太响').click();
  await onScreen(zheng, 'packages/officer/pages/mediation-case/index').waitFor();
  await shown(zheng, '调解力量（东园社区名单）').waitFor();
  await zheng.getByText('居委会 东园 陈书记', { exact: true }).filter({ visible: true }).first().click();
  await tap(zheng, '召集并生成邀请');
  await shown(zheng, '第 1 次圆桌调解会').waitFor();
  await shown(zheng, '地点：东园社区居委会会议室').waitFor();
  await zheng.locator('taro-button-core', { hasText: '发给东园 陈书记' }).filter({ visible: true }).first().waitFor();
  await shown(zheng, '第 1 次圆桌调解会').scrollIntoViewIfNeeded();
  await screenshot(zheng, 'mediation-co-mediator');
  // The owner sees the round table his colleague from 武林 convened.
  const seen = await call<{ sessions: { invitations: { name: string }[] }[]; history: { label: string; by: string }[] }>(jin, 'mediation', 'getCase', { caseId: opened.id });
  expect(seen.sessions[0]?.invitations.map((invitation) => invitation.name)).toContain('东园 陈书记');
  expect(seen.history.at(-1)).toMatchObject({ label: '召集圆桌调解会', by: '郑警官' });
}, 120_000);
