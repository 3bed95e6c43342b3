import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { actions, type MeView } from '@domain/actions';
import { isStaffRole } from '@domain/roles';
import { EntryRow } from '@/components/entry-row';
import { PageState } from '@/components/page-state';
import { useAction } from '@/hooks/use-action';
import { useLiveChanges } from '@/hooks/use-live-changes';
import { ROUTES } from '@/routes';
import { DemoIdentityLink } from './demo-identity-link';
import { NicknameEditor } from './nickname-editor';
import { ProfileCard } from './profile-card';
import { RedeemInvite } from './redeem-invite';
import './index.scss';

const open = (url: string) => () => void Taro.navigateTo({ url });

function Account({ me, onChange }: { me: MeView; onChange: (me: MeView) => void }) {
  const [editing, setEditing] = useState(false);
  return (
    <View>
      <ProfileCard me={me} onEditNickname={editing ? undefined : () => setEditing(true)} />
      {editing && (
        <NicknameEditor
          current={me.nickname}
          onCancel={() => setEditing(false)}
          onSaved={(next) => {
            onChange(next);
            setEditing(false);
          }}
        />
      )}
      {isStaffRole(me.role) ? (
        <EntryRow title="民警工作台" description="本所民警名单、邀请码管理" onClick={open(ROUTES.officerWorkbench)} />
      ) : (
        <RedeemInvite onRedeemed={onChange} />
      )}
    </View>
  );
}

export default function MePage() {
  const me = useAction(actions.account.me, {}, { pullDownRefresh: true, isEmpty: () => false });
  // A role granted or taken back by the station shows up without the officer reloading.
  useLiveChanges('users', { openid: '{openid}' }, () => void me.reload(), me.status === 'ready');

  return (
    <View className="page me-page">
      <PageState status={me.status} error={me.error} onRetry={me.reload} loadingRows={4}>
        {me.data && <Account me={me.data} onChange={me.setData} />}
      </PageState>

      <Text className="section-title">更多</Text>
      <EntryRow title="关于与隐私" description="我们收集什么、为什么；本程序不能代替 110" onClick={open(ROUTES.about)} />
      <DemoIdentityLink />
    </View>
  );
}
