import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { consultActions, type ThreadView } from '@domain/actions/consult';
import { CONSULT_TEMPLATES, THREAD_OUTCOME_LABELS } from '@domain/consult';
import { CONSULT_CATEGORY_LABELS } from '@domain/routing';
import { roleProps } from '@/components/a11y';
import { Composer, MessageList, useConsultThread } from '@/components/consult-thread';
import { EmergencyBar } from '@/components/emergency-bar';
import { FormError } from '@/components/form-error';
import { PageRoot } from '@/components/page-root';
import { PageState } from '@/components/page-state';
import { useSubmit } from '@/hooks/use-submit';
import { requestSubscription } from '@/platform/subscribe';
import { formatDateTime } from '@/utils/format-date';
import { RatingPanel } from './rating-panel';
import './index.scss';

function StatusCard({ thread }: { thread: ThreadView }) {
  return (
    <View className="consult-status" aria-live="polite">
      <Text className="consult-status__line">{CONSULT_CATEGORY_LABELS[thread.category]}{thread.stationName ? ` · ${thread.stationName}` : ''}</Text>
      <Text className="consult-status__who">由 {thread.assigneeLabel} 回复</Text>
      <Text className="consult-status__line">{thread.reason}</Text>
      {thread.status === 'open' && thread.expectation && <Text className="consult-status__expect">{thread.expectation}</Text>}
      {thread.status === 'open' && thread.awaiting === 'resident' && <Text className="consult-status__expect">民警已回复，您可以继续问</Text>}
      {thread.status === 'closed' && (
        <Text className="consult-status__closed">
          已结束{thread.outcome ? ` · ${THREAD_OUTCOME_LABELS[thread.outcome]}` : ''}
          {thread.rating ? ` · 您的评价 ${thread.rating.stars} 星 ${'★'.repeat(thread.rating.stars)}` : ''}
        </Text>
      )}
    </View>
  );
}

export function Thread({ threadId }: { threadId: string }) {
  const { thread, messages, hasOlder, loadingOlder, loadOlder, pending, send, retry, discard } = useConsultThread(threadId);
  const [rating, setRating] = useState(false);
  const close = useSubmit(consultActions.closeAndRate);
  const reopen = useSubmit(consultActions.reopenThread);
  const data = thread.data;

  return (
    <PageState status={thread.status} error={thread.error} onRetry={thread.reload} loadingRows={5}>
      {data && (
        <View>
          <StatusCard thread={data} />
          <MessageList messages={messages} hasOlder={hasOlder} loadingOlder={loadingOlder} onLoadOlder={() => void loadOlder()} pending={pending} onRetry={retry} onDiscard={discard} />
          {data.status === 'open' && !rating && (
            <View>
              <Composer onSend={send} placeholder="继续问民警，或补充情况…" />
              <View className="thread-page__remind" {...roleProps('button')} onClick={() => void requestSubscription([CONSULT_TEMPLATES.reply]).catch(() => undefined)}>
                <Text>民警回复时，用微信提醒我</Text>
              </View>
              <View className="thread-page__close" hoverClass="thread-page__close--pressed" {...roleProps('button')} onClick={() => setRating(true)}>
                <Text>问题解决了，结束并评价</Text>
              </View>
            </View>
          )}
          {data.status === 'open' && rating && (
            <RatingPanel
              pending={close.pending}
              error={close.error}
              onCancel={() => setRating(false)}
              onSubmit={async (stars, comment) => {
                const closed = await close.submit({ threadId, stars, ...(comment ? { comment } : {}) });
                if (closed) {
                  thread.setData(closed);
                  setRating(false);
                }
              }}
            />
          )}
          {data.status === 'closed' && !data.rating && (
            <RatingPanel
              pending={close.pending}
              error={close.error}
              onSubmit={async (stars, comment) => {
                const rated = await close.submit({ threadId, stars, ...(comment ? { comment } : {}) });
                if (rated) thread.setData(rated);
              }}
            />
          )}
          {data.status === 'closed' && data.reopenUntil && (
            <View className="thread-page__reopen" hoverClass="thread-page__reopen--pressed" {...roleProps('button')} aria-disabled={reopen.pending} onClick={async () => {
              if (reopen.pending) return;
              const reopened = await reopen.submit({ threadId });
              if (reopened) thread.setData(reopened);
            }}>
              <Text>{reopen.pending ? '正在打开…' : `问题还没解决？重新打开（${formatDateTime(data.reopenUntil)} 前可以）`}</Text>
            </View>
          )}
          {data.status === 'closed' && <FormError error={reopen.error} />}
        </View>
      )}
    </PageState>
  );
}

export default function ConsultThreadPage() {
  const { params } = useRouter();
  const threadId = params.id ?? '';
  return (
    <PageRoot className="thread-page">
      <EmergencyBar />
      <View className="page">{threadId ? <Thread threadId={threadId} /> : <Text>没有找到这个提问</Text>}</View>
    </PageRoot>
  );
}
