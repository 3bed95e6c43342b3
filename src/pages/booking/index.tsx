import { useState } from 'react';
import { Input, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { actionRefs } from '@domain/actions/ref';
import type { accountActions } from '@domain/actions/account';
import type { directoryActions, StationView } from '@domain/actions/directory';
import { haversineMeters } from '@domain/geo/geometry';
import type { LatLng } from '@domain/geo/types';
import { EntryRow } from '@/components/entry-row';
import { PageRoot } from '@/components/page-root';
import { PageState } from '@/components/page-state';
import { useAction } from '@/hooks/use-action';
import { getCurrentLocation } from '@/platform/location';
import { ROUTES, bookingFlowPath } from '@/routes';
import { StationCard } from './station-card';
import './index.scss';
import { Button } from '@/components/button';

const accountAction = actionRefs<typeof accountActions>('account');
const directoryAction = actionRefs<typeof directoryActions>('directory');

/** Stations arrive ordered by district; keep that order and group under each district's name. */
function groupByDistrict(stations: StationView[]): { district: string; stations: StationView[] }[] {
  const groups: { district: string; stations: StationView[] }[] = [];
  for (const station of stations) {
    const last = groups[groups.length - 1];
    if (last && last.district === station.districtName) last.stations.push(station);
    else groups.push({ district: station.districtName, stations: [station] });
  }
  return groups;
}

/** The resident's own station (by their home community) first, the rest in directory order. */
function splitOwn(stations: StationView[], ownName: string | undefined): { own?: StationView; others: StationView[] } {
  const own = ownName ? stations.find((station) => station.name === ownName) : undefined;
  return { own, others: own ? stations.filter((station) => station !== own) : stations };
}

/**
 * The stations a resident is shown: without a search, those of their own station's district (the
 * demo holds Beijing and Hangzhou; 王阿姨 in 丰台 is not offered 拱墅). A search looks everywhere.
 */
export function stationsToShow(others: StationView[], own: StationView | undefined, query: string): StationView[] {
  const wanted = query.trim();
  if (wanted) return [...(own ? [own] : []), ...others].filter((station) => [station.name, station.districtName, station.address].some((text) => text.includes(wanted)));
  return own ? others.filter((station) => station.districtId === own.districtId) : others;
}

const openFlow = (station: StationView) => void Taro.navigateTo({ url: bookingFlowPath(station.id) });

/** Nearest first, each with its distance in metres. */
export function byDistance(stations: StationView[], from: LatLng): { station: StationView; meters: number }[] {
  return stations.map((station) => ({ station, meters: haversineMeters(from, station.location) })).sort((a, b) => a.meters - b.meters);
}

/** 离我最近: asks for the location only when tapped; a refusal leaves the list as it was, with why. */
function useNearest() {
  const [here, setHere] = useState<LatLng>();
  const [problem, setProblem] = useState<string>();
  const [locating, setLocating] = useState(false);
  async function locate() {
    setLocating(true);
    const result = await getCurrentLocation();
    setLocating(false);
    if (result.ok) {
      setHere({ latitude: result.latitude, longitude: result.longitude });
      setProblem(undefined);
    } else setProblem(result.message);
  }
  return { here, problem, locating, locate };
}

export default function BookingPage() {
  const stations = useAction(directoryAction('listStations'), {}, { pullDownRefresh: true });
  // Only to put the resident's own station first: the list shows without it.
  const me = useAction(accountAction('me'), {}, { isEmpty: () => false });
  const { own, others } = splitOwn(stations.data ?? [], me.data?.homeCommunity?.stationName);
  const nearest = useNearest();
  const [query, setQuery] = useState('');
  const searching = query.trim() !== '';
  const shown = stationsToShow(others, own, query);
  // The list waits for "me" as well (its failure only means no own station on top): drawn before,
  // the own station would then push every card down under a finger about to tap 在这里预约办证.
  const listStatus = stations.status === 'ready' && me.status === 'loading' ? 'loading' : stations.status;

  return (
    <PageRoot className="booking-page">
      <Text className="page-title">办证预约</Text>
      <Text className="page-intro">身份证、户口、居住证、出入境证件：选一个派出所，再选业务和时间，到了大厅出示签到码就行。</Text>

      <EntryRow title="我的预约" description="查看签到码、取消或改时间" onClick={() => void Taro.navigateTo({ url: ROUTES.myBookings })} />

      <PageState
        status={listStatus}
        error={stations.error}
        onRetry={stations.reload}
        loadingRows={6}
        emptyTitle="暂时没有可查看的派出所"
        emptyDescription="派出所信息正在录入，请稍后再来"
      >
        <View className="station-search">
          <Input
            className="station-search__input"
            value={query}
            placeholder="找其他派出所：输入名称或区"
            aria-label="找其他派出所：输入名称或区"
            nativeProps={{ 'aria-label': '找其他派出所：输入名称或区' }}
            onInput={(event) => setQuery(event.detail.value)}
          />
          {own && !searching && <Text className="station-search__note">下面是{own.districtName}的派出所；别处的请在这里搜索。</Text>}
          {searching && shown.length === 0 && <Text className="station-search__note">没有找到“{query.trim()}”，换个名称试试。</Text>}
        </View>
        {own && !searching && (
          <View>
            <Text className="section-title">我所在社区的派出所</Text>
            <StationCard station={own} onBook={() => openFlow(own)} mapOpen distanceMeters={nearest.here ? haversineMeters(nearest.here, own.location) : undefined} />
          </View>
        )}
        <View className="nearest">
          <Button block loading={nearest.locating} onClick={() => void nearest.locate()}>
            {nearest.here ? '重新定位' : own ? '其他派出所按离我远近排' : '按离我远近排'}
          </Button>
          {/* Announced: the resident tapped and waits for the list to change (or to hear why not). */}
          <View aria-live="polite">
            {nearest.problem && <Text className="nearest__note">{nearest.problem}</Text>}
            {nearest.here && <Text className="nearest__note">已按离您的远近重新排列。</Text>}
          </View>
        </View>
        {nearest.here && (
          <View>
            <Text className="section-title">{own ? '其他派出所（由近到远）' : '派出所（由近到远）'}</Text>
            {byDistance(shown, nearest.here).map(({ station, meters }) => (
              <StationCard key={station.id} station={station} distanceMeters={meters} onBook={() => openFlow(station)} />
            ))}
          </View>
        )}
        {!nearest.here && groupByDistrict(shown).map((group) => (
          <View key={group.district}>
            <Text className="section-title">{own ? `其他派出所 · ${group.district}` : group.district}</Text>
            {group.stations.map((station) => (
              <StationCard key={station.id} station={station} onBook={() => openFlow(station)} />
            ))}
          </View>
        ))}
      </PageState>
    </PageRoot>
  );
}
