import * as v from 'valibot';
import { FRAUD_TYPE_KEYS, type Audience, type FraudTypeKey } from '../fraud-types';
import { action, defineFunction, id } from './define';

export type ArticleKind = 'alert' | 'case' | 'knowledge';

export const ARTICLE_KIND_LABELS: Record<ArticleKind, string> = { alert: '预警', case: '案例', knowledge: '知识' };

export interface ArticleSummary {
  id: string;
  kind: ArticleKind;
  title: string;
  summary: string;
  fraudTypes: FraudTypeKey[];
  audiences: Audience[];
  /** Pinned to the top of the feed for the area it targets. */
  urgent: boolean;
  /** Who it comes from, e.g. "西罗园派出所" or "拱墅区公安分局". */
  publisher: string;
  /** True when it targets the reader's own station or community. */
  local: boolean;
  publishedAt: string;
}

export interface ArticleView extends ArticleSummary {
  body: string[];
}

export const FEED_PAGE_SIZE = 10;

export const feedActions = defineFunction('feed', {
  listArticles: action<{ items: ArticleSummary[]; hasMore: boolean }>()({
    summary: '反诈信息流：紧急与本地优先，可按诈骗类型筛选',
    input: v.strictObject({
      fraudType: v.optional(v.picklist(FRAUD_TYPE_KEYS, '诈骗类型无效')),
      page: v.optional(v.pipe(v.number('页码无效'), v.integer('页码无效'), v.minValue(0, '页码无效'), v.maxValue(50, '页码无效')), 0),
    }),
    policy: 'signedIn',
  }),
  getArticle: action<ArticleView>()({
    summary: '一篇预警/案例/知识全文',
    input: v.strictObject({ id: id('文章') }),
    policy: 'signedIn',
  }),
});
