/** The fraud types the anti-fraud feed is organised by, with the one sentence a resident should remember. */
export const FRAUD_TYPE_KEYS = ['task-rebate', 'fake-investment', 'fake-police', 'fake-refund', 'romance', 'fake-loan', 'fake-boss', 'game-trade', 'other'] as const;
export type FraudTypeKey = (typeof FRAUD_TYPE_KEYS)[number];

/** Who an item is written for. */
export const AUDIENCES = ['elderly', 'students', 'migrantWorkers', 'everyone'] as const;
export type Audience = (typeof AUDIENCES)[number];
export const AUDIENCE_LABELS: Record<Audience, string> = { elderly: '老年人', students: '学生', migrantWorkers: '外来务工人员', everyone: '所有人' };

export const ARTICLE_KINDS = ['alert', 'case', 'knowledge'] as const;
export type ArticleKind = (typeof ARTICLE_KINDS)[number];
export const ARTICLE_KIND_LABELS: Record<ArticleKind, string> = { alert: '预警', case: '案例', knowledge: '知识' };

/** The subscription-message template of urgent alerts (the client asks for it, the function sends it). */
export const FRAUD_ALERT_TEMPLATE = 'tmpl-fraud-alert';

export interface FraudType {
  key: FraudTypeKey;
  label: string;
  /** How the scam usually goes. */
  pattern: string;
  /** What to remember. */
  rule: string;
}

export const FRAUD_TYPES: readonly FraudType[] = [
  {
    key: 'task-rebate',
    label: '刷单返利',
    pattern: '先让您做点赞、关注之类的小任务，返一点小钱取得信任，再以“连单”“解冻”为由要您不断转账。',
    rule: '凡是要先垫钱的刷单，都是诈骗。',
  },
  {
    key: 'fake-investment',
    label: '虚假投资理财',
    pattern: '把您拉进“荐股群”“理财课”，晒高收益截图，引导您在陌生网站或App充值。',
    rule: '保本高收益、内部消息、导师带单，都是骗局。',
  },
  {
    key: 'fake-police',
    label: '冒充公检法',
    pattern: '自称警察、检察官，说您涉嫌洗钱或快递里有违禁品，要求保密并把钱转到“安全账户”。',
    rule: '公检法不会通过电话办案，也没有“安全账户”。',
  },
  {
    key: 'fake-refund',
    label: '冒充客服退款',
    pattern: '冒充网购、快递客服，说要给您退款、理赔或取消会员，索要验证码或让您开通共享屏幕。',
    rule: '退款不用您先付钱，验证码不告诉任何人。',
  },
  {
    key: 'romance',
    label: '网络婚恋交友',
    pattern: '网上认识的“对象”嘘寒问暖，感情稳定后带您投资、博彩，或以各种理由借钱。',
    rule: '没见过面的网友谈钱，一定要警惕。',
  },
  {
    key: 'fake-loan',
    label: '虚假贷款',
    pattern: '声称无抵押、低利息、当天到账，放款前先收“手续费”“保证金”“解冻费”。',
    rule: '正规贷款放款前不收任何费用。',
  },
  {
    key: 'fake-boss',
    label: '冒充领导熟人',
    pattern: '用领导、亲友的头像和名字加您，说急需用钱或帮忙垫付，催您马上转账。',
    rule: '说到转账，先打电话或当面核实。',
  },
  {
    key: 'game-trade',
    label: '游戏/虚拟物品交易',
    pattern: '低价卖装备、高价收账号，把您引到陌生平台交易，收钱后就消失。',
    rule: '只在官方平台交易，不私下转账。',
  },
  {
    key: 'other',
    label: '其他',
    pattern: '“养老项目”、保健品会销、冒充社保医保、中奖退税……套路千变万化，最后都要您掏钱或给验证码。',
    rule: '陌生人让您转账、给验证码，先停下来问一问。',
  },
];

export const fraudTypeLabel = (key: FraudTypeKey): string => FRAUD_TYPES.find((type) => type.key === key)?.label ?? key;
