/**
 * Setting a station up and keeping it running, by its own people: the district admin opens a
 * station; its admin manages officers (post, communities, hand-over on deactivation), the weekly
 * duty roster, posts and communities (boundaries from GeoJSON), and the service hall's settings.
 */
import * as v from 'valibot';
import { SERVICE_KINDS, type ServiceKind } from '../booking/services';
import type { WeekdayKey } from '../booking/time';
import { OFFICER_KINDS, type OfficerKind } from '../roles';
import { WORK_PHONE_RE } from '../station/officers';
import { SHIFT_KINDS, type ShiftKind } from '../station/roster';
import type { LatLng } from '../geo/types';
import { action, defineFunction, id, text } from './define';

export interface OfficerAdminView {
  id: string;
  name: string;
  /** How residents address the officer, e.g. "赵警官". */
  title: string;
  /** The work phone on the 警民联系牌. */
  phone?: string;
  photoUrl?: string;
  /** A photo is set, even when it is not shown (WeChat's check flagged it): it can still be replaced or removed. */
  hasPhoto: boolean;
  kinds: OfficerKind[];
  postId?: string;
  postName?: string;
  communityIds: string[];
  communityNames: string[];
  active: boolean;
  /** True when the officer has signed in with an invite (their own account). */
  hasAccount: boolean;
  /** Whether the roster has them on duty right now. */
  onDutyNow: boolean;
}

/** The signed-in officer's own record, with the new-question messages WeChat will still deliver. */
export interface MyOfficerView extends OfficerAdminView {
  alertCredits: number;
}

export interface HandoverView {
  officerId: string;
  successorId: string;
  successorTitle: string;
  threads: number;
  shifts: number;
  communities: number;
  /** Open 圆桌调解 cases the officer owned or co-mediated. */
  cases: number;
  /** 'deactivated' or the station they moved to. */
  outcome: 'deactivated' | 'moved';
}

export interface ShiftView {
  id: string;
  officerId: string;
  officerTitle: string;
  kind: ShiftKind;
  day: string;
  start: string;
  end: string;
  /** "08:00–18:00", "18:00–次日08:00". */
  label: string;
  /** The officer has leave during this shift. */
  onLeave: boolean;
}

export interface LeaveView {
  id: string;
  officerId: string;
  officerTitle: string;
  fromDay: string;
  toDay: string;
  reason: string;
}

export interface RosterGapView {
  kind: 'duty' | 'hall' | 'community';
  text: string;
  day?: string;
}

export interface RosterWeekView {
  stationId: string;
  weekStart: string;
  days: string[];
  shifts: ShiftView[];
  leave: LeaveView[];
  officers: { id: string; title: string; kinds: OfficerKind[] }[];
}

export interface StationOverviewView {
  stationId: string;
  stationName: string;
  /** Officers on duty now, by shift kind. */
  onDutyNow: { officerId: string; title: string; kind: ShiftKind; until: string }[];
  /** Communities without an active beat officer, then roster gaps in the next 7 days. */
  gaps: RosterGapView[];
  posts: { id: string; name: string; phone: string }[];
  communities: CommunityAdminView[];
}

export interface CommunityAdminView {
  id: string;
  name: string;
  aliases: string[];
  postId: string;
  postName: string;
  beatOfficers: string[];
  hasBoundary: boolean;
  boundary: LatLng[];
}

export interface BoundaryCheckView {
  ok: boolean;
  problem?: string;
  /** The boundary as read from the file (for the map). */
  outline: LatLng[];
  overlaps: { communityId: string; name: string; areaSquareMeters: number; outline: LatLng[]; boundary: LatLng[] }[];
}

export interface CreatedStationView {
  id: string;
  name: string;
  districtId: string;
}

export type WeekHoursSetting = Record<WeekdayKey, { start: string; end: string }[]>;

export interface HallServiceSetting {
  kind: ServiceKind;
  minutes: number;
  placesPerSlot: number;
  note: string;
  /** Ids of the windows that serve it. */
  windows: string[];
  /** The service's own, shorter hours; absent when it keeps the hall's. */
  hours?: WeekHoursSetting;
}

export interface HallWindowSetting {
  /** Chosen by the page for a new window (w1, w2…); kept when the window is renamed. */
  id: string;
  name: string;
}

export interface HallSettingsView {
  stationId: string;
  windows: HallWindowSetting[];
  services: HallServiceSetting[];
  hours: WeekHoursSetting;
  slotMinutes: number;
  holidays: { day: string; name: string }[];
  makeUpWorkdays: string[];
  horizonDays: number;
  bookingCutoffMinutes: number;
  cancelCutoffMinutes: number;
  isNew: boolean;
}

export interface HallChangeView {
  /** Residents whose booking loses its place; empty when nothing booked is touched. */
  affected: { bookingId: string; name: string; service: string; time: string; why: string }[];
  /** Services with bookings to come that lose a window: those residents go to the windows after. Saving needs confirming. */
  windowChanges: { service: string; bookings: number; before: string[]; after: string[] }[];
  saved: boolean;
  notified: number;
}

const workPhone = v.pipe(v.string('请填写工作电话'), v.trim(), v.regex(WORK_PHONE_RE, '工作电话应为手机号或带区号的座机号'));
const officerKinds = v.pipe(v.array(v.picklist(OFFICER_KINDS, '警种无效')), v.minLength(1, '请至少选择一个警种'), v.maxLength(OFFICER_KINDS.length, '警种无效'));
const day = v.pipe(v.string('日期无效'), v.regex(/^\d{4}-\d{2}-\d{2}$/, '日期应为 2026-12-05 这样的格式'));
const clock = v.pipe(v.string('时间无效'), v.regex(/^([01]\d|2[0-3]):[0-5]\d$/, '时间应为 08:30 这样的格式'));
const stationInput = { stationId: id('派出所') };
const period = v.strictObject({ start: clock, end: clock });
const dayPeriods = v.pipe(v.array(period), v.maxLength(4, '每天最多4个时间段'));
const whole = (label: string, min: number, max: number) =>
  v.pipe(v.number(`请填写${label}`), v.integer(`${label}应为整数`), v.minValue(min, `${label}至少为${min}`), v.maxValue(max, `${label}最多为${max}`));

const weekHours = v.strictObject({ mon: dayPeriods, tue: dayPeriods, wed: dayPeriods, thu: dayPeriods, fri: dayPeriods, sat: dayPeriods, sun: dayPeriods });

export const HallSettingsInputSchema = v.strictObject({
  ...stationInput,
  windows: v.pipe(
    v.array(v.strictObject({ id: id('窗口'), name: text('窗口名称', 20) })),
    v.minLength(1, '大厅至少要有一个窗口'),
    v.maxLength(30, '窗口最多30个'),
    v.check((windows) => new Set(windows.map((window) => window.id)).size === windows.length, '窗口编号重复，请刷新后再试'),
  ),
  services: v.pipe(
    v.array(
      v.strictObject({
        kind: v.picklist(SERVICE_KINDS, '业务无效'),
        minutes: whole('办理时长（分钟）', 5, 240),
        placesPerSlot: whole('每个时段的名额', 1, 500),
        note: v.optional(text('须知', 200, 0), ''),
        windows: v.pipe(v.array(id('窗口')), v.minLength(1, '请至少选择一个办理窗口'), v.maxLength(30, '窗口最多30个')),
        /** Absent: the service keeps the hall's hours. */
        hours: v.optional(weekHours),
      }),
    ),
    v.minLength(1, '至少要开放一项预约业务'),
  ),
  hours: weekHours,
  slotMinutes: whole('每个时段的长度（分钟）', 10, 120),
  holidays: v.pipe(v.array(v.strictObject({ day, name: text('节假日名称', 10) })), v.maxLength(200, '节假日太多')),
  makeUpWorkdays: v.pipe(v.array(day), v.maxLength(50, '调休上班日太多')),
  horizonDays: whole('可预约天数', 1, 60),
  bookingCutoffMinutes: whole('预约截止（分钟）', 0, 1440),
  cancelCutoffMinutes: whole('取消截止（分钟）', 0, 1440),
});

export const stationActions = defineFunction('station', {
  createStation: action<CreatedStationView>()({
    summary: '分局管理员新建派出所',
    input: v.strictObject({
      districtId: id('分局'),
      stationId: id('派出所编号'),
      name: text('派出所名称', 20),
      address: text('地址', 60),
      phone: workPhone,
      latitude: v.pipe(v.number('位置无效'), v.minValue(-90, '位置无效'), v.maxValue(90, '位置无效')),
      longitude: v.pipe(v.number('位置无效'), v.minValue(-180, '位置无效'), v.maxValue(180, '位置无效')),
    }),
    policy: 'districtAdmin',
    districtOf: (input) => input.districtId,
  }),
  listOfficers: action<OfficerAdminView[]>()({
    summary: '本所民警（岗位、社区、是否在岗）',
    input: v.strictObject({ ...stationInput, includeInactive: v.optional(v.boolean(), false) }),
    policy: 'stationStaff',
    stationOf: (input) => input.stationId,
  }),
  myOfficerProfile: action<MyOfficerView | null>()({
    summary: '我的民警资料（居民看到的称呼、工作电话、照片）',
    input: v.strictObject({}),
    policy: 'signedIn',
  }),
  updateMyOfficerProfile: action<OfficerAdminView>()({
    summary: '民警修改自己的称呼和工作电话',
    input: v.strictObject({ title: text('称呼', 10), phone: workPhone }),
    policy: 'signedIn',
  }),
  setMyOfficerPhoto: action<OfficerAdminView>()({
    summary: '民警换上或去掉自己的照片（先经 media 上传并送微信检查；警民联系牌和民警名单上显示）',
    input: v.strictObject({ photoFileId: v.nullable(v.pipe(v.string('照片无效'), v.regex(/^cloud:\/\/[\w.\-/]{1,300}$/, '照片无效'))) }),
    policy: 'signedIn',
  }),
  removeOfficerPhoto: action<OfficerAdminView>()({
    summary: '所管理员去掉本所一位民警的照片（照片文件随即删除）',
    input: v.strictObject({ ...stationInput, officerId: id('民警') }),
    policy: 'stationAdmin',
    stationOf: (input) => input.stationId,
  }),
  armAlerts: action<{ alertCredits: number }>()({
    summary: '民警开启“新的提问”微信提醒：记下这次同意了几条',
    input: v.strictObject({ accepted: v.pipe(v.number('次数无效'), v.integer('次数无效'), v.minValue(0, '次数无效'), v.maxValue(3, '次数无效')) }),
    policy: 'signedIn',
  }),
  assignOfficer: action<OfficerAdminView>()({
    summary: '所管理员安排民警的警务区、负责社区和警种',
    input: v.strictObject({
      ...stationInput,
      officerId: id('民警'),
      postId: v.optional(id('警务区')),
      communityIds: v.pipe(v.array(id('社区')), v.maxLength(20, '一名民警最多负责20个社区')),
      kinds: officerKinds,
    }),
    policy: 'stationAdmin',
    stationOf: (input) => input.stationId,
  }),
  deactivateOfficer: action<HandoverView>()({
    summary: '停用或调走一名民警：未办完的提问、案件、值班和社区同时交给一名同事',
    input: v.strictObject({ ...stationInput, officerId: id('民警'), successorId: id('接手的民警'), moveToStationId: v.optional(id('调往的派出所')) }),
    policy: 'stationAdmin',
    stationOf: (input) => input.stationId,
  }),
  stationOverview: action<StationOverviewView>()({
    summary: '本所概况：现在谁在岗、社区和值班的空缺（未来7天）',
    input: v.strictObject(stationInput),
    policy: 'stationStaff',
    stationOf: (input) => input.stationId,
  }),
  rosterWeek: action<RosterWeekView>()({
    summary: '一周的值班表',
    input: v.strictObject({ ...stationInput, weekStart: v.optional(day) }),
    policy: 'stationStaff',
    stationOf: (input) => input.stationId,
  }),
  addShift: action<ShiftView>()({
    summary: '排一个班（值班/社区/大厅）',
    input: v.strictObject({ ...stationInput, officerId: id('民警'), kind: v.picklist(SHIFT_KINDS, '班次无效'), day, start: clock, end: clock }),
    policy: 'stationAdmin',
    stationOf: (input) => input.stationId,
  }),
  removeShift: action<{ removed: boolean }>()({
    summary: '删除一个班',
    input: v.strictObject({ ...stationInput, shiftId: id('班次') }),
    policy: 'stationAdmin',
    stationOf: (input) => input.stationId,
  }),
  swapShifts: action<ShiftView[]>()({
    summary: '两名民警换班',
    input: v.strictObject({ ...stationInput, shiftId: id('班次'), otherShiftId: id('班次') }),
    policy: 'stationAdmin',
    stationOf: (input) => input.stationId,
  }),
  repeatWeek: action<{ added: number; weekStart: string }>()({
    summary: '把这一周的排班复制到下一周',
    input: v.strictObject({ ...stationInput, weekStart: day }),
    policy: 'stationAdmin',
    stationOf: (input) => input.stationId,
  }),
  addLeave: action<LeaveView>()({
    summary: '登记请假/不在岗（期间不会收到提问）',
    input: v.strictObject({ ...stationInput, officerId: id('民警'), fromDay: day, toDay: day, reason: v.optional(text('原因', 20, 0), '') }),
    policy: 'stationAdmin',
    stationOf: (input) => input.stationId,
  }),
  removeLeave: action<{ removed: boolean }>()({
    summary: '取消请假',
    input: v.strictObject({ ...stationInput, leaveId: id('请假') }),
    policy: 'stationAdmin',
    stationOf: (input) => input.stationId,
  }),
  savePost: action<{ id: string; name: string; phone: string }>()({
    summary: '新建或修改警务区/警务室',
    input: v.strictObject({
      ...stationInput,
      postId: v.optional(id('警务区')),
      /** A new post's own code (e.g. its 警务区 number), chosen by the admin; generated when absent. */
      code: v.optional(id('警务区编号')),
      name: text('警务区名称', 20),
      phone: workPhone,
    }),
    policy: 'stationAdmin',
    stationOf: (input) => input.stationId,
  }),
  checkBoundary: action<BoundaryCheckView>()({
    summary: '检查社区边界文件（GeoJSON）：能否读取、是否与相邻社区重叠',
    input: v.strictObject({ ...stationInput, communityId: v.optional(id('社区')), geojson: text('边界文件', 400_000) }),
    policy: 'stationAdmin',
    stationOf: (input) => input.stationId,
  }),
  saveCommunity: action<CommunityAdminView>()({
    summary: '新建或修改社区：名称、别名（地址匹配用）、警务区、边界',
    input: v.strictObject({
      ...stationInput,
      communityId: v.optional(id('社区')),
      /** A new community's own code (e.g. the 社区 code the 街道 uses), chosen by the admin; generated when absent. */
      code: v.optional(id('社区编号')),
      name: text('社区名称', 20),
      aliases: v.pipe(v.array(text('别名', 20)), v.maxLength(20, '别名最多20个')),
      postId: id('警务区'),
      geojson: v.optional(text('边界文件', 400_000)),
    }),
    policy: 'stationAdmin',
    stationOf: (input) => input.stationId,
  }),
  getHallSettings: action<HallSettingsView>()({
    summary: '大厅设置：窗口、业务（办理窗口、时长、名额、办理时间）、办公时间、节假日',
    input: v.strictObject(stationInput),
    policy: 'stationStaff',
    stationOf: (input) => input.stationId,
  }),
  saveHallSettings: action<HallChangeView>()({
    summary: '保存大厅设置；会影响已有预约（名额、时间、办理窗口）时先列出受影响的居民，确认后才保存',
    input: v.strictObject({ ...HallSettingsInputSchema.entries, confirmAffected: v.optional(v.boolean(), false) }),
    policy: 'stationAdmin',
    stationOf: (input) => input.stationId,
  }),
});
