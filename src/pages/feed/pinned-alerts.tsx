import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { actionRefs } from '@domain/actions/ref';
import type { feedActions, PinnedAlerts as PinnedAlertsView } from '@domain/actions/feed';
import { FRAUD_ALERT_TEMPLATE } from '@domain/fraud-types';
import { FormError } from '@/components/form-error';
import { useSubmit } from '@/hooks/use-submit';
import { requestSubscription } from '@/platform/subscribe';
import { ROUTES } from '@/routes';
import { ArticleCard } from './article-card';
import { Button } from '@/components/button';

const feedAction = actionRefs<typeof feedActions>('feed');

export interface PinnedAlertsProps {
  data: PinnedAlertsView | undefined;
  onSubscribed: (subscription: PinnedAlertsView['subscription']) => void;
}

/**
 * Urgent alerts for the reader's community or station, above everything else, and the opt-in to
 * be told of the next one by a WeChat message (WeChat's one-time subscription: one "允许", one message).
 */
export function PinnedAlerts({ data, onSubscribed }: PinnedAlertsProps) {
  const subscribe = useSubmit(feedAction('subscribeAlerts'));

  // requestSubscribeMessage must run inside the tap itself.
  const optIn = async () => {
    const decisions = await requestSubscription([FRAUD_ALERT_TEMPLATE]);
    if (decisions[FRAUD_ALERT_TEMPLATE] !== 'accept') return;
    const subscription = await subscribe.submit({ accepted: 1 });
    if (!subscription) return;
    // The line above the button now says 已开启…, announced by its live region (no toast to miss).
    onSubscribed(subscription);
  };

  const remaining = data?.subscription.remaining ?? 0;
  const needsCommunity = subscribe.error?.code === 'INVALID_INPUT';
  return (
    <View className="pinned-alerts">
      {data && data.items.length > 0 && (
        <View>
          <Text className="section-title pinned-alerts__title">紧急预警</Text>
          {data.items.map((article) => (
            <ArticleCard key={article.id} article={article} />
          ))}
        </View>
      )}
      <View className="pinned-alerts__subscribe">
        <Text className="pinned-alerts__subscribe-text" aria-live="polite">
          {remaining > 0
            ? `已开启${data?.subscription.communityName ? `「${data.subscription.communityName}」` : ''}紧急预警提醒（还可接收${remaining}条）`
            : '本社区有紧急预警时，用微信消息通知我'}
        </Text>
        <Button className="pinned-alerts__subscribe-button" type={remaining > 0 ? 'default' : 'primary'} loading={subscribe.pending} onClick={() => void optIn()}>
          {remaining > 0 ? '再多收一条' : '开启提醒'}
        </Button>
      </View>
      <FormError error={subscribe.error} />
      {needsCommunity && (
        <Button block onClick={() => void Taro.navigateTo({ url: ROUTES.homeCommunity })}>
          去设置我所在的社区
        </Button>
      )}
    </View>
  );
}

export default PinnedAlerts;
