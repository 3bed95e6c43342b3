import { Text, View } from '@tarojs/components';
import Taro, { useRouter, useShareAppMessage } from '@tarojs/taro';
import { actions, type ArticleView } from '@domain/actions';
import { AUDIENCE_LABELS, fraudTypeLabel } from '@domain/fraud-types';
import { Chip } from '@/components/chip';
import { EntryRow } from '@/components/entry-row';
import { PageState } from '@/components/page-state';
import { PhoneLine } from '@/components/phone-line';
import { useAction } from '@/hooks/use-action';
import { ArticleTags } from '@/pages/feed/article-tags';
import { ROUTES, articlePath } from '@/routes';
import { formatDate } from '@/utils/format-date';
import './index.scss';

const FALLBACK_SHARE_TITLE = '枫桥邻警 · 反诈提醒';

/** This page may be the first one opened (from a group card): the way on is always spelled out. */
const toFeed = () => void Taro.switchTab({ url: ROUTES.feed });

function FeedLink() {
  return <EntryRow title="看更多反诈信息" description="回首页看本地预警和防骗知识" onClick={toFeed} />;
}

function Article({ article }: { article: ArticleView }) {
  return (
    <View className="article">
      <ArticleTags article={article} />
      <Text className="article__title">{article.title}</Text>
      <Text className="article__meta">
        {article.publisher} · {formatDate(article.publishedAt)}
      </Text>

      {(article.fraudTypes.length > 0 || article.audiences.length > 0) && (
        <View className="article__facts">
          {article.fraudTypes.length > 0 && (
            <View className="article__fact">
              <Text className="article__fact-label">诈骗类型</Text>
              <View className="article__fact-value">
                {article.fraudTypes.map((key) => (
                  <Chip key={key} label={fraudTypeLabel(key)} />
                ))}
              </View>
            </View>
          )}
          {article.audiences.length > 0 && (
            <View className="article__fact">
              <Text className="article__fact-label">提醒对象</Text>
              <View className="article__fact-value">
                {article.audiences.map((audience) => (
                  <Chip key={audience} label={AUDIENCE_LABELS[audience]} />
                ))}
              </View>
            </View>
          )}
        </View>
      )}

      <View className="article__body">
        {article.body.map((paragraph, index) => (
          // Paragraphs have no identity of their own; their order never changes.
          <Text key={index} className="article__paragraph" userSelect>
            {paragraph}
          </Text>
        ))}
      </View>
    </View>
  );
}

export default function ArticlePage() {
  const { params } = useRouter();
  const id = params.id ?? '';
  const article = useAction(actions.feed.getArticle, { id }, { enabled: id !== '', isEmpty: () => false });

  useShareAppMessage(() => ({ title: article.data?.title ?? FALLBACK_SHARE_TITLE, path: articlePath(id) }));

  // A withdrawn item, a mistyped link, or a card without an id: all the same to the reader.
  const gone = id === '' || article.error?.code === 'NOT_FOUND' || article.error?.code === 'INVALID_INPUT';

  const calls = (
    <View className="article-page__help">
      <Text className="article-page__help-title">遇到可疑情况</Text>
      <Text className="article-page__help-text">先别转账，验证码不告诉任何人。</Text>
      <PhoneLine title="全国反诈专线" number="96110" description="拿不准，先打来问一问" />
      <PhoneLine title="已经转账或正在被骗" number="110" description="立即报警，越早止付越好" tone="urgent" />
    </View>
  );

  if (gone) {
    return (
      <View className="page article-page">
        <PageState status="empty" emptyTitle="这条信息已撤回或不存在" emptyDescription="派出所可能已经更新了内容，回首页看看最新的提醒" />
        <FeedLink />
        {calls}
      </View>
    );
  }

  return (
    <View className="page article-page">
      <PageState status={article.status} error={article.error} onRetry={article.reload} loadingRows={8}>
        {article.data && <Article article={article.data} />}
      </PageState>
      {calls}
      <View className="article-page__more">
        <FeedLink />
      </View>
    </View>
  );
}
