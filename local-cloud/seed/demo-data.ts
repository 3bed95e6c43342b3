/**
 * Demo data, drawn from the two newspaper reports the product comes from (shared/seeds):
 * 拱墅区公安分局's stations in Hangzhou and 丰台 西罗园派出所 in Beijing with its six
 * communities. Addresses and phone numbers are plausible but invented.
 */
import type { CommunityRecord, DistrictRecord, StationRecord } from '@platform/cloud/collections';
import type { OfficerKind, Role } from '@domain/roles';

export const DEMO_DISTRICTS: DistrictRecord[] = [
  { _id: 'gongshu', name: '拱墅区公安分局', city: '杭州' },
  { _id: 'fengtai', name: '丰台区公安分局', city: '北京' },
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

const community = (_id: string, name: string, stationId: string, postName: string, order: number): CommunityRecord => ({
  _id,
  name,
  stationId,
  postName,
  order,
});

export const DEMO_COMMUNITIES: CommunityRecord[] = [
  community('xly-1', '西罗园第一社区', 'xiluoyuan', '西罗园北警务区', 1),
  community('xly-2', '西罗园第二社区', 'xiluoyuan', '西罗园北警务区', 2),
  community('xly-3', '西罗园第三社区', 'xiluoyuan', '西罗园南警务区', 3),
  community('xly-4', '西罗园第四社区', 'xiluoyuan', '西罗园南警务区', 4),
  community('huajiaoshu', '花椒树社区', 'xiluoyuan', '洋桥警务区', 5),
  community('yangqiao-dongli', '洋桥东里社区', 'xiluoyuan', '洋桥警务区', 6),
  community('hanggang-beiyuan', '杭钢北苑社区', 'banshan', '田安乐警务室', 7),
  community('banshan-tianyuan', '半山田园社区', 'banshan', '田安乐警务室', 8),
  community('changqing-ximen', '长庆西门社区', 'changqing', '长庆警务室', 9),
  community('dongyuan', '东园社区', 'chaoming', '潮鸣警务室', 10),
  community('kangqiao-xincun', '康桥新村社区', 'kangqiao', '康桥警务室', 11),
  community('xiaohe-jiequ', '小河街区社区', 'xiaohe', '小河警务室', 12),
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
    key: 'admin-gongshu',
    label: '分局管理员 · 拱墅分局',
    description: '拱墅区公安分局 指挥室',
    openid: 'local-openid-admin-gongshu',
    nickname: '拱墅分局指挥室',
    role: 'districtAdmin',
    officerKinds: [],
    districtId: 'gongshu',
  },
];
