import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { useShareAppMessage } from '@tarojs/taro';
import { Chip } from '@/components/chip';
import { NoticeCard } from '@/components/notice-card';
import { PhoneLine } from '@/components/phone-line';
import { ROUTES } from '@/routes';
import { FRAUD_TYPES } from './fraud-types';
import './index.scss';

const FEED_SHARE = {
  title: '反诈提醒：转账之前，先问问民警',
  path: ROUTES.feed,
} as const;

export default function FeedPage() {
  const [selectedKey, setSelectedKey] = useState(FRAUD_TYPES[0]?.key);
  const selected = FRAUD_TYPES.find((type) => type.key === selectedKey);

  useShareAppMessage(() => FEED_SHARE);

  return (
    <View className="page feed-page">
      <View className="feed-page__hero">
        <Text className="feed-page__hero-title">守好钱袋子，先认清骗局</Text>
        <Text className="feed-page__hero-text">
          这里会发布本地派出所的反诈预警、真实案例和防骗知识，按诈骗类型分好类，也写给老人、学生和外来务工的朋友。看到有用的，转发到小区群，提醒家人和邻居。
        </Text>
      </View>

      <Text className="section-title">常见诈骗类型</Text>
      <View className="feed-page__chips">
        {FRAUD_TYPES.map((type) => (
          <Chip key={type.key} label={type.label} selected={type.key === selectedKey} onClick={() => setSelectedKey(type.key)} />
        ))}
      </View>
      {selected && (
        <View className="feed-page__type">
          <Text className="feed-page__type-name">{selected.label}</Text>
          <Text className="feed-page__type-pattern">{selected.pattern}</Text>
          <Text className="feed-page__type-rule">记住：{selected.rule}</Text>
        </View>
      )}

      <NoticeCard title="预警信息正在接入" tone="building">
        <Text>派出所发布的反诈预警和真实案例很快会在这里按时间显示，紧急预警会置顶。现在可以先看上面的防骗要点。</Text>
      </NoticeCard>

      <Text className="section-title">拿不准？先打电话问</Text>
      <PhoneLine title="全国反诈专线" number="96110" description="接到可疑电话、转账之前，先打来问一问" />
      <PhoneLine title="已经被骗或正在被骗" number="110" description="立即报警，越早止付越有希望追回" tone="urgent" />
    </View>
  );
}
