import { useId } from 'react';
import { Text, View } from '@tarojs/components';
import type { DateFieldProps } from './date-field';
import './index.scss';

export type { DateFieldProps } from './date-field';

/**
 * H5: the browser's own date input (a phone opens its native date wheel), labelled by its
 * visible caption so a screen reader names it the same.
 */
export function DateField({ label, value, onChange, min, max }: DateFieldProps) {
  const id = useId();
  return (
    <View className="date-field">
      <label htmlFor={id}>
        <Text className="date-field__label">{label}</Text>
      </label>
      <input id={id} className="date-field__box date-field__input" type="date" value={value} min={min} max={max} onChange={(event) => event.target.value && onChange(event.target.value)} />
    </View>
  );
}
