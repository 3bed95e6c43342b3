import { useEffect, useRef, useState } from 'react';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { actionRefs } from '@domain/actions/ref';
import type { accountActions, MeView } from '@domain/actions/account';
import type { directoryActions, BeatCardView } from '@domain/actions/directory';
import { isStaffRole, ROLE_LABELS } from '@domain/roles';
import { ElderSwitch } from '@/components/elder-switch';
import { EntryRow } from '@/components/entry-row';
import { HomeCommunityPrompt, useHomeCommunityChanged } from '@/components/home-community';
import { PageRoot } from '@/components/page-root';
import { PageState } from '@/components/page-state';
import { useAction, type ActionState } from '@/hooks/use-action';
import { useLiveChanges } from '@/hooks/use-live-changes';
import { ROUTES } from '@/routes';
import { BeatCard } from '@/components/beat-card';
import { useMeChanged } from '@/state/me-changed';
import { DemoIdentityLink } from './demo-identity-link';
import { NicknameEditor } from './nickname-editor';
import { ProfileCard } from './profile-card';
import './index.scss';

const accountAction = actionRefs<typeof accountActions>('account');
const directoryAction = actionRefs<typeof directoryActions>('directory');

const open = (url: string) => () => void Taro.navigateTo({ url });

/** Who you are; an officer's way into the workbench right under it. */
function Account({ me, onChange }: { me: MeView; onChange: (me: MeView) => void }) {
  const [editing, setEditing] = useState(false);
  // Said on the page (and to screen readers), not in a toast that vanishes before it is read.
  const [done, setDone] = useState('');
  return (
    <View>
      <View aria-live="polite">{done && <Text className="me-page__done">✓ {done}</Text>}</View>
      <ProfileCard me={me} onEditNickname={editing ? undefined : () => setEditing(true)} />
      {editing && (
        <NicknameEditor
          current={me.nickname}
          onCancel={() => setEditing(false)}
          onSaved={(next) => {
            onChange(next);
            setEditing(false);
            setDone('昵称已保存');
          }}
        />
      )}
      {me.partner && <EntryRow title="警银联动" description={`${me.partner.branchName}：客户转账可疑时，请反诈民警核实`} onClick={open(ROUTES.bankCheck)} />}
      {isStaffRole(me.role) && <EntryRow title="民警工作台" description="本所民警名单、邀请码管理" onClick={open(ROUTES.officerWorkbench)} />}
    </View>
  );
}

/** 我的社区 / 我的片儿警: the contact plate when a home community is registered, else the way to register one. */
function MyCommunity({ beat }: { beat: ActionState<BeatCardView | null> }) {
  if (beat.status === 'empty') {
    return <HomeCommunityPrompt description="登记以后，这里会显示负责您社区的片儿警和警务室电话；您在“问片警”里的问题也会直接交给他。" />;
  }
  return (
    <PageState status={beat.status} error={beat.error} onRetry={beat.reload} loadingRows={4}>
      {beat.data && <BeatCard card={beat.data} />}
    </PageState>
  );
}

export default function MePage() {
  const me = useAction(accountAction('me'), {}, { pullDownRefresh: true, isEmpty: () => false });
  const beat = useAction(directoryAction('myBeatCard'), {}, { pullDownRefresh: true, isEmpty: (card) => card === null });
  // A role granted or taken back by the station shows up without the officer reloading.
  useLiveChanges('users', { openid: '{openid}' }, () => void me.reload({ quiet: true }), me.status === 'ready');
  // Registered on the registration page (or changed elsewhere): the new MeView comes with the news.
  // …and it is said on this page, where the resident lands (a toast would be gone before it is read).
  const [registered, setRegistered] = useState('');
  useHomeCommunityChanged((next) => {
    me.setData(next);
    setRegistered(next.homeCommunity?.name ?? '');
  });
  // 我是民警 is its own page (officer subpackage): the new role comes back from there.
  const [joinedAs, setJoinedAs] = useState('');
  useMeChanged((next) => {
    me.setData(next);
    setJoinedAs(ROLE_LABELS[next.role]);
  });

  // The contact plate follows the home community, however it changed.
  const homeId = me.data ? (me.data.homeCommunity?.id ?? '') : undefined;
  const shownHomeId = useRef(homeId);
  const reloadBeat = beat.reload;
  useEffect(() => {
    if (homeId === undefined) return;
    if (shownHomeId.current !== undefined && shownHomeId.current !== homeId) void reloadBeat();
    shownHomeId.current = homeId;
  }, [homeId, reloadBeat]);

  return (
    <PageRoot className="me-page">
      <PageState status={me.status} error={me.error} onRetry={me.reload} loadingRows={4}>
        {me.data && <Account me={me.data} onChange={me.setData} />}
      </PageState>

      <Text className="section-title">看得清、点得准</Text>
      <ElderSwitch />

      <Text className="section-title">我的社区 · 我的片儿警</Text>
      <View aria-live="polite">{registered && <Text className="me-page__done">✓ 已登记：{registered}</Text>}</View>
      <MyCommunity beat={beat} />

      <Text className="section-title">更多</Text>
      <View aria-live="polite">{joinedAs && <Text className="me-page__done">✓ 已登记为{joinedAs}</Text>}</View>
      {me.data && !isStaffRole(me.data.role) && <EntryRow title="我是民警" description="用所里给的邀请码登记民警身份" onClick={open(ROUTES.officerJoin)} />}
      <EntryRow title="我的调解" description="申请社区民警组织调解；看我的调解案件和协议" onClick={open(ROUTES.mediationMine)} />
      <EntryRow title="我的数据" description="看看保存了我哪些信息；导出一份；注销账号" onClick={open(ROUTES.myData)} />
      <EntryRow title="关于与隐私" description="我们收集什么、为什么；本程序不能代替 110" onClick={open(ROUTES.about)} />
      <DemoIdentityLink />
    </PageRoot>
  );
}
