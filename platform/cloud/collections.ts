import type { ArticleKind } from '@domain/actions/feed';
import type { Audience, FraudTypeKey } from '@domain/fraud-types';
import type { OfficerKind, Role } from '@domain/roles';

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
  postName: string;
  order: number;
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
