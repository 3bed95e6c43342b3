import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import Button from '@nutui/nutui-react-taro/dist/es/packages/button';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import { actions, type InviteView } from '@domain/actions';
import { OFFICER_KIND_LABELS } from '@domain/roles';
import { FormError } from '@/components/form-error';
import { PageState } from '@/components/page-state';
import { useAction } from '@/hooks/use-action';
import { useSubmit } from '@/hooks/use-submit';
import { THEME } from '@/theme';
import { formatDateTime } from '@/utils/format-date';
import { InviteForm } from './invite-form';
import { INVITE_ROLE_LABELS, INVITE_STATUS_LABELS } from './invite-labels';

function copyCode(code: string) {
  Taro.setClipboardData({ data: code }).catch(() => undefined);
}

function InviteItem({ invite, onRevoke, revoking }: { invite: InviteView; onRevoke: () => void; revoking: boolean }) {
  return (
    <View className={`workbench-list__item invite invite--${invite.status}`}>
      <View className="workbench-list__head">
        <Text className="invite__code" userSelect>
          {invite.code}
        </Text>
        <Text className={`invite__status invite__status--${invite.status}`}>{INVITE_STATUS_LABELS[invite.status]}</Text>
      </View>
      <Text className="muted">
        {INVITE_ROLE_LABELS[invite.role]} · {invite.officerKinds.map((kind) => OFFICER_KIND_LABELS[kind]).join('、')}
      </Text>
      {invite.note && <Text className="muted">备注：{invite.note}</Text>}
      <Text className="muted">
        {invite.status === 'used' && invite.usedByNickname ? `已由 ${invite.usedByNickname} 使用` : `有效至 ${formatDateTime(invite.expiresAt)}`}
      </Text>
      {invite.status === 'open' && (
        <View className="invite__actions">
          <Button className="invite__action" size="small" onClick={() => copyCode(invite.code)}>
            复制
          </Button>
          <Button className="invite__action" size="small" type="danger" fill="outline" loading={revoking} onClick={onRevoke}>
            作废
          </Button>
        </View>
      )}
    </View>
  );
}

/** Station admins: make, hand out and revoke one-time officer invite codes. */
export function InviteManager({ stationId }: { stationId: string }) {
  const invites = useAction(actions.account.listInvites, { stationId }, { pullDownRefresh: true });
  const revoke = useSubmit(actions.account.revokeInvite);
  const [revokingCode, setRevokingCode] = useState<string>();
  const [fresh, setFresh] = useState<InviteView>();

  const putFirst = (invite: InviteView) =>
    invites.setData([invite, ...(invites.data ?? []).filter((item) => item.code !== invite.code)]);

  async function confirmRevoke(invite: InviteView) {
    const answer = await Taro.showModal({
      title: '作废这个邀请码？',
      content: `${invite.code} 作废后不能再使用，已登记的民警不受影响。`,
      confirmText: '作废',
      confirmColor: THEME.danger,
    });
    if (!answer.confirm) return;
    setRevokingCode(invite.code);
    const revoked = await revoke.submit({ stationId, code: invite.code });
    setRevokingCode(undefined);
    if (!revoked) return;
    invites.setData((invites.data ?? []).map((item) => (item.code === revoked.code ? revoked : item)));
    if (fresh?.code === revoked.code) setFresh(undefined);
    Taro.showToast({ title: '已作废', icon: 'success' });
  }

  return (
    <View>
      <Text className="section-title">民警邀请码</Text>
      <Text className="page-intro">新民警在“我的 → 我是民警”里输入邀请码即可登记。每个码只能用一次。</Text>
      <InviteForm
        stationId={stationId}
        onCreated={(invite) => {
          setFresh(invite);
          putFirst(invite);
        }}
      />
      {fresh && (
        <View className="invite-fresh">
          <Text className="invite-fresh__label">新邀请码（请当面或电话告诉对方）</Text>
          <Text className="invite-fresh__code" userSelect>
            {fresh.code}
          </Text>
          <Text className="muted">有效至 {formatDateTime(fresh.expiresAt)}</Text>
          <Button type="primary" block onClick={() => copyCode(fresh.code)}>
            复制邀请码
          </Button>
        </View>
      )}
      <Text className="section-title">已生成的邀请码</Text>
      <FormError error={revoke.error} />
      <PageState
        status={invites.status}
        error={invites.error}
        onRetry={invites.reload}
        emptyTitle="还没有生成过邀请码"
        emptyDescription="在上面生成第一个"
      >
        {invites.data && (
          <View className="workbench-list">
            {invites.data.map((invite) => (
              <InviteItem key={invite.code} invite={invite} revoking={revokingCode === invite.code} onRevoke={() => void confirmRevoke(invite)} />
            ))}
          </View>
        )}
      </PageState>
    </View>
  );
}
