import * as v from 'valibot';
import { CONSULT_CATEGORIES, type ConsultCategory, type Priority, type RoutingRuleTable } from '../routing/model';
import { RoutingRuleTableSchema } from '../routing/rules';
import type { MeView } from './account';
import { contactCardSpecs } from './contact-cards';
import { action, defineFunction, emptyInput, id, text } from './define';

export interface StationView {
  id: string;
  name: string;
  districtId: string;
  districtName: string;
  address: string;
  /** The public front-desk number; never an officer's personal phone. */
  phone: string;
  hallHours: string;
  hallServices: string[];
  /** Where the station is (GCJ-02, as WeChat's maps use): for the map, navigation and "nearest first". */
  location: { latitude: number; longitude: number };
}

export interface CommunityView {
  id: string;
  name: string;
  stationId: string;
  stationName: string;
  postName: string;
}

export interface AddressCandidateView extends CommunityView {
  /** The part of the community's address book that matched, e.g. "西罗园二区". */
  matched: string;
}

export type AddressResolutionView =
  | { kind: 'match'; community: AddressCandidateView }
  | { kind: 'ambiguous'; candidates: AddressCandidateView[] }
  | { kind: 'none'; hint: string };

export interface LocationView {
  /** The community containing the point, if any. */
  community?: CommunityView;
  /** Other communities whose boundary is within 100 m: a resident at a boundary may mean one of them. */
  nearby: CommunityView[];
}

/** The digital version of the beat officer's QR plate on the building door. */
export interface BeatCardView {
  community: CommunityView;
  station: { name: string; address: string; phone: string };
  post: { name: string; phone: string };
  /** Absent when the community has no beat officer on the directory (questions go to the post). */
  officer?: { title: string; kindsLabel: string; photoUrl?: string };
}

export interface RoutingPreviewView {
  emergency?: { prompt: string; kind: string };
  stationName?: string;
  postName?: string;
  /** Who the question goes to, as the resident reads it: "赵警官（社区民警）", "综合服务大厅". */
  assigneeLabel: string;
  /** The officer's photo from the beat plate, when the question goes to one officer. */
  officerPhotoUrl?: string;
  priority: Priority;
  reason: string;
  /** When to expect an answer: "赵警官 今天 18:00 前回复". */
  expectation: string;
  /** No community, address or location is known: sending waits until one is (the reason says how). */
  placeNeeded?: true;
  /** Communities of other jurisdictions within 100 m of the location: transferring is one tap. */
  boundaryCommunities: CommunityView[];
}

export interface RoutingRulesView {
  stationId: string;
  byCategory: RoutingRuleTable;
  /** True while the station uses the district-wide defaults. */
  isDefault: boolean;
  updatedAt?: string;
}

/** An emergency a resident reported through the app, shown on the officer's workbench. */
export interface OfficerAlertView {
  id: string;
  text: string;
  createdAt: string;
  /** Who it was routed to: "赵警官" or "值班室". */
  assignee: string;
  /** Where the resident lives, when known. */
  communityName?: string;
  mine: boolean;
}

const latLng = v.strictObject({
  latitude: v.pipe(v.number('位置无效'), v.minValue(-90, '位置无效'), v.maxValue(90, '位置无效')),
  longitude: v.pipe(v.number('位置无效'), v.minValue(-180, '位置无效'), v.maxValue(180, '位置无效')),
});

export const directoryActions = defineFunction('directory', {
  listStations: action<StationView[]>()({
    summary: '全部派出所（按分局排列）',
    input: emptyInput,
    policy: 'signedIn',
  }),
  listCommunities: action<CommunityView[]>()({
    summary: '社区列表：可按派出所筛选、按名字搜索',
    input: v.strictObject({ stationId: v.optional(id('派出所')), keyword: v.optional(text('搜索词', 20, 0)) }),
    policy: 'signedIn',
  }),
  resolveAddress: action<AddressResolutionView>()({
    summary: '把居民输入的地址对应到社区（有歧义时列出候选）',
    input: v.strictObject({ text: text('地址', 60) }),
    policy: 'signedIn',
  }),
  locate: action<LocationView>()({
    summary: '位置所在的社区，以及 100 米内的相邻社区',
    input: latLng,
    policy: 'signedIn',
  }),
  bindHomeCommunity: action<MeView>()({
    summary: '居民登记自己住的社区',
    input: v.strictObject({ communityId: id('社区'), via: v.picklist(['list', 'address', 'location', 'card'], '登记方式无效') }),
    policy: 'signedIn',
  }),
  myBeatCard: action<BeatCardView | null>()({
    summary: '我的社区民警（警务室、电话、照片）',
    input: emptyInput,
    policy: 'signedIn',
  }),
  routeQuestion: action<RoutingPreviewView>()({
    summary: '预览：问题会交给谁、何时回复；紧急情况提示拨打 110（只是预览，不保存、不通知）',
    input: v.strictObject({
      category: v.picklist(CONSULT_CATEGORIES, '请选择问题类别'),
      text: text('问题', 500),
      location: v.optional(latLng),
    }),
    policy: 'signedIn',
  }),
  listOfficerAlerts: action<OfficerAlertView[]>()({
    summary: '本所最近的紧急提醒（居民提问疑似紧急情况）',
    input: v.strictObject({ stationId: id('派出所') }),
    policy: 'stationStaff',
    stationOf: (input) => input.stationId,
  }),
  getRoutingRules: action<RoutingRulesView>()({
    summary: '本所的转交规则',
    input: v.strictObject({ stationId: id('派出所') }),
    policy: 'stationStaff',
    stationOf: (input) => input.stationId,
  }),
  updateRoutingRules: action<RoutingRulesView>()({
    summary: '所管理员修改本所的转交规则',
    input: v.strictObject({ stationId: id('派出所'), byCategory: RoutingRuleTableSchema }),
    policy: 'stationAdmin',
    stationOf: (input) => input.stationId,
  }),
  ...contactCardSpecs,
});

export type { ConsultCategory };
export type { ContactCardCodeView, ContactCardView } from './contact-cards';
