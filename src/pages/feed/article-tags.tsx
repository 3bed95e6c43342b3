import { Text, View } from '@tarojs/components';
import type { ArticleSummary } from '@domain/actions/feed';
import { ARTICLE_KIND_LABELS } from '@domain/fraud-types';
import './article-tags.scss';

/**
 * What an item is (预警/案例/知识), and whether it is urgent or meant for the reader's own area.
 * Shared by the feed card and the article page (the content subpackage imports it from here).
 */
export function ArticleTags({ article }: { article: Pick<ArticleSummary, 'kind' | 'pinned' | 'local'> }) {
  return (
    <View className="article-tags">
      {article.pinned && <Text className="article-tag article-tag--urgent">紧急</Text>}
      <Text className={`article-tag article-tag--${article.kind}`}>{ARTICLE_KIND_LABELS[article.kind]}</Text>
      {article.local && <Text className="article-tag article-tag--local">本地</Text>}
    </View>
  );
}

export default ArticleTags;
