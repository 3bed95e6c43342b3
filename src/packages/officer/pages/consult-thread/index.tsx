import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { accountActions } from '@domain/actions/account';
import { consultActions, type ThreadView } from '@domain/actions/consult';
import { THREAD_OUTCOME_LABELS } from '@domain/consult';
import { CONSULT_CATEGORY_LABELS, PRIORITY_LABELS } from '@domain/routing';
import { roleProps } from '@/components/a11y';
import { Composer, MessageList, useConsultThread } from '@/components/consult-thread';
import { PageRoot } from '@/components/page-root';
import { PageState } from '@/components/page-state';
import { useAction } from '@/hooks/use-action';
import { officerMediationOpenPath, officerThreadPath } from '@/routes';
import { formatDate } from '@/utils/format-date';
import { BankCheckClosePanel, ClosePanel, TransferPanel } from './hand-over';
import './index.scss';

function ResidentCard({ thread }: { thread: ThreadView }) {
  const context = thread.residentContext;
  return (
    <View className="resident-card">
      <Text className="resident-card__name">
        {thread.residentLabel}
        {context?.communityName ? ` · ${context.communityName}` : ''}
      </Text>
      <Text className="resident-card__line">
        {thread.priority !== 'normal' ? `【${PRIORITY_LABELS[thread.priority]}】` : ''}
        {thread.kind === 'fraudCheck' ? '转账前核实' : CONSULT_CATEGORY_LABELS[thread.category]} · 现由 {thread.assigneeLabel} 处理
      </Text>
      <Text className="resident-card__line">{thread.reason}</Text>
      {context && context.earlierThreads.length > 0 && (
        <View className="resident-card__section">
          <Text className="resident-card__label">以前的提问</Text>
          {context.earlierThreads.map((earlier) => (
            <View key={earlier.id} className="resident-card__link" {...roleProps('link')} onClick={() => void Taro.navigateTo({ url: officerThreadPath(earlier.id) })}>
              <Text>
                {formatDate(earlier.createdAt)} {earlier.title}（{earlier.status === 'open' ? '进行中' : '已结束'}）›
              </Text>
            </View>
          ))}
        </View>
      )}
      {context && context.bookings.length > 0 && (
        <View className="resident-card__section">
          <Text className="resident-card__label">办证预约</Text>
          {context.bookings.map((booking) => (
            <Text key={booking.id} className="resident-card__item">
              {booking.day} {booking.service}（{booking.statusLabel}）
            </Text>
          ))}
        </View>
      )}
    </View>
  );
}

type Panel = 'none' | 'transfer' | 'close';

function OfficerThread({ threadId }: { threadId: string }) {
  const { thread, messages, hasOlder, loadingOlder, loadOlder, pending, send, retry, discard } = useConsultThread(threadId);
  const me = useAction(accountActions.me, {}, { isEmpty: () => false });
  const stationId = me.data?.station?.id;
  const replies = useAction(consultActions.getQuickReplies, { stationId: stationId ?? '' }, { enabled: Boolean(stationId), isEmpty: () => false });
  const [panel, setPanel] = useState<Panel>('none');
  /** What the last hand-over did, kept on the page (not a toast that vanishes). */
  const [handedOver, setHandedOver] = useState<{ to: string; stillVisible: boolean }>();
  const data = thread.data;

  return (
    <PageState status={thread.status} error={thread.error} onRetry={thread.reload} loadingRows={5}>
      {data && (
        <View>
          <ResidentCard thread={data} />
          <MessageList messages={messages} threadId={threadId} hasOlder={hasOlder} loadingOlder={loadingOlder} onLoadOlder={() => void loadOlder()} pending={pending} onRetry={retry} onDiscard={discard} />
          {data.status === 'closed' ? (
            <Text className="officer-thread__closed">
              已办结{data.outcome ? `：${THREAD_OUTCOME_LABELS[data.outcome]}` : ''}
              {data.rating ? ` · 居民评价 ${data.rating.stars} 星 ${'★'.repeat(data.rating.stars)}${data.rating.comment ? `「${data.rating.comment}」` : ''}` : ''}
            </Text>
          ) : (
            <View>
              <Composer onSend={send} placeholder="回复居民…" quickReplies={replies.data?.replies} />
              <View className="officer-thread__actions">
                <View
                  className={`officer-thread__action ${panel === 'transfer' ? 'officer-thread__action--active' : ''}`}
                  {...roleProps('button')}
                  aria-expanded={panel === 'transfer'}
                  onClick={() => setPanel(panel === 'transfer' ? 'none' : 'transfer')}
                >
                  <Text>{panel === 'transfer' ? '转交 ▴' : '转交'}</Text>
                </View>
                <View className="officer-thread__action" {...roleProps('button')} onClick={() => void Taro.navigateTo({ url: officerMediationOpenPath(data.id) })}>
                  <Text>转为调解</Text>
                </View>
                <View
                  className={`officer-thread__action ${panel === 'close' ? 'officer-thread__action--active' : ''}`}
                  {...roleProps('button')}
                  aria-expanded={panel === 'close'}
                  onClick={() => setPanel(panel === 'close' ? 'none' : 'close')}
                >
                  <Text>{panel === 'close' ? '办结 ▴' : '办结'}</Text>
                </View>
              </View>
              {panel === 'transfer' && stationId && (
                <TransferPanel
                  thread={data}
                  stationId={stationId}
                  onDone={(to, stillVisible) => {
                    setPanel('none');
                    setHandedOver({ to, stillVisible });
                    if (stillVisible) void thread.reload();
                  }}
                />
              )}
              {panel === 'close' && data.kind === 'bankCheck' && (
                <BankCheckClosePanel
                  thread={data}
                  onClosed={() => {
                    setPanel('none');
                    void thread.reload();
                  }}
                />
              )}
              {panel === 'close' && data.kind !== 'bankCheck' && (
                <ClosePanel
                  thread={data}
                  onClosed={(closed) => {
                    setPanel('none');
                    thread.setData(closed);
                  }}
                />
              )}
            </View>
          )}
          <View className="officer-thread-notice" aria-live="polite">
            {handedOver && <Text>已转给 {handedOver.to}{handedOver.stillVisible ? '' : '，这个提问已不在您的列表里'}</Text>}
            {handedOver && !handedOver.stillVisible && (
              <View className="officer-thread-notice__back" {...roleProps('button')} onClick={() => void Taro.navigateBack()}>
                <Text>返回提问列表</Text>
              </View>
            )}
          </View>
        </View>
      )}
    </PageState>
  );
}

export default function OfficerConsultThreadPage() {
  const { params } = useRouter();
  const threadId = params.id ?? '';
  return <PageRoot className="officer-thread">{threadId ? <OfficerThread threadId={threadId} /> : <Text>没有找到这个提问</Text>}</PageRoot>;
}
