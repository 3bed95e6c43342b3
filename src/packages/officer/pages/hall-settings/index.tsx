import { useEffect, useState } from 'react';
import { Text, View } from '@tarojs/components';
import { stationActions, type HallChangeView } from '@domain/actions/station';
import { roleProps } from '@/components/a11y';
import { FieldError } from '@/components/field-error';
import { revealFirstError } from '@/utils/reveal';
import { capacityOf } from '@domain/booking/hall-config';
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
import { draftOf, hallHoursText, inputOf, morningsText, newWindowId, periodOf, removalRefusal, servicesAt, typedProblems, type Draft, type ServiceDraft } from './draft';
import { readHolidayFile } from './holiday-file';

function Settings({ stationId }: { stationId: string }) {
  const current = useAction(stationActions.getHallSettings, { stationId }, { isEmpty: () => false });
  const save = useSubmit(stationActions.saveHallSettings);
  const [draft, setDraft] = useState<Draft>();
  const [pending, setPending] = useState<HallChangeView>();
  const [done, setDone] = useState<string>();
  const [fileNote, setFileNote] = useState<string>();
  const [holidayLine, setHolidayLine] = useState('');
  const [newWindowName, setNewWindowName] = useState('');
  const [windowNote, setWindowNote] = useState<{ id?: string; text: string }>();
  const [typed, setTyped] = useState<Record<string, string>>({});
  useEffect(() => {
    if (current.data) setDraft(draftOf(current.data));
  }, [current.data]);
  if (!draft) return <PageState status={current.status} error={current.error} onRetry={current.reload} />;

  // A patch built from the draft as it is when applied: two quick inputs must not undo each other.
  const change = (patch: Partial<Draft> | ((current: Draft) => Partial<Draft>)) => {
    setDraft((current) => current && { ...current, ...(typeof patch === 'function' ? patch(current) : patch) });
    setPending(undefined);
    setDone(undefined);
    setWindowNote(undefined);
  };
  const saved = current.data?.windows ?? [];
  const toggleService = (kind: ServiceKind) =>
    change({
      services: draft.services.some((service) => service.kind === kind)
        ? draft.services.filter((service) => service.kind !== kind)
        : [...draft.services, { kind, minutes: SERVICES[kind].defaultMinutes, placesPerSlot: 2, note: '', windows: draft.windows.map((window) => window.id) }],
    });
  const setService = (kind: ServiceKind, patch: Partial<ServiceDraft>) => change((current) => ({ services: current.services.map((service) => (service.kind === kind ? { ...service, ...patch } : service)) }));
  const toggleWindowOf = (service: ServiceDraft, windowId: string) =>
    setService(service.kind, { windows: service.windows.includes(windowId) ? service.windows.filter((id) => id !== windowId) : draft.windows.map((window) => window.id).filter((id) => id === windowId || service.windows.includes(id)) });
  const toggleOwnHours = (service: ServiceDraft) => {
    if (service.ownHours) {
      const { ownHours: _ownHours, ...rest } = service;
      change({ services: draft.services.map((entry) => (entry.kind === service.kind ? rest : entry)) });
    } else setService(service.kind, { ownHours: hallHoursText(draft) });
  };
  const setOwnHours = (service: ServiceDraft, key: WeekdayKey, text: string) => setService(service.kind, { ownHours: { ...service.ownHours!, [key]: text } });
  const renameWindow = (id: string, name: string) => change((current) => ({ windows: current.windows.map((window) => (window.id === id ? { ...window, name } : window)) }));
  const removeWindow = (id: string) => {
    const window = draft.windows.find((entry) => entry.id === id)!;
    const refusal = removalRefusal(draft, window);
    if (refusal) return setWindowNote({ id, text: refusal });
    change({ windows: draft.windows.filter((entry) => entry.id !== id) });
    setWindowNote({ text: `已删除“${window.name}”，保存后生效` });
  };
  const addWindow = () => {
    const name = newWindowName.trim();
    if (!name) return setWindowNote({ text: '请先填写新窗口的名称' });
    if (draft.windows.some((window) => window.name.trim() === name)) return setWindowNote({ text: `已经有“${name}”了，窗口名称不能重复` });
    change({ windows: [...draft.windows, { id: newWindowId(draft.windows, saved), name }] });
    setNewWindowName('');
    setWindowNote({ text: `已添加“${name}”，请在下面的业务里勾选它办理哪些业务` });
  };
  const setHours = (key: WeekdayKey, index: 0 | 1, text: string) =>
    change((current) => ({ hours: { ...current.hours, [key]: index === 0 ? [text, current.hours[key][1]] : [current.hours[key][0], text] } }));

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
  const shownPaths = ['slotMinutes', 'horizonDays', 'bookingCutoffMinutes', 'cancelCutoffMinutes', 'services.', 'hours.', 'windows'];
  const shownAtFields = Object.keys(fields).filter((name) => name === 'services' || shownPaths.some((path) => (path.endsWith('.') ? name.startsWith(path) : isUnder(name, path))));
  // Places one slot can take at the chosen windows, as capacityOf counts them when no number is set.
  const windowPlaces = (service: ServiceDraft) => capacityOf({ slotMinutes: draft.slotMinutes || 30 }, { kind: service.kind, windows: service.windows, minutes: service.minutes || undefined });

  async function submit(confirmAffected: boolean) {
    const problems = typedProblems(draft!);
    setTyped(problems);
    if (Object.keys(problems).length) return revealFirstError();
    const answer = await save.submit({ ...inputOf(draft!), confirmAffected });
    if (!answer) return;
    if (!answer.saved) return setPending(answer);
    setPending(undefined);
    const moved = answer.windowChanges.reduce((sum, entry) => sum + entry.bookings, 0);
    const parts = [
      answer.affected.length ? `${answer.affected.length} 位居民的预约按停办处理，已通知 ${answer.notified} 位，他们可以改约` : '',
      moved ? `${moved} 位居民改到新窗口办理，预约保留` : '',
    ].filter(Boolean);
    setDone(parts.length ? `已保存；${parts.join('；')}` : '大厅设置已保存，居民马上能按新设置预约');
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
      <Section title="窗口">
        <Text className="admin-row__text">大厅里每个办事窗口一行。居民预约后会看到去哪个窗口办理。</Text>
        {draft.windows.map((window, index) => {
          const serving = servicesAt(draft, window.id);
          return (
            <View key={window.id} className="admin-row">
              <Field fieldId={`hall-window-${window.id}`} error={under(`windows.${index}`)} label={`窗口${index + 1}的名称`} value={window.name} onChange={(value) => renameWindow(window.id, value)} />
              <Text className="admin-row__text">{serving.length ? `办理：${serving.map((service) => SERVICES[service.kind].label).join('、')}` : '还没有业务在这个窗口办理'}</Text>
              {windowNote?.id === window.id && (
                <Text className="admin-warning" {...roleProps('alert')}>
                  {windowNote.text}
                </Text>
              )}
              <ActionButton tone="danger" label={`删除${window.name || `窗口${index + 1}`}`} onClick={() => removeWindow(window.id)} />
            </View>
          );
        })}
        <Field fieldId="hall-new-window" label="新窗口的名称" value={newWindowName} onChange={setNewWindowName} placeholder="例如 3号窗口（出入境）" />
        <ActionButton tone="plain" label="添加窗口" onClick={addWindow} />
        {windowNote && !windowNote.id && <Done text={windowNote.text} />}
        {/* A field error, so a refused save scrolls here and focuses it. */}
        <FieldError fieldId="hall-windows" message={fields.windows} />
      </Section>
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
            <Choices label={`${SERVICES[service.kind].label}：在哪些窗口办理`} fieldId={`hall-${service.kind}-windows`} error={under(`services.${index}.windows`)}>
              {draft.windows.map((window) => (
                <Choice key={window.id} label={window.name || '（未命名窗口）'} selected={service.windows.includes(window.id)} onToggle={() => toggleWindowOf(service, window.id)} />
              ))}
            </Choices>
            <Field
              fieldId={`hall-${service.kind}-places`}
              error={under(`services.${index}.placesPerSlot`)}
              label={`${SERVICES[service.kind].label}：每个时段名额`}
              type="number"
              value={String(service.placesPerSlot)}
              onChange={(value) => setService(service.kind, { placesPerSlot: Number(value) })}
              hint={service.windows.length ? `${service.windows.length}个窗口、每人${service.minutes || '?'}分钟：一个时段约能办${windowPlaces(service)}人。窗口和别的业务合用时，名额要少一些。` : undefined}
            />
            <Choice label={`${SERVICES[service.kind].label}：只在部分时间办理（比大厅短）`} selected={Boolean(service.ownHours)} onToggle={() => toggleOwnHours(service)} />
            {service.ownHours && (
              <View className="admin-hours" role="group" aria-label={`${SERVICES[service.kind].label}的办理时间`}>
                <Text className="admin-field__hint">只能在大厅办公时间内。几段之间用顿号隔开；哪天不办就留空。</Text>
                <ActionButton tone="plain" label="只在上午办理" accessibleName={`${SERVICES[service.kind].label}只在上午办理`} onClick={() => setService(service.kind, { ownHours: morningsText(draft) })} />
                {WEEKDAY_KEYS.map((key) => (
                  <Field
                    key={key}
                    fieldId={`hall-${service.kind}-hours-${key}`}
                    error={typed[`hall-${service.kind}-hours-${key}`] ?? under(`services.${index}.hours.${key}`)}
                    label={`${SERVICES[service.kind].label}：${WEEKDAY_LABELS[key]}办理时间`}
                    value={service.ownHours![key]}
                    onChange={(value) => setOwnHours(service, key, value)}
                    placeholder="不办理"
                  />
                ))}
              </View>
            )}
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
      {Object.keys(typed).length > 0 && (
        <Text className="admin-warning" {...roleProps('alert')}>
          有{Object.keys(typed).length}处办理时间看不懂，请按提示改好再保存
        </Text>
      )}
      <FormError error={save.error} shownAtFields={shownAtFields} />
      {pending && (
        <Section title={`这次修改会影响 ${pending.affected.length + pending.windowChanges.reduce((sum, entry) => sum + entry.bookings, 0)} 位已预约的居民`}>
          {pending.windowChanges.map((entry) => (
            <View key={entry.service} className="admin-row">
              <Text className="admin-row__title">
                {entry.service} · {entry.bookings} 位居民
              </Text>
              <Text className="admin-row__text">
                办理窗口从 {entry.before.join('、')} 改为 {entry.after.join('、')}，预约保留，他们的预约里显示新窗口
              </Text>
            </View>
          ))}
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
          {pending.affected.length > 0 && <Text className="admin-row__text">保存后，失去名额的居民会收到通知，可以改约到其他时间（不受取消截止时间限制）。</Text>}
          <ActionButton tone="danger" label={pending.affected.length > 0 ? '确认保存并通知这些居民' : '确认保存'} pending={save.pending} onClick={() => void submit(true)} />
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
