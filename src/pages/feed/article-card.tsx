import { Image, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { ArticleSummary } from '@domain/actions/feed';
import { articlePath } from '@/routes';
import { formatDate } from '@/utils/format-date';
import { roleProps } from '@/components/a11y';
import { ArticleTags } from './article-tags';

/** One item in the feed; the whole card opens the full text. Urgent items stand out in red, and say so in words. */
export function ArticleCard({ article }: { article: ArticleSummary }) {
  const open = () => void Taro.navigateTo({ url: articlePath(article.id) });
  return (
    <View
      className={`article-card${article.pinned ? ' article-card--urgent' : ''}`}
      {...roleProps('button')}
      hoverClass="article-card--pressed" onClick={open}>
      <ArticleTags article={article} />
      <Text className="article-card__title">{article.title}</Text>
      {article.coverUrl && <Image className="article-card__cover" src={article.coverUrl} mode="aspectFill" lazyLoad aria-hidden />}
      <Text className="article-card__summary">{article.summary}</Text>
      <View className="article-card__footer">
        <Text className="article-card__meta">
          {article.publisher} · {formatDate(article.publishedAt)}
          {article.views > 0 ? ` · ${article.views}人看过` : ''}
        </Text>
        <Text className="article-card__more">看全文 ›</Text>
      </View>
    </View>
  );
}

export default ArticleCard;
