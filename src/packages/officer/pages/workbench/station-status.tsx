import { useState, useEffect } from 'react';
import { Text, View } from '@tarojs/components';
import { stationActions } from '@domain/actions/station';
import { SHIFT_KIND_LABELS } from '@domain/station/roster';
import { FormError } from '@/components/form-error';
import { useAction } from '@/hooks/use-action';
import { useSubmit } from '@/hooks/use-submit';
import { ActionButton, Done, Field, Section } from '../../components/admin-kit';

/** Who is on duty now, and (for admins) the gaps of the next 7 days, before they happen. */
export function StationStatus({ stationId, showGaps }: { stationId: string; showGaps: boolean }) {
  const overview = useAction(stationActions.stationOverview, { stationId }, { isEmpty: () => false, pullDownRefresh: true });
  if (!overview.data) return null;
  const gaps = showGaps ? overview.data.gaps : [];
  return (
    <Section title="今天谁在岗">
      <Text className="admin-row__text">
        {overview.data.onDutyNow.map((entry) => `${entry.title}（${SHIFT_KIND_LABELS[entry.kind]}，到 ${entry.until}）`).join('、') || '现在没有民警在岗'}
      </Text>
      {gaps.length > 0 && <Text className="admin-row__title">未来 7 天的空缺（{gaps.length}）</Text>}
      {gaps.slice(0, 8).map((gap) => (
        <Text key={gap.text} className="admin-warning">
          ⚠ {gap.text}
        </Text>
      ))}
      {gaps.length > 8 && <Text className="admin-row__text">还有 {gaps.length - 8} 条，请到值班表查看</Text>}
    </Section>
  );
}

/** An officer's own title and work phone, as residents see them on the contact card and in answers. */
export function MyOfficerProfile() {
  const profile = useAction(stationActions.myOfficerProfile, {}, { isEmpty: () => false });
  const save = useSubmit(stationActions.updateMyOfficerProfile);
  const [title, setTitle] = useState('');
  const [phone, setPhone] = useState('');
  const [done, setDone] = useState<string>();
  useEffect(() => {
    if (profile.data) {
      setTitle(profile.data.title);
      setPhone(profile.data.phone ?? '');
    }
  }, [profile.data]);
  if (!profile.data) return null;
  return (
    <Section title="我的民警资料">
      <Field label="居民看到的称呼" value={title} onChange={setTitle} />
      <Field label="工作电话（印在警民联系牌上）" value={phone} onChange={setPhone} />
      <FormError error={save.error} />
      <ActionButton
        tone="plain"
        label="保存我的资料"
        pending={save.pending}
        onClick={async () => {
          const answer = await save.submit({ title, phone });
          if (answer) setDone(`已保存：${answer.title} ${answer.phone ?? ''}`);
        }}
      />
      <Done text={done} />
      <View />
    </Section>
  );
}
