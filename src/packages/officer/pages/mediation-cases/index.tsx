import { useRef, useState } from 'react';
import { Text, View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import { accountActions } from '@domain/actions/account';
import { mediationActions } from '@domain/actions/mediation';
import { formatRate } from '@domain/mediation';
import { Chip } from '@/components/chip';
import { Button, Card, CaseRow } from '@/components/mediation';
import { PageRoot } from '@/components/page-root';
import { PageState } from '@/components/page-state';
import { useAction } from '@/hooks/use-action';
import { ROUTES, officerMediationCasePath } from '@/routes';

type View_ = 'mine' | 'station' | 'followUps' | 'closed';
const TABS: { view: View_; label: string }[] = [
  { view: 'mine', label: '我的' },
  { view: 'station', label: '本所进行中' },
  { view: 'followUps', label: '待回访' },
  { view: 'closed', label: '已结案' },
];

/** This year's figures for the station (the same domain function the station dashboard uses). */
function StationFigures({ stationId }: { stationId: string }) {
  const figures = useAction(mediationActions.figures, { stationId }, { isEmpty: () => false });
  const station = figures.data?.station;
  return (
    <Card title={figures.data ? `${new Date(Date.parse(figures.data.from) + 8 * 3_600_000).getUTCFullYear()} 年调解成效` : '今年调解成效'}>
      {station ? (
        <View className="md-figures" aria-live="polite">
          {[
            ['受理', String(station.opened)],
            ['结案', String(station.closed)],
            ['化解率', formatRate(station.resolutionRate)],
            ['矛盾不上交率', formatRate(station.settledLocallyRate)],
            ['回访履行率', formatRate(station.holdingRate)],
            ['达成协议平均天数', station.meanDaysToAgreement === null ? '—' : station.meanDaysToAgreement.toFixed(1)],
          ].map(([label, value]) => (
            <View key={label} className="md-figures__item" aria-label={`${label} ${value}`}>
              <Text className="md-figures__value">{value}</Text>
              <Text className="md-figures__label">{label}</Text>
            </View>
          ))}
        </View>
      ) : (
        <Text className="md-hint">{figures.status === 'error' ? figures.error?.message : '正在统计…'}</Text>
      )}
    </Card>
  );
}

function CaseList({ stationId }: { stationId: string }) {
  const [view, setView] = useState<View_>('mine');
  const cases = useAction(mediationActions.listCases, { stationId, view }, { pullDownRefresh: true });
  const shown = useRef(false);
  useDidShow(() => {
    if (shown.current) void cases.reload({ quiet: true });
    shown.current = true;
  });
  return (
    <View>
      <View className="md-chips" aria-label="案件列表">
        {TABS.map((tab) => (
          <Chip key={tab.view} label={tab.label} selected={view === tab.view} onClick={() => setView(tab.view)} />
        ))}
      </View>
      <PageState status={cases.status} error={cases.error} onRetry={cases.reload} emptyTitle={view === 'followUps' ? '没有等待回访的案件' : '这里还没有调解案件'} emptyDescription="问片警对话可以转为调解案件，也可以在上面登记">
        {cases.data?.map((item) => (
          <CaseRow key={item.id} item={item} onOpen={() => void Taro.navigateTo({ url: officerMediationCasePath(item.id) })} />
        ))}
      </PageState>
    </View>
  );
}

export default function MediationCasesPage() {
  const me = useAction(accountActions.me, {}, { isEmpty: () => false });
  const stationId = me.data?.station?.id;
  return (
    <PageRoot className="mediation-cases">
      <PageState status={me.status} error={me.error} onRetry={me.reload}>
        {stationId ? (
          <View>
            <Button label="登记调解案件（电话、来所反映）" onClick={() => void Taro.navigateTo({ url: ROUTES.officerMediationOpen })} />
            <Button label="社区调解力量名单" tone="plain" onClick={() => void Taro.navigateTo({ url: ROUTES.officerMediationRoster })} />
            <CaseList stationId={stationId} />
            <StationFigures stationId={stationId} />
          </View>
        ) : (
          <Text>仅供派出所民警使用</Text>
        )}
      </PageState>
    </PageRoot>
  );
}
