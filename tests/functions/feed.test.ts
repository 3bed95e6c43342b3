import { mediaActions } from '@domain/actions/media';
import { actions, type ArticleDraft } from '@domain/actions';
import { FEED_PAGE_SIZE, FRAUD_ALERT_TEMPLATE } from '@domain/actions/feed';
import { userIdFor } from '@platform/cloud/identity';
import { optionId } from '@domain/quiz';
import { QUIZ_BANK } from '../../cloudfunctions/feed/quiz-bank';
import { readOutbox, recordSubscription, uploadFile } from '@local-cloud/wechat';
import { persona, type CloudHarness } from '../support/cloud-harness';
import { clockedHarness, failed, ok } from '../support/clocked-harness';
import { DEMO_ARTICLE, demoArticleId } from '../support/demo-articles';

const MONDAY = new Date('2026-11-23T10:00:00+08:00');

const harness = clockedHarness(MONDAY);


const wang = persona('resident-xly2').openid; // 西罗园第二社区
const chen = persona('resident-hgby').openid; // 半山 杭钢北苑
const zhao = persona('officer-beat-xly').openid; // 西罗园 beat officer
const hallXly = persona('officer-hall-xly').openid;
const adminGongshu = persona('admin-gongshu').openid;

const draft = (over: Partial<ArticleDraft> = {}): ArticleDraft => ({
  kind: 'alert',
  title: '紧急提醒：冒充燃气公司上门收费',
  summary: '有人冒充燃气公司上门“检修”，收取高额费用。',
  body: ['近期有人冒充燃气公司工作人员上门，声称燃气管道老化必须更换。'],
  tips: ['燃气检修先打官方电话核实'],
  fraudTypes: ['other'],
  audiences: ['elderly'],
  target: { scope: 'communities', communityIds: ['xly-2'] },
  urgent: true,
  pinHours: 24,
  images: [],
  ...over,
});

const feedIds = async (openid: string, input: Parameters<CloudHarness['call']>[2] = {}) =>
  ok(await harness.call(openid, actions.feed.listArticles, input as never)).items.map((item) => item.id);
const pinnedIds = async (openid: string) => ok(await harness.call(openid, actions.feed.listPinned, {})).items.map((item) => item.id);
const feedTitles = async (openid: string, input: Parameters<CloudHarness['call']>[2] = {}) =>
  ok(await harness.call(openid, actions.feed.listArticles, input as never)).items.map((item) => item.title);
/** 西罗园's urgent 冒充公安 alert, pinned for the whole station when the demo loads. */
const xlyAlert = () => demoArticleId(harness, DEMO_ARTICLE.xlyFakePolice);

describe('targeting', () => {
  test('a community-only urgent alert is pinned for that community and invisible everywhere else', async () => {
    const { id } = ok(await harness.call(zhao, actions.feed.publishArticle, { stationId: 'xiluoyuan', draft: draft() }));
    expect(await pinnedIds(wang)).toContain(id);
    expect(await feedIds(wang)).toContain(id);
    expect(await pinnedIds(chen)).not.toContain(id);
    expect(await feedIds(chen)).not.toContain(id);
    // Another community of the same station does not see it either.
    await harness.engine.api.collection('users').doc(userIdFor(wang)).update({ data: { homeCommunityId: 'xly-3' } });
    expect(await feedIds(wang)).not.toContain(id);
  });

  test('feeds hold the reader’s station, district and city items, newest first, and nothing from the other city', async () => {
    const page = ok(await harness.call(wang, actions.feed.listArticles, {}));
    const all = [...page.items];
    let cursor = page.nextCursor;
    while (cursor) {
      const next = ok(await harness.call(wang, actions.feed.listArticles, { cursor }));
      all.push(...next.items);
      cursor = next.nextCursor;
    }
    const titles = all.map((item) => item.title);
    expect(titles).toEqual(expect.arrayContaining([DEMO_ARTICLE.xlyFakePolice, DEMO_ARTICLE.xly2FakeRefund, DEMO_ARTICLE.fakeRefundKnowledge, DEMO_ARTICLE.fakeBossGrandson]));
    expect(titles).not.toContain(DEMO_ARTICLE.kangqiaoInvestment); // 康桥 (杭州)
    expect(titles).not.toContain(DEMO_ARTICLE.yangqiaoRomance); // 洋桥东里 only
    expect(titles).not.toContain(DEMO_ARTICLE.gameTrade); // city: 杭州
    const times = all.map((item) => Date.parse(item.publishedAt));
    expect([...times].sort((a, b) => b - a)).toEqual(times);
  });

  test('filters: fraud type, audience, kind and keyword', async () => {
    expect(await feedTitles(chen, { fraudType: 'fake-loan' })).toEqual([DEMO_ARTICLE.banshanFakeLoan]);
    // A filtered feed is still one indexed read of about a page, not a scan.
    expect(harness.engine.lastQueryPlan()).toMatchObject({ collection: 'articles', plan: 'index:feed_by_filter_key' });
    expect(harness.engine.lastQueryPlan()?.docsExamined).toBeLessThanOrEqual(11);
    expect(await feedTitles(wang, { fraudType: 'fake-police', audience: 'elderly' })).toEqual([DEMO_ARTICLE.xlyFakePolice]);
    expect(await feedTitles(chen, { audience: 'students' })).toEqual(expect.arrayContaining([DEMO_ARTICLE.studentsTaskRebate, DEMO_ARTICLE.gameTrade]));
    const cases = ok(await harness.call(chen, actions.feed.listArticles, { kind: 'case' })).items;
    expect(cases.length).toBeGreaterThan(0);
    for (const item of cases) expect(item.kind).toBe('case');
    expect(await feedTitles(wang, { keyword: '安全账户' })).toEqual(expect.arrayContaining([DEMO_ARTICLE.xlyFakePolice]));
    // Formatting marks are not part of what is searched.
    expect(await feedTitles(wang, { keyword: '不会通过电话、微信办案，' })).toEqual([DEMO_ARTICLE.xlyFakePolice]);
    expect(await feedIds(wang, { keyword: '完全不存在的词' })).toEqual([]);
    // Regular-expression characters in a keyword are just characters.
    expect(await feedIds(wang, { keyword: '.*' })).toEqual([]);
  });
});

test('a pin expires: the alert stays in the feed by date but leaves the top', async () => {
  const { id } = ok(await harness.call(zhao, actions.feed.publishArticle, { stationId: 'xiluoyuan', draft: draft({ pinHours: 2 }) }));
  expect(await pinnedIds(wang)).toContain(id);
  jest.setSystemTime(new Date(MONDAY.getTime() + 2 * 3_600_000 + 1000));
  expect(await pinnedIds(wang)).not.toContain(id);
  expect(await feedIds(wang)).toContain(id);
  const item = ok(await harness.call(wang, actions.feed.getArticle, { id }));
  expect(item).toMatchObject({ urgent: true, pinned: false });
});

test('expired pins pile up without slowing the pinned query: it reads only unexpired ones', async () => {
  for (let n = 0; n < 30; n++) ok(await harness.call(zhao, actions.feed.publishArticle, { stationId: 'xiluoyuan', draft: draft({ pinHours: 1, title: `已过期的紧急提醒第${n}条` }) }));
  jest.setSystemTime(new Date(MONDAY.getTime() + 2 * 3_600_000));
  const fresh = ok(await harness.call(zhao, actions.feed.publishArticle, { stationId: 'xiluoyuan', draft: draft({ pinHours: 24 }) }));
  expect(await pinnedIds(wang)).toEqual([fresh.id, xlyAlert()]);
  expect(harness.engine.lastQueryPlan()).toMatchObject({ plan: 'index:pins_by_target' });
  expect(harness.engine.lastQueryPlan()?.docsExamined).toBeLessThanOrEqual(3);
});

test('paging has no duplicates and no gaps while new items are published', async () => {
  const stationDraft = (n: number) => draft({ kind: 'knowledge', urgent: false, pinHours: undefined, title: `防骗小知识第${n}条`, target: { scope: 'station' } });
  for (let n = 0; n < 25; n++) {
    ok(await harness.call(zhao, actions.feed.publishArticle, { stationId: 'xiluoyuan', draft: stationDraft(n) }));
    // Every third item shares its millisecond with the one before: ties are ordered by id.
    if (n % 3 !== 0) jest.setSystemTime(new Date(Date.now() + 1000));
  }
  const wangKeys = ['city:北京', 'district:fengtai', 'station:xiluoyuan', 'community:xly-2'];
  const visibleNow = () =>
    (harness.engine.find('articles', { status: 'published' }) as Array<{ _id: string; targetKeys: string[] }>)
      .filter((doc) => doc.targetKeys.some((key) => wangKeys.includes(key)))
      .map((doc) => doc._id);
  const atStart = visibleNow();

  const seen: string[] = [];
  let page = ok(await harness.call(wang, actions.feed.listArticles, {}));
  seen.push(...page.items.map((item) => item.id));
  let published = 0;
  while (page.nextCursor) {
    // Someone publishes between every two pages — some at the very millisecond of the cursor.
    const last = page.items[page.items.length - 1];
    if (published % 2 === 0 && last) jest.setSystemTime(new Date(last.publishedAt));
    ok(await harness.call(zhao, actions.feed.publishArticle, { stationId: 'xiluoyuan', draft: stationDraft(100 + published++) }));
    page = ok(await harness.call(wang, actions.feed.listArticles, { cursor: page.nextCursor }));
    expect(page.items.length).toBeLessThanOrEqual(FEED_PAGE_SIZE);
    seen.push(...page.items.map((item) => item.id));
  }
  expect(published).toBeGreaterThanOrEqual(3);
  expect(new Set(seen).size).toBe(seen.length);
  for (const id of atStart) expect(seen).toContain(id);
});

test('N人看过 counts people: the same resident opening an item again is not counted again', async () => {
  const alert = xlyAlert();
  const first = ok(await harness.call(wang, actions.feed.getArticle, { id: alert }));
  for (let again = 0; again < 4; again += 1) ok(await harness.call(wang, actions.feed.getArticle, { id: alert }));
  const reopened = ok(await harness.call(wang, actions.feed.getArticle, { id: alert }));
  expect(reopened.views).toBe(first.views);
  const chenSees = ok(await harness.call(chen, actions.feed.getArticle, { id: alert }));
  expect(chenSees.views).toBe(first.views + 1);
  expect(ok(await harness.call(zhao, actions.feed.articleStats, { stationId: 'xiluoyuan', id: alert })).views).toBe(first.views + 1);
});

test('a shared card lands on the item for a first-time visitor, and counts the opening for the sharer’s community', async () => {
  const alert = xlyAlert();
  const shared = ok(await harness.call(wang, actions.feed.getArticle, { id: alert }));
  expect(shared.shareFrom).toBe('community:xly-2');
  expect(ok(await harness.call(wang, actions.feed.shareArticle, { id: alert, channel: 'chat' })).shares).toBe(1);
  // A brand-new WeChat user, from another city, opens the card.
  const landed = ok(await harness.call('openid-first-visit', actions.feed.getArticle, { id: alert, from: 'community:xly-2' }));
  expect(landed).toMatchObject({ id: alert, title: shared.title, acknowledged: false });
  expect(landed.body.length).toBeGreaterThan(0);
  const stats = ok(await harness.call(zhao, actions.feed.articleStats, { stationId: 'xiluoyuan', id: alert }));
  expect(stats).toMatchObject({ views: 2, shares: 1 });
  expect(stats.byCommunity.find((row) => row.key === 'community:xly-2')).toMatchObject({ shares: 1, landings: 1 });
  expect(failed(await harness.call('openid-first-visit', actions.feed.getArticle, { id: alert, from: 'evil' })).code).toBe('INVALID_INPUT');
});

test('我已知晓 counts once per resident, by community, and only on alerts', async () => {
  const alert = xlyAlert();
  expect(ok(await harness.call(wang, actions.feed.acknowledgeArticle, { id: alert })).acknowledgements).toBe(1);
  await Promise.all([1, 2, 3].map(() => harness.call(wang, actions.feed.acknowledgeArticle, { id: alert })));
  expect(ok(await harness.call(persona('officer-duty-xly').openid, actions.feed.acknowledgeArticle, { id: alert })).acknowledgements).toBe(2);
  expect(ok(await harness.call(wang, actions.feed.getArticle, { id: alert }))).toMatchObject({ acknowledged: true, acknowledgements: 2 });
  const stats = ok(await harness.call(zhao, actions.feed.articleStats, { stationId: 'xiluoyuan', id: alert }));
  expect(stats.acknowledgements).toBe(2);
  expect(stats.byCommunity[0]).toMatchObject({ name: '西罗园第二社区', acknowledgements: 1 });
  expect(failed(await harness.call(wang, actions.feed.acknowledgeArticle, { id: demoArticleId(harness, DEMO_ARTICLE.fakeRefundKnowledge) })).code).toBe('INVALID_INPUT');
});

describe('quiz', () => {
  test('questions come without answers; the server grades and explains; a round is graded once', async () => {
    const round = ok(await harness.call(wang, actions.feed.startQuiz, { fraudType: 'fake-police' }));
    expect(round.questions).toHaveLength(5);
    expect(JSON.stringify(round)).not.toMatch(/answer|explanation|correct/);
    expect(round.questions.every((question) => question.fraudType === 'fake-police')).toBe(true);
    const result = ok(await harness.call(wang, actions.feed.submitQuiz, { roundId: round.roundId, answers: ['b', 'b', 'b', 'b', 'a'] }));
    expect(result.total).toBe(5);
    expect(result.score).toBe(result.results.filter((item) => item.correct).length);
    expect(result.results.every((item) => item.explanation.length > 0)).toBe(true);
    expect(failed(await harness.call(wang, actions.feed.submitQuiz, { roundId: round.roundId, answers: ['b', 'b', 'b', 'b', 'b'] })).code).toBe('CONFLICT');
    expect(failed(await harness.call(chen, actions.feed.submitQuiz, { roundId: round.roundId, answers: ['b', 'b', 'b', 'b', 'b'] })).code).toBe('NOT_FOUND');
    expect(failed(await harness.call(wang, actions.feed.submitQuiz, { roundId: round.roundId, answers: ['b', 'b'] })).code).toBe('INVALID_INPUT');
  });

  test('options come in a new order each round and are graded by identity: always the same letter scores like chance, the right option scores wherever it stands', async () => {
    const answerOf = new Map(QUIZ_BANK.map((question) => [question.id, optionId(question.answer)]));
    let sameLetterScore = 0;
    let questions = 0;
    const rightAnswerShownAt = [0, 0, 0];
    for (;;) {
      const started = await harness.call(wang, actions.feed.startQuiz, {});
      if (!started.ok) break;
      const round = started.data;
      for (const question of round.questions) rightAnswerShownAt[question.options.findIndex((option) => option.id === answerOf.get(question.id))]! += 1;
      // A resident who always taps A, whatever the question says.
      const always = ok(await harness.call(wang, actions.feed.submitQuiz, { roundId: round.roundId, answers: round.questions.map((question) => question.options[0]!.id) }));
      sameLetterScore += always.score;
      questions += always.total;
    }
    expect(questions).toBe(45);
    expect(sameLetterScore).toBeLessThan(questions * 0.6);
    for (const count of rightAnswerShownAt) expect(count).toBeGreaterThan(3);

    // Naming the right option scores, wherever this round put it.
    jest.setSystemTime(new Date(MONDAY.getTime() + 24 * 3_600_000));
    const round = ok(await harness.call(wang, actions.feed.startQuiz, {}));
    const right = ok(await harness.call(wang, actions.feed.submitQuiz, { roundId: round.roundId, answers: round.questions.map((question) => answerOf.get(question.id)!) }));
    expect(right.score).toBe(5);
    expect(right.results.every((item) => item.chosen === item.correctOption)).toBe(true);
  });

  test('no question repeats within a day; the next day the bank is fresh', async () => {
    const seen = new Set<string>();
    for (;;) {
      const result = await harness.call(wang, actions.feed.startQuiz, {});
      if (!result.ok) {
        expect(result.error.code).toBe('CONFLICT');
        break;
      }
      for (const question of result.data.questions) {
        expect(seen.has(question.id)).toBe(false);
        seen.add(question.id);
      }
    }
    expect(seen.size).toBeGreaterThanOrEqual(40);
    jest.setSystemTime(new Date(MONDAY.getTime() + 24 * 3_600_000));
    expect(ok(await harness.call(wang, actions.feed.startQuiz, {})).questions).toHaveLength(5);
  });
});

describe('publishing', () => {
  test('only the station’s anti-fraud/beat officers and admins publish for it; city and district only a district admin', async () => {
    expect(failed(await harness.call(wang, actions.feed.publishArticle, { stationId: 'xiluoyuan', draft: draft() })).code).toBe('FORBIDDEN');
    expect(failed(await harness.call(hallXly, actions.feed.publishArticle, { stationId: 'xiluoyuan', draft: draft() })).code).toBe('FORBIDDEN');
    expect(failed(await harness.call(zhao, actions.feed.publishArticle, { stationId: 'kangqiao', draft: draft({ target: { scope: 'station' } }) })).code).toBe('FORBIDDEN');
    expect(failed(await harness.call(zhao, actions.feed.publishArticle, { stationId: 'xiluoyuan', draft: draft({ target: { scope: 'city' } }) })).code).toBe('FORBIDDEN');
    // A community of another station is refused, with a message.
    expect(failed(await harness.call(zhao, actions.feed.publishArticle, { stationId: 'xiluoyuan', draft: draft({ target: { scope: 'communities', communityIds: ['dongyuan'] } }) })).code).toBe(
      'INVALID_INPUT',
    );
    const cityWide = ok(await harness.call(adminGongshu, actions.feed.publishArticle, { stationId: 'banshan', draft: draft({ target: { scope: 'city' }, urgent: false }) }));
    expect(await feedIds(chen)).toContain(cityWide.id);
    expect(await feedIds(wang)).not.toContain(cityWide.id);
    expect(ok(await harness.call(chen, actions.feed.getArticle, { id: cityWide.id })).publisher).toBe('拱墅区公安分局');
  });

  test('pictures: uploaded through the media function, stored as file ids, shown as temporary URLs; other ids are refused', async () => {
    const { fileId: fileID } = ok(await harness.call(zhao, mediaActions.uploadImage, { context: 'article', image: Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 2, 0xff, 0xd9]).toString('base64') }));
    // Stored without going through the media function: nobody's upload, so not usable in an item.
    const { fileID: unrecorded } = await uploadFile({ cloudPath: 'articles/xiluoyuan/poster.jpg', fileContent: Buffer.from([0xff, 0xd8, 0xff, 0xd9]) });
    expect(failed(await harness.call(zhao, actions.feed.publishArticle, { stationId: 'xiluoyuan', draft: draft({ images: [unrecorded] }) })).code).toBe('FORBIDDEN');
    const { id } = ok(await harness.call(zhao, actions.feed.publishArticle, { stationId: 'xiluoyuan', draft: draft({ images: [fileID] }) }));
    const article = ok(await harness.call(wang, actions.feed.getArticle, { id }));
    expect(article.imageUrls).toHaveLength(1);
    expect(article.imageUrls[0]).toMatch(/^https?:\/\//);
    expect(article.coverUrl).toBe(article.imageUrls[0]);
    const listed = ok(await harness.call(wang, actions.feed.listPinned, {})).items.find((item) => item.id === id);
    expect(listed?.coverUrl).toMatch(/^https?:\/\//);
    expect(failed(await harness.call(zhao, actions.feed.publishArticle, { stationId: 'xiluoyuan', draft: draft({ images: ['https://evil.example/x.jpg'] }) })).code).toBe('INVALID_INPUT');
  });

  test('a long item is checked in pieces WeChat accepts (≤ 2,500 characters each), and a bad word in the last piece still rejects it', async () => {
    const longBody = Array.from({ length: 20 }, (_, n) => `第${n + 1}段：${'请不要向陌生人转账，'.repeat(49)}`);
    expect(ok(await harness.call(zhao, actions.feed.publishArticle, { stationId: 'xiluoyuan', draft: draft({ body: longBody }) })).id).toBeTruthy();
    const rejected = await harness.call(zhao, actions.feed.publishArticle, { stationId: 'xiluoyuan', draft: draft({ body: [...longBody.slice(0, 19), '出售枪支弹药'] }) });
    expect(failed(rejected).code).toBe('CONTENT_REJECTED');
  });

  test('text that fails content security is not published and nothing is written', async () => {
    const before = harness.engine.find('articles').length;
    const result = await harness.call(zhao, actions.feed.publishArticle, { stationId: 'xiluoyuan', draft: draft({ body: ['出售枪支弹药'] }) });
    expect(failed(result).code).toBe('CONTENT_REJECTED');
    expect(harness.engine.find('articles')).toHaveLength(before);
  });

  test('edit and withdraw: only the owning station; a withdrawn item leaves the feed and its card says so', async () => {
    const { id } = ok(await harness.call(zhao, actions.feed.publishArticle, { stationId: 'xiluoyuan', draft: draft() }));
    const loaded = ok(await harness.call(zhao, actions.feed.getDraft, { stationId: 'xiluoyuan', id }));
    expect(loaded.draft.title).toBe(draft().title);
    ok(await harness.call(zhao, actions.feed.updateArticle, { stationId: 'xiluoyuan', id, draft: draft({ title: '更正：冒充燃气公司上门收费' }) }));
    expect(ok(await harness.call(wang, actions.feed.getArticle, { id })).title).toBe('更正：冒充燃气公司上门收费');
    expect(failed(await harness.call(persona('officer-antifraud-kq').openid, actions.feed.withdrawArticle, { stationId: 'kangqiao', id })).code).toBe('NOT_FOUND');
    ok(await harness.call(zhao, actions.feed.withdrawArticle, { stationId: 'xiluoyuan', id }));
    expect(await pinnedIds(wang)).not.toContain(id);
    expect(await feedIds(wang)).not.toContain(id);
    expect(failed(await harness.call(wang, actions.feed.getArticle, { id })).code).toBe('NOT_FOUND');
    const mine = ok(await harness.call(zhao, actions.feed.listStationArticles, { stationId: 'xiluoyuan' }));
    expect(mine.items[0]).toMatchObject({ id, status: 'withdrawn', targetLabel: '西罗园第二社区' });
  });

  test('an urgent alert messages the opted-in residents of the targeted communities (one message per acceptance)', async () => {
    // 王阿姨 accepts in WeChat's dialog and tells us; 陈师傅 (another station) does too.
    for (const openid of [wang, chen]) {
      recordSubscription(openid, [FRAUD_ALERT_TEMPLATE], { [FRAUD_ALERT_TEMPLATE]: 'accept' });
      ok(await harness.call(openid, actions.feed.subscribeAlerts, { accepted: 1 }));
    }
    expect(ok(await harness.call(wang, actions.feed.listPinned, {})).subscription).toEqual({ communityName: '西罗园第二社区', remaining: 1 });
    const first = ok(await harness.call(zhao, actions.feed.publishArticle, { stationId: 'xiluoyuan', draft: draft() }));
    expect(first.notified).toBe(1);
    expect(readOutbox().filter((message) => message.templateId === FRAUD_ALERT_TEMPLATE)).toEqual([
      expect.objectContaining({ touser: wang, page: `packages/content/pages/article/index?id=${first.id}` }),
    ]);
    // The acceptance is spent: the next alert is pinned but sends nothing.
    expect(ok(await harness.call(zhao, actions.feed.publishArticle, { stationId: 'xiluoyuan', draft: draft() })).notified).toBe(0);
    // A resident without a home community is asked to set one.
    expect(failed(await harness.call('openid-nobody', actions.feed.subscribeAlerts, { accepted: 1 })).code).toBe('INVALID_INPUT');
  });
});
