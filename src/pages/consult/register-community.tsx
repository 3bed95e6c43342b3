import { Text, View } from '@tarojs/components';
import { roleProps } from '@/components/a11y';
import { openHomeCommunityPage } from '@/components/home-community';

/** 问片警's "登记我住的社区" row: under the notice for the unregistered, and in a preview that needs a place. */
export function RegisterCommunityButton() {
  return (
    <View className="consult-page__register" hoverClass="consult-page__register--pressed" {...roleProps('button')} aria-label="登记我住的社区" onClick={openHomeCommunityPage}>
      <Text>登记我住的社区</Text>
      <Text className="consult-page__register-arrow" aria-hidden="true">
        ›
      </Text>
    </View>
  );
}
