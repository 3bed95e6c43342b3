import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import Button from '@nutui/nutui-react-taro/dist/es/packages/button';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import Input from '@nutui/nutui-react-taro/dist/es/packages/input';
import '@nutui/nutui-react-taro/dist/es/packages/input/style/css';
import { bookingActions, type FamilyMemberView } from '@domain/actions/booking';
import { RELATIONS, RELATION_LABELS, type Relation } from '@domain/booking';
import { roleProps } from '@/components/a11y';
import { Chip } from '@/components/chip';
import { FormCard } from '@/components/form-card';
import { FieldError, inputFieldProps, invalidProps } from '@/components/field-error';
import { FormError, fieldMessage } from '@/components/form-error';
import { useAction } from '@/hooks/use-action';
import { useSubmit } from '@/hooks/use-submit';

/** Whom the booking is for: the account holder, or a saved family member (by id). */
export type PersonChoice = { self: true } | { familyMemberId: string };

export const isSamePerson = (a: PersonChoice | undefined, b: PersonChoice): boolean =>
  a !== undefined && ('self' in a ? 'self' in b : 'familyMemberId' in b && a.familyMemberId === b.familyMemberId);

interface AddFamilyMemberProps {
  onSaved: (member: FamilyMemberView) => void;
  onCancel: () => void;
}

const FAMILY_FIELDS = ['name', 'idNumber', 'phone', 'relation'] as const;

/** A small form for a family member; the ID number and phone come back only masked. */
function AddFamilyMember({ onSaved, onCancel }: AddFamilyMemberProps) {
  const [name, setName] = useState('');
  const [idNumber, setIdNumber] = useState('');
  const [phone, setPhone] = useState('');
  const [relation, setRelation] = useState<Relation>();
  const { submit, pending, error, clearError } = useSubmit(bookingActions.saveFamilyMember);
  const problem = (field: (typeof FAMILY_FIELDS)[number]) => fieldMessage(error, field);

  async function save() {
    // The schema names a missing relation; '' stands for "not chosen yet".
    const member = await submit({ name, idNumber, phone, relation: (relation ?? '') as Relation });
    if (member) onSaved(member);
  }

  const edit = (set: (value: string) => void) => (value: string) => {
    set(value);
    clearError();
  };

  return (
    <FormCard title="添加家人">
      <Text className="form-card__label">姓名</Text>
      <Input className="form-card__input" value={name} placeholder="和身份证上一致" {...inputFieldProps('family-name', '家人姓名', problem('name'))} maxLength={30} onChange={edit(setName)} />
      <FieldError fieldId="family-name" message={problem('name')} />
      <Text className="form-card__label">身份证号码</Text>
      <Input className="form-card__input form-card__input--code" value={idNumber} placeholder="18位身份证号码" {...inputFieldProps('family-idNumber', '家人的身份证号码', problem('idNumber'))} maxLength={18} type="idcard" onChange={edit(setIdNumber)} />
      <FieldError fieldId="family-idNumber" message={problem('idNumber')} />
      <Text className="form-card__label">手机号码</Text>
      <Input className="form-card__input form-card__input--code" value={phone} placeholder="11位手机号码" {...inputFieldProps('family-phone', '家人的手机号码', problem('phone'))} maxLength={11} type="number" onChange={edit(setPhone)} />
      <FieldError fieldId="family-phone" message={problem('phone')} />
      <Text className="form-card__label" id="family-relation-label">是您的</Text>
      <View className="form-card__options" role="group" aria-labelledby="family-relation-label" {...invalidProps('family-relation', problem('relation'))}>
        {RELATIONS.map((kind) => (
          <Chip
            key={kind}
            label={RELATION_LABELS[kind]}
            selected={relation === kind}
            onClick={() => {
              setRelation(kind);
              clearError();
            }}
          />
        ))}
      </View>
      <FieldError fieldId="family-relation" message={problem('relation')} />
      <FormError error={error} shownAtFields={FAMILY_FIELDS} />
      <Text className="form-card__hint">身份证号码加密保存，页面上只显示前后几位。</Text>
      <View className="form-card__actions">
        <Button className="form-card__action" onClick={onCancel} disabled={pending}>
          取消
        </Button>
        <Button className="form-card__action" type="primary" loading={pending} onClick={() => void save()}>
          保存
        </Button>
      </View>
    </FormCard>
  );
}

export interface PersonStepProps {
  selected: PersonChoice | undefined;
  onSelect: (person: PersonChoice, label: string) => void;
}

/** 为谁预约: 本人 or a saved family member, with a way to add one. */
export function PersonStep({ selected, onSelect }: PersonStepProps) {
  const family = useAction(bookingActions.listFamilyMembers, {}, { isEmpty: () => false });
  const members = family.data;
  const [adding, setAdding] = useState(false);

  const option = (person: PersonChoice, title: string, detail: string | undefined, label: string) => (
    <View
      key={'self' in person ? 'self' : person.familyMemberId}
      className={`choice${isSamePerson(selected, person) ? ' choice--selected' : ''}`}
      hoverClass="choice--pressed"
      onClick={() => onSelect(person, label)}
      {...roleProps('radio')}
      aria-checked={isSamePerson(selected, person)}
    >
      <Text className="choice__mark" aria-hidden>
        {isSamePerson(selected, person) ? '●' : '○'}
      </Text>
      <View className="choice__body">
        <Text className="choice__title">{title}</Text>
        {detail && <Text className="choice__detail">{detail}</Text>}
      </View>
    </View>
  );

  return (
    <View>
      <View role="radiogroup" aria-label="为谁预约">
        {option({ self: true }, '本人', '用我自己的身份证办理', '本人')}
        {members?.map((member) =>
          option(
            { familyMemberId: member.id },
            `${member.name}（${member.relationLabel}）`,
            `身份证 ${member.idNumberMasked}  手机 ${member.phoneMasked}`,
            `${member.name}（${member.relationLabel}）`,
          ),
        )}
      </View>
      <View aria-live="polite">
        {family.status === 'loading' && <Text className="muted">正在读取保存的家人…</Text>}
        {family.status === 'error' && <FormError error={family.error} />}
      </View>
      {adding ? (
        <AddFamilyMember
          onCancel={() => setAdding(false)}
          onSaved={(member) => {
            family.setData([...(members ?? []).filter((m) => m.id !== member.id), member]);
            setAdding(false);
            onSelect({ familyMemberId: member.id }, `${member.name}（${member.relationLabel}）`);
          }}
        />
      ) : (
        <Button className="flow__secondary" block onClick={() => setAdding(true)}>
          ＋ 为家人预约（添加家人）
        </Button>
      )}
    </View>
  );
}
