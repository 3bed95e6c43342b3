import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import Button from '@nutui/nutui-react-taro/dist/es/packages/button';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import { accountActions, type MeView, type StaffMemberView } from '@domain/actions/account';
import { OFFICER_KIND_LABELS, ROLE_LABELS } from '@domain/roles';
import { FormError } from '@/components/form-error';
import { PageState } from '@/components/page-state';
import { useAction } from '@/hooks/use-action';
import { useSubmit } from '@/hooks/use-submit';
import { formatDate } from '@/utils/format-date';
import { askToConfirm } from '@/components/confirm-dialog';

/** Everyone with a staff role at the station; the station admin can take a role back. */
export function StaffList({ stationId, me }: { stationId: string; me: MeView }) {
  const staff = useAction(accountActions.listStaff, { stationId }, { pullDownRefresh: true });
  const revoke = useSubmit(accountActions.revokeStaff);
  const [revokingId, setRevokingId] = useState<string>();
  const [done, setDone] = useState<string>();
  const canRevoke = (member: StaffMemberView) => me.role === 'stationAdmin' && member.userId !== me.userId;

  async function confirmRevoke(member: StaffMemberView) {
    const confirmed = await askToConfirm({
      title: `收回 ${member.nickname} 的民警权限？`,
      content: '收回后对方变回普通居民，不能再看到本所的工作内容。调离、离职时使用。',
      confirmText: '收回',
      cancelText: '不收回',
      danger: true,
    });
    if (!confirmed) return;
    setRevokingId(member.userId);
    setDone(undefined);
    const revoked = await revoke.submit({ stationId, userId: member.userId });
    setRevokingId(undefined);
    if (!revoked) return;
    staff.setData((staff.data ?? []).filter((item) => item.userId !== revoked.userId));
    setDone(`已收回 ${member.nickname} 的民警权限。`);
  }

  return (
    <View>
      <Text className="section-title">本所民警</Text>
      <View role="status" aria-live="polite">
        {done && <Text className="workbench-done">✓ {done}</Text>}
      </View>
      <FormError error={revoke.error} />
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
                {canRevoke(member) && (
                  <View className="invite__actions">
                    <Button
                      className="invite__action"
                      size="small"
                      type="danger"
                      fill="outline"
                      loading={revokingId === member.userId}
                      onClick={() => void confirmRevoke(member)}
                      aria-label={`收回权限：${member.nickname}`}
                    >
                      收回权限
                    </Button>
                  </View>
                )}
              </View>
            ))}
          </View>
        )}
      </PageState>
    </View>
  );
}
