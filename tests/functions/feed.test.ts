import { actions } from '@domain/actions';
import { persona, startHarness, type CloudHarness } from '../support/cloud-harness';

let harness: CloudHarness;
beforeAll(async () => {
  harness = await startHarness();
});
afterAll(() => harness.close());

const titlesFor = async (openid: string, fraudType?: 'fake-police' | 'fake-investment' | 'romance') => {
  const result = await harness.call(openid, actions.feed.listArticles, fraudType ? { fraudType } : {});
  if (!result.ok) throw new Error(result.error.message);
  return result.data.items;
};

test('a 西罗园 resident sees the urgent local alert first, then local, then district-wide items; nothing from 拱墅 stations', async () => {
  const items = await titlesFor(persona('resident-xly2').openid);
  expect(items[0]).toMatchObject({ id: 'alert-xly-fake-police', urgent: true, local: true });
  expect(items.map((item) => item.id)).toEqual(['alert-xly-fake-police', 'knowledge-fake-refund']);
});

test('a community-targeted item reaches only that community', async () => {
  await harness.engine.api.collection('users').where({ openid: persona('resident-xly2').openid }).update({ data: { homeCommunityId: 'yangqiao-dongli' } });
  const items = await titlesFor(persona('resident-xly2').openid);
  expect(items.map((item) => item.id)).toEqual(['alert-xly-fake-police', 'case-xly-romance', 'knowledge-fake-refund']);
});

test('a 半山 resident gets 拱墅 district-wide knowledge but not 康桥’s local case', async () => {
  const items = await titlesFor(persona('resident-hgby').openid);
  expect(items.map((item) => item.id)).toEqual(['knowledge-task-rebate-students']);
});

test('filtering by fraud type', async () => {
  const items = await titlesFor(persona('officer-antifraud-kq').openid, 'fake-investment');
  expect(items.map((item) => item.id)).toEqual(['case-kq-investment']);
});

test('a shared card opens the full article for anyone; a withdrawn one is gone', async () => {
  const article = await harness.call('openid-from-a-group-card', actions.feed.getArticle, { id: 'case-kq-investment' });
  expect(article).toMatchObject({ ok: true, data: { title: expect.stringContaining('9万元'), local: false } });
  expect(article.ok && article.data.body.length).toBeGreaterThan(1);
  await harness.engine.api.collection('articles').doc('case-kq-investment').update({ data: { status: 'withdrawn' } });
  expect(await harness.call('openid-from-a-group-card', actions.feed.getArticle, { id: 'case-kq-investment' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
});
