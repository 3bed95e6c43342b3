import { useEffect, useRef } from 'react';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { MeView } from '@domain/actions/account';
import { ROUTES } from '@/routes';
import { roleProps } from '../a11y';
import './index.scss';

/** Raised by the registration page once the cloud has the new home community. */
export const HOME_COMMUNITY_CHANGED = 'home-community:changed';

/** Tells the pages underneath (我的, 问片警) that the home community changed, with the fresh MeView. */
export function announceHomeCommunityChanged(me: MeView): void {
  Taro.eventCenter.trigger(HOME_COMMUNITY_CHANGED, me);
}

/** Runs `onChange` when the resident registers or changes their home community on another page. */
export function useHomeCommunityChanged(onChange: (me: MeView) => void): void {
  const onChangeRef = useRef(onChange);
  onChangeRef.current = onChange;
  useEffect(() => {
    const listener = (me: MeView) => onChangeRef.current(me);
    Taro.eventCenter.on(HOME_COMMUNITY_CHANGED, listener);
    return () => {
      Taro.eventCenter.off(HOME_COMMUNITY_CHANGED, listener);
    };
  }, []);
}

/** Opens the page where a resident registers the community they live in. */
export function openHomeCommunityPage(): void {
  void Taro.navigateTo({ url: ROUTES.homeCommunity });
}

export interface HomeCommunityPromptProps {
  /** What registering gives on this page. */
  description: string;
}

/** The prominent "登记我住的社区" entry for someone who has not said where they live. */
export function HomeCommunityPrompt({ description }: HomeCommunityPromptProps) {
  return (
    <View className="home-community-prompt">
      <Text className="home-community-prompt__title">您还没有登记住在哪个社区</Text>
      <Text className="home-community-prompt__text">{description}</Text>
      <View className="home-community-prompt__button" {...roleProps('button')} hoverClass="home-community-prompt__button--pressed" onClick={openHomeCommunityPage}>
        <Text>登记我住的社区</Text>
      </View>
    </View>
  );
}

export default HomeCommunityPrompt;
