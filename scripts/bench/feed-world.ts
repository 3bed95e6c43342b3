/**
 * A local-cloud data directory with the demo data and `count` generated anti-fraud items spread
 * over both cities, their districts, stations and communities (plus many stations and
 * communities that exist only as targets), as a big city's feed would hold after some years.
 */
import path from 'node:path';
import { filterKeysOf, searchFieldsOf, targetKeysOf, type FeedTarget } from '@domain/feed-targeting';
import { ARTICLE_KINDS, AUDIENCES, FRAUD_TYPE_KEYS } from '@domain/fraud-types';
import { newArticleCounters } from '@platform/cloud/collections';
import { openLocalDatabase } from '../../local-cloud/database';
import { loadDemoData } from '../../local-cloud/seed/load-demo-data';
import { closeLocalDatabase, localDatabase } from '../../local-cloud/wx-server-sdk/engine';
import { configureLocalCloud } from '../../local-cloud/wx-server-sdk/state';

const REAL_STATIONS = ['xiluoyuan', 'kangqiao', 'banshan', 'changqing', 'chaoming', 'xiaohe'];
const REAL_COMMUNITIES = ['xly-1', 'xly-2', 'xly-3', 'xly-4', 'huajiaoshu', 'yangqiao-dongli', 'hanggang-beiyuan', 'dongyuan', 'kangqiao-xincun'];

function random(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

export async function fillFeedDatabase(dataDir: string, count: number): Promise<{ docs: number; ms: number }> {
  const started = performance.now();
  // No indexes while filling: 100,000 sorted inserts into lists that every item shares (the
  // keyword index's common keys) are quadratic; the local cloud builds them once when it opens.
  // The demo goes in through the functions' actions (their database), then the bulk fill.
  configureLocalCloud({ dataDir, envId: 'bench', publicUrl: 'http://127.0.0.1:0' });
  await loadDemoData(localDatabase());
  await closeLocalDatabase();
  const local = openLocalDatabase({ dir: path.join(dataDir, 'database'), fsync: false, indexes: [], autoCompactBytes: 1024 ** 4 });
  const now = new Date();
  const next = random(4);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
  const batch: Record<string, unknown>[] = [];
  const flush = async () => {
    if (batch.length) await local.api.collection('articles').add({ data: batch.splice(0) });
  };
  for (let n = 0; n < count; n++) {
    const roll = next();
    const target: FeedTarget =
      roll < 0.04
        ? { scope: 'city', city: pick(['北京', '杭州']) }
        : roll < 0.12
          ? { scope: 'district', districtId: pick(['fengtai', 'gongshu', 'chaoyang', 'haidian', 'xihu']) }
          : roll < 0.5
            ? { scope: 'station', stationId: next() < 0.1 ? pick(REAL_STATIONS) : `station-${Math.floor(next() * 400)}` }
            : { scope: 'communities', stationId: 'x', communityIds: [next() < 0.05 ? pick(REAL_COMMUNITIES) : `community-${Math.floor(next() * 6000)}`] };
    const title = `第${n}条 ${pick(['冒充客服', '刷单返利', '虚假投资', '冒充公检法'])}提醒`;
    const targetKeys = targetKeysOf(target);
    const fraudTypes = [pick(FRAUD_TYPE_KEYS)];
    const audiences = [pick(AUDIENCES)];
    batch.push({
      _id: `bench-${n.toString(36).padStart(5, '0')}`,
      kind: pick(ARTICLE_KINDS),
      title,
      summary: '派出所提醒：转账之前先核实，验证码不告诉任何人。',
      body: ['这是一条生成的信息，用来测量大量数据下的首屏速度。'],
      tips: ['先核实，再转账'],
      images: [],
      fraudTypes,
      audiences,
      districtId: 'gongshu',
      stationId: 'changqing',
      target,
      targetKeys,
      filterKeys: filterKeysOf(targetKeys, fraudTypes, audiences),
      pinKeys: [],
      urgent: false,
      status: next() < 0.97 ? 'published' : 'withdrawn',
      publisher: '派出所',
      // Spread over five years before the demo items, so a feed's first page mixes both.
      publishedAt: new Date(now.getTime() - 3 * 86_400_000 - Math.floor(next() * 5 * 365 * 86_400_000)),
      ...searchFieldsOf([title, '派出所提醒：转账之前先核实，验证码不告诉任何人。', '这是一条生成的信息，用来测量大量数据下的首屏速度。', '先核实，再转账']),
      ...newArticleCounters(),
    });
    if (batch.length === 1000) await flush();
  }
  await flush();
  await local.compact();
  const docs = local.find('articles', { _id: { $exists: true } }).length;
  await local.close();
  return { docs, ms: Math.round(performance.now() - started) };
}
