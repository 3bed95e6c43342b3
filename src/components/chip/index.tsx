import { Text, View } from '@tarojs/components';
import { roleProps } from '../a11y';
import './index.scss';

export interface ChipProps {
  label: string;
  selected?: boolean;
  disabled?: boolean;
  /** Without it the chip is a static label (smaller, not a touch target). */
  onClick?: () => void;
}

export function Chip({ label, selected = false, disabled = false, onClick }: ChipProps) {
  const interactive = Boolean(onClick) && !disabled;
  const className = [
    'chip',
    interactive ? 'chip--interactive' : 'chip--static',
    selected ? 'chip--selected' : '',
    disabled ? 'chip--disabled' : '',
  ]
    .filter(Boolean)
    .join(' ');
  return (
    <View
      className={className}
      {...(interactive ? { ...roleProps('button'), 'aria-pressed': selected } : {})}
      aria-disabled={disabled || undefined}
      hoverClass={interactive ? 'chip--pressed' : 'none'}
      onClick={interactive ? onClick : undefined}
    >
      {selected && (
        <Text className="chip__check" aria-hidden>
          ✓{' '}
        </Text>
      )}
      <Text>{label}</Text>
    </View>
  );
}

export default Chip;
