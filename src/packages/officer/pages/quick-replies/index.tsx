import { useEffect, useState } from 'react';
import { Text, Textarea, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { actions } from '@domain/actions';
import { QUICK_REPLY_MAX } from '@domain/actions/consult';
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

export default function QuickRepliesPage() {
  const me = useAction(actions.account.me, {}, { isEmpty: () => false });
  const stationId = me.data?.station?.id;
  return (
    <View className="page quick-replies-page">
      <PageState status={me.status} error={me.error} onRetry={me.reload}>
        {stationId ? <Editor stationId={stationId} /> : <Text>仅供派出所民警使用</Text>}
      </PageState>
    </View>
  );
}
