/**
 * 我已知晓 on an urgent alert when many residents tap at once: each counts exactly once, the
 * acknowledgements never write the article itself (no hot document for CloudBase's transactions
 * to contend for), and the counts the station sees add up over the shards.
 */
import { feedActions } from '@domain/actions/feed';
import { ACK_SHARDS } from '../../cloudfunctions/feed/ack-counts';
import { persona } from '../support/cloud-harness';
import { clockedHarness, ok } from '../support/clocked-harness';
import { DEMO_ARTICLE, demoArticleId } from '../support/demo-articles';

const harness = clockedHarness(new Date('2026-11-23T10:00:00+08:00'));

test('120 residents acknowledging at once (each tapping twice): 120 counted, spread over at most 16 shards, the article document untouched', async () => {
  const ALERT = demoArticleId(harness, DEMO_ARTICLE.xlyFakePolice);
  const before = harness.engine.find('articles', { _id: ALERT })[0] as { acknowledgements: number; _updateTime?: unknown };
  const residents = Array.from({ length: 120 }, (_, i) => `openid-ack-${i}`);
  const answers = await Promise.all(residents.flatMap((openid) => [harness.call(openid, feedActions.acknowledgeArticle, { id: ALERT }), harness.call(openid, feedActions.acknowledgeArticle, { id: ALERT })]));
  expect(answers.every((answer) => answer.ok)).toBe(true);

  const shards = harness.engine.find('article_ack_shards', { articleId: ALERT }) as { count: number }[];
  expect(shards.length).toBeLessThanOrEqual(ACK_SHARDS);
  expect(shards.reduce((sum, shard) => sum + shard.count, 0)).toBe(120);
  expect(harness.engine.find('articles', { _id: ALERT })[0]).toMatchObject({ acknowledgements: before.acknowledgements });

  const reader = ok(await harness.call(residents[0] as string, feedActions.getArticle, { id: ALERT }));
  expect(reader).toMatchObject({ acknowledged: true, acknowledgements: before.acknowledgements + 120 });
  const stats = ok(await harness.call(persona('officer-beat-xly').openid, feedActions.articleStats, { stationId: 'xiluoyuan', id: ALERT }));
  expect(stats.acknowledgements).toBe(before.acknowledgements + 120);
}, 60_000);
