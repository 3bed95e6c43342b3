import { Text, View } from '@tarojs/components';
import Input from '@nutui/nutui-react-taro/dist/es/packages/input';
import '@nutui/nutui-react-taro/dist/es/packages/input/style/css';
import { GREEN_CHANNEL_REASON_PRESETS, NEED_KINDS, NEED_LABELS, type NeedKind } from '@domain/booking';
import { roleProps } from '@/components/a11y';
import { Chip } from '@/components/chip';
import { FieldError, inputFieldProps } from '@/components/field-error';

export interface NeedsChoice {
  kinds: NeedKind[];
  greenChannelReason: string;
}

export const NO_NEEDS_CHOICE: NeedsChoice = { kinds: [], greenChannelReason: '' };

/** What the review shows and `reserve` sends; the reason only goes with the green channel. */
export function needsInput(needs: NeedsChoice): { kinds: NeedKind[]; greenChannelReason?: string } {
  return needs.kinds.includes('greenChannel') ? { kinds: needs.kinds, greenChannelReason: needs.greenChannelReason.trim() } : { kinds: needs.kinds };
}

/** The green channel needs a reason of two characters or more (the cloud checks the same). */
export const needsProblem = (needs: NeedsChoice): string | undefined =>
  needs.kinds.includes('greenChannel') && needs.greenChannelReason.trim().length < 2 ? '请选择或填写需要绿色通道的原因' : undefined;

export interface NeedsStepProps {
  value: NeedsChoice;
  onChange: (needs: NeedsChoice) => void;
  problem?: string;
}

/** Help at the hall, so the window is ready: tick any that apply, or none. */
export function NeedsStep({ value, onChange, problem }: NeedsStepProps) {
  const toggle = (kind: NeedKind) => {
    const kinds = value.kinds.includes(kind) ? value.kinds.filter((k) => k !== kind) : NEED_KINDS.filter((k) => k === kind || value.kinds.includes(k));
    onChange({ ...value, kinds });
  };
  const green = value.kinds.includes('greenChannel');
  return (
    <View role="group" aria-label="到大厅需要的帮助（可多选）">
      {NEED_KINDS.map((kind) => {
        const checked = value.kinds.includes(kind);
        return (
          <View
            key={kind}
            className={`choice${checked ? ' choice--selected' : ''}`}
            hoverClass="choice--pressed"
            onClick={() => toggle(kind)}
            {...roleProps('checkbox')}
            aria-checked={checked}
            aria-label={NEED_LABELS[kind]}
          >
            <Text className="choice__mark" aria-hidden>
              {checked ? '☑' : '☐'}
            </Text>
            <View className="choice__body">
              <Text className="choice__title">{NEED_LABELS[kind]}</Text>
            </View>
          </View>
        );
      })}
      {green && (
        <View className="flow__reason">
          <Text className="form-card__label">需要绿色通道的原因</Text>
          <View className="form-card__options">
            {GREEN_CHANNEL_REASON_PRESETS.map((preset) => (
              <Chip key={preset} label={preset} selected={value.greenChannelReason === preset} onClick={() => onChange({ ...value, greenChannelReason: preset })} />
            ))}
          </View>
          <Input
            className="form-card__input"
            value={value.greenChannelReason}
            placeholder="也可以自己写，例如：腿脚不便"
            {...inputFieldProps('needs-green-reason', '需要绿色通道的原因', problem)}
            maxLength={100}
            onChange={(reason) => onChange({ ...value, greenChannelReason: reason })}
          />
        </View>
      )}
      <FieldError fieldId="needs-green-reason" message={problem} />
      {value.kinds.length === 0 && <Text className="form-card__hint">都不需要就直接点“下一步”。</Text>}
    </View>
  );
}
