import { useState } from 'react';
import { Image, Text, View } from '@tarojs/components';
import Taro, { useRouter, useShareAppMessage, useShareTimeline } from '@tarojs/taro';
import Button from '@nutui/nutui-react-taro/dist/es/packages/button';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import { feedActions, type ArticleView } from '@domain/actions/feed';
import { AUDIENCE_LABELS, fraudTypeLabel } from '@domain/fraud-types';
import { Chip } from '@/components/chip';
import { EntryRow } from '@/components/entry-row';
import { FormError } from '@/components/form-error';
import { FraudCheckEntry } from '@/components/fraud-check-entry';
import { PageRoot } from '@/components/page-root';
import { PageState } from '@/components/page-state';
import { ReadAloud } from '@/components/read-aloud';
import { PhoneLine } from '@/components/phone-line';
import { useAction } from '@/hooks/use-action';
import { useSubmit } from '@/hooks/use-submit';
import { ArticleTags } from '@/pages/feed/article-tags';
import { roleProps } from '@/components/a11y';
import { ROUTES, articlePath } from '@/routes';
import { formatDate } from '@/utils/format-date';
import { GroupLanding } from './group-landing';
import { callAction } from '@/platform/cloud-call';
import { opensInSinglePageMode } from '@/platform/launch-scene';
import { NoticeCard } from '@/components/notice-card';
import { SHARE_FROM_PATTERN } from '@domain/feed-targeting';
import { parseParagraph, plainText } from '@domain/rich-text';
import { ActionBar } from '@/components/action-bar';
import './index.scss';

const FALLBACK_SHARE_TITLE = '枫桥邻警 · 反诈提醒';

/** This page may be the first one opened (from a group card): the way on is always spelled out. */
const toFeed = () => void Taro.switchTab({ url: ROUTES.feed });

function FeedLink() {
  return <EntryRow title="看更多反诈信息" description="回首页看本地预警和防骗知识" onClick={toFeed} />;
}

/** One paragraph of the body: a heading, a list item or text with emphasis, all as text nodes. */
function RichParagraph({ paragraph }: { paragraph: string }) {
  const block = parseParagraph(paragraph);
  return (
    <Text className={`article__paragraph article__paragraph--${block.type}`} userSelect>
      {block.type === 'item' ? '• ' : ''}
      {block.spans.map((span, index) =>
        span.strong ? (
          <Text key={index} className="article__strong">
            {span.text}
          </Text>
        ) : (
          span.text
        ),
      )}
    </Text>
  );
}

/** What 朗读 reads: the title, the summary, the body and the ways to protect oneself, in that order. */
export function articleSpeech(article: Pick<ArticleView, 'title' | 'summary' | 'body' | 'tips'>): string {
  const tips = article.tips.length > 0 ? ['怎样防范。', ...article.tips.map((tip, index) => `${index + 1}，${tip}`)] : [];
  return [article.title, article.summary, ...article.body.map(plainText), ...tips].filter(Boolean).join('。\n');
}

/** 我已知晓: an alert's reader says they have seen it; officers see the count per community. */
function Acknowledge({ article, onAcknowledged }: { article: ArticleView; onAcknowledged: (count: number) => void }) {
  const acknowledge = useSubmit(feedActions.acknowledgeArticle);
  const tap = async () => {
    const result = await acknowledge.submit({ id: article.id });
    if (result) onAcknowledged(result.acknowledgements);
  };
  return (
    <View className="article__ack" aria-live="polite">
      {article.acknowledged ? (
        <Text className="article__ack-done">✓ 您已知晓这条预警</Text>
      ) : (
        <ActionBar>
          <Button block type="primary" size="large" loading={acknowledge.pending} onClick={() => void tap()}>
            我已知晓
          </Button>
        </ActionBar>
      )}
      <Text className="article__ack-count">{article.acknowledgements > 0 ? `${article.acknowledgements}位居民已知晓` : '点“我已知晓”，让民警知道提醒送到了'}</Text>
      <FormError error={acknowledge.error} />
    </View>
  );
}

/** Read from a 朋友圈 post: reading works without identity; everything else is one tap away in the full mini-program. */
function SinglePageNotice() {
  return (
    <NoticeCard title="这是朋友圈里的预览，只能阅读">
      <Text className="article-page__single-page">点屏幕下方的「前往小程序」，就能点“我已知晓”、转账前问一问、预约办证、问片警。</Text>
    </NoticeCard>
  );
}

function Article({ article, onAcknowledged, readOnly = false }: { article: ArticleView; onAcknowledged: (count: number) => void; readOnly?: boolean }) {
  return (
    <View className="article">
      <ArticleTags article={article} />
      <Text className="article__title">{article.title}</Text>
      <Text className="article__meta">
        {article.publisher} · {formatDate(article.publishedAt)} · {article.views}人看过
      </Text>
      <View className="article__read-aloud">
        <ReadAloud text={articleSpeech(article)} />
      </View>

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
          <RichParagraph key={index} paragraph={paragraph} />
        ))}
      </View>

      {article.imageUrls.map((url, index) => (
        <Image
          key={url}
          className="article__image"
          src={url}
          mode="widthFix"
          {...roleProps('button')}
          aria-label={`文中图片 ${index + 1}，点击查看大图`}
          onClick={() => void Taro.previewImage({ urls: article.imageUrls, current: url })} />
      ))}

      {article.tips.length > 0 && (
        <View className="article__tips">
          <Text className="article__tips-title">怎样防范</Text>
          {article.tips.map((tip, index) => (
            <Text key={index} className="article__tip">
              {index + 1}. {tip}
            </Text>
          ))}
        </View>
      )}

      {article.kind === 'alert' && !readOnly && <Acknowledge article={article} onAcknowledged={onAcknowledged} />}
    </View>
  );
}

export default function ArticlePage() {
  const { params } = useRouter();
  const id = params.id ?? '';
  // A card shared into a group carries the sharer's community; a malformed one is simply ignored.
  const from = params.from && SHARE_FROM_PATTERN.test(decodeURIComponent(params.from)) ? decodeURIComponent(params.from) : undefined;
  // Opened from 朋友圈 (scene 1154) there is no identity: the article is read as a visitor, read-only.
  const [singlePage] = useState(opensInSinglePageMode);
  const input = from ? { id, from } : { id };
  const signedIn = useAction(feedActions.getArticle, input, { enabled: id !== '' && !singlePage, isEmpty: () => false });
  const shared = useAction(feedActions.readSharedArticle, input, { enabled: id !== '' && singlePage, isEmpty: () => false });
  const article = singlePage ? shared : signedIn;
  const articleView: ArticleView | undefined = singlePage ? (shared.data ? { ...shared.data, acknowledged: false } : undefined) : signedIn.data;

  const recordShare = (channel: 'chat' | 'timeline') => {
    if (signedIn.data) void callAction(feedActions.shareArticle, { id, channel });
  };
  useShareAppMessage(() => {
    recordShare('chat');
    return { title: articleView?.title ?? FALLBACK_SHARE_TITLE, path: articlePath(id, signedIn.data?.shareFrom) };
  });
  useShareTimeline(() => {
    recordShare('timeline');
    const shareFrom = signedIn.data?.shareFrom;
    const query = `id=${encodeURIComponent(id)}${shareFrom ? `&from=${encodeURIComponent(shareFrom)}` : ''}`;
    return { title: articleView?.title ?? FALLBACK_SHARE_TITLE, query };
  });
  const onAcknowledged = (acknowledgements: number) => signedIn.data && signedIn.setData({ ...signedIn.data, acknowledged: true, acknowledgements });

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
      <PageRoot className="article-page">
        <PageState status="empty" emptyTitle="这条信息已撤回或不存在" emptyDescription="派出所可能已经更新了内容，回首页看看最新的提醒" />
        {singlePage ? <SinglePageNotice /> : <FeedLink />}
        {calls}
      </PageRoot>
    );
  }

  if (singlePage) {
    return (
      <PageRoot className="article-page">
        <SinglePageNotice />
        <PageState status={article.status} error={article.error} onRetry={article.reload} loadingRows={8}>
          {articleView && <Article article={articleView} onAcknowledged={onAcknowledged} readOnly />}
        </PageState>
        {calls}
      </PageRoot>
    );
  }

  return (
    <PageRoot className="article-page">
      <PageState status={article.status} error={article.error} onRetry={article.reload} loadingRows={8}>
        {articleView && <Article article={articleView} onAcknowledged={onAcknowledged} />}
      </PageState>
      {signedIn.data && <GroupLanding articleId={id} />}
      <FraudCheckEntry articleId={id} />
      {calls}
      <View className="article-page__more">
        <FeedLink />
        <EntryRow title="防骗小测试" description="五道题，考考自己能不能识破骗局" onClick={() => void Taro.navigateTo({ url: ROUTES.quiz })} />
      </View>
    </PageRoot>
  );
}
