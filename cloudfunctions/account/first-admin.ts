/**
 * The first district admin of a fresh deployment. Everything else is invited by someone already
 * inside; the first person cannot be. `npm run deploy` prints a one-time code derived from the
 * deployment's BOOTSTRAP_SECRET; the technician's colleague who will run the district enters it
 * where officers enter invite codes (我的 → 民警邀请码). While no first admin exists, that code
 * creates the district named in the deployment configuration and makes the caller its admin;
 * afterwards it is refused forever (`meta/first-admin` records who claimed it).
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { ActionError } from '@domain/errors';
import { FIRST_ADMIN_LABEL, inviteCodeFromDigest } from '@domain/invites';
import { COLLECTIONS, type DistrictRecord, type UserRecord } from '@platform/cloud/collections';
import { bumpDirectoryVersion } from '@platform/cloud/directory-records';
import { requireSecret } from '@platform/cloud/settings';
import { inTransaction, readInTransaction } from '@platform/cloud/transaction';

export const FIRST_ADMIN_DOC = 'first-admin';

/** 8 symbols of the invite alphabet from HMAC(secret): same shape as an invite code, so the same field takes it. */
export const firstAdminCode = (bootstrapSecret: string): string =>
  inviteCodeFromDigest(createHmac('sha256', bootstrapSecret).update(FIRST_ADMIN_LABEL).digest());

export function isFirstAdminCode(code: string): boolean {
  const expected = Buffer.from(firstAdminCode(requireSecret('BOOTSTRAP_SECRET')));
  const given = Buffer.from(code);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

function districtFromSettings(): DistrictRecord {
  const id = process.env.DISTRICT_ID?.trim();
  const name = process.env.DISTRICT_NAME?.trim();
  const city = process.env.DISTRICT_CITY?.trim();
  if (!id || !name || !city) throw new ActionError('CONFLICT', '部署配置里缺少分局信息（DISTRICT_ID、DISTRICT_NAME、DISTRICT_CITY），请联系部署的技术人员');
  return { _id: id, name, city, generalQueueName: '综合受理' };
}

/** Makes the caller the first district admin, once per deployment. */
export async function claimFirstAdmin(user: UserRecord, now: Date): Promise<UserRecord> {
  const district = districtFromSettings();
  const promoted = await inTransaction(async (transaction) => {
    const claimed = await readInTransaction<{ _id: string }>(transaction, COLLECTIONS.meta, FIRST_ADMIN_DOC);
    if (claimed) throw new ActionError('CONFLICT', '首位分局管理员已经设立，请向分局管理员索取邀请码');
    const existing = await readInTransaction<DistrictRecord>(transaction, COLLECTIONS.districts, district._id);
    if (!existing) await transaction.collection(COLLECTIONS.districts).doc(district._id).set({ data: { name: district.name, city: district.city, generalQueueName: district.generalQueueName } });
    const grant = { role: 'districtAdmin' as const, officerKinds: [], districtId: district._id, roleGrantedAt: now, updatedAt: now };
    await transaction.collection(COLLECTIONS.meta).doc(FIRST_ADMIN_DOC).set({ data: { userId: user._id, districtId: district._id, at: now } });
    await transaction.collection(COLLECTIONS.users).doc(user._id).update({ data: grant });
    await transaction.collection(COLLECTIONS.auditLog).add({ data: { type: 'role.granted', userId: user._id, districtId: district._id, role: 'districtAdmin', invite: 'first-admin', at: now } });
    return { ...user, ...grant };
  });
  await bumpDirectoryVersion(now);
  return promoted;
}
