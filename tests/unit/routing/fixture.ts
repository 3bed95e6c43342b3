/**
 * A small directory for the routing tests, after the stories: 西罗园派出所 (Beijing 丰台) with
 * three posts and six communities, 大红门派出所 next door, and 长庆派出所 (Hangzhou 拱墅) with
 * its service hall. Times are Beijing time around Tuesday 2026-03-10.
 */
import {
  createRoutingSnapshot,
  dayShift,
  nightShift,
  type DirectorySnapshot,
  type Leave,
  type RoutingRules,
  type RoutingSnapshot,
  type Shift,
} from '@domain/routing';

export const DAY = '2026-03-10';
/** 10:00 on DAY: the day shift. */
export const MORNING = new Date('2026-03-10T10:00:00+08:00');
/** 23:00 on DAY: the night shift that started at 18:00. */
export const LATE_NIGHT = new Date('2026-03-10T23:00:00+08:00');
/** 06:00 the next day: still the night shift of DAY. */
export const BEFORE_DAWN = new Date('2026-03-11T06:00:00+08:00');

export const directory: DirectorySnapshot = {
  districts: [
    { id: 'd-fengtai', name: '丰台分局', generalQueueName: '综合受理' },
    { id: 'd-gongshu', name: '拱墅区公安分局', generalQueueName: '综合受理' },
  ],
  stations: [
    { id: 's-xly', name: '西罗园派出所', districtId: 'd-fengtai', hallDeskName: '综合服务大厅', dutyDeskName: '值班室' },
    { id: 's-dhm', name: '大红门派出所', districtId: 'd-fengtai', hallDeskName: '综合服务大厅', dutyDeskName: '值班室' },
    { id: 's-cq', name: '长庆派出所', districtId: 'd-gongshu', hallDeskName: '综合服务大厅', dutyDeskName: '值班室' },
  ],
  posts: [
    { id: 'p-xly-n', name: '西罗园北警务区', stationId: 's-xly', communityIds: ['xly-1', 'xly-2'], phone: '010-00000001' },
    { id: 'p-xly-s', name: '西罗园南警务区', stationId: 's-xly', communityIds: ['xly-3', 'xly-4'], phone: '010-00000002' },
    { id: 'p-yq', name: '洋桥警务区', stationId: 's-xly', communityIds: ['huajiaoshu', 'yangqiao-dongli'], phone: '010-00000003' },
    { id: 'p-dhm', name: '大红门警务区', stationId: 's-dhm', communityIds: ['dhm-1'], phone: '010-00000004' },
    { id: 'p-cq', name: '长庆警务室', stationId: 's-cq', communityIds: ['cq-1'], phone: '0571-00000001' },
  ],
  communities: [
    { id: 'xly-1', name: '西罗园第一社区', postId: 'p-xly-n', stationId: 's-xly' },
    { id: 'xly-2', name: '西罗园第二社区', postId: 'p-xly-n', stationId: 's-xly' },
    { id: 'xly-3', name: '西罗园第三社区', postId: 'p-xly-s', stationId: 's-xly' },
    { id: 'xly-4', name: '西罗园第四社区', postId: 'p-xly-s', stationId: 's-xly' },
    { id: 'huajiaoshu', name: '花椒树社区', postId: 'p-yq', stationId: 's-xly' },
    { id: 'yangqiao-dongli', name: '洋桥东里社区', postId: 'p-yq', stationId: 's-xly' },
    { id: 'dhm-1', name: '大红门社区', postId: 'p-dhm', stationId: 's-dhm' },
    { id: 'cq-1', name: '长庆社区', postId: 'p-cq', stationId: 's-cq' },
    // Data gone wrong: its station and post are not in the directory.
    { id: 'orphan', name: '孤儿社区', postId: 'p-gone', stationId: 's-gone' },
  ],
  officers: [
    { id: 'o-zhao', name: '赵建国', title: '赵警官', stationId: 's-xly', postId: 'p-xly-n', kinds: ['beat'], communityIds: ['xly-2'] },
    { id: 'o-cheng', name: '程立', title: '程警官', stationId: 's-xly', postId: 'p-xly-n', kinds: ['duty'], communityIds: [] },
    { id: 'o-qian', name: '钱敏', title: '钱警官', stationId: 's-xly', kinds: ['antiFraud'], communityIds: [] },
    // xly-3: two beat officers; 王警官 covers fewer communities, so he comes first.
    { id: 'o-li', name: '李强', title: '李警官', stationId: 's-xly', postId: 'p-xly-s', kinds: ['beat'], communityIds: ['xly-3', 'xly-4'] },
    { id: 'o-wang', name: '王海', stationId: 's-xly', postId: 'p-xly-s', kinds: ['beat'], communityIds: ['xly-3'] },
    // 西罗园南警务区 also has a hall officer and a duty officer: the duty kind is preferred.
    { id: 'o-a-hall', name: '安宁', title: '安警官', stationId: 's-xly', postId: 'p-xly-s', kinds: ['hall'], communityIds: [] },
    { id: 'o-zz-duty', name: '郑直', title: '郑警官', stationId: 's-xly', postId: 'p-xly-s', kinds: ['duty'], communityIds: [] },
    { id: 'o-sun', name: '孙燕', title: '孙警官', stationId: 's-dhm', kinds: ['antiFraud'], communityIds: [] },
    { id: 'o-hu', name: '胡为', title: '胡警官', stationId: 's-cq', postId: 'p-cq', kinds: ['hall'], communityIds: [] },
  ],
};

export function stationRules(stationId: string, overrides: Partial<RoutingRules['byCategory']>): RoutingRules {
  return {
    stationId,
    byCategory: {
      household: { target: 'hallDesk', priority: 'normal' },
      exitEntry: { target: 'hallDesk', priority: 'normal' },
      residencePermit: { target: 'hallDesk', priority: 'normal' },
      dispute: { target: 'beatOfficer', priority: 'normal' },
      other: { target: 'beatOfficer', priority: 'normal' },
      publicSecurity: { target: 'beatOfficer', priority: 'high' },
      fraudCheck: { target: 'antiFraudOfficer', priority: 'urgent' },
      ...overrides,
    },
    updatedAt: new Date('2026-03-01T09:00:00+08:00'),
    updatedBy: 'u-admin',
  };
}

/** Day shifts on DAY for the given officers (the usual case in these tests). */
export const onDayShift = (...officerIds: string[]): Shift[] => officerIds.map((id) => dayShift(id, DAY));
export const onNightShift = (...officerIds: string[]): Shift[] => officerIds.map((id) => nightShift(id, DAY));

export function snapshot(roster: { shifts?: Shift[]; leave?: Leave[] } = {}, rules: RoutingRules[] = [], dir: DirectorySnapshot = directory): RoutingSnapshot {
  return createRoutingSnapshot({ directory: dir, roster: { shifts: roster.shifts ?? [], leave: roster.leave ?? [] }, rules });
}
