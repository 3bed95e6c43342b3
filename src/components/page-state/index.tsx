import type { ReactNode } from 'react';
import { Text, View } from '@tarojs/components';
import type { ActionErrorBody } from '@domain/errors';
import type { ActionStatus } from '@/hooks/use-action';
import { roleProps } from '../a11y';
import './index.scss';
import { Button } from '../button';

export interface PageStateProps {
  status: ActionStatus;
  error?: ActionErrorBody;
  onRetry?: () => void;
  emptyTitle?: string;
  emptyDescription?: string;
  /** The way on from an empty page (e.g. 去预约办证), so nobody is left at a dead end. */
  emptyAction?: { label: string; onClick: () => void };
  /** Skeleton lines while loading, roughly the shape of what will come. */
  loadingRows?: number;
  /** Shown once the data is ready. */
  children?: ReactNode;
}

const DEFAULTS = {
  emptyTitle: '这里还没有内容',
  emptyDescription: '稍后再来看看',
  loadingRows: 3,
} as const;

/** What a screen reader hears when the state changes (the live region below says it politely). */
function announcementOf(status: ActionStatus, emptyTitle: string, error?: ActionErrorBody): string {
  if (status === 'loading') return '正在加载';
  if (status === 'empty') return `加载完成：${emptyTitle}`;
  if (status === 'error') return `没能加载出来：${error?.message ?? '系统开小差了，请稍后再试'}`;
  return '加载完成';
}

/**
 * The four faces of anything loaded from the cloud: loading, empty, error, or the content. One
 * live region stays in place through all four, so a screen reader announces each change.
 */
export function PageState(props: PageStateProps) {
  const { status, error, onRetry, emptyAction, children } = props;
  const emptyTitle = props.emptyTitle ?? DEFAULTS.emptyTitle;
  const emptyDescription = props.emptyDescription ?? DEFAULTS.emptyDescription;
  const loadingRows = props.loadingRows ?? DEFAULTS.loadingRows;

  return (
    <>
      <View className="fq-visually-hidden" {...roleProps('status')} aria-live="polite">
        {announcementOf(status, emptyTitle, error)}
      </View>
      <StateFace status={status} error={error} onRetry={onRetry} emptyAction={emptyAction} emptyTitle={emptyTitle} emptyDescription={emptyDescription} loadingRows={loadingRows}>
        {children}
      </StateFace>
    </>
  );
}

function StateFace({ status, error, onRetry, emptyAction, emptyTitle, emptyDescription, loadingRows, children }: PageStateProps & Required<Pick<PageStateProps, 'emptyTitle' | 'emptyDescription' | 'loadingRows'>>) {
  if (status === 'loading') {
    return (
      <View className="page-state page-state--loading" aria-busy>
        {/* Grey bars of our own: NutUI's Skeleton would add its code and styles to the main package for a few boxes. */}
        <View className="page-state__skeleton" aria-hidden>
          {Array.from({ length: loadingRows }, (_, row) => (
            <View key={row} className="page-state__skeleton-row" />
          ))}
        </View>
        <Text className="page-state__hint">正在加载…</Text>
      </View>
    );
  }

  if (status === 'empty') {
    return (
      <View className="page-state page-state--empty">
        <View className="page-state__art page-state__art--empty" aria-hidden>
          <Text>空</Text>
        </View>
        <Text className="page-state__title">{emptyTitle}</Text>
        <Text className="page-state__description">{emptyDescription}</Text>
        {emptyAction && (
          <Button type="primary" className="page-state__retry" onClick={emptyAction.onClick}>
            {emptyAction.label}
          </Button>
        )}
      </View>
    );
  }

  if (status === 'error') {
    return (
      <View className="page-state page-state--error">
        <View className="page-state__art page-state__art--error" aria-hidden>
          <Text>!</Text>
        </View>
        <Text className="page-state__title">没能加载出来</Text>
        <Text className="page-state__description">{error?.message ?? '系统开小差了，请稍后再试'}</Text>
        {onRetry && (
          <Button type="primary" className="page-state__retry" onClick={onRetry}>
            重试
          </Button>
        )}
        {error?.requestId && (
          <Text className="page-state__request-id" userSelect>
            请求编号：{error.requestId}
          </Text>
        )}
      </View>
    );
  }

  return <>{children}</>;
}

export default PageState;
