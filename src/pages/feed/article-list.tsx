import { useRef } from 'react';
import { Text, View } from '@tarojs/components';
import { useReachBottom } from '@tarojs/taro';
import { actionRefs } from '@domain/actions/ref';
import type { InputOf } from '@domain/actions/define';
import type { feedActions } from '@domain/actions/feed';
import { FormError } from '@/components/form-error';
import { PageState } from '@/components/page-state';
import { useAction } from '@/hooks/use-action';
import { useSubmit } from '@/hooks/use-submit';
import { ArticleCard } from './article-card';
import { Button } from '@/components/button';

const feedAction = actionRefs<typeof feedActions>('feed');

export type FeedFilters = Omit<InputOf<typeof feedActions.listArticles>, 'cursor'>;

export interface ArticleListProps {
  filters: FeedFilters;
  /** Items already shown pinned above the list. */
  hiddenIds?: readonly string[];
}

const isFiltered = (filters: FeedFilters) => Object.values(filters).some((value) => value !== undefined);

/**
 * The feed for one set of filters, newest first. Scrolling to the bottom (or 加载更多) appends
 * the page after the last item's cursor, so items published meanwhile never shift or repeat
 * what is on screen. The page mounts one list per filter set (keyed by it).
 */
export function ArticleList({ filters, hiddenIds = [] }: ArticleListProps) {
  const feed = useAction(feedAction('listArticles'), filters, { pullDownRefresh: true, isEmpty: (data) => data.items.length === 0 });
  const more = useSubmit(feedAction('listArticles'));

  // A pull-down refresh may replace the list while the next page is on its way: then drop that page.
  const shown = useRef(feed.data);
  shown.current = feed.data;

  const loadMore = async () => {
    const current = feed.data;
    if (!current?.nextCursor || more.pending) return;
    const next = await more.submit({ ...filters, cursor: current.nextCursor });
    if (!next || shown.current !== current) return;
    const seen = new Set(current.items.map((item) => item.id));
    feed.setData({ items: [...current.items, ...next.items.filter((item) => !seen.has(item.id))], ...(next.nextCursor ? { nextCursor: next.nextCursor } : {}) });
  };

  useReachBottom(() => void loadMore());

  const filtered = isFiltered(filters);
  const items = feed.data?.items.filter((item) => !hiddenIds.includes(item.id)) ?? [];
  return (
    <PageState
      status={feed.status}
      error={feed.error}
      onRetry={feed.reload}
      loadingRows={6}
      emptyTitle={filters.keyword ? `没有找到“${filters.keyword}”相关的信息` : filtered ? '这个分类暂时没有信息' : '暂时还没有反诈信息'}
      emptyDescription={filtered ? '换个词或分类试试，也可以点“全部”看其他提醒' : '派出所发布新的提醒后，会第一时间显示在这里'}
    >
      {feed.data && (
        <View className="article-list">
          {items.map((article) => (
            <ArticleCard key={article.id} article={article} />
          ))}
          {feed.data.nextCursor ? (
            <Button block className="article-list__more" loading={more.pending} onClick={() => void loadMore()}>
              {more.pending ? '正在加载…' : '加载更多'}
            </Button>
          ) : (
            <Text className="article-list__end">已经到底了</Text>
          )}
          <FormError error={more.error} />
        </View>
      )}
    </PageState>
  );
}

export default ArticleList;
