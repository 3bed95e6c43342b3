/**
 * The registry's entries (./personal-data) for what booking keeps about a resident: saved family
 * members and bookings (a booking holds its place and its check-in code's claim). The booking
 * function erases a removed family member's data with these alone, exactly as an account deletion
 * erases it.
 */
import { BOOKING_STATUSES } from '@domain/booking/booking';
import { SERVICE_LABELS, type ServiceKind } from '@domain/booking/services';
import { retentionCutoff } from '@domain/privacy/retention';
import { COLLECTIONS } from './collections';
import { isoDate } from './documents';
import { _, eraseWith, findAll, justRemove, oldest, plain, remove, retentionText, type Doc, type EraseContext, type Erasure, type PersonalDataSpec } from './personal-data-spec';

export const FAMILY_MEMBER_DATA: PersonalDataSpec = {
  collection: COLLECTIONS.familyMembers,
  group: 'family',
  holds: '您保存的家人：姓名、关系、证件号和电话（加密保存，只显示打码）',
  purpose: '为家人预约办证',
  readers: '您本人；大厅民警在预约里看到打码的证件号',
  retention: '直到您删除这位家人或注销',
  find: ({ userId }) => findAll(COLLECTIONS.familyMembers, { accountId: userId }),
  line: (doc) => `${String(doc.name)}，证件 ${String(doc.idNumberMasked)}，电话 ${String(doc.phoneMasked)}`,
  exported: (doc) => ({ name: doc.name, relation: doc.relation, idNumber: doc.idNumberMasked, phone: doc.phoneMasked, savedAt: isoDate(doc.createdAt) }),
  erase: justRemove(COLLECTIONS.familyMembers),
};

export const BOOKING_DATA: PersonalDataSpec = {
  collection: COLLECTIONS.bookings,
  group: 'bookings',
  holds: '您和家人的办证预约：业务、时间、为谁办、特殊需要',
  purpose: '在大厅为您办理和核对',
  readers: '您本人；办理大厅的民警',
  retention: retentionText('pastBooking', '预约日期'),
  find: ({ userId }) => findAll(COLLECTIONS.bookings, { accountId: userId }),
  line: (doc) => `${SERVICE_LABELS[doc.service as ServiceKind] ?? String(doc.service)}，${String(doc.day)}，${(doc.person as { name?: string } | undefined)?.name ?? ''}（${String(doc.status)}）`,
  exported: (doc) => plain(doc, 'personKey', 'accountId', 'checkInCode', 'codeKey'),
  erase(doc) {
    // The booking is its place (and its code's claim): removing it gives both back to everyone.
    return { writes: [remove(COLLECTIONS.bookings, doc)] };
  },
  sweep: {
    kind: 'pastBooking',
    due: (now, limit) => oldest(COLLECTIONS.bookings, { status: _().in([...BOOKING_STATUSES]) }, 'end', retentionCutoff('pastBooking', now), limit),
    expire: async (doc) => ({ writes: [remove(COLLECTIONS.bookings, doc)] }),
  },
};

/**
 * A family member removed by the account that saved them: their record and their bookings (a place
 * and a code still held go back with them), erased the way an account deletion erases them.
 */
export async function familyMemberData(accountId: string, member: { _id: string }): Promise<Map<string, Doc[]>> {
  const bookings = (await findAll(COLLECTIONS.bookings, { accountId })).filter((booking) => (booking.person as { familyMemberId?: string } | undefined)?.familyMemberId === member._id);
  return new Map([
    [COLLECTIONS.familyMembers, [member as Doc]],
    [COLLECTIONS.bookings, bookings],
  ]);
}

/** The entries a family member's removal touches, in registry order. */
const FAMILY_MEMBER_SPECS = [FAMILY_MEMBER_DATA, BOOKING_DATA];

/** The erasure of what familyMemberData found (as eraseFound would erase it). */
export const eraseFamilyMemberData = (found: ReadonlyMap<string, Doc[]>, context: Omit<EraseContext, 'found'>): Erasure[] => eraseWith(FAMILY_MEMBER_SPECS, found, context);
