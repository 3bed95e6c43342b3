/**
 * Emergency rules as data. Every pattern is matched against one normalised clause (NFKC, lower
 * case, no spaces, no punctuation — see detect.ts), so write them without punctuation and with
 * Arabic digits. Weights are on the same 0..1 scale as the detector's threshold (0.5):
 *
 *  - a signal's weight is how strongly the phrase alone reads as an emergency in progress:
 *    ≥ 0.5 fires on its own (着火了, 有人要跳楼, 门外有人在撬锁); below needs a present marker (打架 +
 *    正在/现在/快来);
 *  - present markers add (summed, capped at MAX_PRESENT_BOOST); strong ones also weaken past and
 *    informational suppressors;
 *  - suppressors subtract (the largest applies); a negation can target only some kinds
 *    (没有人受伤 says nothing about a knife) and applies from any clause at full weight.
 */

export type EmergencyKind = 'violence' | 'weapon' | 'fire' | 'personInDanger' | 'fraudTransferNow' | 'intrusion' | 'medical';

export const EMERGENCY_KINDS: readonly EmergencyKind[] = ['violence', 'weapon', 'fire', 'personInDanger', 'fraudTransferNow', 'intrusion', 'medical'];

export interface SignalRule {
  kind: EmergencyKind;
  pattern: RegExp;
  weight: number;
  /** A cry for help (救命, 快来人): counts fully, but a specific signal in the same message names the kind. */
  generic?: boolean;
}

export interface PresentMarkerRule {
  pattern: RegExp;
  weight: number;
  /** 正在 / 救命 / 快来: overrides past and informational context (not a hypothetical in the same clause). */
  strong?: boolean;
}

export type SuppressorType = 'past' | 'hypothetical' | 'informational' | 'negation';

export interface SuppressorRule {
  type: SuppressorType;
  pattern: RegExp;
  weight: number;
  /** Only these kinds are suppressed; absent = all kinds. */
  kinds?: readonly EmergencyKind[];
}

/** Negations describe the situation now (现在没事了): they count fully from any clause. */
export const TEXT_WIDE_SUPPRESSORS: readonly SuppressorType[] = ['negation'];

/** Detector threshold and scoping (see detect.ts). */
export const EMERGENCY_THRESHOLD = 0.5;
export const MAX_PRESENT_BOOST = 0.4;
/** Markers and suppressors in another clause of the same message count this much. */
export const OTHER_CLAUSE_FACTOR = 0.6;
/** A strong present marker multiplies past/informational/negation suppression by this (other clause: OTHER_CLAUSE_OVERRIDE). */
export const STRONG_OVERRIDE = 0.3;
export const OTHER_CLAUSE_OVERRIDE = 0.6;
/** Each further signal in the message adds this, at most MAX_EXTRA_SIGNALS times. */
export const EXTRA_SIGNAL_BONUS = 0.05;
export const MAX_EXTRA_SIGNALS = 3;
/** A clause ending in ！ counts as a present marker of this weight. */
export const EXCLAMATION_WEIGHT = 0.1;

/**
 * A signal is ignored when NEGATOR occurs in the NEGATION_WINDOW characters before it (没有着火,
 * 不要向安全账户转账) or the character right before it is 不 (不要转账 → 要…转账).
 */
export const NEGATOR = /没有|没|(?<!是)不是|并非|未(?!成年)|不要|不会|别(?!人|的)|防止|避免|谨防|预防|以防/;
export const IMMEDIATE_NEGATOR = /不$/;
export const NEGATION_WINDOW = 3;

const PEOPLE = '(?:孩子|小孩|儿子|女儿|闺女|宝宝|娃|老人|老太太|老爷子|老太|我妈|我爸|妈妈|爸爸|奶奶|爷爷|外婆|外公|姥姥|姥爷|老伴|丈夫|老公|妻子|老婆)';
const MONEY_MOVE = '(?:转账|转钱|汇款|打钱|转款|转给|转过去|转到|付款)';
const WEAPONS = '(?:刀|菜刀|砍刀|尖刀|水果刀|匕首|刀子|斧头|斧子|枪|铁棍|棍子|棒子|钢管|砖头|锤子|榔头)';

export const SIGNALS: readonly SignalRule[] = [
  // violence
  { kind: 'violence', pattern: /打起来了|打起来啦|打成一团|扭打|厮打/, weight: 0.7 },
  { kind: 'violence', pattern: /打架|互殴|斗殴|群殴/, weight: 0.45 },
  { kind: 'violence', pattern: /砍人|捅人|刺人|砍伤|捅伤|刺伤/, weight: 0.65 },
  { kind: 'violence', pattern: new RegExp(`(?:在|正在)(?:家)?打(?:人|我|他|她|${PEOPLE})`), weight: 0.6 },
  { kind: 'violence', pattern: new RegExp(`打(?:人|${PEOPLE})|被(?:人)?打|挨打|家暴|家庭暴力`), weight: 0.4 },
  { kind: 'violence', pattern: /流血|流了很多血|满脸是血|头破血流|血流不止/, weight: 0.55 },
  { kind: 'violence', pattern: /掐(?:住)?(?:我|她|他)?(?:的)?脖子/, weight: 0.6 },
  { kind: 'violence', pattern: /要(?:打死|杀了?)(?:我|人|他|她)|杀人了/, weight: 0.7 },
  { kind: 'violence', pattern: /抢劫|抢包|抢手机|抢钱/, weight: 0.55 },
  // weapon
  { kind: 'weapon', pattern: new RegExp(`(?:拿|持|举|握|提|挥|抄)(?:着|起)?${WEAPONS}`), weight: 0.65 },
  { kind: 'weapon', pattern: new RegExp(`${WEAPONS}(?:架|抵|顶|对)(?:在|着)`), weight: 0.7 },
  { kind: 'weapon', pattern: /动刀|亮刀|持械|凶器|开枪|有枪/, weight: 0.6 },
  // fire
  { kind: 'fire', pattern: /着火了|起火了|失火了|烧起来了|火烧起来|冒烟了|火很大|火越来越大|烧着了/, weight: 0.75 },
  { kind: 'fire', pattern: /着火|起火|失火|火灾|火情/, weight: 0.45 },
  { kind: 'fire', pattern: /浓烟|冒烟/, weight: 0.45 },
  { kind: 'fire', pattern: /(?:燃气|煤气|天然气)(?:泄漏|泄露|漏气|漏了)|闻到(?:很浓的|好大的)?(?:煤气|燃气|天然气)味/, weight: 0.55 },
  { kind: 'fire', pattern: /爆炸/, weight: 0.5 },
  // person in danger
  { kind: 'personInDanger', pattern: /救命|救救我|救救孩子|sos/, weight: 0.75, generic: true },
  { kind: 'personInDanger', pattern: /快来人|来人啊|来人呀|谁来救/, weight: 0.6, generic: true },
  { kind: 'personInDanger', pattern: /要跳楼|想跳楼|准备跳楼|要跳河|要跳桥|要跳下去|要往下跳/, weight: 0.75 },
  { kind: 'personInDanger', pattern: /跳楼|跳河|跳桥/, weight: 0.5 },
  { kind: 'personInDanger', pattern: /(?:要|想|准备)(?:自杀|轻生|寻死|割腕|喝农药|上吊)|想不开|不想活了/, weight: 0.7 },
  { kind: 'personInDanger', pattern: /自杀|轻生/, weight: 0.45 },
  { kind: 'personInDanger', pattern: /被困|困在|关在电梯|电梯里出不来|卡在电梯|出不来了/, weight: 0.55 },
  { kind: 'personInDanger', pattern: /落水|溺水|掉(?:进|到|在)?(?:河|湖|水|江|井|池塘)里/, weight: 0.65 },
  {
    kind: 'personInDanger',
    pattern: new RegExp(`${PEOPLE}.{0,10}(?:不见了|找不到了|走丢了|走失了|丢了|被.{0,6}(?:抱走|带走|拐走|拉走|拖走))`),
    weight: 0.65,
  },
  { kind: 'personInDanger', pattern: /不见了|走丢了|走失|失踪|找不到人了/, weight: 0.4 },
  { kind: 'personInDanger', pattern: /被拐|拐卖|绑架|劫持|被绑|人质|非法拘禁|被关起来|不让我走/, weight: 0.6 },
  { kind: 'personInDanger', pattern: /一直跟着我|跟踪我|尾随我/, weight: 0.55 },
  // fraud: money about to leave
  { kind: 'fraudTransferNow', pattern: new RegExp(`正在.{0,10}${MONEY_MOVE}`), weight: 0.6 },
  { kind: 'fraudTransferNow', pattern: new RegExp(`(?:让|叫|要求|逼|催|要)(?:我|她|他|我妈|我爸|老人|${PEOPLE})(?:现在|马上|立刻|立即|赶紧|赶快)?.{0,8}${MONEY_MOVE}`), weight: 0.45 },
  { kind: 'fraudTransferNow', pattern: new RegExp(`(?:准备|打算|要|马上|现在|立刻|这就)(?:去)?(?:给|向|往)?.{0,8}${MONEY_MOVE}`), weight: 0.45 },
  { kind: 'fraudTransferNow', pattern: /在银行(?:柜台|网点|atm)?.{0,8}(?:转|汇|取)/, weight: 0.45 },
  { kind: 'fraudTransferNow', pattern: /安全账户|资金核查|资金清查|清查资金/, weight: 0.55 },
  // Money that JUST left can still be stopped (止付): 刚刚转过去的 counts, last month's does not.
  { kind: 'fraudTransferNow', pattern: /(?:转|汇)(?:过去|出去|走)|(?:转|汇)了(?:\d|几|一|两|三|五)/, weight: 0.35 },
  { kind: 'fraudTransferNow', pattern: /共享屏幕|屏幕共享|开(?:启)?共享|远程控制/, weight: 0.45 },
  { kind: 'fraudTransferNow', pattern: /验证码.{0,6}(?:给|告诉|报|发)|(?:给|告诉|报|发).{0,6}验证码/, weight: 0.4 },
  // intrusion
  { kind: 'intrusion', pattern: /有人(?:在|正在)?(?:撬|砸|踹|拧|别)(?:我家|我们家|家)?(?:的)?(?:门|锁|窗)/, weight: 0.7 },
  { kind: 'intrusion', pattern: /(?:在|正在)(?:撬|砸|踹|拧)(?:我家|我们家|家)?(?:的)?(?:门|锁|窗)/, weight: 0.6 },
  { kind: 'intrusion', pattern: /撬锁|撬门|撬窗|砸门|踹门|砸窗|破门/, weight: 0.55 },
  { kind: 'intrusion', pattern: /(?:闯进|闯入|冲进|翻进|爬进|钻进)(?:了)?(?:我家|家里|屋里|房间|屋)/, weight: 0.6 },
  { kind: 'intrusion', pattern: /(?:家里|屋里|屋子里|房间里)(?:有|进了?|来了)(?:个|一个)?(?:陌生人|小偷|贼|人)/, weight: 0.6 },
  { kind: 'intrusion', pattern: /(?:有人|小偷)(?:在|正在)偷|偷东西/, weight: 0.55 },
  { kind: 'intrusion', pattern: /小偷|有贼|进贼|入室|翻窗/, weight: 0.4 },
  { kind: 'intrusion', pattern: /门外有人|门口有(?:个|一个)?陌生人|有人在门外|有人在门口/, weight: 0.35 },
  // medical
  { kind: 'medical', pattern: /晕倒|昏倒|昏迷|昏过去|晕过去|不省人事|倒地不起|倒在地上|叫不醒|没有意识|没意识了/, weight: 0.65 },
  { kind: 'medical', pattern: /(?:没有|没)(?:了)?(?:呼吸|心跳)|心脏骤停|心跳停了/, weight: 0.8 },
  { kind: 'medical', pattern: /抽搐|口吐白沫|抽风/, weight: 0.6 },
  { kind: 'medical', pattern: /大出血|出血不止|血止不住/, weight: 0.65 },
  { kind: 'medical', pattern: /(?:心脏病|脑梗|中风|哮喘|癫痫)(?:犯了|发作|突发)|突发(?:心脏病|疾病|脑溢血|脑梗)/, weight: 0.6 },
  { kind: 'medical', pattern: /(?:煤气|一氧化碳)中毒|吃了(?:很多|一瓶|一把)?安眠药|喝了农药|误服/, weight: 0.65 },
  { kind: 'medical', pattern: /中毒/, weight: 0.45 },
  { kind: 'medical', pattern: /喘不上气|喘不过气|呼吸困难/, weight: 0.55 },
  { kind: 'medical', pattern: /(?:摔倒|摔了).{0,6}(?:起不来|动不了)/, weight: 0.6 },
];

export const PRESENT_MARKERS: readonly PresentMarkerRule[] = [
  { pattern: /正在|现在正|就在现在/, weight: 0.3, strong: true },
  { pattern: /救命|快来|快点来|赶快来|赶紧来|快报警|快帮|帮帮我|来人啊/, weight: 0.3, strong: true },
  { pattern: /还在|仍在|一直在|又在/, weight: 0.3, strong: true },
  { pattern: /现在|此刻|这会儿|眼下|目前/, weight: 0.2 },
  { pattern: /马上|立刻|立即|赶紧|赶快|快点|急急急/, weight: 0.2 },
  { pattern: /刚刚|(?:\d{1,2}|几|一|两|三|五|十)分钟(?:前|之前)/, weight: 0.2 },
  { pattern: /刚才/, weight: 0.15 },
  { pattern: /有人在|有人正/, weight: 0.15 },
];

/** 没有人受伤 speaks of injuries, not of a knife still in someone's hand. */
const HARM: readonly EmergencyKind[] = ['violence', 'medical'];

export const SUPPRESSORS: readonly SuppressorRule[] = [
  // past
  {
    type: 'past',
    pattern:
      /上次|以前|之前|去年|前年|上个月|上月|上周|上星期|前几天|前些天|前段时间|那天|当时|曾经|(?<![转汇跳走回跑送拿打冲跑])过去|昨天|昨晚|前天|几天前|\d+天前|几个月前|\d+个?月前|\d+年前|小时候|后续|进展|结案|立案/,
    weight: 0.45,
  },
  { type: 'past', pattern: /已经(?:处理|解决|调解|和解|结束)|处理(?:完|好)了/, weight: 0.45 },
  { type: 'past', pattern: /(?:着|起|失)过火|(?:被|挨)(?:人)?(?:打|骗|偷|抢)过|(?:走失|晕倒|昏倒|摔倒|发生)过/, weight: 0.45 },
  // hypothetical
  { type: 'hypothetical', pattern: /如果|假如|假设|万一|要是|一旦|倘若/, weight: 0.6 },
  { type: 'hypothetical', pattern: /(?:遇到|碰到|遇上|发现).{0,14}(?:怎么办|怎么处理|怎么做|该怎么|应该|怎么应对)/, weight: 0.6 },
  // informational
  { type: 'informational', pattern: /想咨询|咨询一下|咨询|怎么预防|如何预防|怎样预防|如何防范|怎么防范|防范|预防/, weight: 0.45 },
  { type: 'informational', pattern: /怎么办理|如何办理|办理|规定|法规|法律|知识|科普|宣传|讲座|培训|演练|常识/, weight: 0.45 },
  { type: 'informational', pattern: /听说|新闻|报道|网上看到|视频里|电视上|朋友圈|反诈知识|反诈宣传|防诈/, weight: 0.45 },
  { type: 'informational', pattern: /想了解|了解一下|想问问|想问一下|问一下|有哪些|是什么|怎么识别|如何识别|可以报警吗|能报警吗/, weight: 0.3 },
  // negation
  { type: 'negation', pattern: /不是紧急|不紧急|不着急|没事了|已经没事|没什么事了|已经安全|没有危险/, weight: 0.6 },
  { type: 'negation', pattern: /没有人受伤|没人受伤|没有受伤|没受伤|人没事/, weight: 0.6, kinds: HARM },
  { type: 'negation', pattern: /(?:火)?(?:已经)?(?:被)?(?:灭了|扑灭|熄灭)/, weight: 0.6, kinds: ['fire'] },
  { type: 'negation', pattern: /(?:已经)?找到了|回来了|已经回家/, weight: 0.6, kinds: ['personInDanger'] },
  { type: 'negation', pattern: /没转|没有转|没给|没有给|拉黑了|挂了电话|已经挂了/, weight: 0.6, kinds: ['fraudTransferNow'] },
  { type: 'negation', pattern: /已经跑了|已经走了|已经离开/, weight: 0.45, kinds: ['intrusion', 'violence', 'weapon'] },
];
