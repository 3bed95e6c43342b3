import type { ReactNode } from 'react';
import { Text, View } from '@tarojs/components';
import './index.scss';

export type NoticeTone = 'info' | 'building' | 'warning';

export interface NoticeCardProps {
  title: string;
  tone?: NoticeTone;
  children?: ReactNode;
}

/** A highlighted note: what a section does, or that a part of the app is still being built. */
export function NoticeCard({ title, tone = 'info', children }: NoticeCardProps) {
  return (
    <View className={`notice-card notice-card--${tone}`}>
      <Text className="notice-card__title">{title}</Text>
      {children && <View className="notice-card__body">{children}</View>}
    </View>
  );
}

export default NoticeCard;
