import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import type { MeView } from '@domain/actions/account';
import { directoryActions } from '@domain/actions/directory';
import { roleProps } from '@/components/a11y';
import { BeatCard } from '@/components/beat-card';
import { EmergencyBar } from '@/components/emergency-bar';
import { FormError } from '@/components/form-error';
import { NoticeCard } from '@/components/notice-card';
import { PageRoot } from '@/components/page-root';
import { PageState } from '@/components/page-state';
import { useAction } from '@/hooks/use-action';
import { useSubmit } from '@/hooks/use-submit';
import { ROUTES } from '@/routes';
import './index.scss';

/**
 * What a scan of an officer's or a community's code opens (WeChat passes the code's scene in the
 * page query). A resident without a home community registers this one in one tap.
 */
export default function ContactCardPage() {
  const { params } = useRouter();
  const scene = params.scene ?? '';
  const card = useAction(directoryActions.openContactCard, { scene }, { enabled: scene !== '', isEmpty: () => false });
  const bind = useSubmit(directoryActions.bindHomeCommunity);
  const [registered, setRegistered] = useState<MeView>();

  if (!scene) {
    return (
      <PageRoot className="contact-card-page">
        <EmergencyBar />
        <View className="page">
          <NoticeCard title="没有读到联系卡" tone="warning">
            <Text>请重新扫一扫楼门口或社区群里的警民联系卡。</Text>
          </NoticeCard>
        </View>
      </PageRoot>
    );
  }

  return (
    <PageRoot className="contact-card-page">
      <EmergencyBar />
      <View className="page">
        <PageState status={card.status} error={card.error} onRetry={card.reload}>
          {card.data && (
            <View>
              <Text className="contact-card-page__motto">扫码问片警 · 紧急情况请拨打 110</Text>
              <BeatCard card={card.data} officerNote={`负责${card.data.community.name}`} changeable={false} />
              <View aria-live="polite">
                {registered?.homeCommunity && (
                  <View className="contact-card-page__done">
                    <Text>已登记：您住在{registered.homeCommunity.name}。以后问片警，会直接交给这里的社区民警。</Text>
                  </View>
                )}
                {!registered && card.data.isMyCommunity && (
                  <View className="contact-card-page__done">
                    <Text>这是您登记的社区。</Text>
                  </View>
                )}
              </View>
              {!registered && card.data.canRegister && (
                <View
                  className="contact-card-page__register"
                  hoverClass="contact-card-page__register--pressed"
                  {...roleProps('button')}
                  aria-disabled={bind.pending}
                  onClick={async () => {
                    if (bind.pending || !card.data) return;
                    const me = await bind.submit({ communityId: card.data.community.id, via: 'card' });
                    if (me) setRegistered(me);
                  }}
                >
                  <Text>{bind.pending ? '正在登记…' : `我住在${card.data.community.name}，登记`}</Text>
                </View>
              )}
              <View aria-live="polite">
                <FormError error={bind.error} />
              </View>
              <View className="contact-card-page__ask" hoverClass="contact-card-page__ask--pressed" {...roleProps('button')} onClick={() => void Taro.switchTab({ url: ROUTES.consult })}>
                <Text>问片警</Text>
              </View>
            </View>
          )}
        </PageState>
      </View>
    </PageRoot>
  );
}
