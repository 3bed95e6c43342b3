import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import Taro, { useDidShow, useRouter } from '@tarojs/taro';
import Button from '@nutui/nutui-react-taro/dist/es/packages/button';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import { feedActions, type StationArticleView } from '@domain/actions/feed';
import { ARTICLE_KIND_LABELS } from '@domain/fraud-types';
import { roleProps } from '@/components/a11y';
import { Chip } from '@/components/chip';
import { FormError } from '@/components/form-error';
import { PageRoot } from '@/components/page-root';
import { PageState } from '@/components/page-state';
import { useAction } from '@/hooks/use-action';
import { useSubmit } from '@/hooks/use-submit';
import { ROUTES, articlePath, officerPublishPath } from '@/routes';
import { formatDate } from '@/utils/format-date';
import { usePublishingStation } from '../publish/use-publishing-station';
import { ArticleStats, GroupReach } from './article-stats';
import './index.scss';
import { askToConfirm } from '@/components/confirm-dialog';

function ArticleRow({ stationId, article, onWithdrawn }: { stationId: string; article: StationArticleView; onWithdrawn: () => void }) {
  const [open, setOpen] = useState(false);
  const withdraw = useSubmit(feedActions.withdrawArticle);
  const confirmWithdraw = async () => {
    const confirm = await askToConfirm({ title: '撤回这条信息？', content: '撤回后居民看不到它，群里转发的卡片打开会显示“已撤回”。', confirmText: '撤回', cancelText: '不撤回', danger: true });
    if (confirm && (await withdraw.submit({ stationId, id: article.id }))) onWithdrawn();
  };
  const withdrawn = article.status === 'withdrawn';
  return (
    <View className={`station-article${withdrawn ? ' station-article--withdrawn' : ''}`}>
      <View
        className="station-article__head"
        hoverClass="station-article__head--pressed"
        onClick={() => setOpen(!open)}
        {...roleProps('button')}
        aria-expanded={open}
      >
        <View className="station-article__tags">
          {article.pinned && <Chip label="置顶中" />}
          <Chip label={ARTICLE_KIND_LABELS[article.kind]} />
          {withdrawn && <Chip label="已撤回" />}
        </View>
        <Text className="station-article__title">{article.title}</Text>
        <Text className="station-article__meta">
          {formatDate(article.publishedAt)} · 发给：{article.targetLabel}
        </Text>
        <View className="station-article__numbers">
          <Text>阅读 {article.views}</Text>
          <Text>转发 {article.shares}</Text>
          <Text>知晓 {article.acknowledgements}</Text>
          <Text className="station-article__toggle">
            {open ? '收起' : '按社区看'}
            <Text aria-hidden>{open ? ' ▲' : ' ▼'}</Text>
          </Text>
        </View>
      </View>
      {open && (
        <View className="station-article__detail">
          <ArticleStats stationId={stationId} id={article.id} />
          <GroupReach stationId={stationId} id={article.id} />
          <View className="station-article__actions">
            {!withdrawn && (
              <Button className="station-article__action" onClick={() => void Taro.navigateTo({ url: articlePath(article.id) })}>
                查看
              </Button>
            )}
            <Button className="station-article__action" onClick={() => void Taro.navigateTo({ url: officerPublishPath(article.id) })}>
              修改
            </Button>
            {!withdrawn && (
              <Button className="station-article__action" type="danger" fill="outline" loading={withdraw.pending} onClick={() => void confirmWithdraw()}>
                撤回
              </Button>
            )}
          </View>
          <View aria-live="polite">
            <FormError error={withdraw.error} />
          </View>
        </View>
      )}
    </View>
  );
}

function StationArticles({ stationId }: { stationId: string }) {
  const list = useAction(feedActions.listStationArticles, { stationId }, { pullDownRefresh: true, isEmpty: (data) => data.items.length === 0 });
  const more = useSubmit(feedActions.listStationArticles);
  // Back from the form: show what was just published or changed.
  useDidShow(() => void list.reload());

  const loadMore = async () => {
    const current = list.data;
    if (!current?.nextCursor) return;
    const next = await more.submit({ stationId, cursor: current.nextCursor });
    if (!next) return;
    const seen = new Set(current.items.map((item) => item.id));
    list.setData({ items: [...current.items, ...next.items.filter((item) => !seen.has(item.id))], ...(next.nextCursor ? { nextCursor: next.nextCursor } : {}) });
  };

  return (
    <PageState status={list.status} error={list.error} onRetry={list.reload} loadingRows={5} emptyTitle="本所还没有发布过信息" emptyDescription="点上面的“发布新信息”，写第一条提醒">
      {list.data && (
        <View>
          {list.data.items.map((article) => (
            <ArticleRow key={article.id} stationId={stationId} article={article} onWithdrawn={() => void list.reload()} />
          ))}
          {list.data.nextCursor && (
            <Button block loading={more.pending} onClick={() => void loadMore()}>
              加载更多
            </Button>
          )}
        </View>
      )}
    </PageState>
  );
}

/** What the publish form just did, from its redirect (?notified=N or ?saved=1). */
function outcomeOf(params: Record<string, string | undefined>): string | undefined {
  if (params.saved) return '修改已保存。';
  if (params.notified === undefined) return undefined;
  const notified = Number(params.notified);
  return notified > 0 ? `已发布，已通知${notified}位居民。` : '已发布。';
}

export default function StationArticlesPage() {
  const station = usePublishingStation();
  const { params } = useRouter();
  const outcome = outcomeOf(params);
  return (
    <PageRoot className="station-articles-page">
      <View role="status" aria-live="polite">
        {outcome && <Text className="station-articles-page__outcome">✓ {outcome}</Text>}
      </View>
      <Button block type="primary" size="large" onClick={() => void Taro.navigateTo({ url: ROUTES.officerPublish })}>
        发布新信息
      </Button>
      <PageState status={station.me.status} error={station.me.error} onRetry={station.me.reload} loadingRows={4}>
        {station.isDistrictAdmin && (
          <View className="station-articles-page__stations">
            {station.stations.map((candidate) => (
              <Chip key={candidate.id} label={candidate.name} selected={candidate.id === station.stationId} onClick={() => station.setStationId(candidate.id)} />
            ))}
          </View>
        )}
        {station.stationId ? <StationArticles key={station.stationId} stationId={station.stationId} /> : <Text className="muted">您的账号不属于任何派出所</Text>}
      </PageState>
    </PageRoot>
  );
}
