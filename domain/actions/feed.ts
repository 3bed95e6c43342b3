import * as v from 'valibot';
import { MAX_PIN_HOURS, type TargetScope } from '../feed-targeting';
import { ARTICLE_KINDS, AUDIENCES, FRAUD_TYPE_KEYS, type ArticleKind, type Audience, type FraudTypeKey } from '../fraud-types';
import { OPTION_IDS, QUIZ_SIZE, type QuizAnswerResult, type QuizQuestionView } from '../quiz';
import { groupReachSpecs } from './group-reach';
import { action, defineFunction, id, text } from './define';

export { ARTICLE_KIND_LABELS, type ArticleKind } from '../fraud-types';

export interface ArticleSummary {
  id: string;
  kind: ArticleKind;
  title: string;
  summary: string;
  fraudTypes: FraudTypeKey[];
  audiences: Audience[];
  /** Pinned to the top of the feed for the area it targets, until its pin runs out. */
  urgent: boolean;
  pinned: boolean;
  /** Who it comes from, e.g. "西罗园派出所" or "拱墅区公安分局". */
  publisher: string;
  /** True when it targets the reader's own station or community. */
  local: boolean;
  publishedAt: string;
  /** The first picture, for the card. */
  coverUrl?: string;
  views: number;
}

export interface ArticleView extends ArticleSummary {
  /** Paragraphs of plain text (never HTML): what a resident reads cannot run code. */
  body: string[];
  /** "How to protect yourself", one point each. */
  tips: string[];
  imageUrls: string[];
  acknowledged: boolean;
  acknowledgements: number;
  /** What the reader's own shares carry in the card's path: their community or station. */
  shareFrom?: string;
}

export interface FeedPage {
  items: ArticleSummary[];
  /** Pass back to get the next page; absent on the last page. */
  nextCursor?: string;
}

export interface PinnedAlerts {
  items: ArticleSummary[];
  /** Urgent-alert messages the reader has opted in to (WeChat grants one message per acceptance). */
  subscription: { communityName?: string; remaining: number };
}

export interface StationArticleView extends ArticleSummary {
  status: 'published' | 'withdrawn';
  targetScope: TargetScope;
  targetLabel: string;
  shares: number;
  acknowledgements: number;
  pinnedUntil?: string;
}

export interface ArticleStatsView {
  id: string;
  title: string;
  views: number;
  shares: number;
  acknowledgements: number;
  /** Per community of the station (and any other community that showed up), acknowledgements first. */
  byCommunity: { key: string; name: string; acknowledgements: number; shares: number; landings: number }[];
}

/** What the officer's form edits; the same shape loads back for editing. */
export interface ArticleDraftView {
  id: string;
  stationId: string;
  draft: v.InferOutput<typeof articleDraft>;
}

export interface QuizRound {
  roundId: string;
  questions: QuizQuestionView[];
}

export interface QuizResult {
  score: number;
  total: number;
  results: QuizAnswerResult[];
}

/** An item's title and summary limits (the feed card shows them whole). */
export const TITLE_MAX = 40;
export const SUMMARY_MAX = 120;

/** An article as anyone may read it, without an identity (朋友圈 single-page mode): no personal state. */
export type SharedArticleView = Omit<ArticleView, 'acknowledged' | 'shareFrom'>;

export const FEED_PAGE_SIZE = 10;
export { FRAUD_ALERT_TEMPLATE } from '../fraud-types';
export const MAX_ARTICLE_IMAGES = 6;

const fraudType = v.picklist(FRAUD_TYPE_KEYS, '诈骗类型无效');
const audience = v.picklist(AUDIENCES, '提醒对象无效');
const cloudFileId = v.pipe(v.string('图片无效'), v.regex(/^cloud:\/\/[^\s]{1,300}$/, '图片无效'));
const paragraphs = (label: string, max: number, min: number) =>
  v.pipe(v.array(text(label, 500), `${label}无效`), v.minLength(min, `请填写${label}`), v.maxLength(max, `${label}最多${max}段`));

export const articleDraft = v.strictObject({
  kind: v.picklist(ARTICLE_KINDS, '请选择类别'),
  title: text('标题', TITLE_MAX, 4),
  summary: text('摘要', SUMMARY_MAX),
  body: paragraphs('正文', 20, 1),
  tips: paragraphs('防范要点', 6, 1),
  fraudTypes: v.pipe(v.array(fraudType), v.minLength(1, '请至少选一个诈骗类型'), v.maxLength(3, '诈骗类型最多选3个')),
  audiences: v.pipe(v.array(audience), v.minLength(1, '请至少选一个提醒对象')),
  target: v.variant('scope', [
    v.strictObject({ scope: v.literal('city') }),
    v.strictObject({ scope: v.literal('district') }),
    v.strictObject({ scope: v.literal('station') }),
    v.strictObject({
      scope: v.literal('communities'),
      communityIds: v.pipe(v.array(id('社区')), v.minLength(1, '请至少选一个社区'), v.maxLength(20, '社区太多了')),
    }),
  ], '请选择发布范围'),
  urgent: v.boolean('紧急置顶无效'),
  /** How long an urgent item stays pinned. */
  pinHours: v.optional(v.pipe(v.number('置顶时长无效'), v.integer('置顶时长无效'), v.minValue(1, '置顶至少1小时'), v.maxValue(MAX_PIN_HOURS, `置顶最长${MAX_PIN_HOURS / 24}天`))),
  images: v.pipe(v.array(cloudFileId), v.maxLength(MAX_ARTICLE_IMAGES, `图片最多${MAX_ARTICLE_IMAGES}张`)),
});

export type ArticleDraft = v.InferInput<typeof articleDraft>;

const cursor = v.pipe(v.string('翻页位置无效'), v.regex(/^[0-9a-z]{1,12}\.[A-Za-z0-9_-]{1,64}$/, '翻页位置无效'));
const stationScoped = { stationId: id('派出所') };

export const feedActions = defineFunction('feed', {
  listArticles: action<FeedPage>()({
    summary: '反诈信息流：本社区、本所、本区和全市的信息，按发布时间从新到旧，游标翻页',
    input: v.strictObject({
      fraudType: v.optional(fraudType),
      audience: v.optional(audience),
      kind: v.optional(v.picklist(ARTICLE_KINDS, '类别无效')),
      keyword: v.optional(text('搜索词', 20)),
      cursor: v.optional(cursor),
    }),
    policy: 'signedIn',
  }),
  listPinned: action<PinnedAlerts>()({
    summary: '置顶的紧急预警（本社区/本所，未过期），和读者的紧急预警订阅',
    input: v.strictObject({}),
    policy: 'signedIn',
  }),
  getArticle: action<ArticleView>()({
    summary: '一篇预警/案例/知识全文；从群卡片打开时记下卡片来自哪个社区',
    input: v.strictObject({ id: id('文章'), from: v.optional(v.pipe(v.string(), v.regex(/^(community|station|district):[A-Za-z0-9_-]{1,64}$/, '来源无效'))) }),
    policy: 'signedIn',
  }),
  readSharedArticle: action<SharedArticleView>()({
    summary: '从朋友圈单页模式打开的卡片：只读全文，不需要登录',
    input: v.strictObject({ id: id('文章'), from: v.optional(v.pipe(v.string(), v.regex(/^(community|station|district):[A-Za-z0-9_-]{1,64}$/, '来源无效'))) }),
    policy: 'visitor',
  }),
  shareArticle: action<{ shares: number }>()({
    summary: '记一次转发（转发者所在社区）',
    input: v.strictObject({ id: id('文章'), channel: v.picklist(['chat', 'timeline'], '转发方式无效') }),
    policy: 'signedIn',
  }),
  acknowledgeArticle: action<{ acknowledgements: number }>()({
    summary: '居民点“我已知晓”（每人每条一次）',
    input: v.strictObject({ id: id('文章') }),
    policy: 'signedIn',
  }),
  subscribeAlerts: action<PinnedAlerts['subscription']>()({
    summary: '居民同意接收本社区的紧急预警（一次同意，可收一条）',
    input: v.strictObject({ accepted: v.pipe(v.number('次数无效'), v.integer('次数无效'), v.minValue(1, '次数无效'), v.maxValue(1, '次数无效')) }),
    policy: 'signedIn',
  }),
  startQuiz: action<QuizRound>()({
    summary: `防骗小测试：按诈骗类型抽${QUIZ_SIZE}道题（当天不重复），不含答案`,
    input: v.strictObject({ fraudType: v.optional(fraudType) }),
    policy: 'signedIn',
  }),
  submitQuiz: action<QuizResult>()({
    summary: '交卷：服务器判分，每题给出解析',
    input: v.strictObject({
      roundId: id('测试'),
      answers: v.pipe(
        v.array(v.picklist(OPTION_IDS, '答案无效'), '答案无效'),
        v.length(QUIZ_SIZE, `请答完${QUIZ_SIZE}道题`),
      ),
    }),
    policy: 'signedIn',
  }),
  publishArticle: action<{ id: string; notified: number }>()({
    summary: '民警发布预警/案例/知识（本所或指定社区；全区、全市仅限分局管理员）；紧急预警推送给订阅的居民',
    input: v.strictObject({ ...stationScoped, draft: articleDraft }),
    policy: 'antiFraudStaff',
    stationOf: (input) => input.stationId,
  }),
  updateArticle: action<{ id: string }>()({
    summary: '修改本所发布的信息',
    input: v.strictObject({ ...stationScoped, id: id('文章'), draft: articleDraft }),
    policy: 'antiFraudStaff',
    stationOf: (input) => input.stationId,
  }),
  withdrawArticle: action<{ id: string }>()({
    summary: '撤回本所发布的信息（撤回后群里的卡片打开显示“已撤回”）',
    input: v.strictObject({ ...stationScoped, id: id('文章') }),
    policy: 'antiFraudStaff',
    stationOf: (input) => input.stationId,
  }),
  getDraft: action<ArticleDraftView>()({
    summary: '载入本所一条信息用于修改',
    input: v.strictObject({ ...stationScoped, id: id('文章') }),
    policy: 'antiFraudStaff',
    stationOf: (input) => input.stationId,
  }),
  listStationArticles: action<{ items: StationArticleView[]; nextCursor?: string }>()({
    summary: '本所发布的信息，含阅读、转发、知晓数',
    input: v.strictObject({ ...stationScoped, cursor: v.optional(cursor) }),
    policy: 'antiFraudStaff',
    stationOf: (input) => input.stationId,
  }),
  articleStats: action<ArticleStatsView>()({
    summary: '一条信息的阅读、转发和各社区“我已知晓”人数',
    input: v.strictObject({ ...stationScoped, id: id('文章') }),
    policy: 'antiFraudStaff',
    stationOf: (input) => input.stationId,
  }),
  sendAlertMessages: action<{ jobs: number; sent: number; skipped: number; pending: number }>()({
    summary: '定时分批发送紧急预警的订阅消息（每次运行有时限，可从中断处继续）',
    input: v.strictObject({}),
    policy: 'system',
  }),
  ...groupReachSpecs,
});

export type { ArticleGroupReachView, GroupLandingView, GroupReachRowView } from './group-reach';
