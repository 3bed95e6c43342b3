import { useRef, useState } from 'react';
import { Text, View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import { accountActions } from '@domain/actions/account';
import { mediationActions, type FiguresRow } from '@domain/actions/mediation';
import { FIGURES_PERIOD_LABELS, FIGURES_PERIODS, formatRate, type FiguresPeriod } from '@domain/mediation';
import { roleProps } from '@/components/a11y';
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

const FIGURE_CELLS: [string, (figures: FiguresRow) => string][] = [
  ['受理', (figures) => String(figures.opened)],
  ['结案', (figures) => String(figures.closed)],
  ['化解率', (figures) => formatRate(figures.resolutionRate)],
  ['矛盾不上交率', (figures) => formatRate(figures.settledLocallyRate)],
  ['回访履行率', (figures) => formatRate(figures.holdingRate)],
  ['达成协议平均天数', (figures) => (figures.meanDaysToAgreement === null ? '—' : figures.meanDaysToAgreement.toFixed(1))],
];

/** One community's or officer's figures in a line that reads aloud as it shows. */
function FiguresLine({ row }: { row: FiguresRow }) {
  return (
    <Text className="md-list__item md-figures__line" {...roleProps('listitem')}>
      {row.label}：受理 {row.opened} · 结案 {row.closed} · 化解率 {formatRate(row.resolutionRate)} · 矛盾不上交率 {formatRate(row.settledLocallyRate)}
    </Text>
  );
}

/** The station's figures over a calendar period, and per community and per officer (the same domain function the station dashboard uses). */
function StationFigures({ stationId }: { stationId: string }) {
  const [period, setPeriod] = useState<FiguresPeriod>('thisYear');
  const figures = useAction(mediationActions.figures, { stationId, period }, { isEmpty: () => false });
  const view = figures.data;
  const station = view?.station;
  return (
    <View>
      <Card title={view ? `${view.label}调解成效` : '调解成效'}>
        <View className="md-chips">
          {FIGURES_PERIODS.map((option) => (
            <Chip key={option} label={FIGURES_PERIOD_LABELS[option]} selected={period === option} onClick={() => setPeriod(option)} />
          ))}
        </View>
        {station ? (
          <View className="md-figures" aria-live="polite">
            {FIGURE_CELLS.map(([label, valueOf]) => (
              <View key={label} className="md-figures__item" aria-label={`${label} ${valueOf(station)}`}>
                <Text className="md-figures__value">{valueOf(station)}</Text>
                <Text className="md-figures__label">{label}</Text>
              </View>
            ))}
          </View>
        ) : (
          <Text className="md-hint">{figures.status === 'error' ? figures.error?.message : '正在统计…'}</Text>
        )}
      </Card>
      {view && (
        <Card title="各社区">
          <View {...roleProps('list')} aria-label="各社区调解成效">
            {view.byCommunity.map((row) => (
              <FiguresLine key={row.key} row={row} />
            ))}
          </View>
        </Card>
      )}
      {view && view.byOfficer.length > 0 && (
        <Card title="各民警（办案民警）">
          <View {...roleProps('list')} aria-label="各民警调解成效">
            {view.byOfficer.map((row) => (
              <FiguresLine key={row.key} row={row} />
            ))}
          </View>
        </Card>
      )}
    </View>
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
