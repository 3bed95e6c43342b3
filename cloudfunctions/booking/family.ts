import type { bookingActions, FamilyMemberView } from '@domain/actions/booking';
import { RELATION_LABELS, maskIdNumber, maskPhone } from '@domain/booking';
import { ActionError } from '@domain/errors';
import { COLLECTIONS, type FamilyMemberRecord } from '@platform/cloud/collections';
import { requireUser, type Handlers } from '@platform/cloud/create-function';
import { countOf, findById, findMany } from '@platform/cloud/documents';
import { eraseFamilyMemberData, familyMemberData } from '@platform/cloud/personal-data-bookings';
import { applyWrites, combineErasures as combine } from '@platform/cloud/personal-data-spec';
import { inTransaction } from '@platform/cloud/transaction';
import { database } from '@platform/cloud/wx';
import { familyMemberIdFor, personKeyOfIdNumber, seal } from './secrets';

type FamilyHandlers = Pick<Handlers<typeof bookingActions>, 'saveFamilyMember' | 'listFamilyMembers' | 'removeFamilyMember'>;

export const FAMILY_MEMBER_CAP = 10;

function familyMemberView(member: FamilyMemberRecord): FamilyMemberView {
  return {
    id: member._id,
    name: member.name,
    relation: member.relation,
    relationLabel: RELATION_LABELS[member.relation],
    idNumberMasked: member.idNumberMasked,
    phoneMasked: member.phoneMasked,
  };
}

export const familyHandlers: FamilyHandlers = {
  async saveFamilyMember({ name, idNumber, phone, relation }, context) {
    const { user } = requireUser(context);
    // The person key is derived here, on the server, from the validated ID number.
    const personKey = personKeyOfIdNumber(idNumber);
    const id = familyMemberIdFor(user._id, personKey);
    const existing = await findById<FamilyMemberRecord>(COLLECTIONS.familyMembers, id);
    if (!existing) {
      const count = await countOf(database().collection(COLLECTIONS.familyMembers).where({ accountId: user._id }));
      if (count >= FAMILY_MEMBER_CAP) throw new ActionError('CONFLICT', `最多保存${FAMILY_MEMBER_CAP}位家人，请先删除不再需要的`);
    }
    const record: FamilyMemberRecord = {
      _id: id,
      accountId: user._id,
      name,
      relation,
      personKey,
      idNumberMasked: maskIdNumber(idNumber),
      phoneMasked: maskPhone(phone),
      idNumberSealed: seal(idNumber),
      phoneSealed: seal(phone),
      createdAt: existing?.createdAt ?? context.now,
      updatedAt: context.now,
    };
    const { _id, ...data } = record;
    await database().collection(COLLECTIONS.familyMembers).doc(id).set({ data });
    return familyMemberView(record);
  },

  async listFamilyMembers(_input, context) {
    const { user } = requireUser(context);
    const members = await findMany<FamilyMemberRecord>(
      database().collection(COLLECTIONS.familyMembers).where({ accountId: user._id }).orderBy('createdAt', 'asc').limit(FAMILY_MEMBER_CAP * 2),
    );
    return members.map(familyMemberView);
  },

  async removeFamilyMember({ id }, context) {
    const { user, openid } = requireUser(context);
    const member = await findById<FamilyMemberRecord>(COLLECTIONS.familyMembers, id);
    if (!member || member.accountId !== user._id) throw new ActionError('NOT_FOUND', '没有找到这位家人');
    // Their bookings and check-in codes go with them, in one transaction, as an account deletion does.
    const found = await familyMemberData(user._id, member);
    const { writes } = combine(eraseFamilyMemberData(found, { subject: { userId: user._id, openid }, tombstone: 'family-member-removed', now: context.now }));
    await inTransaction(async (transaction) => {
      await applyWrites(transaction, writes);
      await transaction.collection(COLLECTIONS.auditLog).add({ data: { type: 'family-member.removed', userId: user._id, bookings: found.get(COLLECTIONS.bookings)?.length ?? 0, at: context.now } });
    });
    return { removed: true };
  },
};
