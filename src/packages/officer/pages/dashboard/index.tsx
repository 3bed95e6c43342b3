import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { accountActions } from '@domain/actions/account';
import { dashboardActions } from '@domain/actions/dashboard';
import { PERIOD_LABELS, type PeriodKind } from '@domain/dashboard/figures';
import { roleProps } from '@/components/a11y';
import { NoticeCard } from '@/components/notice-card';
import { PageRoot } from '@/components/page-root';
import { PageState } from '@/components/page-state';
import { useAction } from '@/hooks/use-action';
import { figureSections } from '@domain/dashboard/figure-rows';
import { DashboardExport } from './export-panel';
import './index.scss';

const PERIODS: PeriodKind[] = ['thisWeek', 'lastWeek', 'month', 'quarter'];

function Dashboard({ stationId }: { stationId: string }) {
  const [period, setPeriod] = useState<PeriodKind>('thisWeek');
  // One input for the view and its export: the file always holds the figures on screen.
  const input = { stationId, period };
  const view = useAction(dashboardActions.stationDashboard, input, { pullDownRefresh: true, isEmpty: () => false });
  const data = view.data;
  return (
    <View className="page">
      <Text className="page-title">成效看板</Text>
      <Text className="page-intro">每项数字都和上一个同样长的时间段比较。今天的数字是到现在为止的。</Text>
      <View className="dashboard__periods" {...roleProps('radiogroup')} aria-label="时间段">
        {PERIODS.map((kind) => (
          <View key={kind} className={`dashboard__period${kind === period ? ' dashboard__period--on' : ''}`} {...roleProps('radio')} aria-checked={kind === period} onClick={() => setPeriod(kind)}>
            <Text>{kind === period ? `✓ ${PERIOD_LABELS[kind]}` : PERIOD_LABELS[kind]}</Text>
          </View>
        ))}
      </View>
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
        ) : (
          <NoticeCard title="成效看板由派出所管理员查看" tone="warning">
            <Text>请用所管理员的账号打开。</Text>
          </NoticeCard>
        )}
      </PageState>
    </PageRoot>
  );
}
