/**
 * The demo's anti-fraud items, found the way a reader knows them: by title. Their ids are made
 * when an officer publishes them (local-cloud/seed/demo-articles.ts), so no test can lean on one.
 */
import { COLLECTIONS } from '@platform/cloud/collections';
import type { CloudHarness } from './cloud-harness';

/** Titles (or a part unique to one) of the demo items the tests talk about. */
export const DEMO_ARTICLE = {
  xlyFakePolice: '紧急提醒：有人冒充“公安局”给西罗园老人打电话',
  xly2FakeRefund: '西罗园第二社区：有居民接到“快递理赔”电话，被骗开通借款',
  yangqiaoRomance: '洋桥东里：退休大姐的“网恋对象”，原来是诈骗团伙',
  fakeRefundKnowledge: '“我是客服，给您退款”——先别急，三句话识破',
  kangqiaoInvestment: '银行柜台前拦下的9万元：一位大妈的“理财App”',
  studentsTaskRebate: '同学，“点赞返现”的兼职，第一单就是陷阱',
  banshanFakeLoan: '半山辖区预警：“不看征信当天放款”的贷款短信，别点',
  fakeBossGrandson: '“奶奶，我是您孙子，出事了别告诉我爸妈”',
  gameTrade: '游戏账号高价收、装备低价卖？私下交易等于送钱',
} as const;

/** The id of the one published item whose title contains `title`; anything else fails the test. */
export function demoArticleId(harness: Pick<CloudHarness, 'engine'>, title: string): string {
  const found = harness.engine.find(COLLECTIONS.articles).filter((article) => String(article.title).includes(title));
  if (found.length !== 1) throw new Error(`expected one article titled “${title}”, found ${found.length}`);
  return String(found[0]!._id);
}
