import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { accountActions, type MeView } from '@domain/actions/account';
import { OFFICER_KIND_LABELS, ROLE_LABELS, isStaffRole } from '@domain/roles';
import { EntryRow } from '@/components/entry-row';
import { roleProps } from '@/components/a11y';
import { NoticeCard } from '@/components/notice-card';
import { PageRoot } from '@/components/page-root';
import { PageState } from '@/components/page-state';
import { useAction } from '@/hooks/use-action';
import { ROUTES } from '@/routes';
import { isHallDesk } from '../hall-roster/is-hall-desk';
import { AlertList } from './alert-list';
import { ConsultEntry } from './consult-entry';
import { InviteManager } from './invite-manager';
import { StaffList } from './staff-list';
import './index.scss';

function StationHeader({ me, station }: { me: MeView; station: NonNullable<MeView['station']> }) {
  const kinds = me.officerKinds.map((kind) => OFFICER_KIND_LABELS[kind]).join('、');
  return (
    <View className="workbench-header">
      <Text className="workbench-header__station" {...roleProps('heading')} aria-level={1}>
        {station.name}
      </Text>
      {station.districtName && <Text className="workbench-header__district">{station.districtName}</Text>}
      <Text className="workbench-header__me">
        {me.nickname} · {ROLE_LABELS[me.role]}
        {kinds ? ` · ${kinds}` : ''}
      </Text>
    </View>
  );
}

function Workbench({ me }: { me: MeView }) {
  if (!isStaffRole(me.role)) {
    return (
      <NoticeCard title="工作台仅供民警使用" tone="warning">
        <Text>如果您是本所民警，请先在“我的”页面点“我是民警”，输入所里给的邀请码。</Text>
      </NoticeCard>
    );
  }
  if (!me.station) {
    return (
      <View>
        <NoticeCard title="分局管理员的工作台正在建设中">
          <Text>您的账号属于分局，不属于某一个派出所。按派出所管理民警和邀请码的功能即将开放。</Text>
        </NoticeCard>
        <EntryRow title="反诈信息发布" description="发布全区、全市的预警和防骗知识" onClick={() => void Taro.navigateTo({ url: ROUTES.officerArticles })} />
      </View>
    );
  }
  return (
    <View>
      <StationHeader me={me} station={me.station} />
      <ConsultEntry stationId={me.station.id} />
      {isHallDesk(me) && (
        <EntryRow title="大厅预约名单" description="今天谁来办证、需要什么帮助；扫码或输入签到码签到" onClick={() => void Taro.navigateTo({ url: ROUTES.hallRoster })} />
      )}
      <AlertList stationId={me.station.id} />
      <EntryRow title="反诈信息发布" description="发预警、案例和知识；看阅读、转发和各社区“我已知晓”" onClick={() => void Taro.navigateTo({ url: ROUTES.officerArticles })} />
      <StaffList stationId={me.station.id} me={me} />
      {me.role === 'stationAdmin' && <InviteManager stationId={me.station.id} />}
    </View>
  );
}

export default function WorkbenchPage() {
  const me = useAction(accountActions.me, {}, { pullDownRefresh: true, isEmpty: () => false });
  return (
    <PageRoot className="workbench-page">
      <PageState status={me.status} error={me.error} onRetry={me.reload} loadingRows={4}>
        {me.data && <Workbench me={me.data} />}
      </PageState>
    </PageRoot>
  );
}
