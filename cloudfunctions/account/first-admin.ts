/**
 * The first district admin of each district a deployment serves. Everything else is invited by
 * someone already inside; the first person cannot be. `npm run deploy` prints one one-time code
 * per configured district, derived from the deployment's BOOTSTRAP_SECRET and the district's id;
 * the colleague who will run that district enters it where officers enter invite codes
 * (我的 → 民警邀请码). While that district has no first admin, its code creates the district named
 * in the deployment configuration and makes the caller its admin; afterwards it is refused forever
 * (`meta/first-admin.<districtId>` records who claimed it; a deployment from before districts had
 * their own codes recorded its one claim as `meta/first-admin`).
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { DISTRICTS_VARIABLE, readDistricts, type DeploymentDistrict } from '../../config/deployment';
import { ActionError } from '@domain/errors';
import { FIRST_ADMIN_LABEL, firstAdminMessage, inviteCodeFromDigest } from '@domain/invites';
import { COLLECTIONS, type DistrictRecord, type UserRecord } from '@platform/cloud/collections';
import { bumpDirectoryVersion } from '@platform/cloud/directory-records';
import { requireSecret } from '@platform/cloud/settings';
import { inTransaction, readInTransaction } from '@platform/cloud/transaction';

/** Where a deployment from before per-district codes recorded its one claim. */
export const LEGACY_FIRST_ADMIN_DOC = 'first-admin';
export const firstAdminDoc = (districtId: string): string => `first-admin.${districtId}`;

/** 8 symbols of the invite alphabet from HMAC(secret, district): same shape as an invite code, so the same field takes it. */
export const firstAdminCode = (bootstrapSecret: string, districtId: string): string =>
  inviteCodeFromDigest(createHmac('sha256', bootstrapSecret).update(firstAdminMessage(districtId)).digest());

/** The one code a deployment printed before each district had its own. */
const legacyFirstAdminCode = (bootstrapSecret: string): string => inviteCodeFromDigest(createHmac('sha256', bootstrapSecret).update(FIRST_ADMIN_LABEL).digest());

const sameCode = (given: string, expected: string): boolean => {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
};

/** The district ids a configuration mentions, even one that does not validate (to say so to whoever holds a code). */
function mentionedDistrictIds(env: NodeJS.ProcessEnv): string[] {
  const listed = (env[DISTRICTS_VARIABLE] ?? '').split(',').map((entry) => entry.split(':')[0]?.trim() ?? '');
  return [...listed, env.DISTRICT_ID?.trim() ?? ''].filter((id) => id !== '');
}

/**
 * The configured district whose first-admin code this is, if any. A code of a district the
 * configuration mentions but gets wrong is refused with a word for the technician; every other
 * code goes on to be an ordinary invite (a configuration mistake never blocks officers' invites).
 */
export function districtOfFirstAdminCode(code: string): DeploymentDistrict | undefined {
  const secret = requireSecret('BOOTSTRAP_SECRET');
  const configured = readDistricts(process.env);
  const candidates = configured.ok ? configured.districts.map((district) => district.id) : mentionedDistrictIds(process.env);
  let matched = candidates.find((districtId) => sameCode(code, firstAdminCode(secret, districtId)));
  // A single-district deployment's code from before codes named their district, printed by an earlier deploy, still works.
  if (matched === undefined && configured.ok && configured.districts.length === 1 && sameCode(code, legacyFirstAdminCode(secret))) matched = configured.districts[0]!.id;
  if (matched === undefined) return undefined;
  if (!configured.ok) {
    console.error('[account] first-admin code for a misconfigured district:', configured.problems.join('; '));
    throw new ActionError('CONFLICT', '部署配置里的分局信息不完整或有误（DISTRICTS，或 DISTRICT_ID、DISTRICT_NAME、DISTRICT_CITY），请联系部署的技术人员');
  }
  return configured.districts.find((district) => district.id === matched);
}

/** Makes the caller the first admin of `district`, once per district. */
export async function claimFirstAdmin(user: UserRecord, district: DeploymentDistrict, now: Date): Promise<UserRecord> {
  const record: Omit<DistrictRecord, '_id'> = { name: district.name, city: district.city, generalQueueName: '综合受理' };
  const promoted = await inTransaction(async (transaction) => {
    const claimed = await readInTransaction<{ _id: string }>(transaction, COLLECTIONS.meta, firstAdminDoc(district.id));
    const legacy = await readInTransaction<{ _id: string; districtId?: string }>(transaction, COLLECTIONS.meta, LEGACY_FIRST_ADMIN_DOC);
    if (claimed || legacy?.districtId === district.id) throw new ActionError('CONFLICT', `${district.name}的首位管理员已经设立，请向分局管理员索取邀请码`);
    const existing = await readInTransaction<DistrictRecord>(transaction, COLLECTIONS.districts, district.id);
    if (!existing) {
      await transaction.collection(COLLECTIONS.districts).doc(district.id).set({ data: record });
      await transaction.collection(COLLECTIONS.auditLog).add({ data: { type: 'district.created', by: user._id, districtId: district.id, name: district.name, city: district.city, via: 'first-admin', at: now } });
    }
    const grant = { role: 'districtAdmin' as const, officerKinds: [], districtId: district.id, roleGrantedAt: now, updatedAt: now };
    await transaction.collection(COLLECTIONS.meta).doc(firstAdminDoc(district.id)).set({ data: { userId: user._id, districtId: district.id, at: now } });
    await transaction.collection(COLLECTIONS.users).doc(user._id).update({ data: grant });
    await transaction.collection(COLLECTIONS.auditLog).add({ data: { type: 'role.granted', userId: user._id, districtId: district.id, role: 'districtAdmin', invite: 'first-admin', at: now } });
    return { ...user, ...grant };
  });
  await bumpDirectoryVersion(now);
  return promoted;
}
