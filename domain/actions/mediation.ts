import * as v from 'valibot';
import {
  CASE_OUTCOMES,
  FOLLOW_UP_RESULTS,
  FIGURES_PERIODS,
  MEDIATION_CATEGORIES,
  MEDIATION_FORCES,
  REFERRALS,
  type CaseEventType,
  type CaseOutcome,
  type CaseSource,
  type CaseStatus,
  type FollowUpResult,
  type MediationCategory,
  type MediationFigures,
  type MediationForce,
  type Referral,
} from '../mediation';
import { action, defineFunction, emptyInput, id, text } from './define';

export type InvitationResponse = 'pending' | 'accepted' | 'declined';

export interface PartyView {
  id: string;
  name: string;
  /** Whole for the officers and the party themselves; masked for everyone else. */
  phone?: string;
  address?: string;
  /** The party uses the app (confirms in it); otherwise the officer records a paper signature. */
  inApp: boolean;
  isMe: boolean;
}

export interface InvitationView {
  id: string;
  name: string;
  /** "当事人", "居委会", "楼门长（5号楼）", "供暖公司". */
  roleLabel: string;
  phone?: string;
  response: InvitationResponse;
  respondedAt?: string;
  /** Officers only: the pass link to share with this invitee (a card in WeChat). */
  passPath?: string;
  attended?: boolean;
}

/** A photo of the case file with its text alternative (what it shows, for screen readers and when it does not load). */
export interface PhotoView {
  url: string;
  alt: string;
  /** Officers only: WeChat's media check flagged it, so the parties do not see it. */
  flagged?: boolean;
}

/** Scene photos a case may hold in all; a session record, and one opening or adding step, take fewer. */
export const MAX_CASE_PHOTOS = 12;
export const MAX_SESSION_PHOTOS = 9;
export const MAX_PHOTOS_PER_STEP = 6;

export interface SessionView {
  id: string;
  at: string;
  place: string;
  agenda?: string;
  status: 'scheduled' | 'held';
  invitations: InvitationView[];
  record?: { notes: string; photos: PhotoView[]; recordedAt: string; recordedBy: string };
}

export interface ConfirmationView {
  partyId: string;
  partyName: string;
  via: 'app' | 'paper';
  at: string;
  /** Officers only: the photo of the signed paper copy. */
  photo?: PhotoView;
}

export interface AgreementView {
  version: number;
  terms: string[];
  proposedAt: string;
  confirmations: ConfirmationView[];
  /** Every party confirmed this version. */
  complete: boolean;
}

export interface HistoryView {
  type: CaseEventType | 'open';
  /** "受理", "召集圆桌调解会", "回访：协议履行良好". */
  label: string;
  at: string;
  by: string;
}

export interface CaseSummaryView {
  id: string;
  title: string;
  category: MediationCategory;
  status: CaseStatus;
  statusLabel: string;
  communityName: string;
  stationName: string;
  ownerLabel: string;
  nextSessionAt?: string;
  followUpDueAt?: string;
  outcome?: CaseOutcome;
  updatedAt: string;
}

export interface CaseView extends CaseSummaryView {
  viewer: 'officer' | 'party';
  stationId: string;
  communityId: string;
  source: CaseSource;
  threadId?: string;
  description: string;
  place: string;
  /** Scene photos (现场照片) taken when the case was opened or added since. */
  photos: PhotoView[];
  /** A party whose own photos WeChat's check flagged is told they are hidden (officers still see them). */
  photoNotice?: string;
  parties: PartyView[];
  /** "潮鸣派出所 金警官" and, at a boundary, "武林派出所 …（协同调解）". */
  mediators: string[];
  sessions: SessionView[];
  agreement?: AgreementView;
  followUpDays: number;
  referral?: Referral;
  history: HistoryView[];
  /** Officers only: what this officer may do now (the lifecycle's allowed events). */
  canDo: CaseEventType[];
  /** Party only: this party still has to confirm the agreement. */
  myConfirmationPending?: boolean;
}

/** What an invitee's pass shows: this one session, nothing else of the case. */
export interface PassView {
  caseTitle: string;
  categoryLabel: string;
  communityName: string;
  convenedBy: string;
  at: string;
  place: string;
  agenda?: string;
  myName: string;
  myRole: string;
  response: InvitationResponse;
  status: 'scheduled' | 'held';
  /** Who else comes: names and roles, phones masked. */
  participants: { name: string; roleLabel: string; phone?: string; response: InvitationResponse }[];
  /** A party invitee can open their own case. */
  caseId?: string;
}

export interface MediationRosterMemberView {
  id: string;
  force: MediationForce;
  forceLabel: string;
  name: string;
  phone?: string;
  building?: string;
  org?: string;
}

export interface MediationRosterView {
  communityId: string;
  communityName: string;
  members: MediationRosterMemberView[];
  /** Standing forces with nobody on the roster yet. */
  missingForces: MediationForce[];
  updatedAt?: string;
}

export interface FiguresRow extends MediationFigures {
  key: string;
  label: string;
}

export interface FiguresView {
  stationId: string;
  from: string;
  to: string;
  /** "2026 年", "2026 年第 4 季度", "2026 年 11 月", or the dates given. */
  label: string;
  station: FiguresRow;
  byCommunity: FiguresRow[];
  byOfficer: FiguresRow[];
}

export interface AgreementDocumentView {
  fileId: string;
  url: string;
  fileName: string;
}

const phone = v.pipe(v.string('电话无效'), v.trim(), v.regex(/^[\d\- +]{5,20}$/, '请填写正确的电话号码'));
const photoFileIdList = (max: number) =>
  v.pipe(v.array(v.pipe(v.string('照片无效'), v.regex(/^cloud:\/\/[\w.\-/]{1,300}$/, '照片无效')), '照片无效'), v.maxLength(max, `最多附 ${max} 张照片`));
const photoFileIds = (max: number) => v.optional(photoFileIdList(max));
const latLng = v.strictObject({
  latitude: v.pipe(v.number('位置无效'), v.minValue(-90, '位置无效'), v.maxValue(90, '位置无效')),
  longitude: v.pipe(v.number('位置无效'), v.minValue(-180, '位置无效'), v.maxValue(180, '位置无效')),
});
const isoTime = (label: string) => v.pipe(v.string(`${label}无效`), v.isoTimestamp(`${label}无效`));
const caseId = id('调解案件');
const passToken = v.pipe(v.string('邀请无效'), v.regex(/^[A-Za-z0-9_-]{16,64}$/, '邀请无效'));

const partyInput = v.strictObject({
  name: text('当事人姓名', 20),
  phone: v.optional(phone),
  address: v.optional(text('当事人住址', 60)),
});

const placeInput = v.strictObject({ text: text('地点', 60), location: v.optional(latLng) });

const participantInput = v.variant('kind', [
  v.strictObject({ kind: v.literal('party'), partyId: id('当事人') }),
  v.strictObject({ kind: v.literal('roster'), memberId: id('调解力量') }),
  v.strictObject({ kind: v.literal('adhoc'), name: text('姓名', 20), roleLabel: text('身份', 20), phone: v.optional(phone) }),
]);

export const TERM_MAX = 200;

export const mediationActions = defineFunction('mediation', {
  openCase: action<CaseView>()({
    summary: '民警建立调解案件：从问片警对话转来，或记录电话、来所反映的纠纷',
    input: v.strictObject({
      source: v.picklist(['thread', 'phone', 'walkIn'] as const satisfies readonly CaseSource[], '请选择案件来源'),
      threadId: v.optional(id('对话')),
      communityId: v.optional(id('社区')),
      category: v.picklist(MEDIATION_CATEGORIES, '请选择纠纷类别'),
      place: placeInput,
      description: text('纠纷情况', 1000),
      /** The parties besides the thread's resident (who joins as the first party). */
      parties: v.pipe(v.array(partyInput), v.maxLength(6, '当事人最多 6 位')),
      photoFileIds: photoFileIds(MAX_PHOTOS_PER_STEP),
      followUpDays: v.optional(v.pipe(v.number('回访天数无效'), v.integer('回访天数无效'), v.minValue(1, '回访至少 1 天后'), v.maxValue(90, '回访不超过 90 天'))),
    }),
    policy: 'signedIn',
  }),
  requestMediation: action<CaseView>()({
    summary: '居民申请调解：交给所在社区的社区民警受理',
    input: v.strictObject({
      category: v.picklist(MEDIATION_CATEGORIES, '请选择纠纷类别'),
      description: text('纠纷情况', 1000),
      place: placeInput,
      myPhone: v.optional(phone),
      otherParty: partyInput,
      photoFileIds: photoFileIds(MAX_PHOTOS_PER_STEP),
    }),
    policy: 'signedIn',
  }),
  acceptRequest: action<CaseView>()({
    summary: '民警受理居民的调解申请',
    input: v.strictObject({ caseId }),
    policy: 'signedIn',
  }),
  declineRequest: action<CaseView>()({
    summary: '民警不受理调解申请，并说明原因（居民能看到）',
    input: v.strictObject({ caseId, reason: text('原因', 200) }),
    policy: 'signedIn',
  }),
  addCasePhotos: action<CaseView>()({
    summary: '办案民警补充现场照片（案件办结前）',
    input: v.strictObject({ caseId, photoFileIds: v.pipe(photoFileIdList(MAX_PHOTOS_PER_STEP), v.minLength(1, '请选择照片')) }),
    policy: 'signedIn',
  }),
  listCases: action<CaseSummaryView[]>()({
    summary: '民警的调解案件：我的（含协同调解）/ 本所进行中 / 待回访 / 已结案',
    input: v.strictObject({ stationId: id('派出所'), view: v.picklist(['mine', 'station', 'followUps', 'closed'], '列表无效') }),
    policy: 'stationStaff',
    stationOf: (input) => input.stationId,
  }),
  myCases: action<CaseSummaryView[]>()({
    summary: '居民：我是当事人的调解案件',
    input: emptyInput,
    policy: 'signedIn',
  }),
  getCase: action<CaseView>()({
    summary: '一个调解案件（办案民警、协同民警、本所管理员，或当事人本人）',
    input: v.strictObject({ caseId }),
    policy: 'signedIn',
  }),
  getRoster: action<MediationRosterView>()({
    summary: '社区的调解力量名单（居委会、楼门长、司法员、居民代表、律师、物业）',
    input: v.strictObject({ stationId: id('派出所'), communityId: id('社区') }),
    policy: 'stationStaff',
    stationOf: (input) => input.stationId,
  }),
  caseRoster: action<MediationRosterView>()({
    summary: '召集圆桌会时读案件所在社区的调解力量名单（办案民警，包括外所的协同调解民警；只限自己参与的案件）',
    input: v.strictObject({ caseId }),
    policy: 'signedIn',
  }),
  saveRoster: action<MediationRosterView>()({
    summary: '所管理员或社区民警维护社区的调解力量名单',
    input: v.strictObject({
      stationId: id('派出所'),
      communityId: id('社区'),
      members: v.pipe(
        v.array(
          v.strictObject({
            id: v.optional(id('成员')),
            force: v.picklist(MEDIATION_FORCES, '请选择调解力量'),
            name: text('姓名', 20),
            phone: v.optional(phone),
            building: v.optional(text('楼号', 20)),
            org: v.optional(text('单位', 30)),
          }),
        ),
        v.maxLength(60, '名单最多 60 人'),
      ),
    }),
    policy: 'beatStaff',
    stationOf: (input) => input.stationId,
  }),
  conveneSession: action<CaseView>()({
    summary: '召集圆桌调解会：从名单和临时邀请的人中选择，时间地点（默认居委会会议室），发出邀请',
    input: v.strictObject({
      caseId,
      at: isoTime('时间'),
      place: v.optional(text('地点', 60)),
      agenda: v.optional(text('议题', 200)),
      participants: v.pipe(v.array(participantInput), v.minLength(1, '请选择参加的人'), v.maxLength(20, '参加的人最多 20 位')),
    }),
    policy: 'signedIn',
  }),
  openPass: action<PassView>()({
    summary: '受邀人打开参会凭证：只看到这一次调解会（第一次打开的人领取凭证）',
    input: v.strictObject({ token: passToken }),
    policy: 'signedIn',
  }),
  respondToInvitation: action<PassView>()({
    summary: '受邀人确认参加或不能参加',
    input: v.strictObject({ token: passToken, response: v.picklist(['accepted', 'declined'], '请选择是否参加') }),
    policy: 'signedIn',
  }),
  recordSession: action<CaseView>()({
    summary: '记录调解会：到场的人、记录、照片',
    input: v.strictObject({
      caseId,
      sessionId: id('调解会'),
      attendedInvitationIds: v.array(id('参会人')),
      notes: text('调解记录', 2000),
      photoFileIds: photoFileIds(MAX_SESSION_PHOTOS),
    }),
    policy: 'signedIn',
  }),
  proposeAgreement: action<CaseView>()({
    summary: '拟定调解协议条款（改动后各方需重新确认）',
    input: v.strictObject({
      caseId,
      terms: v.pipe(v.array(text('协议条款', TERM_MAX)), v.minLength(1, '协议至少要有一条'), v.maxLength(20, '协议最多 20 条')),
      followUpDays: v.optional(v.pipe(v.number('回访天数无效'), v.integer('回访天数无效'), v.minValue(1, '回访至少 1 天后'), v.maxValue(90, '回访不超过 90 天'))),
    }),
    policy: 'signedIn',
  }),
  confirmAgreement: action<CaseView>()({
    summary: '当事人在小程序里确认调解协议',
    input: v.strictObject({ caseId, version: v.pipe(v.number('协议版本无效'), v.integer('协议版本无效')) }),
    policy: 'signedIn',
  }),
  recordPaperSignature: action<CaseView>()({
    summary: '民警登记当事人在纸质协议上签字（附照片）',
    input: v.strictObject({ caseId, partyId: id('当事人'), version: v.pipe(v.number('协议版本无效'), v.integer('协议版本无效')), photoFileId: v.pipe(v.string('照片无效'), v.regex(/^cloud:\/\/[\w.\-/]{1,300}$/, '请拍下签字的协议')) }),
    policy: 'signedIn',
  }),
  agreementDocument: action<AgreementDocumentView>()({
    summary: '调解协议书（PDF，可打印，用于人民调解委员会司法确认）',
    input: v.strictObject({ caseId }),
    policy: 'signedIn',
  }),
  recordFollowUp: action<CaseView>()({
    summary: '回访：协议是否履行；未履行则重新调解',
    input: v.strictObject({ caseId, result: v.picklist(FOLLOW_UP_RESULTS, '请选择回访结果'), note: text('回访情况', 500) }),
    policy: 'signedIn',
  }),
  closeCase: action<CaseView>()({
    summary: '结案：化解 / 部分化解 / 未化解，可转人民调解委员会、诉调对接或 12345',
    input: v.strictObject({ caseId, outcome: v.picklist(CASE_OUTCOMES, '请选择结案结果'), referral: v.optional(v.picklist(REFERRALS, '转出去向无效')), note: text('结案说明', 500) }),
    policy: 'signedIn',
  }),
  figures: action<FiguresView>()({
    summary: '调解成效：受理数、化解率、矛盾不上交率、达成协议用时、回访履行率（按所、社区、民警）',
    /**
     * A calendar period (this year unless said) in Beijing time by the cloud's clock (a phone's clock
     * may be wrong), or explicit dates.
     */
    input: v.strictObject({
      stationId: id('派出所'),
      period: v.optional(v.picklist(FIGURES_PERIODS, '统计时段无效')),
      from: v.optional(isoTime('开始日期')),
      to: v.optional(isoTime('结束日期')),
    }),
    policy: 'stationStaff',
    stationOf: (input) => input.stationId,
  }),
  sendReminders: action<{ sessionReminders: number; followUpReminders: number }>()({
    summary: '定时：调解会前一天提醒参会人；回访到期提醒办案民警',
    input: emptyInput,
    policy: 'system',
  }),
});

export type { CaseOutcome, CaseStatus, FollowUpResult, MediationCategory, MediationForce, Referral };
