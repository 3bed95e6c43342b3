/**
 * The anti-fraud feed end to end on the H5 build served by the local cloud: an officer publishes
 * an urgent alert for one community; a resident there sees it pinned and acknowledges it; a
 * resident of another station never sees it; the officer sees the acknowledgement per
 * community. Then a quiz round, and a first-time visitor landing from a shared group card.
 */
import type { Browser, Page } from 'playwright-core';
import { baseUrl, button, launchBrowser, newPhonePage, screenshot, shown, signInAs, allowReminder } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser.close());

const TITLE = '紧急提醒：有人冒充社区民警上门收“反诈押金”';
const chip = (page: Page, label: string) => page.locator('.chip', { hasText: label }).filter({ visible: true }).first();

test('an urgent community alert: published by the beat officer, messaged to the opted-in resident, pinned and acknowledged in that community, invisible elsewhere, counted per community', async () => {
  // 王阿姨 lives in 西罗园第二社区 and asks to be told of urgent alerts there.
  const resident = await newPhonePage(browser);
  await signInAs(resident, 'resident-xly2');
  await resident.goto(`${baseUrl()}/#/pages/feed/index`);
  await button(resident, '开启提醒').click();
  await allowReminder(resident);
  await shown(resident, '已开启「西罗园第二社区」紧急预警提醒（还可接收1条）').waitFor();

  const officer = await newPhonePage(browser);
  await signInAs(officer, 'officer-beat-xly');
  await officer.goto(`${baseUrl()}/#/packages/officer/pages/workbench/index`);
  await shown(officer, '反诈信息发布').click();
  await button(officer, '发布新信息').click();
  await shown(officer, '发给谁看').waitFor();

  await officer.locator('input[placeholder^="一句话说清楚"]').filter({ visible: true }).fill(TITLE);
  await officer.locator('textarea[placeholder^="在信息流卡片上显示"]').filter({ visible: true }).fill('有人穿着仿制警服上门，说要给老人办“反诈登记”，收取押金。民警从不上门收钱。');
  await officer
    .locator('textarea[placeholder^="发生了什么"]')
    .filter({ visible: true })
    .fill('今天上午，西罗园第二社区有老人反映，有人自称社区民警，上门要求办理“反诈登记”并收取500元押金。\n民警上门走访从不收取任何费用，请不要开门给陌生人，更不要交钱。');
  await officer.locator('textarea[placeholder^="例如："]').filter({ visible: true }).fill('民警上门不收任何费用\n可疑人员上门，先打电话给片儿警核实');
  await chip(officer, '冒充公检法').click();
  // Nothing is pre-ticked: choosing 老年人 is one tap that chooses it.
  await chip(officer, '老年人').click();
  expect(await chip(officer, '老年人').getAttribute('aria-pressed')).toBe('true');
  await chip(officer, '指定社区').click();
  await chip(officer, '西罗园第二社区').click();
  await chip(officer, '置顶3天').click();
  await screenshot(officer, 'officer-publish');
  await button(officer, '发布').click();
  await officer.waitForURL(/officer\/pages\/articles/);
  // Said on the list page (and read out), not in a toast that fades during the redirect.
  await officer.locator('[role=status]').filter({ visible: true }).getByText(/^✓ 已发布，已通知\d+位居民。$/).waitFor();
  await shown(officer, TITLE).waitFor();
  await screenshot(officer, 'officer-articles');

  // The WeChat message went out (the local cloud's outbox), and the alert is pinned at the top of her feed.
  const outbox = await officer.context().newPage();
  await outbox.goto(`${baseUrl()}/__local/outbox`);
  await outbox.getByText('tmpl-fraud-alert').first().waitFor();
  // A subscribe message's thing value holds at most 20 characters (19 and an ellipsis here).
  expect(await outbox.getByText(TITLE.slice(0, 15)).count()).toBeGreaterThan(0);
  await outbox.close();
  await resident.reload();
  const pinned = resident.locator('.pinned-alerts .article-card', { hasText: TITLE }).filter({ visible: true });
  await pinned.waitFor();
  await screenshot(resident, 'feed-pinned');
  await pinned.click();
  await shown(resident, '怎样防范').waitFor();
  // A sub-page on H5 has a title bar with a way back; 我已知晓 is a real button, on screen without scrolling.
  await resident.locator('.back-bar').filter({ visible: true }).getByRole('button', { name: '返回上一页' }).waitFor();
  const acknowledge = resident.getByRole('button', { name: '我已知晓' }).filter({ visible: true });
  await acknowledge.waitFor();
  const box = await acknowledge.boundingBox();
  expect(box && box.y + box.height).toBeLessThanOrEqual(resident.viewportSize()!.height);
  await acknowledge.click();
  await shown(resident, '您已知晓这条预警').waitFor();
  await shown(resident, '1位居民已知晓').waitFor();
  await screenshot(resident, 'article-acknowledged');

  // 陈师傅 lives in 杭州 (半山): his feed loads, without the alert.
  const elsewhere = await newPhonePage(browser);
  await signInAs(elsewhere, 'resident-hgby');
  await elsewhere.goto(`${baseUrl()}/#/pages/feed/index`);
  await shown(elsewhere, '半山辖区预警').waitFor();
  expect(await elsewhere.getByText(TITLE).count()).toBe(0);

  // The officer sees the acknowledgement, by community.
  await officer.reload();
  const row = officer.locator('.station-article', { hasText: TITLE }).filter({ visible: true });
  await row.getByText('知晓 1').waitFor();
  await row.getByText('按社区看').click();
  await row.locator('.article-stats__row', { hasText: '西罗园第二社区' }).waitFor();
  expect(await row.locator('.article-stats__row', { hasText: '西罗园第二社区' }).locator('.article-stats__cell').first().innerText()).toBe('1');
  await screenshot(officer, 'officer-article-stats');

  for (const page of [officer, resident, elsewhere]) await page.context().close();
});

test('a quiz round: five questions, graded on the server, an explanation for each', async () => {
  const page = await newPhonePage(browser);
  await signInAs(page, 'resident-xly2');
  await page.goto(`${baseUrl()}/#/pages/feed/index`);
  // The filters and the list below the pinned alerts.
  await page.locator('.feed-page__filter').filter({ visible: true }).first().scrollIntoViewIfNeeded();
  await chip(page, '老年人').click();
  await page.locator('.feed-page__list .article-card').filter({ visible: true }).first().waitFor();
  await screenshot(page, 'feed-filters');
  await shown(page, '防骗小测试').click();
  await chip(page, '冒充公检法').click();
  await button(page, '开始答题').click();
  await shown(page, '第1题').waitFor();
  for (let n = 0; n < 5; n++) await page.locator('.quiz-question').filter({ visible: true }).nth(n).locator('.quiz-option').nth(1).click();
  await screenshot(page, 'quiz-questions');
  await button(page, '交卷').click();
  await shown(page, '/ 5').waitFor();
  expect(await page.locator('.quiz-result__explanation').filter({ visible: true }).count()).toBe(5);
  await screenshot(page, 'quiz-result');
  await page.context().close();
});

test('a first-time visitor opening a shared card lands on the item', async () => {
  // 王阿姨 opens 西罗园's urgent alert from her feed; the card she shares into her group carries its page and her community.
  const TITLE_XLY = '紧急提醒：有人冒充“公安局”给西罗园老人打电话';
  const resident = await newPhonePage(browser);
  await signInAs(resident, 'resident-xly2');
  await resident.goto(`${baseUrl()}/#/pages/feed/index`);
  await shown(resident, TITLE_XLY).click();
  await resident.waitForURL(/article\/index\?id=/);
  const articleId = new URL(resident.url().replace('/#/', '/')).searchParams.get('id');
  expect(articleId).toBeTruthy();
  await resident.context().close();

  // A fresh browser context: no cookie, never been here (in WeChat, a brand-new user).
  const page = await newPhonePage(browser);
  await page.goto(`${baseUrl()}/#/packages/content/pages/article/index?id=${articleId}&from=community:xly-2`);
  await page.waitForURL(/__local\/sign-in/);
  await page.click('[data-persona="guest"]');
  await shown(page, TITLE_XLY).waitFor();
  await shown(page, '怎样防范').waitFor();
  await shown(page, '听到“安全账户”，马上挂断').waitFor();
  await shown(page, '看更多反诈信息').waitFor();
  await screenshot(page, 'article-share-landing');

  // Headings and emphasis in an item are shown as such, never as raw marks.
  await page.locator('.article__paragraph--heading', { hasText: '请记住' }).filter({ visible: true }).waitFor();
  expect(await page.locator('.article__strong').filter({ visible: true }).count()).toBe(2);
  expect(await page.getByText('**', { exact: false }).count()).toBe(0);
  await screenshot(page, 'article-rich-text');
  await page.context().close();
});

test('the district admin publishes city-wide knowledge through a station of the district; it reaches 杭州, not 北京', async () => {
  const TITLE_CITY = '全市提醒：“征信修复”都是骗局';
  const admin = await newPhonePage(browser);
  await signInAs(admin, 'admin-gongshu');
  await admin.goto(`${baseUrl()}/#/packages/officer/pages/publish/index`);
  await shown(admin, '以哪个派出所的名义').waitFor();
  await chip(admin, '长庆派出所').waitFor();
  expect(await admin.locator('.chip', { hasText: '西罗园派出所' }).filter({ visible: true }).count()).toBe(0);
  await chip(admin, '知识').click();
  await admin.locator('input[placeholder^="一句话说清楚"]').filter({ visible: true }).fill(TITLE_CITY);
  await admin.locator('textarea[placeholder^="在信息流卡片上显示"]').filter({ visible: true }).fill('自称能“消除不良征信”的，都是骗子。');
  await admin.locator('textarea[placeholder^="发生了什么"]').filter({ visible: true }).fill('征信记录不能被任何人“修复”或“消除”。有异议，只能向征信中心申请核查。');
  await admin.locator('textarea[placeholder^="例如："]').filter({ visible: true }).fill('征信问题只找征信中心');
  await chip(admin, '虚假贷款').click();
  await chip(admin, '老年人').click();
  await chip(admin, '全市').click();
  await chip(admin, '不置顶').click();
  await button(admin, '发布').click();
  await admin.waitForURL(/officer\/pages\/articles/);

  const hangzhou = await newPhonePage(browser);
  await signInAs(hangzhou, 'resident-hgby');
  await hangzhou.goto(`${baseUrl()}/#/pages/feed/index`);
  await shown(hangzhou, TITLE_CITY).waitFor();
  await shown(hangzhou, '拱墅区公安分局').waitFor();

  const beijing = await newPhonePage(browser);
  await signInAs(beijing, 'resident-xly2');
  await beijing.goto(`${baseUrl()}/#/pages/feed/index`);
  await beijing.locator('.feed-page__list .article-card').filter({ visible: true }).first().waitFor();
  expect(await beijing.getByText(TITLE_CITY).count()).toBe(0);
  for (const page of [admin, hangzhou, beijing]) await page.context().close();
});
