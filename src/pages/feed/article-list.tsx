import { useRef } from 'react';
import { View } from '@tarojs/components';
import Button from '@nutui/nutui-react-taro/dist/es/packages/button';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import { actions } from '@domain/actions';
import { FEED_PAGE_SIZE } from '@domain/actions/feed';
import type { FraudTypeKey } from '@domain/fraud-types';
import { FormError } from '@/components/form-error';
import { PageState } from '@/components/page-state';
import { useAction } from '@/hooks/use-action';
import { useSubmit } from '@/hooks/use-submit';
import { ArticleCard } from './article-card';

export interface ArticleListProps {
  /** Only items about this fraud type; all of them when undefined. */
  fraudType?: FraudTypeKey;
}

/**
 * The feed for one filter, newest page first; "加载更多" appends the next page. The page mounts
 * one list per filter (keyed by it), so a new filter starts from its own loading state instead
 * of showing the previous filter's items under the new label.
 */
export function ArticleList({ fraudType }: ArticleListProps) {
  const filter = fraudType ? { fraudType } : {};
  const feed = useAction(actions.feed.listArticles, filter, { pullDownRefresh: true, isEmpty: (data) => data.items.length === 0 });
  const more = useSubmit(actions.feed.listArticles);

  // A pull-down refresh may replace the list while the next page is on its way: then drop that page.
  const shown = useRef(feed.data);
  shown.current = feed.data;

  const loadMore = async () => {
    const current = feed.data;
    if (!current || more.pending) return;
    // Full pages only ever come before a page with more: the length says which page is next.
    const next = await more.submit({ ...filter, page: Math.ceil(current.items.length / FEED_PAGE_SIZE) });
    if (!next || shown.current !== current) return;
    // Something published in between shifts the pages by one: never show an item twice.
    const seen = new Set(current.items.map((item) => item.id));
    feed.setData({ items: [...current.items, ...next.items.filter((item) => !seen.has(item.id))], hasMore: next.hasMore });
  };

  return (
    <PageState
      status={feed.status}
      error={feed.error}
      onRetry={feed.reload}
      loadingRows={6}
      emptyTitle={fraudType ? '这个类型暂时没有信息' : '暂时还没有反诈信息'}
      emptyDescription={fraudType ? '可以先看看上面的防骗要点，或点“全部”看其他提醒' : '派出所发布新的提醒后，会第一时间显示在这里'}
    >
      {feed.data && (
        <View className="article-list">
          {feed.data.items.map((article) => (
            <ArticleCard key={article.id} article={article} />
          ))}
          {feed.data.hasMore && (
            <Button block className="article-list__more" loading={more.pending} onClick={() => void loadMore()}>
              {more.pending ? '正在加载…' : '加载更多'}
            </Button>
          )}
          <FormError error={more.error} />
        </View>
      )}
    </PageState>
  );
}

export default ArticleList;
