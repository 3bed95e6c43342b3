import { useEffect, useRef } from 'react';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { actionRefs } from '@domain/actions/ref';
import type { consultActions, ThreadSummaryView } from '@domain/actions/consult';
import { CONSULT_WATCH_COLLECTION } from '@domain/consult';
import { CONSULT_CATEGORY_LABELS } from '@domain/routing';
import { roleProps } from '@/components/a11y';
import { CountBadge } from '@/components/count-badge';
import { useAction } from '@/hooks/use-action';
import { useLiveChanges } from '@/hooks/use-live-changes';
import { consultThreadPath } from '@/routes';
import { formatDateTime } from '@/utils/format-date';

const consultAction = actionRefs<typeof consultActions>('consult');

function statusOf(thread: ThreadSummaryView): { label: string; tone: 'waiting' | 'answered' | 'closed' } {
  if (thread.status === 'closed') return { label: '已结束', tone: 'closed' };
  return thread.awaiting === 'resident' ? { label: '民警已回复', tone: 'answered' } : { label: '等待回复', tone: 'waiting' };
}

function ThreadRow({ thread }: { thread: ThreadSummaryView }) {
  const status = statusOf(thread);
  const from = thread.lastMessage.from === 'officer' ? `${thread.assigneeLabel}：` : thread.lastMessage.from === 'system' ? '' : '我：';
  const category = thread.kind === 'fraudCheck' ? '转账前核实' : CONSULT_CATEGORY_LABELS[thread.category];
  return (
    <View
      className="my-thread"
      hoverClass="my-thread--pressed"
      {...roleProps('button')}
      onClick={() => void Taro.navigateTo({ url: consultThreadPath(thread.id) })}
    >
      <View className="my-thread__head">
        <Text className={`my-thread__status my-thread__status--${status.tone}`}>{status.label}</Text>
        <Text className="my-thread__category">{category}</Text>
        <CountBadge count={thread.unread} />
      </View>
      <Text className="my-thread__last">
        {from}
        {thread.lastMessage.text}
      </Text>
      <Text className="my-thread__time">
        {thread.assigneeLabel} · {formatDateTime(thread.lastMessage.at)}
      </Text>
    </View>
  );
}

/** 我的提问: status, last message and unread count, refreshed live when any of them changes. */
export function MyThreads({ refreshKey }: { refreshKey: number }) {
  const threads = useAction(consultAction('listMyThreads'), {}, { pullDownRefresh: true });
  useLiveChanges(CONSULT_WATCH_COLLECTION, { openid: '{openid}' }, () => void threads.reload({ quiet: true }));
  // A question just sent: show it in the list at once.
  const { reload } = threads;
  useRefresh(refreshKey, reload);
  if (!threads.data || threads.data.length === 0) return null;
  return (
    <View className="my-threads">
      <Text className="section-title">我的提问</Text>
      {threads.data.map((thread) => (
        <ThreadRow key={thread.id} thread={thread} />
      ))}
    </View>
  );
}

function useRefresh(key: number, reload: () => Promise<void>) {
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    void reload();
  }, [key, reload]);
}
