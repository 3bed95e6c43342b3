import { actions } from '@domain/actions';
import type { CommunityView, StationView } from '@domain/actions';
import { COLLECTIONS, type CommunityRecord, type DistrictRecord, type StationRecord } from '@platform/cloud/collections';
import { createCloudFunction } from '@platform/cloud/create-function';
import { findMany } from '@platform/cloud/documents';
import { database } from '@platform/cloud/wx';

async function stationsById(): Promise<Map<string, StationRecord>> {
  const stations = await findMany<StationRecord>(database().collection(COLLECTIONS.stations).orderBy('order', 'asc').limit(1000));
  return new Map(stations.map((station) => [station._id, station]));
}

/** Districts, stations, posts and communities: who is responsible for where. */
export const main = createCloudFunction(actions.directory, {
  async listStations() {
    const [stations, districts] = await Promise.all([
      stationsById(),
      findMany<DistrictRecord>(database().collection(COLLECTIONS.districts).limit(100)),
    ]);
    const districtName = new Map(districts.map((district) => [district._id, district.name]));
    return [...stations.values()].map(
      (station): StationView => ({
        id: station._id,
        name: station.name,
        districtId: station.districtId,
        districtName: districtName.get(station.districtId) ?? '',
        address: station.address,
        phone: station.phone,
        hallHours: station.hallHours,
        hallServices: [...station.hallServices],
      }),
    );
  },

  async listCommunities({ stationId }) {
    const collection = database().collection(COLLECTIONS.communities);
    const query = stationId ? collection.where({ stationId }) : collection;
    const [communities, stations] = await Promise.all([findMany<CommunityRecord>(query.orderBy('order', 'asc').limit(1000)), stationsById()]);
    return communities.map(
      (community): CommunityView => ({
        id: community._id,
        name: community.name,
        stationId: community.stationId,
        stationName: stations.get(community.stationId)?.name ?? '',
        postName: community.postName,
      }),
    );
  },
});
