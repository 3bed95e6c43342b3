import { Text, View } from '@tarojs/components';
import { feedActions } from '@domain/actions/feed';
import { PageState } from '@/components/page-state';
import { useAction } from '@/hooks/use-action';

/** 我已知晓, shares and opened group cards per community: did the warning reach the people it was for? */
export function ArticleStats({ stationId, id }: { stationId: string; id: string }) {
  const stats = useAction(feedActions.articleStats, { stationId, id }, { isEmpty: () => false });
  return (
    <PageState status={stats.status} error={stats.error} onRetry={stats.reload} loadingRows={3}>
      {stats.data && (
        <View className="article-stats">
          <View className="article-stats__row article-stats__row--head">
            <Text className="article-stats__name">社区</Text>
            <Text className="article-stats__cell">知晓</Text>
            <Text className="article-stats__cell">转发</Text>
            <Text className="article-stats__cell">打开</Text>
          </View>
          {stats.data.byCommunity.map((row) => (
            <View key={row.key} className="article-stats__row">
              <Text className="article-stats__name">{row.name}</Text>
              <Text className="article-stats__cell">{row.acknowledgements}</Text>
              <Text className="article-stats__cell">{row.shares}</Text>
              <Text className="article-stats__cell">{row.landings}</Text>
            </View>
          ))}
          {stats.data.byCommunity.length === 0 && <Text className="muted">还没有按社区的数据</Text>}
          <Text className="article-stats__note">“打开”：从这个社区转发到群里的卡片被点开的次数</Text>
        </View>
      )}
    </PageState>
  );
}

/** Reach per neighbourhood group, and the named groups this item has not reached: where to post it next. */
export function GroupReach({ stationId, id }: { stationId: string; id: string }) {
  const reach = useAction(feedActions.articleGroupReach, { stationId, articleId: id }, { isEmpty: () => false });
  return (
    <PageState status={reach.status} error={reach.error} onRetry={reach.reload} loadingRows={2}>
      {reach.data && (
        <View className="article-stats">
          <View className="article-stats__row article-stats__row--head">
            <Text className="article-stats__name">社区群</Text>
            <Text className="article-stats__cell">打开</Text>
            <Text className="article-stats__cell">人数</Text>
            <Text className="article-stats__cell">知晓</Text>
          </View>
          {reach.data.groups.map((row) => (
            <View key={row.groupId} className="article-stats__row">
              <Text className="article-stats__name">{row.name}</Text>
              <Text className="article-stats__cell">{row.opens}</Text>
              <Text className="article-stats__cell">{row.uniqueReaders}</Text>
              <Text className="article-stats__cell">{row.acknowledgements}</Text>
            </View>
          ))}
          {reach.data.groups.length === 0 && <Text className="muted">还没有人从社区群打开</Text>}
          <Text className="article-stats__note">从私聊和朋友圈打开 {reach.data.withoutGroup} 次（微信不提供群信息，不计入任何群）</Text>
          {reach.data.unreached.length > 0 && (
            <Text className="article-stats__note">还没发到：{reach.data.unreached.map((group) => group.name).join('、')}</Text>
          )}
        </View>
      )}
    </PageState>
  );
}

export default ArticleStats;
