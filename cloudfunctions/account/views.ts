import type { InviteView, MeView, StaffMemberView } from '@domain/actions/account';
import { inviteStatus } from '@domain/invites';
import { COLLECTIONS, type BankBranchRecord, type CommunityRecord, type DistrictRecord, type InviteRecord, type StationRecord, type UserRecord } from '@platform/cloud/collections';
import { findById, isoDate } from '@platform/cloud/documents';

export async function meView(user: UserRecord): Promise<MeView> {
  const view: MeView = {
    userId: user._id,
    nickname: user.nickname,
    role: user.role,
    officerKinds: [...user.officerKinds],
    createdAt: isoDate(user.createdAt),
  };
  if (user.stationId) {
    const station = await findById<StationRecord>(COLLECTIONS.stations, user.stationId);
    if (station) {
      const district = await findById<DistrictRecord>(COLLECTIONS.districts, station.districtId);
      view.station = { id: station._id, name: station.name, districtName: district?.name ?? '' };
    }
  }
  if (user.role === 'districtAdmin' && user.districtId) view.districtId = user.districtId;
  if (user.partner) {
    const branch = await findById<BankBranchRecord>(COLLECTIONS.bankBranches, user.partner.branchId);
    const station = branch && (await findById<StationRecord>(COLLECTIONS.stations, branch.stationId));
    if (branch && station) view.partner = { branchId: branch._id, branchName: branch.name, stationId: station._id, stationName: station.name };
  }
  if (user.homeCommunityId) {
    const community = await findById<CommunityRecord>(COLLECTIONS.communities, user.homeCommunityId);
    const station = community && (await findById<StationRecord>(COLLECTIONS.stations, community.stationId));
    if (community && station) view.homeCommunity = { id: community._id, name: community.name, stationName: station.name };
  }
  return view;
}

export function inviteView(invite: InviteRecord, now: Date): InviteView {
  return {
    code: invite._id,
    stationId: invite.stationId,
    role: invite.role,
    officerKinds: [...invite.officerKinds],
    note: invite.note,
    status: inviteStatus(invite, now),
    expiresAt: isoDate(invite.expiresAt),
    createdAt: isoDate(invite.createdAt),
    ...(invite.usedByNickname ? { usedByNickname: invite.usedByNickname } : {}),
  };
}

export function staffView(user: UserRecord): StaffMemberView {
  return {
    userId: user._id,
    nickname: user.nickname,
    role: user.role,
    officerKinds: [...user.officerKinds],
    joinedAt: isoDate(user.roleGrantedAt ?? user.createdAt),
  };
}
