import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { useShareAppMessage } from '@tarojs/taro';
import { FRAUD_TYPES, type FraudTypeKey } from '@domain/fraud-types';
import { Chip } from '@/components/chip';
import { PhoneLine } from '@/components/phone-line';
import { ROUTES } from '@/routes';
import { ArticleList } from './article-list';
import './index.scss';

const FEED_SHARE = {
  title: '枫桥邻警 · 反诈提醒',
  path: ROUTES.feed,
} as const;

export default function FeedPage() {
  const [fraudType, setFraudType] = useState<FraudTypeKey>();
  const selected = fraudType && FRAUD_TYPES.find((type) => type.key === fraudType);
  // Tapping the chosen type again undoes the choice, like 全部.
  const toggle = (key: FraudTypeKey) => setFraudType((current) => (current === key ? undefined : key));

  useShareAppMessage(() => FEED_SHARE);

  return (
    <View className="page feed-page">
      <View className="feed-page__hero">
        <Text className="feed-page__hero-title">守好钱袋子，先认清骗局</Text>
        <Text className="feed-page__hero-text">派出所发布的反诈预警、真实案例和防骗知识，紧急提醒排在最前。看到有用的，转发到小区群，提醒家人和邻居。</Text>
      </View>

      <Text className="section-title">按诈骗类型看</Text>
      <View className="feed-page__chips">
        <Chip label="全部" selected={fraudType === undefined} onClick={() => setFraudType(undefined)} />
        {FRAUD_TYPES.map((type) => (
          <Chip key={type.key} label={type.label} selected={type.key === fraudType} onClick={() => toggle(type.key)} />
        ))}
      </View>
      {selected && (
        <View className="feed-page__type">
          <Text className="feed-page__type-name">{selected.label}</Text>
          <Text className="feed-page__type-pattern">{selected.pattern}</Text>
          <Text className="feed-page__type-rule">记住：{selected.rule}</Text>
        </View>
      )}

      <View className="feed-page__list">
        <ArticleList key={fraudType ?? 'all'} fraudType={fraudType} />
      </View>

      <Text className="section-title">拿不准？先打电话问</Text>
      <PhoneLine title="全国反诈专线" number="96110" description="接到可疑电话、转账之前，先打来问一问" />
      <PhoneLine title="已经被骗或正在被骗" number="110" description="立即报警，越早止付越有希望追回" tone="urgent" />
    </View>
  );
}
