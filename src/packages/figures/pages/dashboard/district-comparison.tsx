import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { dashboardActions } from '@domain/actions/dashboard';
import { beijingDayOf } from '@domain/dashboard/figures';
import { roleProps } from '@/components/a11y';
import { PageState } from '@/components/page-state';
import { useAction } from '@/hooks/use-action';
import { ChartFigure, rankingChart } from '../../components/chart';
import { DISTRICT_METRICS, chartFormatOf, districtSeries } from './district-metrics';
import { PeriodPicker, initialPeriodChoice, periodInput, type PeriodChoice } from './period-picker';

/** 分局: the district's stations side by side on one figure at a time, for the chosen period. */
export function DistrictComparison({ districtId }: { districtId: string }) {
  const today = beijingDayOf(new Date());
  const { params } = useRouter();
  const [choice, setChoice] = useState<PeriodChoice>(() => initialPeriodChoice(today, params));
  const [asked, setAsked] = useState(() => periodInput(choice, today) ?? { period: 'thisWeek' as const });
  const [metricKey, setMetricKey] = useState(DISTRICT_METRICS[0]!.key);
  const metric = DISTRICT_METRICS.find((candidate) => candidate.key === metricKey) ?? DISTRICT_METRICS[0]!;
  const view = useAction(dashboardActions.districtComparison, { districtId, ...asked }, { pullDownRefresh: true, isEmpty: (data) => data.stations.length === 0 });
  const choose = (next: PeriodChoice) => {
    setChoice(next);
    const input = periodInput(next, today);
    if (input) setAsked(input);
  };
  const data = view.data;
  const series = data ? districtSeries(data.stations, metric) : null;
  return (
    <View className="page">
      <Text className="page-title">各所成效对比</Text>
      <Text className="page-intro">本区各派出所同一时间段的数字并排比较，每项也和上一个同样长的时间段比。</Text>
      <PeriodPicker choice={choice} today={today} onChange={choose} />
      <Text className="dashboard__label">比较哪一项</Text>
      <View className="dashboard__periods" {...roleProps('radiogroup')} aria-label="比较哪一项">
        {DISTRICT_METRICS.map((candidate) => (
          <View key={candidate.key} className={`dashboard__period${candidate.key === metric.key ? ' dashboard__period--on' : ''}`} {...roleProps('radio')} aria-checked={candidate.key === metric.key} onClick={() => setMetricKey(candidate.key)}>
            <Text>{candidate.key === metric.key ? `✓ ${candidate.label}` : candidate.label}</Text>
          </View>
        ))}
      </View>
      <PageState status={view.status} error={view.error} onRetry={view.reload} loadingRows={4} emptyTitle="本区还没有派出所">
        {data && series && (
          <View>
            <View>
              <Text className="muted">
                本期 {data.current.from} 至 {data.current.to}；上期 {data.previous.from} 至 {data.previous.to}
              </Text>
            </View>
            {data.pendingDays > 0 && (
              <View>
                <Text className="muted">有 {data.pendingDays} 个所·天的数字还在汇总，稍后再看会更完整。</Text>
              </View>
            )}
            <View className="dashboard__section">
              <ChartFigure
                title={`各所${metric.label}`}
                summary={`${data.stations.length} 个派出所本期的${metric.label}，每所一条横柱，数字写在柱旁；没有可算数字的所没有柱`}
                draw={(look) => rankingChart(series.points, look, chartFormatOf(metric))}
                height={48 + series.points.length * 40}
                table={series}
              />
            </View>
          </View>
        )}
      </PageState>
    </View>
  );
}
