import type { ArticleKind } from '@domain/actions/feed';
import type { Booking, HallConfig, Needs, Relation, ServiceKind, WaitlistEntry } from '@domain/booking';
import type { Audience, FraudTypeKey } from '@domain/fraud-types';
import type { CommunityAddressBook } from '@domain/address';
import type { LatLng } from '@domain/geo';
import type { OfficerKind, Role } from '@domain/roles';
import type { Assignee, ConsultCategory, Priority, RoutingRuleTable } from '@domain/routing';

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
  slotCounters: 'slot_counters',
  bookings: 'bookings',
  familyMembers: 'family_members',
  checkInCodes: 'check_in_codes',
  waitlists: 'waitlists',
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
}

export interface DutyShiftRecord {
  _id: string;
  officerId: string;
  stationId: string;
  kind: 'day' | 'night';
  start: Date;
  end: Date;
}

export interface DutyLeaveRecord {
  _id: string;
  officerId: string;
  stationId: string;
  from: Date;
  to: Date;
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
  role: 'officer' | 'stationAdmin';
  officerKinds: OfficerKind[];
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

export interface ArticleRecord {
  _id: string;
  kind: ArticleKind;
  title: string;
  summary: string;
  /** Paragraphs, plain text: nothing a resident reads is rendered as HTML. */
  body: string[];
  fraudTypes: FraudTypeKey[];
  audiences: Audience[];
  /** Where it is published: the whole district, or only some stations / communities. */
  districtId: string;
  stationIds: string[];
  communityIds: string[];
  urgent: boolean;
  status: 'published' | 'withdrawn';
  publisher: string;
  publishedAt: Date;
}

/** A station's service-hall config: `_id` is the station id. */
export type HallConfigRecord = HallConfig & { _id: string; updatedAt?: Date };

/**
 * The capacity counter of one slot: `_id` is the slot id. Created (set) on first use with the
 * slot's capacity; places are only ever taken with the conditional update
 * `where({_id, remaining: _.gt(0)}).update({remaining: _.inc(-1)})` and given back with `_.inc(1)`.
 */
export interface SlotCounterRecord {
  _id: string;
  stationId: string;
  service: ServiceKind;
  day: string;
  capacity: number;
  remaining: number;
  /** Places freed while people were waiting, held for the first in line (waitlist); not in `remaining`. */
  held?: number;
  createdAt: Date;
}

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
  checkedInAt?: Date;
  checkedInBy?: string;
  noShowAt?: Date;
  /** The hall closed this booking's slot: the resident is told why and offered another time. */
  closure?: { reason: string; closedAt: Date; closedBy: string };
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
  updatedAt: Date;
}

/** Claims a check-in code for one station and day: `_id` = checkInClaimId(stationId, day, code). */
export interface CheckInCodeRecord {
  _id: string;
  bookingId: string;
  stationId: string;
  day: string;
  createdAt: Date;
}
