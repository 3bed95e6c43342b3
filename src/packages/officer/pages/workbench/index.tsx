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
import { MyOfficerProfile, StationStatus } from './station-status';
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

/** Officers live in their own neighbourhood too: the resident side of the app is one tap away. */
function ResidentView() {
  return <EntryRow title="切换到居民视图" description="看反诈信息、预约办证、问片警，和居民看到的一样" onClick={() => void Taro.switchTab({ url: ROUTES.feed })} />;
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
        <NoticeCard title="分局工作台">
          <Text>您的账号属于分局：可以新建派出所并邀请它的管理员，发布全区的反诈信息。</Text>
        </NoticeCard>
        {me.role === 'districtAdmin' && <EntryRow title="新建派出所" description="建立派出所，生成它的管理员邀请码" onClick={() => void Taro.navigateTo({ url: ROUTES.newStation })} />}
        {me.role === 'districtAdmin' && <EntryRow title="各所成效对比" description="本区各派出所的回复、预约、反诈、调解数字并排比较" onClick={() => void Taro.navigateTo({ url: ROUTES.stationDashboard })} />}
        <EntryRow title="反诈信息发布" description="发布全区、全市的预警和防骗知识" onClick={() => void Taro.navigateTo({ url: ROUTES.officerArticles })} />
        {me.role === 'districtAdmin' && <EntryRow title="审计记录" description="辖下各派出所的审计记录：谁看了谁的个人信息、谁改了什么；可筛选、导出" onClick={() => void Taro.navigateTo({ url: ROUTES.auditLog })} />}
        <ResidentView />
      </View>
    );
  }
  return (
    <View>
      <StationHeader me={me} station={me.station} />
      <ConsultEntry stationId={me.station.id} />
      <EntryRow title="圆桌调解" description="调解案件、召集圆桌会、协议与回访、化解率" onClick={() => void Taro.navigateTo({ url: ROUTES.officerMediationCases })} />
      {isHallDesk(me) && (
        <EntryRow title="大厅预约名单" description="今天谁来办证、需要什么帮助；扫码或输入签到码签到" onClick={() => void Taro.navigateTo({ url: ROUTES.hallRoster })} />
      )}
      <AlertList stationId={me.station.id} />
      <StationStatus stationId={me.station.id} showGaps={me.role === 'stationAdmin'} />
      {me.role === 'stationAdmin' ? (
        <View>
          <EntryRow title="民警管理" description="安排警务区和负责的社区；停用、调走时交接工作" onClick={() => void Taro.navigateTo({ url: ROUTES.stationOfficers })} />
          <EntryRow title="值班表" description="按周排班（值班、社区、大厅），请假、换班、复制到下一周" onClick={() => void Taro.navigateTo({ url: ROUTES.dutyRoster })} />
          <EntryRow title="社区与警务区" description="社区名称、别名、边界（GeoJSON 导入）" onClick={() => void Taro.navigateTo({ url: ROUTES.stationCommunities })} />
          <EntryRow title="大厅设置" description="办理的业务、名额、办公时间、节假日" onClick={() => void Taro.navigateTo({ url: ROUTES.hallSettings })} />
          <EntryRow title="转交规则" description="哪类提问交给谁、优先级、回复时限" onClick={() => void Taro.navigateTo({ url: ROUTES.routingRules })} />
          <EntryRow title="成效看板" description="回复快不快、纠纷化解了没有、大厅用得怎样，本期和上期比" onClick={() => void Taro.navigateTo({ url: ROUTES.stationDashboard })} />
          <EntryRow title="审计记录" description="谁看了谁的个人信息、谁改了人员排班和大厅设置、谁给谁签到；可筛选、导出" onClick={() => void Taro.navigateTo({ url: ROUTES.auditLog })} />
        </View>
      ) : (
        <EntryRow title="值班表" description="本周谁在岗" onClick={() => void Taro.navigateTo({ url: ROUTES.dutyRoster })} />
      )}
      <EntryRow title="反诈信息发布" description="发预警、案例和知识；看阅读、转发和各社区“我已知晓”" onClick={() => void Taro.navigateTo({ url: ROUTES.officerArticles })} />
      {(me.role === 'stationAdmin' || me.officerKinds.includes('antiFraud')) && (
        <EntryRow title="警银联动" description="合作银行网点的求助、网点和邀请码、守住的金额" onClick={() => void Taro.navigateTo({ url: ROUTES.bankPartners })} />
      )}
      {(me.role === 'stationAdmin' || me.officerKinds.includes('beat')) && (
        <EntryRow title="警民联系卡" description="各社区的小程序码和海报，扫码人数" onClick={() => void Taro.navigateTo({ url: ROUTES.contactCards })} />
      )}
      <StaffList stationId={me.station.id} me={me} />
      {me.role === 'stationAdmin' && <InviteManager stationId={me.station.id} />}
      <MyOfficerProfile />
      <ResidentView />
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
