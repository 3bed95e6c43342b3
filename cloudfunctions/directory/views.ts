import type { CommunityView } from '@domain/actions';
import type { Directory } from '@platform/cloud/directory';

export function communityView(directory: Directory, communityId: string): CommunityView | undefined {
  const community = directory.communities.get(communityId);
  if (!community) return undefined;
  return {
    id: community._id,
    name: community.name,
    stationId: community.stationId,
    stationName: directory.stations.get(community.stationId)?.name ?? '',
    postName: directory.posts.get(community.postId)?.name ?? '',
  };
}

export const communityViews = (directory: Directory, ids: readonly string[]): CommunityView[] =>
  ids.map((id) => communityView(directory, id)).filter((view): view is CommunityView => view !== undefined);
