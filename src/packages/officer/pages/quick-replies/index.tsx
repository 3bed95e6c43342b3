import { useEffect, useState } from 'react';
import { Input, Text, View } from '@tarojs/components';
import { Textarea } from '@/platform/form-components';
import { accountActions } from '@domain/actions/account';
import { consultActions } from '@domain/actions/consult';
import { QUICK_REPLY_MAX } from '@domain/actions/consult';
import { PRIORITY_LABELS, type Priority } from '@domain/routing';
import { roleProps } from '@/components/a11y';
import { FieldError, inputFieldProps } from '@/components/field-error';
import { FormError, fieldMessage } from '@/components/form-error';
import { PageRoot } from '@/components/page-root';
import { PageState } from '@/components/page-state';
import { useAction } from '@/hooks/use-action';
import { useSubmit } from '@/hooks/use-submit';
import './index.scss';

function Editor({ stationId }: { stationId: string }) {
  const current = useAction(consultActions.getQuickReplies, { stationId }, { isEmpty: () => false });
  const save = useSubmit(consultActions.saveQuickReplies);
  const [replies, setReplies] = useState<string[]>([]);
  const [saved, setSaved] = useState(false);
  useEffect(() => {
    if (current.data) setReplies(current.data.replies);
  }, [current.data]);

  const edit = (change: (list: string[]) => string[]) => {
    setReplies(change);
    setSaved(false);
  };
  const update = (index: number, value: string) => edit((list) => list.map((item, i) => (i === index ? value : item)));
  // Blank replies are not sent: the answer's replies.N counts only the written ones.
  const replyProblem = (index: number) => (replies[index]?.trim() ? fieldMessage(save.error, `replies.${replies.slice(0, index).filter((item) => item.trim()).length}`) : undefined);

  return (
    <PageState status={current.status} error={current.error} onRetry={current.reload}>
      <Text className="page-intro">本所民警共用这些回复，在回复居民时点一下就能填入。</Text>
      {replies.map((reply, index) => (
        <View key={index} className="quick-reply">
          <Textarea
            className="quick-reply__input"
            value={reply}
            maxlength={QUICK_REPLY_MAX}
            autoHeight
            placeholder="写一条常用回复"
            {...inputFieldProps(`quick-reply-${index}`, `快捷回复第 ${index + 1} 条`, replyProblem(index))}
            onInput={(event) => update(index, event.detail.value)}
          />
          <FieldError fieldId={`quick-reply-${index}`} message={replyProblem(index)} />
          <View className="quick-reply__remove" {...roleProps('button')} aria-label={`删除第 ${index + 1} 条快捷回复`} onClick={() => edit((list) => list.filter((_, i) => i !== index))}>
            <Text>删除</Text>
          </View>
        </View>
      ))}
      <View className="quick-reply__add" {...roleProps('button')} aria-label="添加一条快捷回复" onClick={() => edit((list) => [...list, ''])}>
        <Text>+ 添加一条</Text>
      </View>
      <View aria-live="polite">
        <FormError error={save.error} shownAtFields={replies.map((_, index) => `replies.${index}`)} />
        {saved && <Text className="quick-reply__saved">✓ 已保存，本所民警回复时就能用</Text>}
      </View>
      <View
        className="quick-reply__save"
        {...roleProps('button')}
        aria-disabled={save.pending}
        aria-label="保存快捷回复"
        onClick={async () => {
          if (save.pending) return;
          const answer = await save.submit({ stationId, replies: replies.map((item) => item.trim()).filter(Boolean) });
          if (answer) {
            current.setData(answer);
            setSaved(true);
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
  const current = useAction(consultActions.getResponseTargets, { stationId }, { isEmpty: () => false });
  const save = useSubmit(consultActions.setResponseTargets);
  const [minutes, setMinutes] = useState<Record<Priority, string>>({ urgent: '', high: '', normal: '' });
  const [saved, setSaved] = useState(false);
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
          <Input
            className="quick-reply__minutes"
            type="number"
            value={minutes[priority]}
            {...inputFieldProps(`response-minutes-${priority}`, `${PRIORITY_LABELS[priority]}的回复时限，单位分钟`, fieldMessage(save.error, `minutes.${priority}`))}
            onInput={(event) => {
              setMinutes((all) => ({ ...all, [priority]: event.detail.value }));
              setSaved(false);
            }}
          />
          <FieldError fieldId={`response-minutes-${priority}`} message={fieldMessage(save.error, `minutes.${priority}`)} />
        </View>
      ))}
      <View aria-live="polite">
        <FormError error={save.error} shownAtFields={PRIORITY_ORDER.map((priority) => `minutes.${priority}`)} />
        {saved && <Text className="quick-reply__saved">✓ 回复时限已保存</Text>}
      </View>
      <View
        className="quick-reply__save"
        {...roleProps('button')}
        aria-disabled={save.pending}
        onClick={async () => {
          if (save.pending) return;
          const answer = await save.submit({ stationId, minutes: { urgent: Number(minutes.urgent), high: Number(minutes.high), normal: Number(minutes.normal) } });
          if (answer) {
            current.setData(answer);
            setSaved(true);
          }
        }}
      >
        <Text>{save.pending ? '正在保存…' : '保存时限'}</Text>
      </View>
    </PageState>
  );
}

export default function QuickRepliesPage() {
  const me = useAction(accountActions.me, {}, { isEmpty: () => false });
  const stationId = me.data?.station?.id;
  return (
    <PageRoot className="quick-replies-page">
      <PageState status={me.status} error={me.error} onRetry={me.reload}>
        {stationId ? <Editor stationId={stationId} /> : <Text>仅供派出所民警使用</Text>}
        {stationId && me.data?.role === 'stationAdmin' && <TargetsEditor stationId={stationId} />}
      </PageState>
    </PageRoot>
  );
}
