import { useState, useEffect } from 'react';
import { Text, View } from '@tarojs/components';
import { stationActions } from '@domain/actions/station';
import { SHIFT_KIND_LABELS } from '@domain/station/roster';
import { CONSULT_TEMPLATES } from '@domain/consult';
import { requestSubscription } from '@/platform/subscribe';
import { FormError, fieldMessage } from '@/components/form-error';
import { useAction } from '@/hooks/use-action';
import { useSubmit } from '@/hooks/use-submit';
import { ActionButton, Done, Field, Section } from '../../components/admin-kit';
import { MyPhoto } from './my-photo';

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

/** An officer's own photo, title and work phone, as residents see them on the contact card and in answers. */
export function MyOfficerProfile() {
  const profile = useAction(stationActions.myOfficerProfile, {}, { isEmpty: () => false });
  const save = useSubmit(stationActions.updateMyOfficerProfile);
  const arm = useSubmit(stationActions.armAlerts);
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
  const credits = profile.data.alertCredits;

  async function rearm() {
    // Must run inside the tap: WeChat shows its prompt only in answer to one.
    const decisions = await requestSubscription([CONSULT_TEMPLATES.newQuestion]).catch(() => ({}) as Record<string, string>);
    const accepted = Object.values(decisions).filter((decision) => decision === 'accept').length;
    const answer = await arm.submit({ accepted });
    if (answer && profile.data) profile.setData({ ...profile.data, alertCredits: answer.alertCredits });
  }

  return (
    <Section title="我的民警资料">
      <View className="admin-row" aria-live="polite">
        <Text className="admin-row__title">新提问微信提醒：还能收 {credits} 条</Text>
        <Text className="admin-row__text">{credits === 0 ? '提醒已用完：居民的新提问不会再发到您的微信，只在工作台显示。' : '微信每同意一次，只能发一条提醒。'}</Text>
      </View>
      <ActionButton tone={credits === 0 ? 'primary' : 'plain'} label="再开启一次新提问提醒" pending={arm.pending} onClick={() => void rearm()} />
      <FormError error={arm.error} />
      <MyPhoto profile={profile.data} onChange={(next) => profile.setData(next)} />
      <Field fieldId="my-card-title" error={fieldMessage(save.error, 'title')} label="居民看到的称呼" value={title} onChange={setTitle} />
      <Field fieldId="my-card-phone" error={fieldMessage(save.error, 'phone')} label="工作电话（印在警民联系牌上）" value={phone} onChange={setPhone} />
      <FormError error={save.error} shownAtFields={['title', 'phone']} />
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
