/**
 * About thirty anti-fraud items for the demo feed, covering every fraud type and audience. The
 * situations follow the two newspaper reports (a 康桥 resident's 9万元 investment transfer
 * stopped at the bank counter by the teller and the station's anti-fraud officer, the
 * police–bank linkage, 西罗园's officers in ~134 residents' WeChat groups); the wording is ours.
 *
 * Each is published the way an officer does it: through the feed function's `publishArticle` as
 * the person who would tap 发布 (the community's beat officer, the station's anti-fraud officer,
 * or the district admin for district- and city-wide items), at the moment it was published (the
 * local clock is set to it, then put back): dates are relative to when the demo data is loaded, so
 * the feed always looks current. Content security checks them like any officer's text; urgent
 * ones are pinned and fanned out to whoever had opted in then — nobody has yet when the demo loads
 * (residents opt in themselves, one message per acceptance), so no message goes out.
 */
import { feedActions, type ArticleDraft } from '@domain/actions/feed';
import type { ArticleKind, Audience, FraudTypeKey } from '@domain/fraud-types';
import { atLocalTime } from '../clock';
import { callAs } from './demo-actions';
import { DEMO_OFFICERS, DEMO_STATIONS } from './demo-data';

interface DemoItem {
  kind: ArticleKind;
  types: FraudTypeKey[];
  for: Audience[];
  /** Station id (its whole area), `station/community,community` or `district:<id>` / `city:<districtId>`. */
  to: string;
  /** Urgent items stay pinned this many hours after publishing. */
  pinHours?: number;
  /** Days (may be fractional) before the demo data was loaded. */
  daysAgo: number;
  title: string;
  summary: string;
  body: string[];
  tips: string[];
}

/** District- and city-wide items: the district admin publishes them in the name of one of its stations. */
const DISTRICT_PUBLISHER: Record<string, { persona: string; stationId: string }> = {
  fengtai: { persona: 'admin-fengtai', stationId: 'xiluoyuan' },
  gongshu: { persona: 'admin-gongshu', stationId: 'changqing' },
};
/** A station's own items: its anti-fraud officer where it has one, else its beat officer. */
const STATION_PUBLISHER: Record<string, string> = {
  xiluoyuan: 'officer-antifraud-xly',
  kangqiao: 'officer-antifraud-kq',
  banshan: 'officer-beat-bs',
  changqing: 'officer-beat-cq',
  chaoming: 'officer-beat-cm',
  xiaohe: 'officer-beat-xh',
};

/** Who publishes an item, in which station's name, aimed where. */
function placement(to: string): { persona: string; stationId: string; target: ArticleDraft['target'] } {
  const wide = /^(city|district):(.+)$/.exec(to);
  if (wide) {
    const [, scope, districtId = ''] = wide;
    const publisher = DISTRICT_PUBLISHER[districtId];
    if (!publisher) throw new Error(`demo articles: no publisher for ${to}`);
    return { ...publisher, target: { scope: scope === 'city' ? 'city' : 'district' } };
  }
  const [stationId = '', communities] = to.split('/');
  if (!DEMO_STATIONS.some((station) => station._id === stationId)) throw new Error(`demo articles: no station ${stationId}`);
  if (!communities) return { persona: STATION_PUBLISHER[stationId] ?? '', stationId, target: { scope: 'station' } };
  const communityIds = communities.split(',');
  // A community's own news comes from its beat officer, when one officer covers them all.
  const beat = DEMO_OFFICERS.find((officer) => officer.stationId === stationId && officer.kinds.includes('beat') && communityIds.every((id) => officer.communityIds.includes(id)));
  return { persona: beat?.persona ?? STATION_PUBLISHER[stationId] ?? '', stationId, target: { scope: 'communities', communityIds } };
}

const ITEMS: DemoItem[] = [
  {
    kind: 'alert',
    types: ['fake-police'],
    for: ['elderly'],
    to: 'xiluoyuan',
    pinHours: 24 * 5,
    daysAgo: 0.2,
    title: '紧急提醒：有人冒充“公安局”给西罗园老人打电话',
    summary: '对方能说出您的姓名和住址，称您“涉嫌洗钱”，要求把存款转到“安全账户”。这是诈骗，请马上挂断。',
    body: [
      '近几天，西罗园街道有多位老人接到自称“公安局”“检察院”的电话，对方能准确说出姓名、住址，称老人的银行卡“涉嫌洗钱”，要求不要告诉家人，并把存款转到所谓的“安全账户”配合调查。',
      '## 请记住',
      '公安机关**不会通过电话、微信办案**，不会发送“通缉令”“逮捕令”图片，更**没有“安全账户”**。',
      '我们的片儿警都在各小区的便民群里，拿不准的，在群里或本小程序“问片警”里问一声。',
    ],
    tips: ['听到“安全账户”，马上挂断', '不要一个人去银行，先告诉子女', '拿不准拨打96110；已经转账立即拨打110'],
  },
  {
    kind: 'alert',
    types: ['fake-refund'],
    for: ['elderly', 'everyone'],
    to: 'xiluoyuan/xly-2',
    daysAgo: 1.5,
    title: '西罗园第二社区：有居民接到“快递理赔”电话，被骗开通借款',
    summary: '骗子自称快递客服，说包裹丢了要双倍赔偿，引导居民在支付软件里“开通备用金”再转出。',
    body: [
      '本周，西罗园第二社区一位居民接到“快递客服”电话，对方准确报出了他的订单信息，说包裹在运输中丢失，要给双倍理赔。',
      '随后对方让他下载会议软件、打开屏幕共享，又引导他在支付软件里“开通备用金”，把借出来的钱转到“理赔账户”。居民察觉不对时，已经转出了两笔。',
    ],
    tips: ['理赔退款都是原路退回，不需要您借款或转账', '不下载陌生会议软件，不开屏幕共享', '自己打开官方App查订单，别回拨对方号码'],
  },
  {
    kind: 'case',
    types: ['romance'],
    for: ['elderly'],
    to: 'xiluoyuan/yangqiao-dongli',
    daysAgo: 3,
    title: '洋桥东里：退休大姐的“网恋对象”，原来是诈骗团伙',
    summary: '相识两个月从没视频，对方却带她在“内部平台”投资。片儿警上门，一条条讲清了套路。',
    body: [
      '洋桥东里社区的一位退休大姐，在交友软件上认识了一位自称“海外工程师”的男士。对方每天问候，很快以“老婆”相称，却总说网络不好，从不视频。',
      '两个月后，对方说发现了一个投资平台的“漏洞”，带她一起赚钱。大姐准备把定期存款取出来时，被社区民警在走访中发现，耐心讲清了杀猪盘的套路，才没有转账。',
    ],
    tips: ['没见过面的网友谈钱，立刻停下', '不肯视频、总有理由的，多半是骗子', '家里老人用交友软件，子女多问一句'],
  },
  {
    kind: 'knowledge',
    types: ['fake-refund'],
    for: ['everyone'],
    to: 'district:fengtai',
    daysAgo: 6,
    title: '“我是客服，给您退款”——先别急，三句话识破',
    summary: '真客服不会让您先付钱、不会要验证码、不会让您共享屏幕。',
    body: [
      '冒充网购、快递客服的诈骗，常以“商品质量问题双倍赔付”“误开会员要取消”“快递丢失理赔”为由打来电话。',
      '对方往往能说出您的订单号、收货地址，看起来很专业。接下来就会让您扫码、下载软件、开屏幕共享，或者在借贷软件里借款再转给他。',
    ],
    tips: ['退款不用您先付钱', '验证码不告诉任何人', '自己打开官方App核实，别回拨陌生号码'],
  },
  {
    kind: 'case',
    types: ['fake-investment'],
    for: ['elderly'],
    to: 'kangqiao',
    daysAgo: 2,
    title: '银行柜台前拦下的9万元：一位大妈的“理财App”',
    summary: '陌生人介绍下载的投资App、带着现金去汇款——银行工作人员和康桥派出所反诈专员联手，保住了吴大妈的养老钱。',
    body: [
      '家住康桥街道的吴大妈，经陌生人介绍下载了一个投资理财App，“老师”天天在群里晒收益。她带着现金来到银行网点，准备汇款9万元“加仓”。',
      '银行工作人员得知她是经陌生人介绍投资，觉得不对劲，当场联系了康桥派出所的反诈专员。民警赶到后，对照诈骗套路一条条讲给大妈听，终于让她放弃了汇款。',
      '这样的拦截，靠的是派出所与辖区银行的“警银联动”：定期会商、互通情况，看到可疑的大额转账先问一问。',
    ],
    tips: ['保本高收益、导师带单、内部消息，都是骗局', '大额转账前，先问问银行柜员和民警', '陌生人推荐的理财App，一律不下载'],
  },
  {
    kind: 'knowledge',
    types: ['fake-investment', 'fake-police'],
    for: ['elderly', 'everyone'],
    to: 'kangqiao',
    daysAgo: 9,
    title: '“警银联动”是什么？柜员多问您一句，是在帮您守钱袋子',
    summary: '去银行转大额款，柜员问用途、请民警来聊两句，不是刁难，是反诈的最后一道关口。',
    body: [
      '康桥派出所和辖区各家银行建立了“警银联动”机制：银行发现可疑转账，会第一时间联系派出所反诈专员；双方定期会商，交流最新的骗术。',
      '如果柜员问您转账的用途、收款人是谁，请如实说明。骗子常常教人“就说是给亲戚的”，这句话恰恰是危险信号。',
    ],
    tips: ['有人教您怎么应付柜员，就是骗子', '大额取现、转账，最好有家人陪同', '想确认，请柜员帮您联系派出所'],
  },
  {
    kind: 'knowledge',
    types: ['task-rebate'],
    for: ['students'],
    to: 'district:gongshu',
    daysAgo: 4,
    title: '同学，“点赞返现”的兼职，第一单就是陷阱',
    summary: '先返几块钱让你尝到甜头，再拉你做“连单任务”，越陷越深。',
    body: [
      '假期里，不少同学在群里看到“动动手指日赚300”的兼职广告：给视频点赞、关注店铺，一单返几块钱，而且真的到账了。',
      '接着对方会让你下载一个App，说“做连单任务佣金更高”，但要先垫付。等你垫了几千，系统会“卡单”，再要你转钱“解冻”。',
    ],
    tips: ['凡是要先垫钱的刷单，都是诈骗', '刷单本身违法，被骗难追回', '遇到了告诉老师和家长，或打96110'],
  },
  {
    kind: 'alert',
    types: ['fake-loan'],
    for: ['migrantWorkers'],
    to: 'banshan',
    pinHours: 48,
    daysAgo: 0.5,
    title: '半山辖区预警：“不看征信当天放款”的贷款短信，别点',
    summary: '近期辖区多名务工人员收到贷款短信，下载App后被要求交“解冻费”“保证金”。',
    body: [
      '近期，半山辖区多位外来务工人员收到“无抵押、不看征信、当天放款”的短信，点开链接下载App申请贷款后，被告知“银行卡号填错，资金冻结”，要交“解冻费”。',
      '有人交了一次又一次，始终没有拿到一分钱贷款。',
    ],
    tips: ['正规贷款放款前不收任何费用', '不点短信里的贷款链接', '急用钱去银行等正规机构'],
  },
  {
    kind: 'case',
    types: ['fake-boss'],
    for: ['everyone'],
    to: 'banshan/hanggang-beiyuan',
    daysAgo: 8,
    title: '杭钢北苑：“老板”微信要转款，会计多打了一个电话',
    summary: '头像、名字都对，语气也像。一个核实电话，保住了公司20万元。',
    body: [
      '杭钢北苑社区一家小公司的会计，被拉进一个“工作群”，群里的“老板”让她马上给一个客户账户转20万元货款，说自己在开会不方便接电话。',
      '会计想起田安乐警务室民警在社区讲过的案例，还是拨通了老板的手机——老板根本不知道这件事。',
    ],
    tips: ['说到转账，先打电话或当面核实', '不要在“群”里确认付款', '严格执行公司的付款审批'],
  },
  {
    kind: 'knowledge',
    types: ['fake-boss'],
    for: ['elderly'],
    to: 'city:fengtai',
    daysAgo: 12,
    title: '“奶奶，我是您孙子，出事了别告诉我爸妈”',
    summary: '冒充亲属的电话，常有三个特点：声音不太像、事情很急、要您保密。',
    body: [
      '“奶奶，是我啊，我在外地把人撞了，急需两万块钱，千万别告诉我爸妈。”接到这样的电话，很多老人一着急就去转账了。',
      '骗子会说自己感冒了所以声音不像，再找个“警察”“医生”接电话，让您更加相信。',
    ],
    tips: ['挂断后，给孙子或他父母打电话核实', '越说“别告诉家人”，越要告诉家人', '拿不准就打110问'],
  },
  {
    kind: 'knowledge',
    types: ['game-trade'],
    for: ['students'],
    to: 'city:gongshu',
    daysAgo: 10,
    title: '游戏账号高价收、装备低价卖？私下交易等于送钱',
    summary: '骗子把你引到陌生网站交易，收了钱就拉黑，或者以“账户冻结”为由要你交保证金。',
    body: [
      '有同学在游戏里遇到有人出高价收购账号，对方发来一个交易网站，显示“买家已付款，因您的账户未认证被冻结，需要交保证金解冻”。',
      '也有人低价买装备，付了款，对方就消失了。',
    ],
    tips: ['只在游戏官方平台交易', '不点陌生交易网站', '“免费领皮肤”要扫码付款的，都是骗局'],
  },
  {
    kind: 'case',
    types: ['game-trade', 'fake-refund'],
    for: ['students', 'everyone'],
    to: 'changqing',
    daysAgo: 14,
    title: '孩子用妈妈手机“领皮肤”，一晚上转走了1万多',
    summary: '骗子以“未成年人误充值退款”“免费领皮肤”为诱饵，指挥孩子在家长手机上操作。',
    body: [
      '长庆街道一名小学生在短视频平台看到“免费领游戏皮肤”，加了对方的QQ。对方说要“验证身份”，让他用妈妈的手机扫码，又说“操作失误要退款”，一步步让他转出了一万多元。',
      '孩子不懂，也不敢告诉家长。直到妈妈收到银行短信，才发现被骗。',
    ],
    tips: ['告诉孩子：任何“免费领”都要先问爸妈', '支付密码不要让孩子知道', '开启支付软件的未成年人保护'],
  },
  {
    kind: 'knowledge',
    types: ['fake-police'],
    for: ['everyone'],
    to: 'district:gongshu',
    daysAgo: 16,
    title: '公检法不会这样办案：三个“不会”记心里',
    summary: '不会电话办案，不会网上发通缉令，不会要求转到“安全账户”。',
    body: [
      '冒充公检法诈骗里，骗子会先说您的快递里有违禁品，或者身份证被人冒用开了银行卡，然后转接给“警官”。',
      '“警官”会发来伪造的警官证、通缉令，要求您“配合调查、严格保密”，下载软件、开屏幕共享，最后让您把钱转到“安全账户”。',
    ],
    tips: ['公检法不会电话办案', '不会在网上发通缉令、逮捕令', '没有所谓的“安全账户”'],
  },
  {
    kind: 'case',
    types: ['fake-loan'],
    for: ['students'],
    to: 'city:fengtai',
    daysAgo: 18,
    title: '大学生想贷款买电脑，先交了三次“手续费”',
    summary: '“学生专享低息贷”“不用父母知道”，结果一分钱没贷到，反倒被骗了4000元。',
    body: [
      '一名大学生在社交平台看到“学生专享低息贷款”，联系后对方说要先交“手续费”，再交“保证金”，最后又说“流水不足”要刷流水。',
      '他前后转了4000多元，对方始终没有放款。',
    ],
    tips: ['正规贷款放款前不收费', '校园贷、裸贷都是陷阱', '缺钱先和家人、学校商量'],
  },
  {
    kind: 'knowledge',
    types: ['romance'],
    for: ['everyone'],
    to: 'district:fengtai',
    daysAgo: 20,
    title: '网络交友，认清“杀猪盘”的四个阶段',
    summary: '找目标、养感情、带投资、榨干钱，骗子的剧本几乎一模一样。',
    body: [
      '骗子在婚恋、交友平台上包装成成功人士，先嘘寒问暖“养猪”，确立恋爱关系后，再不经意地透露自己在某个平台投资赚钱。',
      '等您小额试水赚到钱，再诱导加大投入。最后平台无法提现，对方也消失了。',
    ],
    tips: ['网友带您投资、博彩，一定是骗局', '坚持先见面、再谈感情', '钱的事，先和家人商量'],
  },
  {
    kind: 'knowledge',
    types: ['task-rebate', 'other'],
    for: ['migrantWorkers'],
    to: 'district:gongshu',
    daysAgo: 22,
    title: '找工作先交“体检费”“服装费”？小心招聘陷阱',
    summary: '正规用人单位不会让您先交钱。扣身份证、收押金的，更要警惕。',
    body: [
      '刚到杭州的务工人员，常在网上或街头看到“高薪轻松”的招聘广告。去了之后被要求先交体检费、服装费、培训费，交完钱就没了下文。',
      '还有人被骗去“刷单打字”，或者被要求把银行卡、电话卡借给别人用——出借“两卡”本身就违法。',
    ],
    tips: ['入职前要交钱的，多半是骗局', '身份证、银行卡、电话卡不出借', '找工作走正规人力资源市场'],
  },
  {
    kind: 'alert',
    types: ['other'],
    for: ['elderly'],
    to: 'chaoming/dongyuan',
    daysAgo: 5,
    title: '东园社区：送鸡蛋的“健康讲座”，推销上万元“神药”',
    summary: '有团伙在社区附近租场地办讲座，先送礼品拉拢老人，再高价卖保健品。',
    body: [
      '近期，东园社区附近有人办“免费健康讲座”，送鸡蛋、送体检，讲台上的“专家”说自家的产品能治高血压、糖尿病。',
      '几天下来，有老人花上万元买了一堆“保健品”。经查，这些产品只是普通食品。',
    ],
    tips: ['包治百病的“神药”都是骗局', '看病吃药去正规医院', '子女多关心，别让老人一个人去讲座'],
  },
  {
    kind: 'knowledge',
    types: ['other'],
    for: ['elderly'],
    to: 'city:gongshu',
    daysAgo: 25,
    title: '“养老项目”“以房养老”，高回报背后是养老钱的窟窿',
    summary: '投资养老公寓、认购床位、以房养老理财——承诺高息返利的，都要警惕。',
    body: [
      '一些机构打着“养老服务”的旗号，向老人推销“养老公寓床位”“以房养老理财”，承诺每年返利百分之十几。',
      '前几个月确实有返利，等投入的人多了，机构就关门跑路。',
    ],
    tips: ['承诺高额返利的养老项目，不碰', '房产证不交给外人，抵押合同看清楚', '先问问子女和社区民警'],
  },
  {
    kind: 'case',
    types: ['fake-boss'],
    for: ['everyone'],
    to: 'xiluoyuan/xly-1,xly-3',
    daysAgo: 7,
    title: '西罗园：冒充“居委会主任”加微信，通知交“燃气补贴手续费”',
    summary: '骗子用居委会主任的头像和名字加居民微信，有两户居民差点转账。',
    body: [
      '西罗园第一、第三社区有居民收到好友申请，头像和名字都是居委会主任。“主任”通知大家领燃气补贴，要先交50元手续费。',
      '有居民在便民群里问了一句，片儿警马上回复：居委会从不通过私人微信收费。',
    ],
    tips: ['社区通知以便民群和公告栏为准', '陌生好友请求，先在群里问一问', '交钱的事当面到居委会核实'],
  },
  {
    kind: 'knowledge',
    types: ['fake-refund', 'other'],
    for: ['everyone', 'elderly'],
    to: 'city:fengtai',
    daysAgo: 28,
    title: '验证码就是家门钥匙：六位数字，谁要都不给',
    summary: '银行、客服、警察都不会向您索要短信验证码。',
    body: [
      '短信验证码可以用来登录您的账户、转账、开通借款。骗子千方百计要验证码，就是想直接动您的钱。',
      '收到验证码短信时，请看清楚短信里写的用途：如果写着“转账”“绑定新设备”，而您并没有在操作，说明有人正在盗用您的账户。',
    ],
    tips: ['验证码不告诉任何人', '看到陌生验证码短信，立即联系银行', '不开屏幕共享'],
  },
  {
    kind: 'case',
    types: ['task-rebate'],
    for: ['everyone'],
    to: 'xiaohe',
    daysAgo: 11,
    title: '小河街区：宝妈在家做“刷单兼职”，三天被骗6万',
    summary: '从“关注店铺返5元”到“充值任务返30%”，再到“操作失误被冻结”。',
    body: [
      '小河街区一位全职妈妈想在家赚点零花钱，加入了一个“兼职群”。前几单关注店铺、给商品好评，都按时返了佣金。',
      '随后群主派发“充值任务”，充得越多返得越多。到第三天，她的账户显示“操作失误被冻结”，要再充值才能解冻，这时她已经转出了6万元。',
    ],
    tips: ['先返小钱是诱饵', '“冻结”“解冻”都是骗子的说辞', '发现被骗立即拨打110'],
  },
  {
    kind: 'knowledge',
    types: ['other'],
    for: ['migrantWorkers', 'students'],
    to: 'district:fengtai',
    daysAgo: 30,
    title: '借出去的银行卡、电话卡，可能成了诈骗团伙的“工具”',
    summary: '“借卡一天给200元”？出租出售银行卡、电话卡违法，还可能被追究刑事责任。',
    body: [
      '有人以“公司走账”“帮忙刷流水”为由，花钱收购或租用银行卡、电话卡。这些卡往往被诈骗团伙用来转移赃款、拨打诈骗电话。',
      '卡是您的名字办的，出了事，您也要承担法律责任。',
    ],
    tips: ['银行卡、电话卡不出租、不出借、不出售', '不用的卡及时注销', '发现有人收卡，向派出所举报'],
  },
  {
    kind: 'knowledge',
    types: ['fake-investment'],
    for: ['everyone'],
    to: 'city:gongshu',
    daysAgo: 33,
    title: '被拉进“荐股群”？群里的赚钱截图，多半是演给您看的',
    summary: '一个群里除了您，可能都是骗子扮演的“股民”和“老师”。',
    body: [
      '骗子把人拉进“荐股群”“理财课堂”，先免费讲课、推荐股票，再由一群“托”晒收益截图、感谢老师。',
      '等您信了，就引导您在一个陌生的App或网站开户充值。前期能小额提现，投得多了就提不出来了。',
    ],
    tips: ['正规机构不会在群里带单', '只在持牌机构的官方App交易', '提现要先交钱的平台，一定是假的'],
  },
  {
    kind: 'alert',
    types: ['fake-police'],
    for: ['elderly', 'everyone'],
    to: 'kangqiao/kangqiao-xincun',
    pinHours: 72,
    daysAgo: 0.8,
    title: '康桥新村：有老人被要求“视频做笔录”，请勿配合',
    summary: '骗子冒充警察，让老人躲进宾馆房间“视频配合调查”，切断与家人的联系。',
    body: [
      '近日，康桥新村社区一位老人接到“警察”电话，说他涉嫌一起洗钱案，要求他独自住进宾馆，开着视频“接受调查”，不许接家人电话。',
      '幸好家属发现老人失联后报警，民警及时找到了老人，避免了损失。',
    ],
    tips: ['真警察不会让您“视频做笔录”', '家里老人突然失联、行为反常，立即报警', '接到可疑电话，先告诉家人'],
  },
  {
    kind: 'knowledge',
    types: ['other', 'fake-police', 'fake-boss'],
    for: ['elderly'],
    to: 'district:gongshu',
    daysAgo: 40,
    title: '给爸妈的反诈“口诀”：一不听、二不信、三不转',
    summary: '不听陌生电话的指挥，不信天上掉馅饼，不给陌生账户转账。',
    body: [
      '骗子的话术再多，最后都落在一件事上：让您转账或说出验证码。',
      '把这三句话抄在纸上贴在电话旁：陌生电话不听指挥；好处来了不轻信；转账之前问子女、问民警。',
    ],
    tips: ['一不听：陌生电话不听指挥', '二不信：中奖、补贴、高息都不信', '三不转：陌生账户一分不转'],
  },
  {
    kind: 'case',
    types: ['romance', 'fake-investment'],
    for: ['migrantWorkers'],
    to: 'changqing',
    daysAgo: 19,
    title: '外卖小哥网恋半年，攒的8万元全投进了“博彩平台”',
    summary: '对方说自己在博彩网站当“技术员”，能看到后台漏洞，带他“稳赢”。',
    body: [
      '长庆辖区一位外卖小哥在网上认识了一位“女友”。相处半年，对方说自己在一家博彩网站做技术，能看到后台漏洞，让他跟着下注。',
      '前几次小赢了一些，他便把打工攒下的8万元全部投入。随后账户被冻结，“女友”也联系不上了。',
    ],
    tips: ['网上赌博本身违法', '“内部漏洞”“稳赢”都是假的', '辛苦钱别交给没见过面的人'],
  },
  {
    kind: 'knowledge',
    types: ['fake-loan'],
    for: ['everyone'],
    to: 'district:fengtai',
    daysAgo: 45,
    title: '“帮您消除不良征信”？征信只能由央行征信中心更正',
    summary: '骗子自称能“修复征信”“注销校园贷”，目的都是让您转账。',
    body: [
      '骗子冒充贷款平台客服，说您大学时开通过“校园贷”，不注销会影响征信，要求您把各个借贷平台的额度借出来，转到“指定账户”清零。',
      '个人征信记录不能被任何人“消除”，有异议只能向中国人民银行征信中心申请核查。',
    ],
    tips: ['没有“注销校园贷”这回事', '征信问题只找央行征信中心', '让您借钱再转出的，都是诈骗'],
  },
  {
    kind: 'knowledge',
    types: ['other'],
    for: ['everyone'],
    to: 'xiluoyuan',
    daysAgo: 50,
    title: '片儿警就在您的小区群里：有事先在群里问一声',
    summary: '西罗园派出所的民警都在辖区约134个居民群里，推送反诈提醒，也解答迁户口、调解纠纷等问题。',
    body: [
      '西罗园派出所的32位民警，每人都是所管社区的党委副书记。大家“驻扎”在辖区大大小小的居民群里，平时不打扰大家，有提醒第一时间发。',
      '接到可疑电话、看到可疑链接，在群里或本小程序“问片警”问一声，片儿警会告诉您怎么办。',
    ],
    tips: ['可疑信息先在便民群问片儿警', '看到反诈提醒，转发给家里老人', '紧急情况直接拨打110'],
  },
  {
    kind: 'case',
    types: ['fake-police'],
    for: ['elderly'],
    to: 'city:gongshu',
    daysAgo: 35,
    title: '老人执意要转账，民警在银行陪他等来了儿子',
    summary: '老人深信自己“涉案”，谁劝都不听。民警一边劝，一边联系家属，最终没有转出一分钱。',
    body: [
      '一位老人到银行要给“专案组”转账，柜员劝阻无效，立即联系了派出所。民警赶到时，老人还在和“警官”视频，坚持说自己要“证明清白”。',
      '民警没有硬拦，而是陪着老人慢慢聊，同时联系上了他的儿子。儿子赶到后，老人才终于相信自己遇到了骗子。',
    ],
    tips: ['家人接到“涉案”电话，第一时间赶到身边', '银行和民警的劝阻，请多听一句', '已经转账，马上拨打110止付'],
  },
  {
    kind: 'knowledge',
    types: ['task-rebate', 'game-trade'],
    for: ['students'],
    to: 'district:fengtai',
    daysAgo: 38,
    title: '开学季提醒：三种骗局专盯学生',
    summary: '刷单兼职、游戏交易、冒充“学校”收费，开学前后最多。',
    body: [
      '每到开学季，骗子会冒充老师在家长群里收“资料费”，在学生群里发“兼职”广告，在游戏里“低价卖装备”。',
      '家长收到“老师”的收款通知，请先在学校正式渠道核实；学生遇到要先交钱的事，先告诉家长。',
    ],
    tips: ['家长群收费，先私下问老师本人', '兼职要垫钱的一律不做', '游戏交易只走官方平台'],
  },
];

export interface DemoPublication {
  /** The demo persona who publishes it. */
  persona: string;
  stationId: string;
  publishedAt: Date;
  draft: ArticleDraft;
}

/** The demo items as their officers publish them, oldest first, dated relative to `now`. */
export function demoPublications(now: Date): DemoPublication[] {
  return ITEMS.map((item): DemoPublication => {
    const { persona, stationId, target } = placement(item.to);
    return {
      persona,
      stationId,
      publishedAt: new Date(now.getTime() - item.daysAgo * 24 * 3_600_000),
      draft: {
        kind: item.kind,
        title: item.title,
        summary: item.summary,
        body: item.body,
        tips: item.tips,
        fraudTypes: item.types,
        audiences: item.for,
        target,
        urgent: item.pinHours !== undefined,
        ...(item.pinHours !== undefined ? { pinHours: item.pinHours } : {}),
        images: [],
      },
    };
  }).sort((a, b) => a.publishedAt.getTime() - b.publishedAt.getTime());
}

/** Publishes the demo items through the feed function, each as its officer at its moment; returns their ids by title. */
export async function publishDemoArticles(now: Date): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  for (const { persona, stationId, publishedAt, draft } of demoPublications(now)) {
    const { id } = await atLocalTime(publishedAt, () => callAs(persona, feedActions.publishArticle, { stationId, draft }));
    ids.set(draft.title, id);
  }
  return ids;
}
