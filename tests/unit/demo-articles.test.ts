import { AUDIENCES, FRAUD_TYPE_KEYS } from '@domain/fraud-types';
import { filterKeysOf, targetKeysOf } from '@domain/feed-targeting';
import { demoArticles } from '@local-cloud/seed/demo-articles';

const now = new Date('2026-11-23T02:00:00Z');
const articles = demoArticles(now);

test('about thirty demo items, unique ids, covering every fraud type, audience and kind', () => {
  expect(articles.length).toBeGreaterThanOrEqual(28);
  expect(new Set(articles.map((article) => article._id)).size).toBe(articles.length);
  for (const type of FRAUD_TYPE_KEYS) expect(articles.some((article) => article.fraudTypes.includes(type))).toBe(true);
  for (const audience of AUDIENCES) expect(articles.some((article) => article.audiences.includes(audience))).toBe(true);
  for (const kind of ['alert', 'case', 'knowledge']) expect(articles.some((article) => article.kind === kind)).toBe(true);
});

test('stored keys agree with the targets, and only unexpired urgent items carry pin keys', () => {
  for (const article of articles) {
    expect(article.targetKeys).toEqual(targetKeysOf(article.target));
    expect(article.filterKeys).toEqual(filterKeysOf(article.targetKeys, article.fraudTypes, article.audiences));
    expect(article.pinKeys.length > 0).toBe(article.urgent && article.pinnedUntil !== undefined && article.pinnedUntil > now);
    expect(article.publishedAt.getTime()).toBeLessThanOrEqual(now.getTime());
    expect(article.tips.length).toBeGreaterThan(0);
  }
});
