import type { PropsWithChildren } from 'react';
import { View } from '@tarojs/components';
import { useElderMode } from '@/state/elder-mode';
import { ConfirmDialog } from '../confirm-dialog';
import { BackBar } from './back-bar';
import { PrivacyPrompt } from '../privacy-prompt';

export interface PageRootProps {
  className?: string;
}

/**
 * Every page's outermost view. It carries the elder class, so the design tokens (and with them
 * every size on the page) switch when the resident turns 长辈模式 on — on any open page, at once.
 * It also holds the privacy pop-up, so WeChat's privacy check can be answered on whatever page asks,
 * and the app's own confirmation dialog (askToConfirm).
 */
export function PageRoot({ className, children }: PropsWithChildren<PageRootProps>) {
  const { elder } = useElderMode();
  const classes = ['page', elder ? 'fq-elder' : '', className ?? ''].filter(Boolean).join(' ');
  return (
    <View className={classes}>
      <BackBar />
      {children}
      <ConfirmDialog />
      <PrivacyPrompt />
    </View>
  );
}

export default PageRoot;
