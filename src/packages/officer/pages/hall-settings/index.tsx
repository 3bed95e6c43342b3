import { useEffect, useState } from 'react';
import { Text, View } from '@tarojs/components';
import { stationActions, type HallChangeView, type HallSettingsView } from '@domain/actions/station';
import { SERVICE_KINDS, SERVICES, type ServiceKind } from '@domain/booking/services';
import { WEEKDAY_KEYS, WEEKDAY_LABELS, type WeekdayKey } from '@domain/booking/time';
import { FormError, fieldMessage } from '@/components/form-error';
import { PageRoot } from '@/components/page-root';
import { PageState } from '@/components/page-state';
import { useAction } from '@/hooks/use-action';
import { useSubmit } from '@/hooks/use-submit';
import { pickTextFile } from '@/platform/text-file';
import { ActionButton, Choice, Choices, Done, Field, Section } from '../../components/admin-kit';
import { useMyStation } from '../../components/use-my-station';
import { readHolidayFile } from './holiday-file';

type Draft = Omit<HallSettingsView, 'isNew' | 'hours'> & { hours: Record<WeekdayKey, [string, string]> };

const periodText = (period?: { start: string; end: string }) => (period ? `${period.start}-${period.end}` : '');
const periodOf = (text: string) => {
  const match = /^\s*(\d{1,2}:\d{2})\s*[-–~至]\s*(\d{1,2}:\d{2})\s*$/.exec(text);
  const pad = (clock: string) => clock.padStart(5, '0');
  return match ? { start: pad(match[1]!), end: pad(match[2]!) } : undefined;
};

function draftOf(view: HallSettingsView): Draft {
  const { isNew: _isNew, ...rest } = view;
  return { ...rest, hours: Object.fromEntries(WEEKDAY_KEYS.map((key) => [key, [periodText(view.hours[key][0]), periodText(view.hours[key][1])]])) as Draft['hours'] };
}

function Settings({ stationId }: { stationId: string }) {
  const current = useAction(stationActions.getHallSettings, { stationId }, { isEmpty: () => false });
  const save = useSubmit(stationActions.saveHallSettings);
  const [draft, setDraft] = useState<Draft>();
  const [pending, setPending] = useState<HallChangeView>();
  const [done, setDone] = useState<string>();
  const [fileNote, setFileNote] = useState<string>();
  const [holidayLine, setHolidayLine] = useState('');
  useEffect(() => {
    if (current.data) setDraft(draftOf(current.data));
  }, [current.data]);
  if (!draft) return <PageState status={current.status} error={current.error} onRetry={current.reload} />;

  const change = (patch: Partial<Draft>) => {
    setDraft({ ...draft, ...patch });
    setPending(undefined);
    setDone(undefined);
  };
  const toggleService = (kind: ServiceKind) =>
    change({
      services: draft.services.some((service) => service.kind === kind)
        ? draft.services.filter((service) => service.kind !== kind)
        : [...draft.services, { kind, minutes: SERVICES[kind].defaultMinutes, placesPerSlot: 2, note: '', windows: draft.windows.map((window) => window.id) }],
    });
  const setService = (kind: ServiceKind, patch: Partial<Draft['services'][number]>) => change({ services: draft.services.map((service) => (service.kind === kind ? { ...service, ...patch } : service)) });
  const setHours = (key: WeekdayKey, index: 0 | 1, text: string) => change({ hours: { ...draft.hours, [key]: index === 0 ? [text, draft.hours[key][1]] : [draft.hours[key][0], text] } });

  // The answer names nested fields (services.0.minutes, hours.mon.1.start): each box shows what is about it.
  const fields = save.error?.fields ?? {};
  const isUnder = (key: string, path: string) => key === path || key.startsWith(`${path}.`);
  const under = (path: string) => {
    const key = Object.keys(fields).find((name) => isUnder(name, path));
    return key ? fields[key] : undefined;
  };
  // Empty or unreadable periods are not sent: the answer's hours.mon.N counts only the sent ones.
  const periodProblem = (key: WeekdayKey, index: 0 | 1) =>
    periodOf(draft.hours[key][index]) ? under(`hours.${key}.${draft.hours[key].slice(0, index).filter((text) => periodOf(text)).length}`) : undefined;
  const shownPaths = ['slotMinutes', 'horizonDays', 'bookingCutoffMinutes', 'cancelCutoffMinutes', 'services.', 'hours.'];
  const shownAtFields = Object.keys(fields).filter((name) => name === 'services' || shownPaths.some((path) => (path.endsWith('.') ? name.startsWith(path) : isUnder(name, path))));

  async function submit(confirmAffected: boolean) {
    const hours = Object.fromEntries(WEEKDAY_KEYS.map((key) => [key, draft!.hours[key].map(periodOf).filter((period): period is { start: string; end: string } => period !== undefined)])) as HallSettingsView['hours'];
    const answer = await save.submit({ ...draft!, hours, confirmAffected });
    if (!answer) return;
    if (!answer.saved) return setPending(answer);
    setPending(undefined);
    setDone(answer.affected.length ? `已保存；${answer.affected.length} 位居民的预约按停办处理，已通知 ${answer.notified} 位，他们可以改约` : '大厅设置已保存，居民马上能按新设置预约');
    void current.reload({ quiet: true });
  }

  async function importHolidays() {
    const picked = await pickTextFile(['txt', 'csv', 'json']);
    if (!picked.ok) return setFileNote(picked.message || undefined);
    const read = readHolidayFile(picked.text);
    const days = new Set(draft!.holidays.map((holiday) => holiday.day));
    change({ holidays: [...draft!.holidays, ...read.holidays.filter((holiday) => !days.has(holiday.day))], makeUpWorkdays: [...new Set([...draft!.makeUpWorkdays, ...read.makeUpWorkdays])] });
    setFileNote(`从 ${picked.name} 读到 ${read.holidays.length} 个节假日、${read.makeUpWorkdays.length} 个调休上班日${read.skipped ? `，${read.skipped} 行看不懂已跳过` : ''}`);
  }

  return (
    <View>
      <Section title="办理的业务">
        <Choices label="选择本所大厅办理的业务" fieldId="hall-services" error={fieldMessage(save.error, 'services')}>
          {SERVICE_KINDS.map((kind) => (
            <Choice key={kind} label={SERVICES[kind].label} selected={draft.services.some((service) => service.kind === kind)} onToggle={() => toggleService(kind)} />
          ))}
        </Choices>
        {draft.services.map((service, index) => (
          <View key={service.kind} className="admin-row">
            <Text className="admin-row__title">{SERVICES[service.kind].label}</Text>
            <Text className="admin-row__text">要带的材料：{SERVICES[service.kind].materials.map((item) => item.item).join('、')}</Text>
            <Field fieldId={`hall-${service.kind}-minutes`} error={under(`services.${index}.minutes`)} label={`${SERVICES[service.kind].label}：每人办理分钟数`} type="number" value={String(service.minutes)} onChange={(value) => setService(service.kind, { minutes: Number(value) })} />
            <Field fieldId={`hall-${service.kind}-places`} error={under(`services.${index}.placesPerSlot`)} label={`${SERVICES[service.kind].label}：每个时段名额`} type="number" value={String(service.placesPerSlot)} onChange={(value) => setService(service.kind, { placesPerSlot: Number(value) })} />
            <Field fieldId={`hall-${service.kind}-note`} error={under(`services.${index}.note`)} label={`${SERVICES[service.kind].label}：本所须知（可不填）`} value={service.note} onChange={(value) => setService(service.kind, { note: value })} />
          </View>
        ))}
      </Section>
      <Section title="办公时间（每天上午、下午，不填为不办公）">
        <Field fieldId="hall-slot-minutes" error={under('slotMinutes')} label="每个时段分钟数" type="number" value={String(draft.slotMinutes)} onChange={(value) => change({ slotMinutes: Number(value) })} />
        {WEEKDAY_KEYS.map((key) => (
          <View key={key} className="admin-row">
            <Field fieldId={`hall-${key}-am`} error={periodProblem(key, 0)} label={`${WEEKDAY_LABELS[key]}上午`} value={draft.hours[key][0]} onChange={(value) => setHours(key, 0, value)} placeholder="例如 09:00-12:00" />
            <Field fieldId={`hall-${key}-pm`} error={periodProblem(key, 1)} label={`${WEEKDAY_LABELS[key]}下午`} value={draft.hours[key][1]} onChange={(value) => setHours(key, 1, value)} placeholder="例如 13:30-17:00" />
          </View>
        ))}
      </Section>
      <Section title="节假日和调休上班日">
        <Text className="admin-row__text">
          节假日 {draft.holidays.length} 天，调休上班日 {draft.makeUpWorkdays.length} 天。调休上班日按周一的时间办公。
        </Text>
        <ActionButton tone="plain" label="从文件导入（每行：2026-10-01 国庆节）" onClick={() => void importHolidays()} />
        {fileNote && <Text className="admin-row__text">{fileNote}</Text>}
        <Field label="添加一天（日期 名称；调休写“调休上班”）" value={holidayLine} onChange={setHolidayLine} placeholder="2026-10-01 国庆节" />
        <ActionButton
          tone="plain"
          label="添加"
          onClick={() => {
            const read = readHolidayFile(holidayLine);
            change({ holidays: [...draft.holidays, ...read.holidays], makeUpWorkdays: [...new Set([...draft.makeUpWorkdays, ...read.makeUpWorkdays])] });
            setHolidayLine('');
          }}
        />
        {[...draft.holidays].sort((a, b) => a.day.localeCompare(b.day)).map((holiday) => (
          <Choice key={holiday.day} label={`${holiday.day} ${holiday.name}（点一下删除）`} selected={false} onToggle={() => change({ holidays: draft.holidays.filter((item) => item.day !== holiday.day) })} />
        ))}
        {draft.makeUpWorkdays.map((day) => (
          <Choice key={day} label={`${day} 调休上班（点一下删除）`} selected={false} onToggle={() => change({ makeUpWorkdays: draft.makeUpWorkdays.filter((item) => item !== day) })} />
        ))}
      </Section>
      <Section title="预约规则">
        <Field fieldId="hall-horizon-days" error={under('horizonDays')} label="可以预约未来几天" type="number" value={String(draft.horizonDays)} onChange={(value) => change({ horizonDays: Number(value) })} />
        <Field fieldId="hall-booking-cutoff" error={under('bookingCutoffMinutes')} label="开始前多少分钟停止预约" type="number" value={String(draft.bookingCutoffMinutes)} onChange={(value) => change({ bookingCutoffMinutes: Number(value) })} />
        <Field fieldId="hall-cancel-cutoff" error={under('cancelCutoffMinutes')} label="开始前多少分钟停止取消" type="number" value={String(draft.cancelCutoffMinutes)} onChange={(value) => change({ cancelCutoffMinutes: Number(value) })} />
      </Section>
      <FormError error={save.error} shownAtFields={shownAtFields} />
      {pending && (
        <Section title={`这次修改会影响 ${pending.affected.length} 位已预约的居民`}>
          {pending.affected.map((entry) => (
            <View key={entry.bookingId} className="admin-row">
              <Text className="admin-row__title">
                {entry.name} · {entry.service}
              </Text>
              <Text className="admin-row__text">
                {entry.time} · {entry.why}
              </Text>
            </View>
          ))}
          <Text className="admin-row__text">保存后，他们会收到通知，可以改约到其他时间（不受取消截止时间限制）。</Text>
          <ActionButton tone="danger" label="确认保存并通知这些居民" pending={save.pending} onClick={() => void submit(true)} />
        </Section>
      )}
      {!pending && <ActionButton label="保存大厅设置" pending={save.pending} onClick={() => void submit(false)} />}
      <Done text={done} />
    </View>
  );
}

export default function HallSettingsPage() {
  const { me, stationId, isAdmin } = useMyStation();
  return (
    <PageRoot className="admin-page">
      <PageState status={me.status} error={me.error} onRetry={me.reload}>
        {stationId && isAdmin ? <Settings stationId={stationId} /> : <Text>仅供派出所管理员使用</Text>}
      </PageState>
    </PageRoot>
  );
}
