import { useEffect, useState } from 'react';
import { accountActions } from '@domain/actions/account';
import { directoryActions, type StationView } from '@domain/actions/directory';
import { useAction } from '@/hooks/use-action';

/**
 * The station an officer publishes for: their own. A district admin belongs to no station and
 * picks one of the district's (the server refuses stations of other districts).
 */
export function usePublishingStation(preferred?: string) {
  const me = useAction(accountActions.me, {}, { isEmpty: () => false });
  const isDistrictAdmin = me.data?.role === 'districtAdmin';
  const stations = useAction(directoryActions.listStations, {}, { enabled: isDistrictAdmin });
  const [stationId, setStationId] = useState<string | undefined>(preferred);

  useEffect(() => {
    if (stationId) return;
    if (me.data?.station) setStationId(me.data.station.id);
    else if (isDistrictAdmin) {
      const own = stations.data?.find((station) => station.districtId === me.data?.districtId);
      if (own) setStationId(own.id);
    }
  }, [me.data, isDistrictAdmin, stations.data, stationId]);

  return {
    me,
    isDistrictAdmin,
    // A district admin publishes through the stations of their own district only.
    stations: ((stations.data ?? []) as StationView[]).filter((station) => station.districtId === me.data?.districtId),
    stationId,
    setStationId,
  };
}
