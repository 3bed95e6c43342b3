import { Text, Textarea, View } from '@tarojs/components';
import Button from '@nutui/nutui-react-taro/dist/es/packages/button';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import { actions, type MeView } from '@domain/actions';
import { isStaffRole } from '@domain/roles';
import { Chip } from '@/components/chip';
import { EmergencyBar } from '@/components/emergency-bar';
import { NoticeCard } from '@/components/notice-card';
import { PageState } from '@/components/page-state';
import { useAction } from '@/hooks/use-action';
import { CONSULT_CATEGORIES } from './categories';
import './index.scss';

function WhoAnswers({ me }: { me: MeView }) {
  if (isStaffRole(me.role)) {
    return (
      <NoticeCard title="您是民警">
        <Text>居民的提问会按社区分给负责的社区民警。处理提问的民警端正在建设中，建好后会出现在这里。</Text>
      </NoticeCard>
    );
  }
  if (me.homeCommunity) {
    return (
      <View className="consult-page__community">
        <Text className="muted">您登记的社区</Text>
        <Text className="consult-page__community-name">{me.homeCommunity.name}</Text>
        <Text className="muted">{me.homeCommunity.stationName} · 问题会交给负责这个社区的片儿警</Text>
      </View>
    );
  }
  return (
    <NoticeCard title="还没有登记您住在哪个社区">
      <Text>登记以后，您的问题会直接交给负责您社区的片儿警。登记社区的功能即将开放。</Text>
    </NoticeCard>
  );
}

export default function ConsultPage() {
  const me = useAction(actions.account.me, {}, { pullDownRefresh: true, isEmpty: () => false });

  return (
    <View className="consult-page">
      <EmergencyBar />
      <View className="page">
        <Text className="page-title">问问您的片儿警</Text>
        <Text className="page-intro">不用知道片儿警是谁：写下您的问题，我们按您住的社区交给负责的社区民警，由他本人回复。</Text>

        <PageState status={me.status} error={me.error} onRetry={me.reload} loadingRows={2}>
          {me.data && <WhoAnswers me={me.data} />}
        </PageState>

        <Text className="section-title">可以问什么</Text>
        <View className="consult-page__categories">
          {CONSULT_CATEGORIES.map((category) => (
            <Chip key={category} label={category} />
          ))}
        </View>

        <Text className="section-title">写下您的问题</Text>
        <View className="consult-page__composer">
          <Textarea className="consult-page__input" disabled placeholder="提问功能正在建设中，暂时还不能发送" maxlength={500} />
          <Button type="primary" block disabled>
            发送给片儿警
          </Button>
        </View>
        <NoticeCard title="提问功能正在建设中" tone="building">
          <Text>建好后可以选类别、写问题、拍照片，片儿警回复时这里会实时显示。现在有事请拨打派出所电话；紧急情况请直接拨打 110。</Text>
        </NoticeCard>
      </View>
    </View>
  );
}
