import type { Booking, HallConfig, Needs, Relation, ServiceKind, WaitlistEntry } from '@domain/booking';
import type { FeedTarget } from '@domain/feed-targeting';
import type { ArticleKind, Audience, FraudTypeKey } from '@domain/fraud-types';
import type { CommunityAddressBook } from '@domain/address';
import type { LatLng } from '@domain/geo';
import type { OfficerKind, Role } from '@domain/roles';
import type { Assignee, ConsultCategory, Priority, RoutingRuleTable } from '@domain/routing';
import { CONSULT_WATCH_COLLECTION, type Awaiting, type ResponseTargets, type ThreadOutcome, type ThreadStatus } from '@domain/consult';
import type { MessageAuthor } from '@domain/actions/consult';
import type { TransferFacts } from '@domain/anti-fraud/warning-signs';
import type { CaseSource, CaseState, MediationCategory, MediationForce } from '@domain/mediation';
import type { UploadContext } from '@domain/actions/media';
import type { ShiftKind } from '@domain/station/roster';
import type { BankCheckOutcome } from '@domain/anti-fraud/bank-check';
import type { StationDay } from '@domain/dashboard/figures';

/** Collection names, in one place so the local cloud, the seed data and the functions agree. */
export const COLLECTIONS = {
  users: 'users',
  districts: 'districts',
  stations: 'stations',
  communities: 'communities',
  invites: 'invites',
  rateLimits: 'rate_limits',
  auditLog: 'audit_log',
  articles: 'articles',
  posts: 'posts',
  officers: 'officers',
  dutyShifts: 'duty_shifts',
  dutyLeave: 'duty_leave',
  routingRules: 'routing_rules',
  routingDecisions: 'routing_decisions',
  officerNotifications: 'officer_notifications',
  meta: 'meta',
  hallConfigs: 'hall_configs',
  bookings: 'bookings',
  familyMembers: 'family_members',
  articleAcks: 'article_acks',
  /** 我已知晓 counts spread over shards so an urgent alert's article is no hot spot (cloudfunctions/feed/ack-counts.ts). */
  articleAckShards: 'article_ack_shards',
  alertSubscriptions: 'alert_subscriptions',
  /** An officer's one-time subscriptions to new-question messages (WeChat grants one message per acceptance): `_id` is the user id. */
  officerAlertCredits: 'officer_alert_credits',
  quizRounds: 'quiz_rounds',
  consultThreads: 'consult_threads',
  consultMessages: 'consult_messages',
  consultWatch: CONSULT_WATCH_COLLECTION,
  consultSettings: 'consult_settings',
  waitlists: 'waitlists',
  dataExports: 'data_exports',
  mediaFiles: 'media_files',
  contactCards: 'contact_cards',
  contactCardScans: 'contact_card_scans',
  /** An urgent alert's subscribe messages waiting to go out (cloudfunctions/feed/alert-fanout.ts). */
  alertFanouts: 'alert_fanouts',
  alertDeliveries: 'alert_deliveries',
  mediationCases: 'mediation_cases',
  mediationPasses: 'mediation_passes',
  mediationRosters: 'mediation_rosters',
  timerCursors: 'timer_cursors',
  /** Who has opened an item, once per person: "N人看过" counts people, not page views. */
  articleReaders: 'article_readers',
  bankBranches: 'bank_branches',
  wechatGroups: 'wechat_groups',
  groupReach: 'group_reach',
  groupReaders: 'group_readers',
  /** One station's figures for one Beijing day (成效可评估), `_id` = `<stationId>:<YYYY-MM-DD>`: counts only. */
  stationDailyStats: 'station_daily_stats',
  /** What happened at a station, one record per event, for the dashboard (domain/dashboard/events.ts): never changed once written. */
  stationEvents: 'station_events',
} as const;

export interface UserRecord {
  _id: string;
  /** Kept so the function can send subscribe messages; never returned to other users. */
  openid: string;
  nickname: string;
  role: Role;
  officerKinds: OfficerKind[];
  stationId?: string;
  districtId?: string;
  homeCommunityId?: string;
  /** A bank clerk (警银联动 partner): the branch they raise checks for. Their role stays resident. */
  partner?: { branchId: string; stationId: string; districtId: string; name: string; phone: string; grantedAt: Date };
  createdAt: Date;
  updatedAt: Date;
  roleGrantedAt?: Date;
}

export interface DistrictRecord {
  _id: string;
  name: string;
  city: string;
  /** The district-wide intake for questions no station can be found for, e.g. "综合受理". */
  generalQueueName: string;
}

export interface StationRecord {
  _id: string;
  name: string;
  districtId: string;
  address: string;
  phone: string;
  hallHours: string;
  hallServices: string[];
  location: { latitude: number; longitude: number };
  order: number;
}

export interface CommunityRecord {
  _id: string;
  name: string;
  stationId: string;
  postId: string;
  order: number;
  /** Boundary (GCJ-02, as WeChat's getLocation reports), implicitly closed; holes for parks or lakes. */
  boundary: { outer: LatLng[]; holes?: LatLng[][] };
  centre: LatLng;
  /** How residents write addresses here: estate names, streets with building-number ranges. */
  address: Omit<CommunityAddressBook, 'communityId' | 'name'>;
}

/** A 警务室 / 警务区: a police post inside a station's area, covering a few communities. */
export interface PostRecord {
  _id: string;
  name: string;
  stationId: string;
  communityIds: string[];
  /** The post's public phone: the number on the officers' QR plate, never a personal one. */
  phone: string;
}

export interface OfficerRecord {
  _id: string;
  /** Full name, for colleagues; residents see `title`. */
  name: string;
  /** How residents address the officer, e.g. "赵警官". */
  title: string;
  stationId: string;
  postId?: string;
  kinds: OfficerKind[];
  /** Communities the officer is the beat officer of. */
  communityIds: string[];
  /** cloud:// file id of the photo on the officer's plate. */
  photoFileId?: string;
  /** The officer's own account once they have signed in with an invite; used to notify them. */
  userId?: string;
  /** The work phone on the 警民联系牌 (never a private number). */
  phone?: string;
  /** False once deactivated: never routed, never on the roster, holds no open work (see station.deactivateOfficer). */
  active?: boolean;
  deactivatedAt?: Date;
  /** The station the officer was moved from, when moved. */
  movedFrom?: string;
  createdAt?: Date;
  updatedAt?: Date;
}

export interface DutyShiftRecord {
  _id: string;
  officerId: string;
  stationId: string;
  kind: 'day' | 'night';
  /** 值班 / 社区 / 大厅 (domain/station/roster.ts); older shifts without one count as 社区 by day, 值班 by night. */
  shiftKind?: ShiftKind;
  start: Date;
  end: Date;
  createdBy?: string;
}

export interface DutyLeaveRecord {
  _id: string;
  officerId: string;
  stationId: string;
  from: Date;
  to: Date;
  reason?: string;
  createdBy?: string;
}

/** A station's routing rules: `_id` is the station id, one document per station. */
export interface RoutingRulesRecord {
  _id: string;
  byCategory: RoutingRuleTable;
  updatedAt: Date;
  updatedBy: string;
}

/** Every routing decision, with what it was decided from (for audit and for tuning rules). */
export interface RoutingDecisionRecord {
  _id: string;
  userId: string;
  at: Date;
  input: {
    category: ConsultCategory;
    communityId?: string;
    location?: LatLng;
    text: string;
  };
  emergency?: { kind: string; matched?: string };
  stationId?: string;
  postId?: string;
  districtId?: string;
  assignee: Assignee;
  priority: Priority;
  reason: string;
  steps: string[];
  boundary?: { nearbyStationIds: string[]; nearbyCommunityIds: string[] };
  /**
   * An emergency sent after the 110 prompt: the station whose duty officers' alert list shows it,
   * and the officer it went to (`duty-desk:<stationId>` for a desk). Since December 2026 the
   * decision is the alert (same retention, 180 days); alerts written before are
   * officer_notifications documents, still read beside these.
   */
  alert?: { stationId: string; officerId: string };
}

export interface OfficerNotificationRecord {
  _id: string;
  officerId: string;
  stationId: string;
  type: 'emergency';
  text: string;
  decisionId: string;
  createdAt: Date;
  readAt?: Date;
}

export interface InviteRecord {
  /** The invite code itself: add() rejects a duplicate, so codes are unique without a scan. */
  _id: string;
  stationId: string;
  districtId: string;
  role: 'officer' | 'stationAdmin' | 'partner';
  officerKinds: OfficerKind[];
  /** Partner invites: the bank branch the clerk will act for. */
  branchId?: string;
  note: string;
  createdBy: string;
  createdAt: Date;
  expiresAt: Date;
  usedBy?: string;
  usedByNickname?: string;
  usedAt?: Date;
  revokedAt?: Date;
  revokedBy?: string;
}

/** Counters by area: `{ community: { 'xly-2': 3 }, station: { xiluoyuan: 1 } }` (nested, so `_.inc` can reach each). */
export type AreaCounters = Record<string, Record<string, number>>;

export interface ArticleRecord {
  _id: string;
  kind: ArticleKind;
  title: string;
  summary: string;
  /** Paragraphs, plain text: nothing a resident reads is rendered as HTML. */
  body: string[];
  /** "How to protect yourself" points. */
  tips: string[];
  /** cloud:// file ids. */
  images: string[];
  fraudTypes: FraudTypeKey[];
  audiences: Audience[];
  /** The district the publisher belongs to, and the station (absent for district-wide publishing). */
  districtId: string;
  stationId?: string;
  target: FeedTarget;
  /** targetKeysOf(target): which readers see it. */
  targetKeys: string[];
  /** filterKeysOf(targetKeys, fraudTypes, audiences): what the feed's indexed `in` query matches (cloudbase/database-indexes.json). */
  filterKeys: string[];
  /** targetKeys while the urgent pin lasts, else empty: the pinned query's own small index. */
  pinKeys: string[];
  urgent: boolean;
  pinnedUntil?: Date;
  status: 'published' | 'withdrawn';
  publisher: string;
  publishedAt: Date;
  updatedAt?: Date;
  authorId?: string;
  /** searchTextOf(title, summary, body, tips), for keyword search. */
  searchText: string;
  /** searchKeysOf(searchText): the characters and character pairs the search index finds it by (domain/search-keys.ts). */
  searchKeys: string[];
  views: number;
  shares: number;
  acknowledgements: number;
  /** Acknowledgements by the reader's area, shares by the sharer's area, opens of shared cards by the card's area. */
  acksByArea: AreaCounters;
  sharesByArea: AreaCounters;
  landingsByArea: AreaCounters;
}

/** The counters of an item nobody has seen yet. */
export const newArticleCounters = (): Pick<ArticleRecord, 'views' | 'shares' | 'acknowledgements' | 'acksByArea' | 'sharesByArea' | 'landingsByArea'> => ({
  views: 0,
  shares: 0,
  acknowledgements: 0,
  acksByArea: {},
  sharesByArea: {},
  landingsByArea: {},
});

/** One resident's 我已知晓 on one item: `_id` = `${articleId}.${userId}`, so a second tap finds it taken. */
export interface ArticleAckRecord {
  _id: string;
  articleId: string;
  userId: string;
  areaKey?: string;
  /** The item's station: its dashboard reads a day's acknowledgements with one indexed query. */
  stationId?: string;
  at: Date;
}

/** One person's first opening of one item: `_id` = `${articleId}__${userId}`, so a second opening finds it taken. */
export interface ArticleReaderRecord {
  _id: string;
  articleId: string;
  userId: string;
  /** The item's station: its dashboard reads a day's first openings with one indexed query. */
  stationId?: string;
  at: Date;
}

/** A resident's opt-in to urgent alerts for their community: `_id` = user id. WeChat grants one message per acceptance. */
export interface AlertSubscriptionRecord {
  _id: string;
  openid: string;
  communityId: string;
  stationId: string;
  remaining: number;
  acceptedAt: Date;
  /** The first acceptance (acceptedAt moves on with every later one). */
  subscribedAt?: Date;
}

/** How many new-question messages WeChat will still deliver to an officer: accepted prompts minus messages sent. */
export interface OfficerAlertCreditsRecord {
  _id: string;
  remaining: number;
  updatedAt: Date;
  /** Messages spent by questions opened from then on (recorded on consult_watch) are not in `remaining` yet; before it: updatedAt. */
  countedFrom?: Date;
}

/** One quiz round: `userDay` = `${userId}.${day}` (indexed), so today's questions are one lookup. */
export interface QuizRoundRecord {
  _id: string;
  userId: string;
  userDay: string;
  /** The resident's station when the round started (whose dashboard counts it). */
  stationId?: string;
  questionIds: string[];
  /** Per question, the bank indexes of its options in the order this round showed them. */
  optionOrders?: number[][];
  createdAt: Date;
  submittedAt?: Date;
  score?: number;
  /** The option ids chosen, per question. */
  answers?: string[];
}

/** A station's service-hall config: `_id` is the station id. */
export type HallConfigRecord = HallConfig & { _id: string; updatedAt?: Date };

/** Whom a booking is for, as stored: the ID number only ever as its keyed hash and masked form. */
export interface BookingPersonRecord {
  self: boolean;
  /** The family member's name; for the account holder, their nickname when booked. */
  name: string;
  familyMemberId?: string;
  idNumberMasked?: string;
  phoneMasked?: string;
}

/** `_id` = bookingIdFor(slotId, personKey): a double tap lands on the same document. The domain's Booking, stored. */
export interface BookingRecord extends Omit<Booking, 'id'> {
  _id: string;
  person: BookingPersonRecord;
  updatedAt: Date;
  cancelledAt?: Date;
  /** Set on the old booking when it was moved to another slot (it is then 'cancelled'). */
  rescheduledTo?: string;
  rescheduledFrom?: string;
  /** Set on the new booking when moving it could not keep the resident's code (another booking of that day held it). */
  previousCheckInCode?: string;
  checkedInAt?: Date;
  checkedInBy?: string;
  noShowAt?: Date;
  /** The hall closed this booking's slot: the resident is told why and offered another time. */
  closure?: { reason: string; closedAt: Date; closedBy: string };
  /**
   * The place it takes, `<slotId>#<n>`, or `free:<_id>` when it takes none (unique index
   * bookings.place_unique; cloudfunctions/booking/places.ts). Absent only on bookings stored before
   * places were (housekeeping's migration gives them one).
   */
  place: string;
  /** True while it takes a place (booked, checked in, no-show, or cancelled but held for the waitlist). */
  placed: boolean;
  /** Its check-in code's claim, `<stationId>:<day>:<code>`, or `free:<_id>` (unique index bookings.code_unique). */
  codeKey: string;
}

/** A family member saved by an account. ID number and phone are stored AES-GCM encrypted. */
export interface FamilyMemberRecord {
  _id: string;
  accountId: string;
  name: string;
  relation: Relation;
  personKey: string;
  idNumberMasked: string;
  phoneMasked: string;
  idNumberSealed: string;
  phoneSealed: string;
  createdAt: Date;
  updatedAt: Date;
}

/** One person in a slot's waitlist, with what their booking will carry when they take the place. */
export interface WaitlistEntryRecord extends WaitlistEntry {
  person: BookingPersonRecord;
  needs: Needs;
}

/**
 * A full slot's waitlist: `_id` is the slot id, entries in line order (domain/booking/waitlist.ts),
 * one document so each transition is one transaction. `accountIds` finds an account's entries.
 */
export interface WaitlistRecord {
  _id: string;
  stationId: string;
  service: ServiceKind;
  day: string;
  entries: WaitlistEntryRecord[];
  accountIds: string[];
  /** Places freed while people waited, each still on the cancelled booking that gave it up, one per holding entry. */
  heldPlaces?: HeldPlace[];
  updatedAt: Date;
}

/** A place held for the waitlist: the cancelled booking that still holds it, and the place. */
export interface HeldPlace {
  bookingId: string;
  place: string;
}

/**
 * A 问片警 thread. Clients never read this collection (rules: read false); views come from the
 * consult function, which masks personal numbers per viewer. Inbox queries use equality on
 * `stationId` / `assigneeKey` + `open`, sorted by `inboxOrder` (= queueRank, then waitingSince).
 * Declared indexes (cloudbase/database-indexes.json): stationId and assigneeKey, each by
 * (inboxOrder, _id); residentUserId by (updatedAt|createdAt, _id); consult_messages threadId by
 * (createdAt, _id). The escalation timer's query scans; it runs every 5 minutes, not per user.
 */
export interface ConsultThreadRecord {
  _id: string;
  kind: 'question' | 'fraudCheck' | 'bankCheck';
  category: ConsultCategory;
  priority: Priority;
  status: ThreadStatus;
  open: boolean;
  awaiting: Awaiting;
  queueRank: number;
  waitingSince: Date;
  /** queuePosition(): rank and waiting time as one sort key. */
  inboxOrder: string;
  dueAt: Date;
  residentUserId: string;
  /** For subscribe messages only; never in a view. */
  residentOpenid: string;
  residentLabel: string;
  communityId?: string;
  /** The station whose inbox holds the thread (the resident's jurisdiction, or where it was transferred). */
  stationId?: string;
  districtId?: string;
  assignee: Assignee;
  /** 'officer:o-zhao', 'desk:hall:xiluoyuan', 'district:gongshu', 'global'. */
  assigneeKey: string;
  assignedOfficerId?: string;
  /** False while the thread sits in a desk or queue; the first officer to reply claims it. */
  claimed: boolean;
  assigneeLabel: string;
  reason: string;
  decisionId: string;
  /** The first words, masked. */
  title: string;
  lastMessage: { text: string; from: MessageAuthor; at: Date };
  unreadForResident: number;
  unreadForOfficer: number;
  residentReadAt?: Date;
  officerReadAt?: Date;
  /** The escalation timer moved it once; it never moves a thread twice. */
  escalated: boolean;
  escalatedAt?: Date;
  /** When an officer first replied (the response time the dashboard counts). */
  firstResponseAt?: Date;
  /** Escalated, but the duty officer's notices not yet sent: a run cut off in between leaves it for the next run. */
  escalationNoticePending?: boolean;
  createdAt: Date;
  updatedAt: Date;
  closedAt?: Date;
  outcome?: ThreadOutcome;
  rating?: { stars: number; comment?: string };
  fraudCheck?: TransferFacts & { articleId?: string };
  /** 警银联动: a clerk's check for a customer at the counter. */
  bankCheck?: BankCheckRecordPart;
  /**
   * Who has a consult_watch document for this thread (kept with them), so a send or an opening
   * need not read the watch to know. Threads from before it have none: their watches are read.
   */
  watcherIds?: string[];
  /** Each author's messages in the current hour (the per-thread hourly limit), kept with the thread the send updates anyway. */
  sentBy?: Record<string, { since: Date; count: number }>;
  /** bankCheck.branchId again, as a plain field the branch's list is indexed on. */
  bankBranchId?: string;
  /**
   * The resident's question, kept in the thread since December 2026 (one write less when a
   * question opens): same readers and retention as the conversation. Threads from before hold it
   * as the consult_messages document `${threadId}-first` instead; readers take either
   * (threadMessages in cloudfunctions/consult/conversation.ts, the personal-data registry).
   */
  firstMessage?: EmbeddedMessage;
}

/** A message held in its thread document: the message without the thread id it already sits in. */
export type EmbeddedMessage = Omit<ConsultMessageRecord, 'threadId'>;

export interface BankCheckRecordPart extends TransferFacts {
  branchId: string;
  branchName: string;
  /** The customer, when the clerk gave them: shown only to the station's anti-fraud officers. */
  customer?: { name?: string; phone?: string };
  outcome?: BankCheckOutcome;
  protectedAmount?: number;
  closedBy?: string;
}

/** One message. `text` is what the sender wrote (for the sender and the assigned officer); `textMasked` for everyone else. */
export interface ConsultMessageRecord {
  _id: string;
  threadId: string;
  clientId?: string;
  from: MessageAuthor;
  authorUserId?: string;
  authorLabel: string;
  text: string;
  textMasked: string;
  hasPersonalNumbers: boolean;
  photoFileIds: string[];
  createdAt: Date;
}

/**
 * The only consult collection a client reads: one change signal per (thread, person allowed to
 * read it). `watch()` on it tells a phone "thread X changed"; the phone then fetches through the
 * function, which masks per viewer. So the realtime channel never carries a message's text.
 */
export interface ConsultWatchRecord {
  _id: string;
  threadId: string;
  userId: string;
  openid: string;
  version: number;
  changedAt: Date;
  /**
   * An officer's watch written when the question opened also records what became of the
   * new-question message sent to them then: one message spent, or WeChat saying none are left.
   * The officer's count (officer_alert_credits) is read net of these (platform/cloud/alert-credits.ts),
   * so opening a question spends it without a write of its own.
   */
  newQuestionAlert?: 'sent' | 'noneLeft';
  alertedAt?: Date;
  /**
   * The new-question messages sent to officers on later messages of the thread (a resident writing
   * after an answer), recorded by the signal update that tells every phone of the thread to reload:
   * the same entry on each of its watch documents, naming the officers by a token of their watch
   * document (alertTokenOf), not by their ids. Netted like `newQuestionAlert` (alert-credits.ts).
   */
  alerts?: WatchAlert[];
  /** When the last entry of `alerts` was recorded (index consult_watch.alert_log_by_user). */
  lastAlertAt?: Date;
}

/** One announcement of a message to the officers of a thread: whose message was delivered, whose WeChat said none were left. */
export interface WatchAlert {
  at: Date;
  sent: string[];
  noneLeft: string[];
}

/** A station's consult settings: `_id` is the station id. */
export interface ConsultSettingsRecord {
  _id: string;
  quickReplies?: string[];
  targets?: ResponseTargets;
  updatedAt: Date;
  updatedBy: string;
}

/** One export of 我的数据: the files in cloud storage, deleted by the retention timer after a day. */
/**
 * One audit_log record. Writers add what the act needs; these fields are common: `by` the acting
 * officer, admin or system job, `userId` the person the act concerned (or, without `by`, the person
 * acting for themself), `stationId` whose log it belongs to (domain/audit/catalogue.ts).
 */
export interface AuditLogRecord {
  _id: string;
  type: string;
  at: Date;
  by?: string;
  userId?: string;
  stationId?: string;
  districtId?: string;
  [detail: string]: unknown;
}

export interface DataExportRecord {
  _id: string;
  kind: 'export';
  userId: string;
  fileIds: string[];
  /** What was exported, when it is not the resident's own data (an admin's Excel report). */
  title?: string;
  createdAt: Date;
  expiresAt: Date;
}

/** A 警民联系卡: the mini-program code of a community (and its beat officer), with its scans. */
export interface ContactCardRecord {
  /** Derived from community and officer, and the whole scene of the code (`k=<id>`). */
  _id: string;
  stationId: string;
  communityId: string;
  /** The officer on the card; absent for a community's own card (it shows whoever serves it). */
  officerId?: string;
  /** cloud:// id of the code image, drawn once. */
  codeFileId?: string;
  scans: number;
  uniqueScanners: number;
  lastScanAt?: Date;
  createdAt: Date;
  createdBy: string;
}

/** One per card and person (`<cardId>:<userId>`): counts a scanner once. */
export interface ContactCardScanRecord {
  _id: string;
  cardId: string;
  userId: string;
  firstAt: Date;
}

/** A party to a mediation case. The other party often has no app: name, phone and address only. */
export interface MediationPartyRecord {
  id: string;
  name: string;
  phone?: string;
  address?: string;
  /** Set when the party uses the app (the thread's resident, the applicant, or whoever claimed a party pass). */
  userId?: string;
  /** For subscribe messages only; never in a view. */
  openid?: string;
}

export interface MediationInvitationRecord {
  id: string;
  /** The pass: `mediation_passes/<token>` leads here; shared as a card, never shown to anyone else. */
  token: string;
  kind: 'party' | 'roster' | 'adhoc';
  partyId?: string;
  memberId?: string;
  name: string;
  roleLabel: string;
  phone?: string;
  /** Whoever opened the pass first holds it. */
  userId?: string;
  openid?: string;
  response: 'pending' | 'accepted' | 'declined';
  respondedAt?: Date;
}

export interface MediationSessionRecord {
  id: string;
  at: Date;
  place: string;
  agenda?: string;
  status: 'scheduled' | 'held';
  invitations: MediationInvitationRecord[];
  convenedBy: string;
  convenedAt: Date;
  remindedAt?: Date;
  record?: { attendedInvitationIds: string[]; notes: string; photoFileIds: string[]; recordedAt: Date; recordedBy: string };
}

export interface MediationAgreementRecord {
  version: number;
  terms: string[];
  proposedAt: Date;
  proposedBy: string;
  confirmations: { partyId: string; via: 'app' | 'paper'; at: Date; by: string; photoFileId?: string }[];
}

/**
 * A 圆桌调解 case. Functions only (rules: no client access); views mask per viewer. The lifecycle
 * fields (status, history, …) are domain/mediation's CaseState, changed only through `transition`.
 * `version` guards every write (a stale write is a CONFLICT). Indexes: stationId, officerIds and
 * partyUserIds each by (updatedAt, _id); (status, followUpDueAt) and (reminderDueAt) for the timer.
 */
export interface MediationCaseRecord extends CaseState {
  _id: string;
  version: number;
  stationId: string;
  districtId: string;
  communityId: string;
  ownerOfficerId: string;
  /** The beat officers of another jurisdiction whose boundary flag holds the place. */
  coMediatorOfficerIds: string[];
  coStationIds: string[];
  /** ownerOfficerId and the co-mediators: 'mine' is one indexed query. */
  officerIds: string[];
  category: MediationCategory;
  source: CaseSource;
  threadId?: string;
  title: string;
  description: string;
  place: { text: string; location?: LatLng };
  photoFileIds: string[];
  parties: MediationPartyRecord[];
  partyUserIds: string[];
  /** Everyone who holds a pass of this case (forces included): found again for 我的数据 and deletion. */
  inviteeUserIds: string[];
  sessions: MediationSessionRecord[];
  agreement?: MediationAgreementRecord;
  followUpDays: number;
  /** The owner was told the 回访 is due (once per agreement). */
  followUpRemindedAt?: Date;
  /** The earliest reminder still to send for a scheduled session; absent when none. */
  reminderDueAt?: Date;
  open: boolean;
  createdBy: string;
  createdAt: Date;
  updatedAt: Date;
}

/** A participant pass: `_id` is the token in the shared link. */
export interface MediationPassRecord {
  _id: string;
  caseId: string;
  sessionId: string;
  invitationId: string;
  createdAt: Date;
}

/** A community's mediation forces: `_id` is the community id. */
export interface MediationRosterRecord {
  _id: string;
  stationId: string;
  members: { id: string; force: MediationForce; name: string; phone?: string; building?: string; org?: string }[];
  updatedAt: Date;
  updatedBy: string;
}

/**
 * Where a timer's paged work stopped, so the next run goes on from there (`_id` is the job's name):
 * a run cut off by the function timeout loses nothing and repeats nothing.
 */
export interface TimerCursorRecord {
  _id: string;
  /** Jobs that walk days (the slot counter check): the day being walked. */
  day?: string;
  /** Jobs that walk a time field (reminders by start, no-shows by end): the last value done. */
  at?: Date;
  /** The last document done at that day or time ('' before the first). */
  afterId: string;
}

/** A bank branch working with a station's anti-fraud officer (警银联动). */
export interface BankBranchRecord {
  _id: string;
  stationId: string;
  districtId: string;
  name: string;
  address: string;
  /** Clerks who joined with a partner invite. */
  clerks: number;
  createdAt: Date;
  createdBy: string;
  updatedAt: Date;
}

/**
 * One uploaded image: `_id` = mediaIdOf(fileId). Who uploaded it and for what (a message, an
 * article) is recorded by the media function at upload, so a message can only carry its own
 * author's images; `check` is WeChat's media check, settled by its asynchronous push.
 */
export interface MediaFileRecord {
  _id: string;
  fileId: string;
  ownerUserId: string;
  context: UploadContext;
  type: string;
  bytes: number;
  check: { status: 'pending' | 'pass' | 'risky' | 'review'; traceId?: string; label?: number; at?: Date };
  /** Set when a message or article first references it (until then it is swept after a day). */
  attachedAt?: Date;
  /** Set when its use ended (an officer photo replaced, removed or its officer deactivated): the file and this record are deleted, by the retention timer if not at once. */
  detachedAt?: Date;
  createdAt: Date;
}

/**
 * A hall closure still being carried out (cloudfunctions/booking/closures.ts), kept in
 * `timer_cursors` as `closure:<station>:<day>:<time|day>`: what was closed, and how far marking
 * its bookings has got.
 */
export interface ClosureJobRecord {
  _id: string;
  kind: 'closure';
  stationId: string;
  day: string;
  /** 'HH:mm' of the closed slot time; absent for the whole day. */
  time?: string;
  reason: string;
  closedBy: string;
  phase: 'bookings' | 'waitlists' | 'done';
  /** The last booking id looked at. */
  afterId: string;
  /** Bookings marked so far (over every run). */
  affected: number;
  createdAt: Date;
  updatedAt: Date;
}

/** One of an alert's acknowledgement count shards: `_id` = `<articleId>:<n>` (cloudfunctions/feed/ack-counts.ts). */
export interface ArticleAckShardRecord {
  _id: string;
  articleId: string;
  count: number;
  byArea: AreaCounters;
}

/** A neighbourhood WeChat group the app has seen cards opened from (`_id`: a hash of its openGId). */
export interface WechatGroupRecord {
  _id: string;
  /** WeChat's id of the group for this app (from getShareInfo via getOpenData). */
  openGId: string;
  firstSeenAt: Date;
  /** Set when an officer names the group ("西罗园二区3号楼群") and links it to a community. */
  stationId?: string;
  communityId?: string;
  name?: string;
  namedBy?: string;
  namedAt?: Date;
}

/** An item's reach in one group (`<articleId>.<groupId>`; groupId `none` for chats and 朋友圈). */
export interface GroupReachRecord {
  _id: string;
  articleId: string;
  groupId: string;
  stationId?: string;
  opens: number;
  uniqueReaders: number;
  acknowledgements: number;
  firstAt: Date;
  lastAt: Date;
}

/** The group a reader first opened an item from (`<articleId>.<userId>`): counts them once, and their 我已知晓 for it. */
export interface GroupReaderRecord {
  _id: string;
  articleId: string;
  userId: string;
  groupId: string;
  at: Date;
}

/** A station's day of dashboard figures, written by the dashboard timer once the day has ended. Indexed by (stationId, day). */
export interface StationDailyStatsRecord extends StationDay {
  _id: string;
}
