import { useEffect, useState } from 'react';
import { Input, Text, Textarea, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { actions } from '@domain/actions';
import { QUICK_REPLY_MAX } from '@domain/actions/consult';
import { PRIORITY_LABELS, type Priority } from '@domain/routing';
import { FormError } from '@/components/form-error';
import { PageState } from '@/components/page-state';
import { useAction } from '@/hooks/use-action';
import { useSubmit } from '@/hooks/use-submit';
import './index.scss';

function Editor({ stationId }: { stationId: string }) {
  const current = useAction(actions.consult.getQuickReplies, { stationId }, { isEmpty: () => false });
  const save = useSubmit(actions.consult.saveQuickReplies);
  const [replies, setReplies] = useState<string[]>([]);
  useEffect(() => {
    if (current.data) setReplies(current.data.replies);
  }, [current.data]);

  const update = (index: number, value: string) => setReplies((list) => list.map((item, i) => (i === index ? value : item)));

  return (
    <PageState status={current.status} error={current.error} onRetry={current.reload}>
      <Text className="page-intro">本所民警共用这些回复，在回复居民时点一下就能填入。</Text>
      {replies.map((reply, index) => (
        <View key={index} className="quick-reply">
          <Textarea className="quick-reply__input" value={reply} maxlength={QUICK_REPLY_MAX} autoHeight onInput={(event) => update(index, event.detail.value)} />
          <Text className="quick-reply__remove" onClick={() => setReplies((list) => list.filter((_, i) => i !== index))}>
            删除
          </Text>
        </View>
      ))}
      <View className="quick-reply__add" onClick={() => setReplies((list) => [...list, ''])}>
        <Text>+ 添加一条</Text>
      </View>
      <FormError error={save.error} />
      <View
        className="quick-reply__save"
        onClick={async () => {
          const saved = await save.submit({ stationId, replies: replies.map((item) => item.trim()).filter(Boolean) });
          if (saved) {
            current.setData(saved);
            void Taro.showToast({ title: '已保存', icon: 'success' });
          }
        }}
      >
        <Text>{save.pending ? '正在保存…' : '保存'}</Text>
      </View>
    </PageState>
  );
}

const PRIORITY_ORDER: Priority[] = ['urgent', 'high', 'normal'];

/** Station admins: how long the assigned officer has before the timer hands a question to the duty officer. */
function TargetsEditor({ stationId }: { stationId: string }) {
  const current = useAction(actions.consult.getResponseTargets, { stationId }, { isEmpty: () => false });
  const save = useSubmit(actions.consult.setResponseTargets);
  const [minutes, setMinutes] = useState<Record<Priority, string>>({ urgent: '', high: '', normal: '' });
  useEffect(() => {
    if (current.data) setMinutes({ urgent: String(current.data.minutes.urgent), high: String(current.data.minutes.high), normal: String(current.data.minutes.normal) });
  }, [current.data]);
  return (
    <PageState status={current.status} error={current.error} onRetry={current.reload} loadingRows={2}>
      <Text className="section-title">回复时限（分钟）</Text>
      <Text className="page-intro">超过时限还没回复的提问，会自动转给值班民警，并在对话里告诉居民。</Text>
      {PRIORITY_ORDER.map((priority) => (
        <View key={priority} className="quick-reply">
          <Text className="quick-reply__label">{PRIORITY_LABELS[priority]}</Text>
          <Input className="quick-reply__minutes" type="number" value={minutes[priority]} onInput={(event) => setMinutes((all) => ({ ...all, [priority]: event.detail.value }))} />
        </View>
      ))}
      <FormError error={save.error} />
      <View
        className="quick-reply__save"
        onClick={async () => {
          const saved = await save.submit({ stationId, minutes: { urgent: Number(minutes.urgent), high: Number(minutes.high), normal: Number(minutes.normal) } });
          if (saved) {
            current.setData(saved);
            void Taro.showToast({ title: '已保存', icon: 'success' });
          }
        }}
      >
        <Text>{save.pending ? '正在保存…' : '保存时限'}</Text>
      </View>
    </PageState>
  );
}

export default function QuickRepliesPage() {
  const me = useAction(actions.account.me, {}, { isEmpty: () => false });
  const stationId = me.data?.station?.id;
  return (
    <View className="page quick-replies-page">
      <PageState status={me.status} error={me.error} onRetry={me.reload}>
        {stationId ? <Editor stationId={stationId} /> : <Text>仅供派出所民警使用</Text>}
        {stationId && me.data?.role === 'stationAdmin' && <TargetsEditor stationId={stationId} />}
      </PageState>
    </View>
  );
}
