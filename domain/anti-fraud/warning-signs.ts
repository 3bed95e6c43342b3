/**
 * 转账前问一问: before a resident transfers money they tell us how much, to whom and how the
 * other side reached them; we show at once the three warning signs that fit best, while the
 * anti-fraud officer is being asked. Pure rules: each sign scores how well it fits.
 */

export const PAYEE_KINDS = ['personal', 'safeAccount', 'appOrWebsite', 'company', 'unknown'] as const;
export type PayeeKind = (typeof PAYEE_KINDS)[number];
export const PAYEE_KIND_LABELS: Record<PayeeKind, string> = {
  personal: '个人账户',
  safeAccount: '对方说的“安全账户”',
  appOrWebsite: '网站或App里充值',
  company: '公司账户',
  unknown: '不清楚',
};

export const CONTACT_CHANNELS = ['phoneCall', 'sms', 'chatApp', 'onlineFriend', 'investGroup', 'gameOrShop', 'inPerson', 'other'] as const;
export type ContactChannel = (typeof CONTACT_CHANNELS)[number];
export const CONTACT_CHANNEL_LABELS: Record<ContactChannel, string> = {
  phoneCall: '打电话给我',
  sms: '发短信/链接',
  chatApp: '微信/QQ加我',
  onlineFriend: '网上认识的朋友',
  investGroup: '理财群/炒股群',
  gameOrShop: '网购或游戏客服',
  inPerson: '当面认识的人',
  other: '其他',
};

export interface TransferFacts {
  /** Yuan. */
  amount: number;
  payeeKind: PayeeKind;
  channel: ContactChannel;
}

export interface WarningSign {
  key: string;
  title: string;
  detail: string;
}

interface Rule extends WarningSign {
  /** 0 = does not fit; higher fits better. Ties keep catalogue order. */
  fit(facts: TransferFacts): number;
}

const LARGE_AMOUNT = 10_000;

const RULES: readonly Rule[] = [
  {
    key: 'safe-account',
    title: '没有“安全账户”',
    detail: '公检法和银行从来不会让您把钱转到“安全账户”“监管账户”。说这话的就是骗子。',
    fit: (f) => (f.payeeKind === 'safeAccount' ? 10 : f.channel === 'phoneCall' ? 3 : 0),
  },
  {
    key: 'police-by-phone',
    title: '公检法不会打电话办案',
    detail: '自称警察、检察官，说您涉嫌洗钱、要求保密的电话，一律挂断，打 110 或来派出所核实。',
    fit: (f) => (f.channel === 'phoneCall' ? 8 : f.channel === 'sms' ? 2 : 0),
  },
  {
    key: 'guaranteed-returns',
    title: '保本高收益就是骗局',
    detail: '“导师带单”“内部消息”“稳赚不赔”的理财群，先让您小赚，再引您大额充值后无法提现。',
    fit: (f) => (f.channel === 'investGroup' ? 9 : f.payeeKind === 'appOrWebsite' ? 5 : 0),
  },
  {
    key: 'unknown-app',
    title: '陌生网站和App充值拿不回来',
    detail: '对方发来的下载链接、网页里的“充值”“保证金”，钱一转出就难以追回。',
    fit: (f) => (f.payeeKind === 'appOrWebsite' ? 8 : f.channel === 'sms' ? 4 : 0),
  },
  {
    key: 'online-friend-money',
    title: '没见过面的网友谈钱要警惕',
    detail: '网上认识的“对象”“朋友”借钱、带您投资或博彩，是“杀猪盘”的套路。',
    fit: (f) => (f.channel === 'onlineFriend' ? 9 : 0),
  },
  {
    key: 'refund-needs-no-payment',
    title: '退款、理赔不用您先付钱',
    detail: '冒充客服说要退款、取消会员、解冻账号，让您转账、开共享屏幕或报验证码的，都是诈骗。',
    fit: (f) => (f.channel === 'gameOrShop' ? 9 : f.channel === 'sms' ? 3 : 0),
  },
  {
    key: 'verify-acquaintance',
    title: '熟人借钱，先打电话核实',
    detail: '头像和名字都能冒用。说是领导、亲友急需用钱，先打他本人的电话或当面确认。',
    fit: (f) => (f.channel === 'chatApp' ? 8 : f.payeeKind === 'personal' ? 3 : 0),
  },
  {
    key: 'personal-account',
    title: '转给个人账户要格外小心',
    detail: '正规机构收款用对公账户。对方让您转到一个陌生人的卡上，先停一停。',
    fit: (f) => (f.payeeKind === 'personal' ? 5 : f.payeeKind === 'unknown' ? 3 : 0),
  },
  {
    key: 'large-amount',
    title: '大额转账先停一停',
    detail: '金额越大越要慢。骗子最常说“马上”“来不及了”，您不用着急，先等民警回复。',
    fit: (f) => (f.amount >= LARGE_AMOUNT ? 6 : f.amount >= 1_000 ? 2 : 1),
  },
  {
    key: 'verification-code',
    title: '验证码只属于您自己',
    detail: '银行、客服、警察都不会向您要验证码。谁要验证码、要您开“屏幕共享”，就是要动您的钱。',
    fit: (f) => (f.channel === 'sms' || f.channel === 'gameOrShop' ? 4 : 1),
  },
  {
    key: 'keep-secret',
    title: '让您保密的，一定有问题',
    detail: '对方不让您告诉家人、不让您挂电话，就是怕您核实。先和家人商量，或拨打 96110 反诈专线。',
    fit: () => 1,
  },
];

/** The three warning signs that fit these facts best, best first. */
export function warningSignsFor(facts: TransferFacts, count = 3): WarningSign[] {
  return RULES.map((rule, order) => ({ rule, score: rule.fit(facts), order }))
    .filter((entry) => entry.score > 0)
    .sort((a, b) => b.score - a.score || a.order - b.order)
    .slice(0, count)
    .map(({ rule }) => ({ key: rule.key, title: rule.title, detail: rule.detail }));
}

/** The resident's fraud check, as the first message of the thread the officer reads. */
export function fraudCheckMessage(facts: TransferFacts, note?: string): string {
  const amount = facts.amount.toLocaleString('zh-CN', { maximumFractionDigits: 2 });
  const lines = [`【转账前核实】我准备转账 ${amount} 元`, `收款方：${PAYEE_KIND_LABELS[facts.payeeKind]}`, `对方怎么联系我的：${CONTACT_CHANNEL_LABELS[facts.channel]}`];
  if (note?.trim()) lines.push(`补充：${note.trim()}`);
  return lines.join('\n');
}
