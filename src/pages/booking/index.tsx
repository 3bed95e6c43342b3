import { Text, View } from '@tarojs/components';
import { actions, type StationView } from '@domain/actions';
import { NoticeCard } from '@/components/notice-card';
import { PageState } from '@/components/page-state';
import { useAction } from '@/hooks/use-action';
import { StationCard } from './station-card';
import './index.scss';

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

export default function BookingPage() {
  const stations = useAction(actions.directory.listStations, {}, { pullDownRefresh: true });

  return (
    <View className="page booking-page">
      <Text className="page-title">办证预约</Text>
      <Text className="page-intro">身份证、户口、居住证、出入境证件，先看看哪个派出所能办、什么时候开门。</Text>

      <NoticeCard title="网上预约正在建设中" tone="building">
        <Text>很快就能在这里选派出所、选业务、选时间段预约，到了大厅出示预约码即可。现在请先查看办事时间，有疑问可以拨打派出所电话咨询。</Text>
      </NoticeCard>

      <PageState
        status={stations.status}
        error={stations.error}
        onRetry={stations.reload}
        loadingRows={6}
        emptyTitle="暂时没有可查看的派出所"
        emptyDescription="派出所信息正在录入，请稍后再来"
      >
        {stations.data &&
          groupByDistrict(stations.data).map((group) => (
            <View key={group.district}>
              <Text className="section-title">{group.district}</Text>
              {group.stations.map((station) => (
                <StationCard key={station.id} station={station} />
              ))}
            </View>
          ))}
      </PageState>
    </View>
  );
}
