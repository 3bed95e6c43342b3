import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { accountActions } from '@domain/actions/account';
import { dashboardActions, type StationDashboardView } from '@domain/actions/dashboard';
import { beijingDayOf } from '@domain/dashboard/figures';
import { NoticeCard } from '@/components/notice-card';
import { PageRoot } from '@/components/page-root';
import { PageState } from '@/components/page-state';
import { useAction } from '@/hooks/use-action';
import { ChartFigure, comparisonChart, rankingChart } from '../../components/chart';
import { categorySeries, dailySeries } from './chart-series';
import { figureSections } from '@domain/dashboard/figure-rows';
import { DistrictComparison } from './district-comparison';
import { DashboardExport } from './export-panel';
import { PeriodPicker, initialPeriodChoice, periodInput, type PeriodChoice } from './period-picker';
import './index.scss';

/** The period's charts: questions and bookings over the days, and questions by category. */
function TrendCharts({ view }: { view: StationDashboardView }) {
  const questions = dailySeries(view.series, view.previousSeries, 'questions');
  const bookings = dailySeries(view.series, view.previousSeries, 'bookings');
  const categories = categorySeries(view.figures, view.previousFigures);
  const total = (points: { current: number | null }[]) => points.reduce((sum, point) => sum + (point.current ?? 0), 0);
  return (
    <View className="dashboard__section">
      <Text className="section-title">趋势图</Text>
      <ChartFigure
        title={`每天的提问（${questions.unit}）`}
        summary={`本期共 ${total(questions.points)} 个提问，分 ${questions.points.length} 段`}
        comparesPrevious
        draw={(look) => comparisonChart(questions.points, look)}
        table={questions}
      />
      <ChartFigure
        title={`每天的预约（${bookings.unit}）`}
        summary={`本期共 ${total(bookings.points)} 个预约，分 ${bookings.points.length} 段`}
        comparesPrevious
        draw={(look) => comparisonChart(bookings.points, look)}
        table={bookings}
      />
      {categories.points.length > 0 && (
        <ChartFigure
          title="本期提问的类别"
          summary={`本期各类提问的数量，共 ${categories.points.length} 类，上期的数量在表中`}
          draw={(look) => rankingChart(categories.points, look)}
          height={48 + categories.points.length * 40}
          table={categories}
        />
      )}
    </View>
  );
}

function Dashboard({ stationId }: { stationId: string }) {
  const today = beijingDayOf(new Date());
  const { params } = useRouter();
  const [choice, setChoice] = useState<PeriodChoice>(() => initialPeriodChoice(today, params));
  // A custom range being edited into something impossible keeps the last one that was asked for on screen.
  const [asked, setAsked] = useState(() => periodInput(choice, today) ?? { period: 'thisWeek' as const });
  const choose = (next: PeriodChoice) => {
    setChoice(next);
    const nextInput = periodInput(next, today);
    if (nextInput) setAsked(nextInput);
  };
  // One input for the view and its export: the file always holds the figures on screen.
  const input = { stationId, ...asked };
  const view = useAction(dashboardActions.stationDashboard, input, { pullDownRefresh: true, isEmpty: () => false });
  const data = view.data;
  return (
    <View className="page">
      <Text className="page-title">成效看板</Text>
      <Text className="page-intro">每项数字都和上一个同样长的时间段比较。今天的数字是到现在为止的。</Text>
      <PeriodPicker choice={choice} today={today} onChange={choose} />
      <PageState status={view.status} error={view.error} onRetry={view.reload} loadingRows={4}>
        {data && (
          <View>
            <View>
              <Text className="muted">
                本期 {data.current.from} 至 {data.current.to}；上期 {data.previous.from} 至 {data.previous.to}
              </Text>
            </View>
            {data.pendingDays > 0 && (
              <View>
                <Text className="muted">有 {data.pendingDays} 天的数字还在汇总，稍后再看会更完整。</Text>
              </View>
            )}
            <TrendCharts view={data} />
            {figureSections(data.figures, data.previousFigures).map((section) => (
              <View key={section.title} className="dashboard__section" role="table" aria-label={`${section.title}：本期与上期`}>
                <Text className="section-title">{section.title}</Text>
                <View className="dashboard__row dashboard__row--head" role="row">
                  <View role="columnheader"><Text>项目</Text></View>
                  <View role="columnheader"><Text>本期</Text></View>
                  <View role="columnheader"><Text>上期</Text></View>
                  <View role="columnheader"><Text>变化</Text></View>
                </View>
                {section.rows.map((item) => (
                  <View key={item.label} className="dashboard__row" role="row">
                    <View role="rowheader"><Text>{item.label}</Text></View>
                    <View role="cell"><Text>{item.current}</Text></View>
                    <View role="cell"><Text>{item.previous}</Text></View>
                    <View role="cell"><Text>{item.change}</Text></View>
                  </View>
                ))}
              </View>
            ))}
            <DashboardExport input={input} />
          </View>
        )}
      </PageState>
    </View>
  );
}

export default function DashboardPage() {
  const me = useAction(accountActions.me, {}, { isEmpty: () => false });
  const stationId = me.data?.station?.id;
  return (
    <PageRoot className="dashboard">
      <PageState status={me.status} error={me.error} onRetry={me.reload}>
        {stationId && me.data?.role === 'stationAdmin' ? (
          <Dashboard stationId={stationId} />
        ) : me.data?.role === 'districtAdmin' && me.data.districtId ? (
          <DistrictComparison districtId={me.data.districtId} />
        ) : (
          <NoticeCard title="成效看板由派出所和分局管理员查看" tone="warning">
            <Text>请用所管理员的账号打开。</Text>
          </NoticeCard>
        )}
      </PageState>
    </PageRoot>
  );
}
