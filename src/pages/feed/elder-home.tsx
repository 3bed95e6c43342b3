import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { actionRefs } from '@domain/actions/ref';
import type { directoryActions, BeatCardView } from '@domain/actions/directory';
import type { feedActions, ArticleSummary } from '@domain/actions/feed';
import { roleProps } from '@/components/a11y';
import { openHomeCommunityPage } from '@/components/home-community';
import { PageState } from '@/components/page-state';
import { PhoneLine, PhoneNumber } from '@/components/phone-line';
import { ReadAloud } from '@/components/read-aloud';
import { useAction } from '@/hooks/use-action';
import { ROUTES, articlePath } from '@/routes';
import { callPhone } from '@/utils/call-phone';
import { formatDate } from '@/utils/format-date';

const directoryAction = actionRefs<typeof directoryActions>('directory');
const feedAction = actionRefs<typeof feedActions>('feed');

export interface ElderHomeProps {
  /** The urgent alerts already loaded by the feed page: every one is shown. */
  pinned: readonly ArticleSummary[] | undefined;
  onShowFullFeed: () => void;
}

function AlertCard({ article }: { article: ArticleSummary }) {
  return (
    <View className={`elder-home__alert${article.pinned ? ' elder-home__alert--urgent' : ''}`}>
      <View
        className="elder-home__alert-open"
        {...roleProps('button')}
        hoverClass="elder-home__alert-open--pressed"
        onClick={() => void Taro.navigateTo({ url: articlePath(article.id) })}
      >
        <Text className="elder-home__alert-kind">{article.pinned ? '紧急预警' : '最新预警'}</Text>
        <Text className="elder-home__alert-title">{article.title}</Text>
        <Text className="elder-home__alert-summary">{article.summary}</Text>
        <Text className="elder-home__alert-meta">
          {formatDate(article.publishedAt)} · 点此看全文 ›
        </Text>
      </View>
      <ReadAloud text={`${article.title}。${article.summary}`} />
    </View>
  );
}

/**
 * Every urgent alert pinned for the resident's area and not yet expired — a second alert must not
 * hide the first from the residents it is for — else the latest 预警 anywhere.
 */
function Alerts({ pinned }: { pinned: readonly ArticleSummary[] | undefined }) {
  const latest = useAction(feedAction('listArticles'), { kind: 'alert' }, { enabled: pinned !== undefined && pinned.length === 0, isEmpty: (page) => page.items.length === 0 });
  const articles = pinned && pinned.length > 0 ? pinned : latest.data?.items.slice(0, 1) ?? [];
  const status = pinned === undefined ? 'loading' : pinned.length > 0 ? 'ready' : latest.status;
  return (
    <PageState status={status} error={latest.error} onRetry={latest.reload} loadingRows={3} emptyTitle="暂时没有新的预警" emptyDescription="派出所发布新的预警后，会显示在这里">
      {articles.map((article) => (
        <AlertCard key={article.id} article={article} />
      ))}
    </PageState>
  );
}

/** The big green button: the resident's own beat officer's post; without a home community, the way to register one. */
function CallMyOfficer() {
  const beat = useAction(directoryAction('myBeatCard'), {}, { isEmpty: (card) => card === null });
  if (beat.status === 'empty') {
    return (
      <View className="elder-home__big elder-home__big--call" {...roleProps('button')} hoverClass="elder-home__big--pressed" onClick={openHomeCommunityPage}>
        <Text className="elder-home__big-title">打给我的社区民警</Text>
        <Text className="elder-home__big-text">先登记您住在哪个社区，就能一键打给负责您的民警</Text>
      </View>
    );
  }
  return (
    <PageState status={beat.status} error={beat.error} onRetry={beat.reload} loadingRows={2}>
      {beat.data && <CallButton card={beat.data} />}
    </PageState>
  );
}

function CallButton({ card }: { card: BeatCardView }) {
  const who = card.officer ? `${card.officer.title} · ${card.post.name}` : card.post.name;
  return (
    <View
      className="elder-home__big elder-home__big--call"
      {...roleProps('button')}
      hoverClass="elder-home__big--pressed"
      onClick={() => callPhone(card.post.phone)}
    >
      <Text className="elder-home__big-title">
        <Text aria-hidden>☎ </Text>打给我的社区民警
      </Text>
      <Text className="elder-home__big-text">
        {who} · <PhoneNumber number={card.post.phone} />
      </Text>
    </View>
  );
}

/**
 * 长辈模式's home: only what an elderly resident comes for, each one big enough to hit without
 * looking twice — the urgent alerts (or the newest one), booking, asking the beat officer, calling them, and 110.
 */
export function ElderHome({ pinned, onShowFullFeed }: ElderHomeProps) {
  return (
    <View className="elder-home">
      <Alerts pinned={pinned} />

      <View className="elder-home__grid">
        <View className="elder-home__big" {...roleProps('button')} hoverClass="elder-home__big--pressed" onClick={() => void Taro.switchTab({ url: ROUTES.booking })}>
          <Text className="elder-home__big-title">预约办证</Text>
          <Text className="elder-home__big-text">身份证、户口、出入境</Text>
        </View>
        <View className="elder-home__big" {...roleProps('button')} hoverClass="elder-home__big--pressed" onClick={() => void Taro.switchTab({ url: ROUTES.consult })}>
          <Text className="elder-home__big-title">问片警</Text>
          <Text className="elder-home__big-text">有事留言，民警回复您</Text>
        </View>
      </View>

      <CallMyOfficer />

      <PhoneLine title="紧急情况" number="110" description="有危险、正在被骗，马上报警" tone="urgent" />

      <View className="elder-home__more" {...roleProps('button')} hoverClass="elder-home__more--pressed" onClick={onShowFullFeed}>
        <Text>查看全部反诈信息 ›</Text>
      </View>
    </View>
  );
}

export default ElderHome;
