import type { accountActions } from '@domain/actions/account';
import { ActionError } from '@domain/errors';
import { COLLECTIONS, type OfficerRecord, type UserRecord } from '@platform/cloud/collections';
import { isActiveOfficer } from '@domain/station/officers';
import { requireUser, type Handlers } from '@platform/cloud/create-function';
import { findMany } from '@platform/cloud/documents';
import { inTransaction, readInTransaction } from '@platform/cloud/transaction';
import { database } from '@platform/cloud/wx';
import { staffView } from './views';

type StaffHandlers = Pick<Handlers<typeof accountActions>, 'listStaff' | 'revokeStaff'>;

export const staffHandlers: StaffHandlers = {
  async listStaff({ stationId }) {
    const _ = database().command;
    const staff = await findMany<UserRecord>(
      database().collection(COLLECTIONS.users).where({ stationId, role: _.in(['officer', 'stationAdmin']) }).orderBy('roleGrantedAt', 'asc').limit(200),
    );
    return staff.map(staffView);
  },

  async revokeStaff({ stationId, userId }, context) {
    const { user: admin } = requireUser(context);
    if (userId === admin._id) throw new ActionError('CONFLICT', '不能收回自己的权限，请联系分局管理员');
    const officers = await findMany<OfficerRecord>(database().collection(COLLECTIONS.officers).where({ userId }).orderBy('_id', 'asc').limit(10));
    return inTransaction(async (transaction) => {
      const target = await readInTransaction<UserRecord>(transaction, COLLECTIONS.users, userId);
      if (!target || target.stationId !== stationId || target.role === 'resident') throw new ActionError('NOT_FOUND', '本所没有这名民警');
      if (target.role === 'districtAdmin') throw new ActionError('FORBIDDEN');
      // An officer's open work must go to a colleague first: station.deactivateOfficer does both in one step.
      if (officers.some((officer) => isActiveOfficer(officer) && officer.stationId === stationId))
        throw new ActionError('CONFLICT', '这名民警还有民警资料和工作，请在“民警管理”里停用并选择接手的同事');
      const _ = database().command;
      const demoted = { role: 'resident', officerKinds: [], stationId: _.remove(), districtId: _.remove(), updatedAt: context.now };
      await transaction.collection(COLLECTIONS.users).doc(userId).update({ data: demoted });
      await transaction.collection(COLLECTIONS.auditLog).add({
        data: { type: 'role.revoked', userId, stationId, by: admin._id, at: context.now },
      });
      return staffView({ ...target, role: 'resident', officerKinds: [], stationId: undefined, districtId: undefined });
    });
  },
};
