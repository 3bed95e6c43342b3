import type { accountActions } from '@domain/actions/account';
import { ActionError } from '@domain/errors';
import { COLLECTIONS, type OfficerRecord, type UserRecord } from '@platform/cloud/collections';
import { isActiveOfficer } from '@domain/station/officers';
import { holdsWork } from '@platform/cloud/officer-work';
import { bumpDirectoryVersion } from '@platform/cloud/directory-records';
import { requireUser, type Handlers } from '@platform/cloud/create-function';
import { findMany } from '@platform/cloud/documents';
import { inTransaction, readInTransaction } from '@platform/cloud/transaction';
import { database } from '@platform/cloud/wx';
import { deleteDetachedPhotos, detachOfficerPhoto } from '@platform/cloud/officer-photos';
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
    const held = officers.filter((officer) => isActiveOfficer(officer) && officer.stationId === stationId);
    const busy = (await Promise.all(held.map((officer) => holdsWork(officer, context.now)))).some(Boolean);
    const view = await inTransaction(async (transaction) => {
      const target = await readInTransaction<UserRecord>(transaction, COLLECTIONS.users, userId);
      if (!target || target.stationId !== stationId || target.role === 'resident') throw new ActionError('NOT_FOUND', '本所没有这名民警');
      if (target.role === 'districtAdmin') throw new ActionError('FORBIDDEN');
      // An officer's open work must go to a colleague first: station.deactivateOfficer does both in one step.
      if (busy) throw new ActionError('CONFLICT', '这名民警手上还有提问、案件、值班或负责的社区，请在“民警管理”里停用并选择接手的同事');
      const _ = database().command;
      // Nothing to hand over: the officer record is deactivated with the role, in the same
      // transaction; its photo is on no card any more and goes too.
      for (const officer of held) {
        await transaction.collection(COLLECTIONS.officers).doc(officer._id).update({ data: { active: false, deactivatedAt: context.now, photoFileId: _.remove(), updatedAt: context.now } });
        if (officer.photoFileId) await detachOfficerPhoto(transaction, officer.photoFileId, context.now);
      }
      const demoted = { role: 'resident', officerKinds: [], stationId: _.remove(), districtId: _.remove(), updatedAt: context.now };
      await transaction.collection(COLLECTIONS.users).doc(userId).update({ data: demoted });
      await transaction.collection(COLLECTIONS.auditLog).add({
        data: { type: 'role.revoked', userId, stationId, by: admin._id, at: context.now },
      });
      return staffView({ ...target, role: 'resident', officerKinds: [], stationId: undefined, districtId: undefined });
    });
    await deleteDetachedPhotos(held.flatMap((officer) => (officer.photoFileId ? [officer.photoFileId] : [])));
    // A deactivated officer record leaves routing at once.
    if (held.length > 0) await bumpDirectoryVersion(context.now);
    return view;
  },
};
