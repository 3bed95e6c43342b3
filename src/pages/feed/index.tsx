import { useState } from 'react';
import { ScrollView, Text, View } from '@tarojs/components';
import Taro, { useReady, useShareAppMessage, useShareTimeline } from '@tarojs/taro';
import { actionRefs } from '@domain/actions/ref';
import type { feedActions } from '@domain/actions/feed';
import { ARTICLE_KIND_LABELS, ARTICLE_KINDS, AUDIENCE_LABELS, AUDIENCES, FRAUD_TYPES } from '@domain/fraud-types';
import { Chip } from '@/components/chip';
import { ElderSwitch } from '@/components/elder-switch';
import { EntryRow } from '@/components/entry-row';
import { FraudCheckEntry } from '@/components/fraud-check-entry';
import { PageRoot } from '@/components/page-root';
import { PhoneLine } from '@/components/phone-line';
import { TextField } from '@/components/text-field';
import { useAction } from '@/hooks/use-action';
import { useElderMode } from '@/state/elder-mode';
import { landOfficersOnWorkbench } from '@/state/officer-landing';
import { ROUTES } from '@/routes';
import { ArticleList, type FeedFilters } from './article-list';
import { ElderHome } from './elder-home';
import { PinnedAlerts } from './pinned-alerts';
import './index.scss';
import { Button } from '@/components/button';

const feedAction = actionRefs<typeof feedActions>('feed');

const FEED_SHARE = { title: '枫桥邻警 · 反诈提醒', path: ROUTES.feed } as const;

/**
 * One row of filter chips, scrolled sideways so the list stays near the top of the screen (the
 * chip cut off at the right edge shows there is more); tapping the chosen one again clears it.
 */
function ChipRow<K extends string>({ label, options, labels, value, onChange }: { label: string; options: readonly K[]; labels: Record<K, string>; value: K | undefined; onChange: (value: K | undefined) => void }) {
  return (
    <View className="feed-page__filter">
      <Text className="feed-page__filter-label">{label}</Text>
      <ScrollView scrollX enhanced showScrollbar={false} className="feed-page__chips">
        <View className="feed-page__chips-track">
          <Chip label="全部" selected={value === undefined} onClick={() => onChange(undefined)} />
          {options.map((option) => (
            <Chip key={option} label={labels[option]} selected={option === value} onClick={() => onChange(option === value ? undefined : option)} />
          ))}
        </View>
      </ScrollView>
    </View>
  );
}

const FRAUD_TYPE_LABELS = Object.fromEntries(FRAUD_TYPES.map((type) => [type.key, type.label])) as Record<(typeof FRAUD_TYPES)[number]['key'], string>;

export default function FeedPage() {
  const { elder } = useElderMode();
  // In 长辈模式 the simple home comes first; 查看全部反诈信息 opens the full feed on the same tab.
  const [fullFeedInElderMode, setFullFeedInElderMode] = useState(false);
  const [filters, setFilters] = useState<FeedFilters>({});
  const [keywordInput, setKeywordInput] = useState('');
  const pinned = useAction(feedAction('listPinned'), {}, { pullDownRefresh: true, isEmpty: () => false });
  const selectedType = filters.fraudType && FRAUD_TYPES.find((type) => type.key === filters.fraudType);
  const set = (changes: Partial<FeedFilters>) => setFilters((current) => ({ ...current, ...changes }));

  // The home tab is where the app opens: an officer is taken on to the workbench (once per launch).
  useReady(() => void landOfficersOnWorkbench());
  useShareAppMessage(() => FEED_SHARE);
  useShareTimeline(() => ({ title: FEED_SHARE.title }));

  const search = () => set({ keyword: keywordInput.trim() || undefined });
  const hiddenIds = filters.keyword || filters.fraudType || filters.audience || filters.kind ? [] : (pinned.data?.items.map((item) => item.id) ?? []);

  if (elder && !fullFeedInElderMode) {
    return (
      <PageRoot className="feed-page">
        <ElderSwitch />
        <ElderHome pinned={pinned.data?.items ?? (pinned.status === 'error' ? [] : undefined)} onShowFullFeed={() => setFullFeedInElderMode(true)} />
      </PageRoot>
    );
  }

  return (
    <PageRoot className="feed-page">
      <ElderSwitch />
      {elder && (
        <View className="feed-page__back">
          <EntryRow title="回到简洁首页" description="只看最新预警和常用功能" onClick={() => setFullFeedInElderMode(false)} />
        </View>
      )}
      <View className="feed-page__hero">
        <Text className="feed-page__hero-title">守好钱袋子，先认清骗局</Text>
        <Text className="feed-page__hero-text">派出所发布的预警、真实案例和防骗知识。看到有用的，转发到小区群提醒邻居。</Text>
      </View>

      <FraudCheckEntry />

      <PinnedAlerts data={pinned.data} onSubscribed={(subscription) => pinned.data && pinned.setData({ ...pinned.data, subscription })} />

      <View className="feed-page__search">
        <TextField
          className="feed-page__search-input"
          value={keywordInput}
          placeholder="搜索，例如：安全账户、刷单"
          maxLength={20}
          confirmType="search"
          onChange={setKeywordInput}
          onConfirm={search}
        />
        <Button className="feed-page__search-button" type="primary" onClick={search}>
          搜索
        </Button>
      </View>
      {filters.keyword && (
        <View className="feed-page__keyword">
          <Text>搜索“{filters.keyword}”的结果</Text>
          <Chip
            label="清除"
            onClick={() => {
              setKeywordInput('');
              set({ keyword: undefined });
            }}
          />
        </View>
      )}

      <EntryRow title="防骗小测试" description="五道题，看看您能不能识破骗局" onClick={() => void Taro.navigateTo({ url: ROUTES.quiz })} />

      <ChipRow label="诈骗类型" options={FRAUD_TYPES.map((type) => type.key)} labels={FRAUD_TYPE_LABELS} value={filters.fraudType} onChange={(fraudType) => set({ fraudType })} />
      {selectedType && (
        <View className="feed-page__type">
          <Text className="feed-page__type-name">{selectedType.label}</Text>
          <Text className="feed-page__type-pattern">{selectedType.pattern}</Text>
          <Text className="feed-page__type-rule">记住：{selectedType.rule}</Text>
        </View>
      )}
      <ChipRow label="提醒对象" options={AUDIENCES} labels={AUDIENCE_LABELS} value={filters.audience} onChange={(audience) => set({ audience })} />
      <ChipRow label="类别" options={ARTICLE_KINDS} labels={ARTICLE_KIND_LABELS} value={filters.kind} onChange={(kind) => set({ kind })} />

      <View className="feed-page__list">
        <ArticleList key={JSON.stringify(filters)} filters={filters} hiddenIds={hiddenIds} />
      </View>

      <Text className="section-title">拿不准？先打电话问</Text>
      <PhoneLine title="全国反诈专线" number="96110" description="接到可疑电话、转账之前，先打来问一问" />
      <PhoneLine title="已经被骗或正在被骗" number="110" description="立即报警，越早止付越有希望追回" tone="urgent" />
    </PageRoot>
  );
}
