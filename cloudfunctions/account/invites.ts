import { randomBytes } from 'node:crypto';
import type { accountActions } from '@domain/actions/account';
import { ActionError } from '@domain/errors';
import { INVITE_RETENTION_DAYS, REDEEM_ATTEMPTS, inviteStatus, newInviteCode } from '@domain/invites';
import { COLLECTIONS, type InviteRecord, type OfficerRecord, type UserRecord } from '@platform/cloud/collections';
import { assertTextIsSafe } from '@platform/cloud/content-security';
import { bumpDirectoryVersion } from '@platform/cloud/directory-records';
import { defaultTitle } from '@domain/station/officers';
import { requireUser, type Handlers } from '@platform/cloud/create-function';
import { findById, findMany, removed } from '@platform/cloud/documents';
import { officerIdFor } from '@platform/cloud/identity';
import { assertWithinLimit, countAttempt } from '@platform/cloud/rate-limit';
import { inTransaction, readInTransaction, type Transaction } from '@platform/cloud/transaction';
import { database } from '@platform/cloud/wx';
import { claimFirstAdmin, districtOfFirstAdminCode } from './first-admin';
import { redeemPartnerInvite } from './bank-branches';
import { inviteView, meView } from './views';

type InviteHandlers = Pick<Handlers<typeof accountActions>, 'createInvite' | 'listInvites' | 'revokeInvite' | 'redeemInvite' | 'purgeExpiredInvites'>;

const HOUR = 3_600_000;
const MAX_CODE_ATTEMPTS = 5;

const readInvite = (transaction: Transaction, code: string) => readInTransaction<InviteRecord>(transaction, COLLECTIONS.invites, code);

export const inviteHandlers: InviteHandlers = {
  async createInvite(input, context) {
    const { user } = requireUser(context);
    const scope = context.scope!;
    // An officer invite may not hand out more than the inviter could: only admins reach here.
    for (let attempt = 1; ; attempt += 1) {
      const invite: InviteRecord = {
        _id: newInviteCode(randomBytes),
        stationId: scope.stationId,
        districtId: scope.districtId,
        role: input.role,
        officerKinds: input.officerKinds,
        note: input.note,
        createdBy: user._id,
        createdAt: context.now,
        expiresAt: new Date(context.now.getTime() + input.validHours * HOUR),
      };
      try {
        await database().collection(COLLECTIONS.invites).add({ data: invite });
        return inviteView(invite, context.now);
      } catch (error) {
        // A duplicate code is astronomically rare; add() rejecting it is what keeps codes unique.
        if (attempt >= MAX_CODE_ATTEMPTS || (await findById(COLLECTIONS.invites, invite._id)) === undefined) throw error;
      }
    }
  },

  async listInvites({ stationId }, context) {
    const invites = await findMany<InviteRecord>(
      database().collection(COLLECTIONS.invites).where({ stationId }).orderBy('createdAt', 'desc').limit(100),
    );
    return invites.map((invite) => inviteView(invite, context.now));
  },

  async revokeInvite({ stationId, code }, context) {
    const { user } = requireUser(context);
    return inTransaction(async (transaction) => {
      const invite = await readInvite(transaction, code);
      if (!invite || invite.stationId !== stationId) throw new ActionError('NOT_FOUND', '没有找到这个邀请码');
      const status = inviteStatus(invite, context.now);
      if (status !== 'open') throw new ActionError('CONFLICT', status === 'used' ? '邀请码已被使用，如需收回权限请在民警名单中操作' : '邀请码已失效');
      const revoked: InviteRecord = { ...invite, revokedAt: context.now, revokedBy: user._id };
      await transaction.collection(COLLECTIONS.invites).doc(code).update({ data: { revokedAt: context.now, revokedBy: user._id } });
      return inviteView(revoked, context.now);
    });
  },

  async redeemInvite({ code, name, title, phone }, context) {
    const { user, openid } = requireUser(context);
    const limitKey = `redeem:${user._id}`;
    await assertWithinLimit(limitKey, REDEEM_ATTEMPTS, context.now);
    if (user.role === 'districtAdmin') throw new ActionError('CONFLICT', '分局管理员无需使用邀请码');
    // A district's one-time first-admin code (./first-admin.ts) goes in the same field.
    const firstAdminOf = districtOfFirstAdminCode(code);
    if (firstAdminOf) return meView(await claimFirstAdmin(user, firstAdminOf, context.now));
    const displayTitle = title || defaultTitle(name);
    // Residents read the title on the contact card and in every answer; colleagues the name.
    await assertTextIsSafe(openid, `${name} ${displayTitle}`, 1);
    const officerId = officerIdFor(user._id);

    let promoted: UserRecord;
    try {
      promoted = await inTransaction(async (transaction) => {
        const invite = await readInvite(transaction, code);
        if (!invite) throw new ActionError('NOT_FOUND', '邀请码不正确，请核对后再输入');
        const status = inviteStatus(invite, context.now);
        if (status === 'expired' || status === 'revoked') throw new ActionError('EXPIRED', '邀请码已失效，请联系所里管理员重新生成');
        if (status === 'used') throw new ActionError('CONFLICT', '邀请码已被使用，每个邀请码只能用一次');
        if (invite.role === 'partner') return redeemPartnerInvite(transaction, invite, user, { name, phone }, context.now);

        const grant = {
          role: invite.role,
          officerKinds: invite.officerKinds,
          stationId: invite.stationId,
          districtId: invite.districtId,
          roleGrantedAt: context.now,
          updatedAt: context.now,
        };
        await transaction.collection(COLLECTIONS.invites).doc(code).update({ data: { usedBy: user._id, usedByNickname: user.nickname, usedAt: context.now } });
        await transaction.collection(COLLECTIONS.users).doc(user._id).update({ data: grant });
        // The officer's record: what routing, the roster and the contact card know them by. Posts
        // and communities are the station admin's to assign (station.assignOfficer).
        const officer: Omit<OfficerRecord, '_id'> = {
          name,
          title: displayTitle,
          stationId: invite.stationId,
          kinds: [...invite.officerKinds],
          communityIds: [],
          userId: user._id,
          phone,
          active: true,
          createdAt: context.now,
          updatedAt: context.now,
        };
        await transaction.collection(COLLECTIONS.officers).doc(officerId).set({ data: officer });
        await transaction.collection(COLLECTIONS.auditLog).add({
          data: { type: 'role.granted', userId: user._id, officerId, stationId: invite.stationId, role: invite.role, invite: code, at: context.now },
        });
        return { ...user, ...grant };
      });
    } catch (error) {
      if (error instanceof ActionError && error.code === 'NOT_FOUND') await countAttempt(limitKey, REDEEM_ATTEMPTS, context.now);
      throw error;
    }
    await bumpDirectoryVersion(context.now);
    return meView(promoted);
  },

  async purgeExpiredInvites(_input, context) {
    const _ = database().command;
    const cutoff = new Date(context.now.getTime() - INVITE_RETENTION_DAYS * 24 * HOUR);
    const count = await removed(database().collection(COLLECTIONS.invites).where({ expiresAt: _.lt(cutoff) }).remove());
    return { removed: count };
  },
};
