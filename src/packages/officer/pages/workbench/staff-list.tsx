import { Text, View } from '@tarojs/components';
import { actions } from '@domain/actions';
import { OFFICER_KIND_LABELS, ROLE_LABELS } from '@domain/roles';
import { PageState } from '@/components/page-state';
import { useAction } from '@/hooks/use-action';
import { formatDate } from '@/utils/format-date';

/** Everyone with a staff role at the station. */
export function StaffList({ stationId }: { stationId: string }) {
  const staff = useAction(actions.account.listStaff, { stationId }, { pullDownRefresh: true });
  return (
    <View>
      <Text className="section-title">本所民警</Text>
      <PageState
        status={staff.status}
        error={staff.error}
        onRetry={staff.reload}
        emptyTitle="还没有登记的民警"
        emptyDescription="管理员生成邀请码，民警在“我的”里输入即可登记"
      >
        {staff.data && (
          <View className="workbench-list">
            {staff.data.map((member) => (
              <View key={member.userId} className="workbench-list__item">
                <View className="workbench-list__head">
                  <Text className="workbench-list__title">{member.nickname}</Text>
                  <Text className="workbench-list__badge">{ROLE_LABELS[member.role]}</Text>
                </View>
                <Text className="muted">
                  {member.officerKinds.map((kind) => OFFICER_KIND_LABELS[kind]).join('、') || '未设警种'} · {formatDate(member.joinedAt)} 加入
                </Text>
              </View>
            ))}
          </View>
        )}
      </PageState>
    </View>
  );
}
