import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import Button from '@nutui/nutui-react-taro/dist/es/packages/button';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import { accountActions, type InviteView } from '@domain/actions/account';
import { OFFICER_KIND_LABELS } from '@domain/roles';
import { FormError } from '@/components/form-error';
import { PageState } from '@/components/page-state';
import { useAction } from '@/hooks/use-action';
import { useSubmit } from '@/hooks/use-submit';
import { formatDateTime } from '@/utils/format-date';
import { InviteForm } from './invite-form';
import { INVITE_STATUS_LABELS, inviteForLabel } from './invite-labels';
import { askToConfirm } from '@/components/confirm-dialog';

/** Copies a code; answers what to tell the officer (WeChat's own "内容已复制" toast is brief). */
async function copyCode(code: string): Promise<string> {
  try {
    await Taro.setClipboardData({ data: code });
    return `邀请码 ${code} 已复制，可以粘贴发给对方。`;
  } catch {
    return `没能复制，请把邀请码 ${code} 念给对方或手动抄下。`;
  }
}

interface InviteItemProps {
  invite: InviteView;
  onRevoke: () => void;
  onCopy: () => void;
  revoking: boolean;
}

function InviteItem({ invite, onRevoke, onCopy, revoking }: InviteItemProps) {
  return (
    <View className={`workbench-list__item invite invite--${invite.status}`}>
      <View className="workbench-list__head">
        <Text className="invite__code" userSelect>
          {invite.code}
        </Text>
        <Text className={`invite__status invite__status--${invite.status}`}>{INVITE_STATUS_LABELS[invite.status]}</Text>
      </View>
      <Text className="muted">
        {inviteForLabel(invite, OFFICER_KIND_LABELS)}
      </Text>
      {invite.note && <Text className="muted">备注：{invite.note}</Text>}
      <Text className="muted">
        {invite.status === 'used' && invite.usedByNickname ? `已由 ${invite.usedByNickname} 使用` : `有效至 ${formatDateTime(invite.expiresAt)}`}
      </Text>
      {invite.status === 'open' && (
        <View className="invite__actions">
          <Button className="invite__action" size="small" onClick={onCopy} aria-label={`复制邀请码 ${invite.code}`}>
            复制
          </Button>
          <Button className="invite__action" size="small" type="danger" fill="outline" loading={revoking} onClick={onRevoke} aria-label={`作废邀请码 ${invite.code}`}>
            作废
          </Button>
        </View>
      )}
    </View>
  );
}

/** Station admins: make, hand out and revoke one-time officer invite codes. */
export function InviteManager({ stationId }: { stationId: string }) {
  const invites = useAction(accountActions.listInvites, { stationId }, { pullDownRefresh: true });
  const revoke = useSubmit(accountActions.revokeInvite);
  const [revokingCode, setRevokingCode] = useState<string>();
  const [fresh, setFresh] = useState<InviteView>();
  // What the last tap did, on the page and read out (no toast that disappears before it is read).
  const [done, setDone] = useState<string>();
  const copy = (code: string) => void copyCode(code).then(setDone);

  const putFirst = (invite: InviteView) =>
    invites.setData([invite, ...(invites.data ?? []).filter((item) => item.code !== invite.code)]);

  async function confirmRevoke(invite: InviteView) {
    const confirmed = await askToConfirm({
      title: '作废这个邀请码？',
      content: `${invite.code} 作废后不能再使用，已登记的民警不受影响。`,
      confirmText: '作废',
      cancelText: '不作废',
      danger: true,
    });
    if (!confirmed) return;
    setRevokingCode(invite.code);
    setDone(undefined);
    const revoked = await revoke.submit({ stationId, code: invite.code });
    setRevokingCode(undefined);
    if (!revoked) return;
    invites.setData((invites.data ?? []).map((item) => (item.code === revoked.code ? revoked : item)));
    if (fresh?.code === revoked.code) setFresh(undefined);
    setDone(`邀请码 ${revoked.code} 已作废。`);
  }

  return (
    <View>
      <Text className="section-title">民警邀请码</Text>
      <Text className="page-intro">新民警在“我的 → 我是民警”里输入邀请码即可登记。每个码只能用一次。</Text>
      <InviteForm
        stationId={stationId}
        onCreated={(invite) => {
          setDone(undefined);
          setFresh(invite);
          putFirst(invite);
        }}
      />
      {fresh && (
        <View className="invite-fresh" role="status" aria-live="polite">
          <Text className="invite-fresh__label">新邀请码（请当面或电话告诉对方）</Text>
          <Text className="invite-fresh__code" userSelect>
            {fresh.code}
          </Text>
          <Text className="muted">有效至 {formatDateTime(fresh.expiresAt)}</Text>
          <Button type="primary" block onClick={() => copy(fresh.code)}>
            复制邀请码
          </Button>
        </View>
      )}
      <View role="status" aria-live="polite">
        {done && <Text className="workbench-done">✓ {done}</Text>}
      </View>
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
              <InviteItem
                key={invite.code}
                invite={invite}
                revoking={revokingCode === invite.code}
                onRevoke={() => void confirmRevoke(invite)}
                onCopy={() => copy(invite.code)}
              />
            ))}
          </View>
        )}
      </PageState>
    </View>
  );
}
