import type { PropsWithChildren } from 'react';
import { View } from '@tarojs/components';
import './index.scss';

/**
 * A step's main action, fixed to the bottom of the screen: 下一步 or 我已知晓 stays in reach however
 * long the list or the text above it is (in 长辈模式 it was up to three screens down). The spacer
 * keeps the page's last lines from hiding under it.
 */
export function ActionBar({ children }: PropsWithChildren) {
  return (
    <>
      <View className="action-bar__spacer" aria-hidden="true" />
      <View className="action-bar">{children}</View>
    </>
  );
}

export default ActionBar;
