import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { accountActions } from '@domain/actions/account';
import { consultActions, type InboxView, type ThreadSummaryView } from '@domain/actions/consult';
import { CONSULT_TEMPLATES, CONSULT_WATCH_COLLECTION } from '@domain/consult';
import { CONSULT_CATEGORY_LABELS, PRIORITY_LABELS } from '@domain/routing';
import { roleProps } from '@/components/a11y';
import { BankCheckList } from '@/components/bank-check-list';
import { CountBadge } from '@/components/count-badge';
import { NoticeCard } from '@/components/notice-card';
import { PageRoot } from '@/components/page-root';
import { PageState } from '@/components/page-state';
import { useAction } from '@/hooks/use-action';
import { useLiveChanges } from '@/hooks/use-live-changes';
import { useRefreshWhileShown } from '@/hooks/use-refresh-while-shown';
import { requestSubscription } from '@/platform/subscribe';
import { officerThreadPath, ROUTES } from '@/routes';
import './index.scss';

const VIEWS: { key: InboxView; label: string }[] = [
  { key: 'mine', label: '我的' },
  { key: 'station', label: '本所' },
  { key: 'unassigned', label: '待认领' },
];

/** The row's colour (green, amber, red) always comes with these words. */
const WAIT_LABELS = { ok: '在时限内', soon: '快到时限', overdue: '已超时' } as const;

/** "等了 2 小时 5 分" — how long the resident has been waiting. */
function waited(minutes: number): string {
  if (minutes < 1) return '刚刚提问';
  if (minutes < 60) return `等了 ${minutes} 分钟`;
  const hours = Math.floor(minutes / 60);
  return hours < 48 ? `等了 ${hours} 小时 ${minutes % 60} 分` : `等了 ${Math.floor(hours / 24)} 天`;
}

function summaryOf(viewLabel: string, threads: ThreadSummaryView[]): string {
  const waiting = threads.filter((thread) => thread.awaiting === 'officer').length;
  const overdue = threads.filter((thread) => thread.awaiting === 'officer' && thread.waitLevel === 'overdue').length;
  return `${viewLabel}：${threads.length} 个提问，${waiting} 个等回复${overdue ? `，${overdue} 个已超时` : ''}`;
}

function ThreadRow({ thread }: { thread: ThreadSummaryView }) {
  const waiting = thread.awaiting === 'officer';
  const priority = thread.priority !== 'normal' ? `【${PRIORITY_LABELS[thread.priority]}】` : '';
  const category = thread.kind === 'bankCheck' ? '银行网点求助' : thread.kind === 'fraudCheck' ? '转账前核实' : CONSULT_CATEGORY_LABELS[thread.category];
  const wait = waiting ? `${waited(thread.waitedMinutes)} · ${WAIT_LABELS[thread.waitLevel]}` : '已回复，等居民回复';
  return (
    <View
      className={`inbox-row inbox-row--${waiting ? thread.waitLevel : 'answered'} ${thread.priority === 'urgent' ? 'inbox-row--urgent' : ''}`}
      hoverClass="inbox-row--pressed"
      {...roleProps('button')}
      onClick={() => void Taro.navigateTo({ url: officerThreadPath(thread.id) })}
    >
      <View className="inbox-row__head">
        <Text className="inbox-row__category">
          {priority}
          {category}
        </Text>
        <CountBadge count={thread.unread} />
      </View>
      <Text className="inbox-row__title">{thread.lastMessage.text}</Text>
      <Text className="inbox-row__meta">
        {thread.residentLabel}
        {thread.communityName ? ` · ${thread.communityName}` : ''} · {thread.assigneeLabel}
      </Text>
      <Text className="inbox-row__wait">{wait}</Text>
    </View>
  );
}

/** How often the inbox asks again while it is open (counts of every view come with each answer). */
const STATION_REFRESH_MS = 60_000;

function Inbox({ stationId }: { stationId: string }) {
  const [view, setView] = useState<InboxView>('mine');
  const inbox = useAction(consultActions.officerInbox, { stationId, view }, { pullDownRefresh: true, isEmpty: (data) => data.threads.length === 0 });
  // A bank clerk has a customer at the counter: their checks sit above every view, whoever holds them.
  const bankChecks = useAction(consultActions.openBankChecks, { stationId });
  // New questions and replies arrive as change signals on this officer's threads; 本所 and 待认领
  // also hold colleagues' threads, which send this officer no signal: those are polled.
  useLiveChanges(CONSULT_WATCH_COLLECTION, { openid: '{openid}' }, () => {
    void inbox.reload({ quiet: true });
    void bankChecks.reload({ quiet: true });
  });
  useRefreshWhileShown(() => {
    void inbox.reload({ quiet: true });
    void bankChecks.reload({ quiet: true });
  }, STATION_REFRESH_MS);

  return (
    <View>
      {bankChecks.data && bankChecks.data.length > 0 && (
        <View className="inbox-bank" role="region" aria-label="银行网点求助">
          <Text className="inbox-bank__title">银行网点求助 {bankChecks.data.length} 件（客户正在柜台）</Text>
          <BankCheckList checks={bankChecks.data} onOpen={(check) => void Taro.navigateTo({ url: officerThreadPath(check.threadId) })} />
        </View>
      )}
      <View className="inbox-tabs" role="tablist" aria-label="提问范围">
        {VIEWS.map((item) => (
          <View
            key={item.key}
            className={`inbox-tabs__tab ${view === item.key ? 'inbox-tabs__tab--active' : ''}`}
            {...roleProps('tab')}
            aria-selected={view === item.key}
            onClick={() => setView(item.key)}
          >
            <Text>
              {item.label}
              {inbox.data ? ` ${inbox.data.counts[item.key]}${inbox.data.countsCapped && item.key !== 'mine' ? '+' : ''}` : ''}
            </Text>
          </View>
        ))}
      </View>
      {/* New questions arrive live; this line (not the whole list) is what gets read out. */}
      <View className="inbox-summary" aria-live="polite">
        {inbox.data && <Text>{summaryOf(VIEWS.find((item) => item.key === view)?.label ?? '', inbox.data.threads)}</Text>}
      </View>
      <PageState
        status={inbox.status}
        error={inbox.error}
        onRetry={inbox.reload}
        emptyTitle={view === 'mine' ? '没有等您回复的提问' : '没有进行中的提问'}
        emptyDescription="新的提问会马上出现在这里"
      >
        {inbox.data?.threads.map((thread) => <ThreadRow key={thread.id} thread={thread} />)}
      </PageState>
      <View
        className="inbox-footer"
        {...roleProps('button')}
        onClick={() => {
          void requestSubscription([CONSULT_TEMPLATES.newQuestion]).catch(() => undefined);
        }}
      >
        <Text>接收新提问的微信提醒</Text>
      </View>
      <View className="inbox-footer" {...roleProps('button')} aria-label="编辑本所快捷回复" onClick={() => void Taro.navigateTo({ url: ROUTES.quickReplies })}>
        <Text>编辑本所快捷回复 ›</Text>
      </View>
    </View>
  );
}

export default function ConsultInboxPage() {
  const me = useAction(accountActions.me, {}, { isEmpty: () => false });
  const stationId = me.data?.station?.id;
  return (
    <PageRoot className="inbox-page">
      <PageState status={me.status} error={me.error} onRetry={me.reload} loadingRows={4}>
        {stationId ? (
          <Inbox stationId={stationId} />
        ) : (
          <NoticeCard title="居民提问仅供派出所民警处理" tone="warning">
            <Text>请在“我的”页面用所里给的邀请码登记为民警。</Text>
          </NoticeCard>
        )}
      </PageState>
    </PageRoot>
  );
}
