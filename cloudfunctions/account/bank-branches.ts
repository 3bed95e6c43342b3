import { randomBytes } from 'node:crypto';
import type { accountActions } from '@domain/actions/account';
import type { BankBranchView } from '@domain/actions/bank-partners';
import { ActionError } from '@domain/errors';
import { newInviteCode } from '@domain/invites';
import { COLLECTIONS, type BankBranchRecord, type InviteRecord, type UserRecord } from '@platform/cloud/collections';
import { requireUser, type Handlers } from '@platform/cloud/create-function';
import { findById, findMany } from '@platform/cloud/documents';
import { inTransaction, readInTransaction, type Transaction } from '@platform/cloud/transaction';
import { database } from '@platform/cloud/wx';
import { inviteView } from './views';

type BranchHandlers = Pick<Handlers<typeof accountActions>, 'listBankBranches' | 'saveBankBranch' | 'createPartnerInvite'>;

const HOUR = 3_600_000;
const MAX_CODE_ATTEMPTS = 5;
/** A station works with a few dozen branches at most; one read returns them all. */
const MAX_BRANCHES = 100;

const branchView = (branch: BankBranchRecord): BankBranchView => ({ id: branch._id, stationId: branch.stationId, name: branch.name, address: branch.address, clerks: branch.clerks });
const newBranchId = () => `bb-${randomBytes(6).toString('hex')}`;

export const bankBranchHandlers: BranchHandlers = {
  async listBankBranches({ stationId }) {
    const branches = await findMany<BankBranchRecord>(database().collection(COLLECTIONS.bankBranches).where({ stationId }).orderBy('name', 'asc').orderBy('_id', 'asc').limit(MAX_BRANCHES));
    return branches.map(branchView);
  },

  async saveBankBranch({ stationId, branchId, name, address }, context) {
    const { user } = requireUser(context);
    const scope = context.scope!;
    return inTransaction(async (transaction) => {
      const id = branchId ?? newBranchId();
      const current = branchId ? await readInTransaction<BankBranchRecord>(transaction, COLLECTIONS.bankBranches, branchId) : undefined;
      if (branchId && (!current || current.stationId !== stationId)) throw new ActionError('NOT_FOUND', '本所没有这个网点');
      const next: BankBranchRecord = current
        ? { ...current, name, address, updatedAt: context.now }
        : { _id: id, stationId, districtId: scope.districtId, name, address, clerks: 0, createdAt: context.now, createdBy: user._id, updatedAt: context.now };
      const { _id, ...data } = next;
      await transaction.collection(COLLECTIONS.bankBranches).doc(_id).set({ data });
      await transaction.collection(COLLECTIONS.auditLog).add({ data: { type: current ? 'bankBranch.updated' : 'bankBranch.created', by: user._id, stationId, branchId: _id, at: context.now } });
      return branchView(next);
    });
  },

  async createPartnerInvite({ stationId, branchId, validHours, note }, context) {
    const { user } = requireUser(context);
    const scope = context.scope!;
    const branch = await findById<BankBranchRecord>(COLLECTIONS.bankBranches, branchId);
    if (!branch || branch.stationId !== stationId) throw new ActionError('NOT_FOUND', '本所没有这个网点，请先添加网点');
    for (let attempt = 1; ; attempt += 1) {
      const invite: InviteRecord = {
        _id: newInviteCode(randomBytes),
        stationId,
        districtId: scope.districtId,
        role: 'partner',
        officerKinds: [],
        branchId,
        note,
        createdBy: user._id,
        createdAt: context.now,
        expiresAt: new Date(context.now.getTime() + validHours * HOUR),
      };
      try {
        await database().collection(COLLECTIONS.invites).add({ data: invite });
        return { ...inviteView(invite, context.now), branchName: branch.name };
      } catch (error) {
        if (attempt >= MAX_CODE_ATTEMPTS || (await findById(COLLECTIONS.invites, invite._id)) === undefined) throw error;
      }
    }
  },
};

/**
 * Redeeming a partner invite, inside redeemInvite's transaction: the clerk's account stays a
 * resident account (they ask, the police answer) and gains the branch it acts for.
 */
export async function redeemPartnerInvite(transaction: Transaction, invite: InviteRecord, user: UserRecord, clerk: { name: string; phone: string }, now: Date): Promise<UserRecord> {
  if (user.role !== 'resident') throw new ActionError('CONFLICT', '民警账号不能加入银行网点，请用网点工作人员本人的微信');
  const branch = invite.branchId ? await readInTransaction<BankBranchRecord>(transaction, COLLECTIONS.bankBranches, invite.branchId) : undefined;
  if (!branch) throw new ActionError('EXPIRED', '这个网点已经不在合作名单里，请联系派出所反诈民警');
  const partner = { branchId: branch._id, stationId: branch.stationId, districtId: branch.districtId, name: clerk.name, phone: clerk.phone, grantedAt: now };
  await transaction.collection(COLLECTIONS.invites).doc(invite._id).update({ data: { usedBy: user._id, usedByNickname: user.nickname, usedAt: now } });
  await transaction.collection(COLLECTIONS.users).doc(user._id).update({ data: { partner, updatedAt: now } });
  await transaction.collection(COLLECTIONS.bankBranches).doc(branch._id).update({ data: { clerks: branch.clerks + (user.partner?.branchId === branch._id ? 0 : 1), updatedAt: now } });
  await transaction.collection(COLLECTIONS.auditLog).add({ data: { type: 'partner.joined', userId: user._id, stationId: branch.stationId, branchId: branch._id, invite: invite._id, at: now } });
  return { ...user, partner, updatedAt: now };
}
