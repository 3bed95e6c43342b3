/**
 * Demo data, drawn from the two newspaper reports the product comes from (shared/seeds):
 * 拱墅区公安分局's stations in Hangzhou and 丰台 西罗园派出所 in Beijing with its six
 * communities. Addresses and phone numbers are plausible but invented.
 */
import { DEMO_ADDRESS_BOOKS } from './demo-address-books';
import type { CommunityRecord, DistrictRecord, PostRecord, StationRecord } from '@platform/cloud/collections';
import { DEMO_BOUNDARIES } from './demo-geography';
import { OFFICER_KIND_LABELS, type OfficerKind, type Role } from '@domain/roles';

export const DEMO_DISTRICTS: DistrictRecord[] = [
  { _id: 'gongshu', name: '拱墅区公安分局', city: '杭州', generalQueueName: '综合受理' },
  { _id: 'fengtai', name: '丰台区公安分局', city: '北京', generalQueueName: '综合受理' },
];

const HANGZHOU_HALL = '周一至周五 8:30–12:00，13:30–17:00；周六上午 9:00–12:00';
const BEIJING_HALL = '周一至周五 9:00–12:00，13:30–17:00';

const station = (
  _id: string,
  name: string,
  districtId: string,
  address: string,
  phone: string,
  latitude: number,
  longitude: number,
  hallServices: string[],
  order: number,
): StationRecord => ({
  _id,
  name,
  districtId,
  address,
  phone,
  hallHours: districtId === 'gongshu' ? HANGZHOU_HALL : BEIJING_HALL,
  hallServices,
  location: { latitude, longitude },
  order,
});

const FULL_HALL = ['身份证办理', '户口迁移', '居住证', '出入境证件'];
const BASIC_HALL = ['身份证办理', '户口迁移', '居住证'];

export const DEMO_STATIONS: StationRecord[] = [
  station('changqing', '长庆派出所', 'gongshu', '杭州市拱墅区长庆街道中山北路 310 号', '0571-8702 1101', 30.2775, 120.1618, FULL_HALL, 1),
  station('chaoming', '潮鸣派出所', 'gongshu', '杭州市拱墅区潮鸣街道东园巷 25 号', '0571-8702 1102', 30.2769, 120.1752, BASIC_HALL, 2),
  station('kangqiao', '康桥派出所', 'gongshu', '杭州市拱墅区康桥街道康桥路 118 号', '0571-8702 1103', 30.3606, 120.1553, BASIC_HALL, 3),
  station('banshan', '半山派出所', 'gongshu', '杭州市拱墅区半山街道半山路 66 号', '0571-8702 1104', 30.3561, 120.1931, BASIC_HALL, 4),
  station('wulin', '武林派出所', 'gongshu', '杭州市拱墅区武林街道体育场路 201 号', '0571-8702 1105', 30.2724, 120.1620, FULL_HALL, 5),
  station('shangtang', '上塘派出所', 'gongshu', '杭州市拱墅区上塘街道上塘路 458 号', '0571-8702 1106', 30.3021, 120.1628, BASIC_HALL, 6),
  station('xiaohe', '小河派出所', 'gongshu', '杭州市拱墅区小河街道小河路 300 号', '0571-8702 1107', 30.3042, 120.1404, BASIC_HALL, 7),
  station('xiluoyuan', '西罗园派出所', 'fengtai', '北京市丰台区西罗园街道西罗园南路 16 号', '010-6721 0110', 39.8498, 116.3914, FULL_HALL, 8),
];

/** Posts (警务室/警务区) and the communities each covers, in display order. */
export const DEMO_POST_SETUP: { id: string; name: string; stationId: string; phone: string; communities: [string, string][] }[] = [
  { id: 'xly-north', name: '西罗园北警务区', stationId: 'xiluoyuan', phone: '010-6721 0121', communities: [['xly-1', '西罗园第一社区'], ['xly-2', '西罗园第二社区']] },
  { id: 'xly-south', name: '西罗园南警务区', stationId: 'xiluoyuan', phone: '010-6721 0122', communities: [['xly-3', '西罗园第三社区'], ['xly-4', '西罗园第四社区']] },
  { id: 'xly-yangqiao', name: '洋桥警务区', stationId: 'xiluoyuan', phone: '010-6721 0123', communities: [['huajiaoshu', '花椒树社区'], ['yangqiao-dongli', '洋桥东里社区']] },
  { id: 'bs-tiananle', name: '田安乐警务室', stationId: 'banshan', phone: '0571-8702 1141', communities: [['hanggang-beiyuan', '杭钢北苑社区'], ['banshan-tianyuan', '半山田园社区']] },
  { id: 'cq-post', name: '长庆警务室', stationId: 'changqing', phone: '0571-8702 1111', communities: [['changqing-ximen', '长庆西门社区']] },
  { id: 'cm-post', name: '潮鸣警务室', stationId: 'chaoming', phone: '0571-8702 1121', communities: [['dongyuan', '东园社区']] },
  { id: 'kq-post', name: '康桥警务室', stationId: 'kangqiao', phone: '0571-8702 1131', communities: [['kangqiao-xincun', '康桥新村社区']] },
  { id: 'xh-post', name: '小河警务室', stationId: 'xiaohe', phone: '0571-8702 1171', communities: [['xiaohe-jiequ', '小河街区社区']] },
  { id: 'wl-post', name: '凤起警务室', stationId: 'wulin', phone: '0571-8702 1151', communities: [['fengqi', '凤起社区']] },
];

export const DEMO_POSTS: PostRecord[] = DEMO_POST_SETUP.map(({ id, name, stationId, phone, communities }) => ({
  _id: id,
  name,
  stationId,
  phone,
  communityIds: communities.map(([communityId]) => communityId),
}));

const boundaryOf = (communityId: string) => {
  const found = DEMO_BOUNDARIES.find((boundary) => boundary.communityId === communityId);
  if (!found) throw new Error(`demo data: no boundary for ${communityId}`);
  return found;
};

const addressOf = (communityId: string): CommunityRecord['address'] => {
  const book = DEMO_ADDRESS_BOOKS.find((candidate) => candidate.communityId === communityId);
  if (!book) throw new Error(`demo data: no address book for ${communityId}`);
  const { communityId: _id, name: _name, ...address } = book;
  return { ...address, aliases: [...address.aliases] };
};

export const DEMO_COMMUNITIES: CommunityRecord[] = DEMO_POST_SETUP.flatMap((post) => post.communities.map(([id, name]) => ({ id, name, post }))).map(
  ({ id, name, post }, index): CommunityRecord => {
    const { outer, centre } = boundaryOf(id);
    return { _id: id, name, stationId: post.stationId, postId: post.id, order: index + 1, boundary: { outer }, centre, address: addressOf(id) };
  },
);

/**
 * The demo's officers as their stations set them up: each is invited by the station's admin,
 * registers with the code as the persona `persona` (name, title, work phone), and is then given
 * their post, communities and kinds. `key` names them here only; the record's id is made when the
 * invite is redeemed (look an officer up by persona: tests/support/cloud-harness.ts officerIdOf).
 */
export interface DemoOfficer {
  key: string;
  name: string;
  title: string;
  stationId: string;
  postId?: string;
  kinds: OfficerKind[];
  communityIds: string[];
  /** The work phone on the 警民联系牌. */
  phone: string;
  persona: string;
}

export const DEMO_OFFICERS: DemoOfficer[] = [
  { key: 'zhao', name: '赵文龙', title: '赵警官', stationId: 'xiluoyuan', postId: 'xly-north', kinds: ['beat'], communityIds: ['xly-2'], phone: '010-6721 0131', persona: 'officer-beat-xly' },
  { key: 'cheng', name: '程亮', title: '程警官', stationId: 'xiluoyuan', postId: 'xly-north', kinds: ['duty', 'beat'], communityIds: ['xly-1'], phone: '010-6721 0132', persona: 'officer-duty-xly' },
  { key: 'liu', name: '刘建国', title: '刘警官', stationId: 'xiluoyuan', postId: 'xly-south', kinds: ['beat'], communityIds: ['xly-3', 'xly-4'], phone: '010-6721 0133', persona: 'officer-beat-xly-south' },
  { key: 'sun', name: '孙立', title: '孙警官', stationId: 'xiluoyuan', postId: 'xly-yangqiao', kinds: ['beat'], communityIds: ['huajiaoshu', 'yangqiao-dongli'], phone: '010-6721 0134', persona: 'officer-beat-xly-yangqiao' },
  { key: 'ma', name: '马晓雯', title: '马警官', stationId: 'xiluoyuan', kinds: ['antiFraud'], communityIds: [], phone: '010-6721 0135', persona: 'officer-antifraud-xly' },
  { key: 'xly-hall', name: '李娜', title: '李警官', stationId: 'xiluoyuan', kinds: ['hall'], communityIds: [], phone: '010-6721 0136', persona: 'officer-hall-xly' },
  { key: 'tian', name: '田安乐', title: '田警官', stationId: 'banshan', postId: 'bs-tiananle', kinds: ['beat'], communityIds: ['hanggang-beiyuan', 'banshan-tianyuan'], phone: '0571-8702 1142', persona: 'officer-beat-bs' },
  { key: 'cq-beat', name: '周敏', title: '周警官', stationId: 'changqing', postId: 'cq-post', kinds: ['beat'], communityIds: ['changqing-ximen'], phone: '0571-8702 1112', persona: 'officer-beat-cq' },
  { key: 'cq-hall', name: '长庆户籍窗口', title: '户籍窗口民警', stationId: 'changqing', kinds: ['hall'], communityIds: [], phone: '0571-8702 1113', persona: 'officer-hall-cq' },
  { key: 'cm-beat', name: '金天红', title: '金警官', stationId: 'chaoming', postId: 'cm-post', kinds: ['beat'], communityIds: ['dongyuan'], phone: '0571-8702 1122', persona: 'officer-beat-cm' },
  { key: 'kq-beat', name: '吴海', title: '吴警官', stationId: 'kangqiao', postId: 'kq-post', kinds: ['beat'], communityIds: ['kangqiao-xincun'], phone: '0571-8702 1132', persona: 'officer-beat-kq' },
  { key: 'kq-fraud', name: '康桥反诈专员', title: '反诈专员', stationId: 'kangqiao', kinds: ['antiFraud'], communityIds: [], phone: '0571-8702 1133', persona: 'officer-antifraud-kq' },
  { key: 'xh-beat', name: '何川', title: '何警官', stationId: 'xiaohe', postId: 'xh-post', kinds: ['beat'], communityIds: ['xiaohe-jiequ'], phone: '0571-8702 1172', persona: 'officer-beat-xh' },
  { key: 'wl-beat', name: '郑涛', title: '郑警官', stationId: 'wulin', postId: 'wl-post', kinds: ['beat'], communityIds: ['fengqi'], phone: '0571-8702 1152', persona: 'officer-beat-wl' },
];

/** A demo person the local sign-in page offers. `openid` stands for what WeChat would send. */
export interface DemoPersona {
  key: string;
  label: string;
  description: string;
  openid: string;
  nickname: string;
  role: Role;
  officerKinds: OfficerKind[];
  stationId?: string;
  districtId?: string;
  homeCommunityId?: string;
}

/**
 * Every other demo officer is a persona too: whatever routing gives an officer reaches someone who
 * can sign in and answer (西罗园's anti-fraud officer had no account, so an urgent 转账前问一问
 * waited for the escalation timer).
 */
function officerPersona(key: string, officerKey: string, description: string): DemoPersona {
  const officer = DEMO_OFFICERS.find((candidate) => candidate.key === officerKey);
  if (!officer) throw new Error(`demo persona ${key}: no officer ${officerKey}`);
  const kind = officer.kinds[0] ?? 'beat';
  return {
    key,
    label: `${OFFICER_KIND_LABELS[kind]} · ${officer.title}`,
    description,
    openid: `local-openid-officer-${officerKey}`,
    nickname: officer.name,
    role: 'officer',
    officerKinds: [...officer.kinds],
    stationId: officer.stationId,
    districtId: DEMO_STATIONS.find((station) => station._id === officer.stationId)?.districtId ?? '',
  };
}

export const DEMO_PERSONAS: DemoPersona[] = [
  {
    key: 'resident-xly2',
    label: '居民 · 王阿姨',
    description: '西罗园第二社区居民，72岁，从社区便民群点进来',
    openid: 'local-openid-resident-wang',
    nickname: '王阿姨',
    role: 'resident',
    officerKinds: [],
    homeCommunityId: 'xly-2',
  },
  {
    key: 'resident-hgby',
    label: '居民 · 陈师傅',
    description: '半山 杭钢北苑社区居民',
    openid: 'local-openid-resident-chen',
    nickname: '陈师傅',
    role: 'resident',
    officerKinds: [],
    homeCommunityId: 'hanggang-beiyuan',
  },
  {
    key: 'officer-beat-xly',
    label: '社区民警 · 赵警官',
    description: '西罗园派出所 西罗园第二社区 社区民警',
    openid: 'local-openid-officer-zhao',
    nickname: '赵文龙',
    role: 'officer',
    officerKinds: ['beat'],
    stationId: 'xiluoyuan',
    districtId: 'fengtai',
  },
  {
    key: 'officer-duty-xly',
    label: '值班民警 · 程警官',
    description: '西罗园派出所 今日值班（夜间 18:00–次日 8:00）',
    openid: 'local-openid-officer-cheng',
    nickname: '程亮',
    role: 'officer',
    officerKinds: ['duty'],
    stationId: 'xiluoyuan',
    districtId: 'fengtai',
  },
  {
    key: 'officer-antifraud-kq',
    label: '反诈民警 · 康桥反诈专员',
    description: '康桥派出所 反诈专员（转账核实、发布预警）',
    openid: 'local-openid-officer-antifraud-kangqiao',
    nickname: '康桥反诈专员',
    role: 'officer',
    officerKinds: ['antiFraud'],
    stationId: 'kangqiao',
    districtId: 'gongshu',
  },
  {
    key: 'officer-hall-cq',
    label: '窗口民警 · 户籍窗口',
    description: '长庆派出所 综合服务大厅 户籍/出入境窗口',
    openid: 'local-openid-officer-hall-changqing',
    nickname: '长庆户籍窗口',
    role: 'officer',
    officerKinds: ['hall'],
    stationId: 'changqing',
    districtId: 'gongshu',
  },
  {
    key: 'officer-hall-xly',
    label: '窗口民警 · 李警官',
    description: '西罗园派出所 综合服务大厅 户籍窗口（预约签到、户籍咨询）',
    openid: 'local-openid-officer-hall-xiluoyuan',
    nickname: '李娜',
    role: 'officer',
    officerKinds: ['hall'],
    stationId: 'xiluoyuan',
    districtId: 'fengtai',
  },
  {
    key: 'partner-bank-kq',
    label: '银行网点 · 刘晓',
    description: '工商银行康桥支行 柜台主管（警银联动：客户转账可疑时请反诈民警核实）',
    openid: 'local-openid-partner-icbc-kangqiao',
    nickname: '刘晓',
    role: 'resident',
    officerKinds: [],
  },
  {
    key: 'officer-beat-cm',
    label: '社区民警 · 金警官',
    description: '潮鸣派出所 东园社区 社区民警（广场舞噪音调解）',
    openid: 'local-openid-officer-jin',
    nickname: '金天红',
    role: 'officer',
    officerKinds: ['beat'],
    stationId: 'chaoming',
    districtId: 'gongshu',
  },
  {
    key: 'admin-xly',
    label: '所管理员 · 西罗园内勤',
    description: '西罗园派出所 内勤（发布预警、配置服务、管理民警）',
    openid: 'local-openid-admin-xiluoyuan',
    nickname: '西罗园内勤',
    role: 'stationAdmin',
    officerKinds: [],
    stationId: 'xiluoyuan',
    districtId: 'fengtai',
  },
  {
    key: 'admin-fengtai',
    label: '分局管理员 · 丰台分局',
    description: '丰台区公安分局 指挥室（建立西罗园派出所、邀请其管理员）',
    openid: 'local-openid-admin-fengtai',
    nickname: '丰台分局指挥室',
    role: 'districtAdmin',
    officerKinds: [],
    districtId: 'fengtai',
  },
  {
    key: 'admin-gongshu',
    label: '分局管理员 · 拱墅分局',
    description: '拱墅区公安分局 指挥室',
    openid: 'local-openid-admin-gongshu',
    nickname: '拱墅分局指挥室',
    role: 'districtAdmin',
    officerKinds: [],
    districtId: 'gongshu',
  },
  officerPersona('officer-antifraud-xly', 'ma', '西罗园派出所 反诈民警（转账前问一问、发布预警）'),
  officerPersona('officer-beat-xly-south', 'liu', '西罗园派出所 西罗园三区、四区 社区民警'),
  officerPersona('officer-beat-xly-yangqiao', 'sun', '西罗园派出所 花椒树、洋桥东里 社区民警'),
  officerPersona('officer-beat-bs', 'tian', '半山派出所 田安乐警务室 社区民警（杭钢北苑）'),
  officerPersona('officer-beat-cq', 'cq-beat', '长庆派出所 社区民警'),
  officerPersona('officer-beat-kq', 'kq-beat', '康桥派出所 社区民警'),
  officerPersona('officer-beat-xh', 'xh-beat', '小河派出所 社区民警'),
  officerPersona('officer-beat-wl', 'wl-beat', '武林派出所 凤起社区 社区民警'),
];
