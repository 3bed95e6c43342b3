import { createHash } from 'node:crypto';
import type { Actor } from '@domain/roles';
import { COLLECTIONS, type UserRecord } from './collections';
import { findById } from './documents';
import { database } from './wx';

/** A stable user id derived from the openid, so the openid itself never travels in views. */
export function userIdFor(openid: string): string {
  return `u_${createHash('sha256').update(openid).digest('hex').slice(0, 24)}`;
}

/** The officer record an invite creates for an account (one per account: redeeming again replaces it). */
export const officerIdFor = (userId: string): string => `o-${userId.slice(2, 14)}`;

const DEFAULT_NICKNAME = '微信用户';

/**
 * The caller's account; the first call creates a resident. Two first calls racing each other
 * (pages load in parallel) both end with the same account: add() rejects the duplicate _id.
 */
export async function resolveUser(openid: string, now: Date): Promise<UserRecord> {
  const userId = userIdFor(openid);
  const existing = await findById<UserRecord>(COLLECTIONS.users, userId);
  if (existing) return existing;

  const fresh: UserRecord = {
    _id: userId,
    openid,
    nickname: DEFAULT_NICKNAME,
    role: 'resident',
    officerKinds: [],
    createdAt: now,
    updatedAt: now,
  };
  try {
    await database().collection(COLLECTIONS.users).add({ data: fresh });
    return fresh;
  } catch (error) {
    const raced = await findById<UserRecord>(COLLECTIONS.users, userId);
    if (raced) return raced;
    throw error;
  }
}

export function actorOf(user: UserRecord): Actor {
  return {
    type: 'user',
    userId: user._id,
    role: user.role,
    officerKinds: user.officerKinds,
    stationId: user.stationId,
    districtId: user.districtId,
    ...(user.partner ? { partner: { branchId: user.partner.branchId, stationId: user.partner.stationId } } : {}),
  };
}
