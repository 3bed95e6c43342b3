import { Text, View } from '@tarojs/components';
import { directoryActions } from '@domain/actions/directory';
import { PageState } from '@/components/page-state';
import { useAction } from '@/hooks/use-action';
import { formatDateTime } from '@/utils/format-date';

/**
 * Questions the app judged to be emergencies in progress. The resident was told to call 110
 * at once; this is so the officer responsible knows too, and can follow up.
 */
export function AlertList({ stationId }: { stationId: string }) {
  const alerts = useAction(directoryActions.listOfficerAlerts, { stationId }, { pullDownRefresh: true });
  if (alerts.status === 'empty') return null;
  return (
    <View>
      <Text className="section-title">紧急提醒（近7天）</Text>
      <PageState status={alerts.status} error={alerts.error} onRetry={alerts.reload} loadingRows={2}>
        {alerts.data && (
          <View className="workbench-list">
            {alerts.data.map((alert) => (
              <View key={alert.id} className={`workbench-list__item alert${alert.mine ? ' alert--mine' : ''}`}>
                <View className="workbench-list__head">
                  <Text className="workbench-list__title alert__title">{alert.mine ? '交给您的紧急提醒' : `交给 ${alert.assignee}`}</Text>
                  <Text className="muted">{formatDateTime(alert.createdAt)}</Text>
                </View>
                <Text className="alert__text">{alert.text}</Text>
                {alert.communityName && <Text className="muted">居民所在社区：{alert.communityName}</Text>}
              </View>
            ))}
          </View>
        )}
      </PageState>
    </View>
  );
}
