import type { directoryActions, StationView } from '@domain/actions/directory';
import { normalizeAddressText } from '@domain/address';
import type { Handlers } from '@platform/cloud/create-function';
import { currentDirectory } from '@platform/cloud/directory';
import { communityViews } from './views';

type ListingHandlers = Pick<Handlers<typeof directoryActions>, 'listStations' | 'listCommunities'>;

export const listingHandlers: ListingHandlers = {
  async listStations(_input, context) {
    const directory = await currentDirectory(context.now);
    return [...directory.stations.values()]
      .sort((a, b) => a.order - b.order)
      .map(
        (station): StationView => ({
          id: station._id,
          name: station.name,
          districtId: station.districtId,
          districtName: directory.districts.get(station.districtId)?.name ?? '',
          address: station.address,
          phone: station.phone,
          hallHours: station.hallHours,
          hallServices: [...station.hallServices],
          location: { latitude: station.location.latitude, longitude: station.location.longitude },
        }),
      );
  },

  async listCommunities({ stationId, keyword }, context) {
    const directory = await currentDirectory(context.now);
    const wanted = keyword ? normalizeAddressText(keyword) : '';
    const matches = [...directory.communities.values()]
      .filter((community) => !stationId || community.stationId === stationId)
      .filter((community) => !wanted || [community.name, ...community.address.aliases].some((name) => normalizeAddressText(name).includes(wanted)))
      .sort((a, b) => a.order - b.order);
    return communityViews(
      directory,
      matches.map((community) => community._id),
    );
  },
};
