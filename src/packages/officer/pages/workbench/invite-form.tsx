import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import Button from '@nutui/nutui-react-taro/dist/es/packages/button';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import Input from '@nutui/nutui-react-taro/dist/es/packages/input';
import '@nutui/nutui-react-taro/dist/es/packages/input/style/css';
import { accountActions, type InviteView } from '@domain/actions/account';
import { OFFICER_KIND_LABELS, OFFICER_KINDS, type OfficerKind } from '@domain/roles';
import { Chip } from '@/components/chip';
import { FormCard } from '@/components/form-card';
import { FieldError, inputFieldProps, invalidProps } from '@/components/field-error';
import { FormError, fieldMessage } from '@/components/form-error';
import { useSubmit } from '@/hooks/use-submit';
import { INVITE_ROLE_LABELS, VALID_HOURS_CHOICES } from './invite-labels';

type InviteRole = Exclude<InviteView['role'], 'partner'>;

const toggle = (kinds: OfficerKind[], kind: OfficerKind): OfficerKind[] =>
  kinds.includes(kind) ? kinds.filter((item) => item !== kind) : [...kinds, kind];

/** A station admin makes a one-time code for a new officer (or a fellow admin). */
export function InviteForm({ stationId, onCreated }: { stationId: string; onCreated: (invite: InviteView) => void }) {
  const [role, setRole] = useState<InviteRole>('officer');
  // No kind pre-selected: a tap meant to choose 社区民警 must not remove it or add a second kind.
  const [kinds, setKinds] = useState<OfficerKind[]>([]);
  const [validHours, setValidHours] = useState<number>(24);
  const [note, setNote] = useState('');
  const { submit, pending, error, clearError } = useSubmit(accountActions.createInvite);

  async function create() {
    const invite = await submit({ stationId, role, officerKinds: kinds, validHours, note });
    if (!invite) return;
    setNote('');
    onCreated(invite);
  }


  return (
    <FormCard title="新建邀请码">
      <Text className="form-card__label">身份</Text>
      <View className="form-card__options">
        {(Object.keys(INVITE_ROLE_LABELS) as InviteRole[]).map((option) => (
          <Chip key={option} label={INVITE_ROLE_LABELS[option]} selected={role === option} onClick={() => setRole(option)} />
        ))}
      </View>

      <Text className="form-card__label" id="invite-kinds-label">警种（可多选）</Text>
      <View className="form-card__options" role="group" aria-labelledby="invite-kinds-label" {...invalidProps('invite-officerKinds', fieldMessage(error, 'officerKinds'))}>
        {OFFICER_KINDS.map((kind) => (
          <Chip
            key={kind}
            label={OFFICER_KIND_LABELS[kind]}
            selected={kinds.includes(kind)}
            onClick={() => {
              setKinds((current) => toggle(current, kind));
              clearError();
            }}
          />
        ))}
      </View>
      <FieldError fieldId="invite-officerKinds" message={fieldMessage(error, 'officerKinds')} />

      <Text className="form-card__label">有效期</Text>
      <View className="form-card__options">
        {VALID_HOURS_CHOICES.map((hours) => (
          <Chip key={hours} label={`${hours}小时`} selected={validHours === hours} onClick={() => setValidHours(hours)} />
        ))}
      </View>

      <Text className="form-card__label">备注（可不填）</Text>
      <Input
        className="form-card__input"
        value={note}
        placeholder="例如：新调入的社区民警 张警官"
        {...inputFieldProps('invite-note', '备注（可不填）', fieldMessage(error, 'note'))}
        maxLength={40}
        onChange={(value) => {
          setNote(value);
          clearError();
        }}
      />
      <FieldError fieldId="invite-note" message={fieldMessage(error, 'note')} />
      <FormError error={error} shownAtFields={['officerKinds', 'note']} />

      <View className="form-card__actions">
        <Button className="form-card__action" type="primary" loading={pending} onClick={() => void create()}>
          生成邀请码
        </Button>
      </View>
    </FormCard>
  );
}
