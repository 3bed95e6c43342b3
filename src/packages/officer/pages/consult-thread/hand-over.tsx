import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { Textarea } from '@/platform/form-components';
import { consultActions, type ThreadView } from '@domain/actions/consult';
import { BANK_CHECK_OUTCOME_LABELS, BANK_CHECK_OUTCOMES, type BankCheckOutcome } from '@domain/anti-fraud/bank-check';
import { THREAD_OUTCOME_LABELS, THREAD_OUTCOMES, type ThreadOutcome } from '@domain/consult';
import { roleProps } from '@/components/a11y';
import { Chip } from '@/components/chip';
import { FieldError, inputFieldProps, invalidProps } from '@/components/field-error';
import { FormError, fieldMessage } from '@/components/form-error';
import { useAction } from '@/hooks/use-action';
import { useSubmit } from '@/hooks/use-submit';

/** Transfer to a colleague or another station, with a note the resident will read. */
export function TransferPanel({ thread, stationId, onDone }: { thread: ThreadView; stationId: string; onDone: (transferredTo: string, stillVisible: boolean) => void }) {
  const targets = useAction(consultActions.listTransferTargets, { stationId }, { isEmpty: () => false });
  const [to, setTo] = useState<{ officerId?: string; stationId?: string }>({});
  const [note, setNote] = useState('');
  const transfer = useSubmit(consultActions.transferThread);

  async function submit() {
    const result = await transfer.submit({ threadId: thread.id, note: note.trim(), ...(to.officerId ? { toOfficerId: to.officerId } : {}), ...(to.stationId ? { toStationId: to.stationId } : {}) });
    if (result) onDone(result.transferredTo, result.stillVisible);
  }

  return (
    <View className="officer-panel">
      <Text className="officer-panel__title" id="transfer-officers">转给同事</Text>
      <View className="officer-panel__chips" role="group" aria-labelledby="transfer-officers" {...invalidProps('transfer-officer', fieldMessage(transfer.error, 'toOfficerId'))}>
        {targets.data?.officers.map((officer) => (
          <Chip key={officer.id} label={officer.label} selected={to.officerId === officer.id} onClick={() => setTo({ officerId: officer.id })} />
        ))}
      </View>
      <FieldError fieldId="transfer-officer" message={fieldMessage(transfer.error, 'toOfficerId')} />
      <Text className="officer-panel__title" id="transfer-stations">转给其他派出所</Text>
      <View className="officer-panel__chips" role="group" aria-labelledby="transfer-stations" {...invalidProps('transfer-station', fieldMessage(transfer.error, 'toStationId'))}>
        {targets.data?.stations.map((station) => (
          <Chip key={station.id} label={station.name} selected={to.stationId === station.id} onClick={() => setTo({ stationId: station.id })} />
        ))}
      </View>
      <FieldError fieldId="transfer-station" message={fieldMessage(transfer.error, 'toStationId')} />
      <Textarea className="officer-panel__note" value={note} maxlength={200} placeholder="交接说明（居民也能看到），例如：事发地属长庆派出所管辖" {...inputFieldProps('transfer-note', '交接说明（居民也能看到）', fieldMessage(transfer.error, 'note'))} onInput={(event) => setNote(event.detail.value)} />
      <FieldError fieldId="transfer-note" message={fieldMessage(transfer.error, 'note')} />
      <View aria-live="polite">
        <FormError error={transfer.error} shownAtFields={['toOfficerId', 'toStationId', 'note']} />
      </View>
      <View className="officer-panel__submit" {...roleProps('button')} aria-disabled={transfer.pending} onClick={() => !transfer.pending && void submit()}>
        <Text>{transfer.pending ? '正在转交…' : '确认转交'}</Text>
      </View>
    </View>
  );
}

interface OutcomeFormProps<O extends string> {
  title: string;
  outcomes: readonly O[];
  labels: Record<O, string>;
  pending: boolean;
  error: Parameters<typeof FormError>[0]['error'];
  onSubmit: (outcome: O, note?: string) => void;
}

/** Pick an outcome, add a note, 确认办结: the closing form of every kind of thread. */
function OutcomeForm<O extends string>({ title, outcomes, labels, pending, error, onSubmit }: OutcomeFormProps<O>) {
  const [outcome, setOutcome] = useState<O>();
  const [note, setNote] = useState('');
  return (
    <View className="officer-panel">
      <Text className="officer-panel__title" id="close-outcomes">{title}</Text>
      <View className="officer-panel__chips" role="group" aria-labelledby="close-outcomes" {...invalidProps('close-outcome', fieldMessage(error, 'outcome'))}>
        {outcomes.map((key) => (
          <Chip key={key} label={labels[key]} selected={outcome === key} onClick={() => setOutcome(key)} />
        ))}
      </View>
      <FieldError fieldId="close-outcome" message={fieldMessage(error, 'outcome')} />
      <Textarea className="officer-panel__note" value={note} maxlength={200} placeholder="说明（可以不写）" {...inputFieldProps('close-note', '办结说明（可以不写）', fieldMessage(error, 'note'))} onInput={(event) => setNote(event.detail.value)} />
      <FieldError fieldId="close-note" message={fieldMessage(error, 'note')} />
      <View aria-live="polite">
        <FormError error={error} shownAtFields={['outcome', 'note']} />
      </View>
      <View className="officer-panel__submit" {...roleProps('button')} aria-disabled={pending} onClick={() => !pending && onSubmit(outcome ?? ('' as O), note.trim() || undefined)}>
        <Text>{pending ? '正在办结…' : '确认办结'}</Text>
      </View>
    </View>
  );
}

/** Close with what was done: answered, referred, mediated, visited on site. */
export function ClosePanel({ thread, onClosed }: { thread: ThreadView; onClosed: (view: ThreadView) => void }) {
  const close = useSubmit(consultActions.closeWithOutcome);
  return (
    <OutcomeForm
      title="办理结果"
      outcomes={THREAD_OUTCOMES}
      labels={THREAD_OUTCOME_LABELS}
      pending={close.pending}
      error={close.error}
      onSubmit={async (outcome: ThreadOutcome, note) => {
        const closed = await close.submit({ threadId: thread.id, outcome, ...(note ? { note } : {}) });
        if (closed) onClosed(closed);
      }}
    />
  );
}

/** A bank check closes with what became of the money: 止付, 劝阻成功, 未受骗, 已受骗 (counted as money protected). */
export function BankCheckClosePanel({ thread, onClosed }: { thread: ThreadView; onClosed: () => void }) {
  const close = useSubmit(consultActions.closeBankCheck);
  return (
    <OutcomeForm
      title="核实结果"
      outcomes={BANK_CHECK_OUTCOMES}
      labels={BANK_CHECK_OUTCOME_LABELS}
      pending={close.pending}
      error={close.error}
      onSubmit={async (outcome: BankCheckOutcome, note) => {
        const closed = await close.submit({ threadId: thread.id, outcome, ...(note ? { note } : {}) });
        if (closed) onClosed();
      }}
    />
  );
}
