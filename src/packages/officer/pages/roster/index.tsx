import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { stationActions, type ShiftView } from '@domain/actions/station';
import { DEFAULT_SHIFT_HOURS, SHIFT_KINDS, SHIFT_KIND_LABELS, addDays, type ShiftKind } from '@domain/station/roster';
import { FormError, fieldMessage } from '@/components/form-error';
import { PageRoot } from '@/components/page-root';
import { PageState } from '@/components/page-state';
import { useAction } from '@/hooks/use-action';
import { useSubmit } from '@/hooks/use-submit';
import { ActionButton, Choice, Choices, Done, Field, Section } from '../../components/admin-kit';
import { useMyStation } from '../../components/use-my-station';

const WEEKDAY = ['周一', '周二', '周三', '周四', '周五', '周六', '周日'];
const dayLabel = (day: string, index: number) => `${WEEKDAY[index]} ${Number(day.slice(5, 7))}月${Number(day.slice(8, 10))}日`;

function Roster({ stationId, isAdmin }: { stationId: string; isAdmin: boolean }) {
  const [weekStart, setWeekStart] = useState<string>();
  const week = useAction(stationActions.rosterWeek, { stationId, ...(weekStart ? { weekStart } : {}) }, { isEmpty: () => false });
  const overview = useAction(stationActions.stationOverview, { stationId }, { isEmpty: () => false });
  const addShift = useSubmit(stationActions.addShift);
  const removeShift = useSubmit(stationActions.removeShift);
  const swap = useSubmit(stationActions.swapShifts);
  const repeat = useSubmit(stationActions.repeatWeek);
  const addLeave = useSubmit(stationActions.addLeave);
  const [done, setDone] = useState<string>();
  const [form, setForm] = useState<{ officerId?: string; kind: ShiftKind; day?: string; start: string; end: string }>({ kind: 'community', ...DEFAULT_SHIFT_HOURS.community });
  const [leave, setLeave] = useState<{ officerId?: string; fromDay: string; toDay: string; reason: string }>({ fromDay: '', toDay: '', reason: '' });
  const [swapping, setSwapping] = useState<ShiftView>();

  const refresh = (text: string) => {
    setDone(text);
    void week.reload({ quiet: true });
    void overview.reload({ quiet: true });
  };
  const data = week.data;
  const officers = data?.officers ?? [];

  return (
    <View>
      {overview.data && (
        <Section title="现在在岗">
          <Text className="admin-row__text">
            {overview.data.onDutyNow.map((entry) => `${entry.title}（${SHIFT_KIND_LABELS[entry.kind]}，到 ${entry.until}）`).join('、') || '现在没有民警在岗，提问会交给分局'}
          </Text>
          {overview.data.gaps.map((gap) => (
            <Text key={gap.text} className="admin-warning">
              ⚠ {gap.text}
            </Text>
          ))}
        </Section>
      )}
      <Done text={done} />
      <PageState status={week.status} error={week.error} onRetry={week.reload}>
        {data && (
          <View>
            <View className="admin-choices__list">
              <ActionButton tone="plain" label="上一周" onClick={() => setWeekStart(addDays(data.weekStart, -7))} />
              <ActionButton tone="plain" label="下一周" onClick={() => setWeekStart(addDays(data.weekStart, 7))} />
              {isAdmin && (
                <ActionButton
                  tone="plain"
                  label="复制本周到下一周"
                  pending={repeat.pending}
                  onClick={async () => {
                    const answer = await repeat.submit({ stationId, weekStart: data.weekStart });
                    if (answer) refresh(`已复制 ${answer.added} 个班次到下一周`);
                  }}
                />
              )}
            </View>
            <FormError error={repeat.error ?? removeShift.error ?? swap.error} />
            {swapping && <Text className="admin-row__text">换班：再点另一名民警的“和他换班”，{swapping.officerTitle} {swapping.day} {swapping.label} 就和那个班对调。</Text>}
            {data.days.map((day, index) => (
              <Section key={day} title={dayLabel(day, index)}>
                {data.shifts.filter((shift) => shift.day === day).length === 0 && <Text className="admin-row__text">没有排班</Text>}
                {data.shifts
                  .filter((shift) => shift.day === day)
                  .map((shift) => (
                    <View key={shift.id} className="admin-row">
                      <Text className="admin-row__title">
                        {shift.officerTitle} · {shift.label}
                        {shift.onLeave ? ' · 请假' : ''}
                      </Text>
                      {isAdmin && (
                        <View className="admin-choices__list">
                          <ActionButton
                            tone="plain"
                            label={swapping ? (swapping.id === shift.id ? '取消换班' : '和他换班') : '换班'}
                            accessibleName={`${shift.officerTitle} ${dayLabel(day, index)} ${shift.label} 换班`}
                            onClick={async () => {
                              if (!swapping) return setSwapping(shift);
                              if (swapping.id === shift.id) return setSwapping(undefined);
                              const answer = await swap.submit({ stationId, shiftId: swapping.id, otherShiftId: shift.id });
                              setSwapping(undefined);
                              if (answer) refresh(`${answer[0]?.officerTitle} 和 ${answer[1]?.officerTitle} 已换班`);
                            }}
                          />
                          <ActionButton
                            tone="danger"
                            label="删除"
                            accessibleName={`删除 ${shift.officerTitle} ${dayLabel(day, index)} ${shift.label}`}
                            onClick={async () => {
                              if (await removeShift.submit({ stationId, shiftId: shift.id })) refresh(`已删除 ${shift.officerTitle} 的班次`);
                            }}
                          />
                        </View>
                      )}
                    </View>
                  ))}
              </Section>
            ))}
            {data.leave.length > 0 && (
              <Section title="请假">
                {data.leave.map((entry) => (
                  <Text key={entry.id} className="admin-row__text">
                    {entry.officerTitle} {entry.fromDay} 至 {entry.toDay} {entry.reason}
                  </Text>
                ))}
              </Section>
            )}
            {isAdmin && (
              <Section title="排一个班">
                <Choices label="民警" fieldId="shift-officerId" error={fieldMessage(addShift.error, 'officerId')}>
                  {officers.map((officer) => (
                    <Choice key={officer.id} radio label={officer.title} selected={form.officerId === officer.id} onToggle={() => setForm((current) => ({ ...current, officerId: officer.id }))} />
                  ))}
                </Choices>
                <Choices label="班次">
                  {SHIFT_KINDS.map((kind) => (
                    <Choice key={kind} radio label={SHIFT_KIND_LABELS[kind]} selected={form.kind === kind} onToggle={() => setForm((current) => ({ ...current, kind, ...DEFAULT_SHIFT_HOURS[kind] }))} />
                  ))}
                </Choices>
                <Choices label="日期" fieldId="shift-day" error={fieldMessage(addShift.error, 'day')}>
                  {data.days.map((day, index) => (
                    <Choice key={day} radio label={dayLabel(day, index)} selected={form.day === day} onToggle={() => setForm((current) => ({ ...current, day }))} />
                  ))}
                </Choices>
                <Field fieldId="shift-start" error={fieldMessage(addShift.error, 'start')} label="开始时间" value={form.start} onChange={(start) => setForm((current) => ({ ...current, start }))} />
                <Field fieldId="shift-end" error={fieldMessage(addShift.error, 'end')} label="结束时间（早于开始时间即为次日）" value={form.end} onChange={(end) => setForm((current) => ({ ...current, end }))} />
                <FormError error={addShift.error} shownAtFields={['officerId', 'day', 'start', 'end']} />
                <ActionButton
                  label="排班"
                  pending={addShift.pending}
                  onClick={async () => {
                    const answer = await addShift.submit({ stationId, officerId: form.officerId ?? '', kind: form.kind, day: form.day ?? '', start: form.start, end: form.end });
                    if (answer) refresh(`已排班：${answer.officerTitle} ${answer.day} ${answer.label}`);
                  }}
                />
              </Section>
            )}
            {isAdmin && (
              <Section title="登记请假">
                <Choices label="请假的民警" fieldId="leave-officerId" error={fieldMessage(addLeave.error, 'officerId')}>
                  {officers.map((officer) => (
                    <Choice key={officer.id} radio label={officer.title} selected={leave.officerId === officer.id} onToggle={() => setLeave((current) => ({ ...current, officerId: officer.id }))} />
                  ))}
                </Choices>
                <Field fieldId="leave-fromDay" error={fieldMessage(addLeave.error, 'fromDay')} label="从哪天（含）" value={leave.fromDay} onChange={(fromDay) => setLeave((current) => ({ ...current, fromDay }))} placeholder="例如 2026-12-05" />
                <Field fieldId="leave-toDay" error={fieldMessage(addLeave.error, 'toDay')} label="到哪天（含）" value={leave.toDay} onChange={(toDay) => setLeave((current) => ({ ...current, toDay }))} placeholder="例如 2026-12-06" />
                <Field fieldId="leave-reason" error={fieldMessage(addLeave.error, 'reason')} label="原因（可不填）" value={leave.reason} onChange={(reason) => setLeave((current) => ({ ...current, reason }))} />
                <Text className="admin-row__text">请假期间不会收到居民的提问，按值班表转给同事或值班室。</Text>
                <FormError error={addLeave.error} shownAtFields={['officerId', 'fromDay', 'toDay', 'reason']} />
                <ActionButton
                  label="登记请假"
                  pending={addLeave.pending}
                  onClick={async () => {
                    const answer = await addLeave.submit({ stationId, officerId: leave.officerId ?? '', fromDay: leave.fromDay, toDay: leave.toDay || leave.fromDay, reason: leave.reason });
                    if (answer) refresh(`已登记 ${answer.officerTitle} ${answer.fromDay} 至 ${answer.toDay} 请假`);
                  }}
                />
              </Section>
            )}
          </View>
        )}
      </PageState>
    </View>
  );
}

export default function RosterPage() {
  const { me, stationId, isAdmin } = useMyStation();
  return (
    <PageRoot className="admin-page">
      <PageState status={me.status} error={me.error} onRetry={me.reload}>
        {stationId ? <Roster stationId={stationId} isAdmin={isAdmin} /> : <Text>仅供派出所民警使用</Text>}
      </PageState>
    </PageRoot>
  );
}
