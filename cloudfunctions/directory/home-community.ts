import type { BeatCardView, directoryActions } from '@domain/actions/directory';
import { OFFICER_KIND_LABELS } from '@domain/roles';
import { ActionError } from '@domain/errors';
import { COLLECTIONS, type OfficerRecord } from '@platform/cloud/collections';
import { requireUser, type Handlers } from '@platform/cloud/create-function';
import { currentDirectory, type Directory } from '@platform/cloud/directory';
import { addressResolverOf } from '@platform/cloud/directory-addresses';
import { BOUNDARY_METERS } from '@platform/cloud/question-routing';
import { inTransaction } from '@platform/cloud/transaction';
import { officerPhotoUrls } from '@platform/cloud/media';
import { meView } from '../account/views';
import { communityView, communityViews } from './views';

type HomeHandlers = Pick<Handlers<typeof directoryActions>, 'resolveAddress' | 'locate' | 'bindHomeCommunity' | 'myBeatCard'>;


export const beatOfficerOf = (directory: Directory, communityId: string): OfficerRecord | undefined =>
  [...directory.officers.values()]
    .filter((officer) => officer.kinds.includes('beat') && officer.communityIds.includes(communityId))
    .sort((a, b) => a.communityIds.length - b.communityIds.length || a._id.localeCompare(b._id))[0];

/** The 警民联系牌 of a community: station, post and (given, or the community's) beat officer. */
export async function beatCardOf(directory: Directory, communityId: string, officer = beatOfficerOf(directory, communityId)): Promise<BeatCardView | undefined> {
  const community = communityView(directory, communityId);
  const record = directory.communities.get(communityId);
  const station = record && directory.stations.get(record.stationId);
  const post = record && directory.posts.get(record.postId);
  if (!community || !station || !post) return undefined;
  const photo = (await officerPhotoUrls([officer?.photoFileId])).get(officer?.photoFileId ?? '');
  return {
    community,
    station: { name: station.name, address: station.address, phone: station.phone },
    post: { name: post.name, phone: post.phone },
    ...(officer && {
      officer: {
        title: officer.title,
        kindsLabel: officer.kinds.map((kind) => OFFICER_KIND_LABELS[kind]).join('、'),
        ...(photo ? { photoUrl: photo } : {}),
      },
    }),
  };
}

export const homeCommunityHandlers: HomeHandlers = {
  async resolveAddress({ text }, context) {
    const directory = await currentDirectory(context.now);
    const resolution = addressResolverOf(directory).resolve(text);
    const candidate = (match: { communityId: string; matched: string }) => {
      const view = communityView(directory, match.communityId);
      return view && { ...view, matched: match.matched };
    };
    if (resolution.kind === 'match') {
      const community = candidate(resolution.match);
      if (community) return { kind: 'match', community };
    }
    if (resolution.kind === 'ambiguous') {
      const candidates = resolution.candidates.map(candidate).filter((view) => view !== undefined);
      if (candidates.length) return { kind: 'ambiguous', candidates };
    }
    return { kind: 'none', hint: resolution.kind === 'none' ? resolution.hint : '没有找到这个地址，可以从列表里选择社区，或者发送位置' };
  },

  async locate(point, context) {
    const directory = await currentDirectory(context.now);
    const communityId = directory.locator.locate(point);
    const nearby = directory.locator.nearbyAreas(point, BOUNDARY_METERS).map((area) => area.id);
    const community = communityId ? communityView(directory, communityId) : undefined;
    return { ...(community ? { community } : {}), nearby: communityViews(directory, nearby) };
  },

  async bindHomeCommunity({ communityId, via }, context) {
    const { user } = requireUser(context);
    const directory = await currentDirectory(context.now);
    if (!directory.communities.has(communityId)) throw new ActionError('NOT_FOUND', '没有找到这个社区');
    await inTransaction(async (transaction) => {
      await transaction.collection(COLLECTIONS.users).doc(user._id).update({ data: { homeCommunityId: communityId, updatedAt: context.now } });
      await transaction.collection(COLLECTIONS.auditLog).add({ data: { type: 'home.bound', userId: user._id, communityId, via, at: context.now } });
    });
    return meView({ ...user, homeCommunityId: communityId, updatedAt: context.now });
  },

  async myBeatCard(_input, context) {
    const { user } = requireUser(context);
    if (!user.homeCommunityId) return null;
    const directory = await currentDirectory(context.now);
    return (await beatCardOf(directory, user.homeCommunityId)) ?? null;
  },
};
