import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import Button from '@nutui/nutui-react-taro/dist/es/packages/button';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import { accountActions } from '@domain/actions/account';
import { directoryActions, type CommunityView } from '@domain/actions/directory';
import { roleProps } from '@/components/a11y';
import { FormError } from '@/components/form-error';
import { PageRoot } from '@/components/page-root';
import { announceHomeCommunityChanged } from '@/components/home-community';
import { useAction } from '@/hooks/use-action';
import { useSubmit } from '@/hooks/use-submit';
import { ROUTES } from '@/routes';
import { AddressMode } from './address-mode';
import { whereOf } from './community-option';
import { ListMode } from './list-mode';
import { LocationMode } from './location-mode';
import { BIND_MODES, BIND_MODE_LABELS, type BindMode } from './modes';
import './index.scss';

/** Back to where the resident came from; to 我的 when this page was opened first (a shared link). */
function leave(): void {
  const toMe = () => void Taro.switchTab({ url: ROUTES.me });
  if (Taro.getCurrentPages().length > 1) Taro.navigateBack().catch(toMe);
  else toMe();
}

function ModeSwitch({ mode, onChange }: { mode: BindMode; onChange: (mode: BindMode) => void }) {
  return (
    <View className="mode-switch" {...roleProps('radiogroup')} aria-label="登记方式">
      {BIND_MODES.map((key) => (
        <View
          key={key}
          className={`mode-switch__item${key === mode ? ' mode-switch__item--active' : ''}`}
          {...roleProps('radio')}
          aria-checked={key === mode}
          hoverClass="mode-switch__item--pressed"
          onClick={() => onChange(key)}
        >
          <Text className="mode-switch__title">{BIND_MODE_LABELS[key].title}</Text>
          <Text className="mode-switch__hint">{BIND_MODE_LABELS[key].hint}</Text>
        </View>
      ))}
    </View>
  );
}

interface Choice {
  community: CommunityView;
  via: BindMode;
}

/**
 * 登记我住的社区: from the list, by address, or by location. Whatever the way, the resident
 * confirms the community by name before it is registered.
 */
export default function HomeCommunityPage() {
  const me = useAction(accountActions.me, {}, { isEmpty: () => false });
  const [mode, setMode] = useState<BindMode>('list');
  const [choice, setChoice] = useState<Choice>();
  const bind = useSubmit(directoryActions.bindHomeCommunity);
  const current = me.data?.homeCommunity;

  const switchMode = (next: BindMode) => {
    setMode(next);
    setChoice(undefined);
    bind.clearError();
  };
  /** A mode picks a community, or takes back its pick when it starts a new lookup. */
  const choose = (via: BindMode) => (community: CommunityView | undefined) => {
    setChoice((current) => (community ? { community, via } : current?.via === via ? undefined : current));
    bind.clearError();
  };

  async function confirm({ community, via }: Choice) {
    const next = await bind.submit({ communityId: community.id, via });
    if (!next) return;
    // 我的 says "已登记为…" on its page (no toast that fades before an older reader has read it).
    announceHomeCommunityChanged(next);
    leave();
  }

  const selectedIn = (via: BindMode) => (choice?.via === via ? choice.community.id : undefined);
  const hidden = (via: BindMode) => (via === mode ? 'home-community__mode' : 'home-community__mode home-community__mode--hidden');

  return (
    <PageRoot className={`home-community${choice ? ' home-community--confirming' : ''}`}>
      <Text className="page-title">您住在哪个社区？</Text>
      <Text className="page-intro">登记以后，“我的”里会显示负责您社区的片儿警和电话，您的提问也会直接交给他。选一种方式就行：</Text>
      {current && (
        <Text className="home-community__current">
          现在登记的是：{current.name}（{current.stationName}）
        </Text>
      )}

      <ModeSwitch mode={mode} onChange={switchMode} />

      {/* All three stay mounted, so switching back keeps what was typed or found. */}
      <View className={hidden('list')}>
        <ListMode selectedId={selectedIn('list')} currentId={current?.id} onSelect={choose('list')} />
      </View>
      <View className={hidden('address')}>
        <AddressMode
          selectedId={selectedIn('address')}
          currentId={current?.id}
          onSelect={choose('address')}
          onConfirm={(community) => void confirm({ community, via: 'address' })}
          confirming={bind.pending}
          onSwitch={switchMode}
        />
        {mode === 'address' && !choice && <FormError error={bind.error} />}
      </View>
      <View className={hidden('location')}>
        <LocationMode selectedId={selectedIn('location')} currentId={current?.id} onSelect={choose('location')} onSwitch={switchMode} />
      </View>

      <View aria-live="polite">
      {choice && (
        <View className="confirm-bar">
          <Text className="confirm-bar__label">您选的是</Text>
          <Text className="confirm-bar__name">{choice.community.name}</Text>
          <Text className="confirm-bar__where">{whereOf(choice.community)}</Text>
          <FormError error={bind.error} />
          <Button type="primary" block className="confirm-bar__button" loading={bind.pending} onClick={() => void confirm(choice)}>
            确认，我住在这里
          </Button>
        </View>
      )}
      </View>
    </PageRoot>
  );
}
