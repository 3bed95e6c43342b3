import * as v from 'valibot';
import {
  FamilyMemberSchema,
  NeedsSchema,
  SERVICE_KINDS,
  isBookingId,
  isDay,
  parseSlotId,
  type BookingStatus,
  type DayAvailability,
  type MaterialItem,
  type NeedKind,
  type Relation,
  type ServiceDesk,
  type ServiceKind,
} from '../booking';
import { action, defineFunction, emptyInput, id, text } from './define';

export interface BookingServiceView {
  kind: ServiceKind;
  label: string;
  summary: string;
  desk: ServiceDesk;
  deskLabel: string;
  minutes: number;
  /** The photo is taken at the window: nothing to bring. */
  onSitePhoto: boolean;
  materials: MaterialItem[];
  placesPerSlot: number;
  /** The hall's windows that serve it, e.g. ["3号窗口（出入境）"]: where the resident goes. */
  windows: string[];
  /** Its own hours when shorter than the hall's, e.g. "周一至周五 09:00–12:00"; absent when it keeps the hall's. */
  hours?: string;
  /** The station's own note beside the catalogue's materials. */
  note?: string;
}

export interface ServiceListView {
  stationId: string;
  stationName: string;
  horizonDays: number;
  bookingCutoffMinutes: number;
  cancelCutoffMinutes: number;
  services: BookingServiceView[];
}

export interface AvailabilityDayView {
  day: string;
  status: DayAvailability['status'];
  closedReason?: DayAvailability['closedReason'];
  note?: string;
  slots: { slotId: string; time: string; start: string; left: number }[];
}

export interface AvailabilityView {
  stationId: string;
  service: ServiceKind;
  days: AvailabilityDayView[];
}

/** Whom a booking is for, as the account holder or an officer sees it: never the full ID number or phone. */
export interface BookingPersonView {
  self: boolean;
  /** "本人" for the account holder; the family member's name otherwise (masked for officers). */
  name: string;
  familyMemberId?: string;
  idNumberMasked?: string;
  phoneMasked?: string;
}

export interface BookingNeedsView {
  kinds: NeedKind[];
  greenChannelReason?: string;
  labels: string[];
}

export interface BookingView {
  id: string;
  stationId: string;
  stationName: string;
  service: ServiceKind;
  serviceLabel: string;
  slotId: string;
  day: string;
  time: string;
  start: string;
  end: string;
  status: BookingStatus;
  statusLabel: string;
  person: BookingPersonView;
  needs: BookingNeedsView;
  /** 6-digit code the resident reads out, and the QR payload the officer scans. */
  checkInCode: string;
  checkInPayload: string;
  /** Moving the booking could not keep its code (another booking of that day had it): the code it had before, so the page can say the new one clearly. */
  previousCheckInCode?: string;
  createdAt: string;
  checkedInAt?: string;
  /** The hall closed this time after it was booked: reschedule (any time before it) or cancel. */
  closure?: { reason: string };
  /** Where to go: the windows that serve its service now (upcoming bookings in 我的预约). */
  windows?: string[];
}

export interface MyBookingsView {
  upcoming: BookingView[];
  past: BookingView[];
}

export interface FamilyMemberView {
  id: string;
  name: string;
  relation: Relation;
  relationLabel: string;
  idNumberMasked: string;
  phoneMasked: string;
}

export interface RosterEntryView {
  bookingId: string;
  service: ServiceKind;
  serviceLabel: string;
  status: BookingStatus;
  statusLabel: string;
  person: BookingPersonView;
  needs: BookingNeedsView;
  checkedInAt?: string;
  closure?: { reason: string };
}

/** Housekeeping's care of places: bookings of earlier versions given theirs, waitlists whose held places it checked and repaired. */
export interface PlaceCheckView {
  migrated: number;
  checked: number;
  repaired: { slotId: string; dropped: number; released: number }[];
  finished: boolean;
}

export interface RosterView {
  stationId: string;
  day: string;
  slots: { time: string; start: string; entries: RosterEntryView[] }[];
  total: number;
}

/** The resident's place in a full slot's waitlist (候补). */
export interface WaitlistEntryView {
  id: string;
  slotId: string;
  stationId: string;
  stationName: string;
  service: ServiceKind;
  serviceLabel: string;
  day: string;
  time: string;
  status: 'waiting' | 'holding';
  /** 1 = next in line (while waiting). */
  position?: number;
  /** While holding: the place is theirs until then. */
  holdUntil?: string;
  person: BookingPersonView;
  needs: BookingNeedsView;
}

export interface HallClosedView {
  stationId: string;
  day: string;
  /** 'HH:mm' when one slot time was closed; absent for the whole day. */
  time?: string;
  /** Bookings affected (they stay booked, marked closed, until the resident moves or cancels). */
  affected: number;
  /** Waitlist entries of the closed time(s) ended (a held place goes back to the pool). */
  waitlistEnded: number;
  /** Residents who got the subscribe message (booked or waiting). */
  notified: number;
  /** A closure with many bookings goes on in the background (hallHousekeeping) after this answer. */
  continuing?: boolean;
}

export interface WaitlistRunView {
  expired: number;
  offered: number;
  returned: number;
}

export interface ReminderRunView {
  dayBefore: number;
  hourBefore: number;
  sent: number;
}

const stationId = id('派出所');
const slotId = v.pipe(
  v.string('时段无效'),
  v.check((value) => parseSlotId(value) !== undefined, '没有找到这个时段，请刷新后重新选择'),
);
const bookingId = v.pipe(v.string('预约无效'), v.check((value: string) => isBookingId(value), '没有找到这个预约'));
const day = v.pipe(v.string('日期无效'), v.check((value: string) => isDay(value), '日期无效'));
const service = v.picklist(SERVICE_KINDS, '请选择要办理的业务');
const person = v.union([v.strictObject({ self: v.literal(true) }), v.strictObject({ familyMemberId: id('家庭成员') })], '请选择为谁预约');

export const bookingActions = defineFunction('booking', {
  listServices: action<ServiceListView>()({
    summary: '派出所可预约的业务、所需材料和预约规则',
    input: v.strictObject({ stationId }),
    policy: 'signedIn',
  }),
  availability: action<AvailabilityView>()({
    summary: '一项业务在可预约天数内每天的状态（可约/约满/不办公）和每个时段的剩余名额',
    input: v.strictObject({ stationId, service, from: v.optional(day) }),
    policy: 'signedIn',
  }),
  reserve: action<BookingView>()({
    summary: '预约一个时段（本人或已保存的家人），重复提交得到同一个预约',
    input: v.strictObject({ slotId, person, needs: v.optional(NeedsSchema, { kinds: [] }) }),
    policy: 'signedIn',
  }),
  cancel: action<BookingView>()({
    summary: '取消自己的预约，名额退回',
    input: v.strictObject({ bookingId }),
    policy: 'signedIn',
  }),
  reschedule: action<BookingView>()({
    summary: '改约：先占新时段，再释放原时段；新时段约不上时原预约不变',
    input: v.strictObject({ bookingId, slotId }),
    policy: 'signedIn',
  }),
  myBookings: action<MyBookingsView>()({
    summary: '我的预约（待办理和历史），含签到码',
    input: emptyInput,
    policy: 'signedIn',
  }),
  joinWaitlist: action<WaitlistEntryView>()({
    summary: '时段约满时登记候补：有人取消时，排在第一位的人名额保留30分钟并收到通知',
    input: v.strictObject({ slotId, person, needs: v.optional(NeedsSchema, { kinds: [] }) }),
    policy: 'signedIn',
  }),
  myWaitlist: action<WaitlistEntryView[]>()({
    summary: '我的候补（排队中的，和为我保留着名额的）',
    input: emptyInput,
    policy: 'signedIn',
  }),
  claimWaitlistHold: action<BookingView>()({
    summary: '候补：预约为我保留的名额',
    input: v.strictObject({ slotId, entryId: id('候补') }),
    policy: 'signedIn',
  }),
  leaveWaitlist: action<{ left: boolean }>()({
    summary: '候补：不等了 / 不要保留的名额（名额顺延给下一位）',
    input: v.strictObject({ slotId, entryId: id('候补') }),
    policy: 'signedIn',
  }),
  saveFamilyMember: action<FamilyMemberView>()({
    summary: '保存一位家人（身份证号加密保存，只显示打码后的号码）',
    input: FamilyMemberSchema,
    policy: 'signedIn',
  }),
  listFamilyMembers: action<FamilyMemberView[]>()({
    summary: '我保存的家人',
    input: emptyInput,
    policy: 'signedIn',
  }),
  removeFamilyMember: action<{ removed: boolean }>()({
    summary: '删除一位家人（已有的预约不受影响）',
    input: v.strictObject({ id: id('家庭成员') }),
    policy: 'signedIn',
  }),
  hallRoster: action<RosterView>()({
    summary: '大厅民警：某天（默认今天）按时段排列的预约名单',
    input: v.strictObject({ stationId, day: v.optional(day) }),
    policy: 'hallStaff',
    stationOf: (input) => input.stationId,
  }),
  checkIn: action<RosterEntryView>()({
    summary: '大厅民警：扫码或输入6位签到码为到场的居民签到',
    input: v.strictObject({ stationId, code: text('签到码', 120) }),
    policy: 'hallStaff',
    stationOf: (input) => input.stationId,
  }),
  closeHall: action<HallClosedView>()({
    summary: '大厅民警/管理员：临时停办一个时段或一整天，已预约的居民收到通知并可一键改约',
    input: v.strictObject({
      stationId,
      day,
      time: v.optional(v.pipe(v.string('时间无效'), v.regex(/^([01]\d|2[0-3]):[0-5]\d$/, '时间无效'))),
      reason: text('停办原因', 40),
    }),
    policy: 'hallStaff',
    stationOf: (input) => input.stationId,
  }),
  sendBookingReminders: action<ReminderRunView>()({
    summary: '定时发送预约提醒（前一天18点后、开始前1小时）',
    input: emptyInput,
    policy: 'system',
  }),
  markNoShows: action<{ marked: number }>()({
    summary: '定时把过了时段和宽限期仍未签到的预约记为未到场',
    input: emptyInput,
    policy: 'system',
  }),
  /** WeChat allows one timer trigger per function: this is it, and it runs the two above. */
  hallHousekeeping: action<{ reminders: ReminderRunView; noShows: { marked: number }; waitlist: WaitlistRunView; closures: { jobs: number; affected: number; finished: number }; places: PlaceCheckView }>()({
    summary: '每5分钟：发送预约提醒，标记未到场，过期的候补保留顺延给下一位，核对并修复与预约不符的名额计数',
    input: emptyInput,
    policy: 'system',
  }),
});
