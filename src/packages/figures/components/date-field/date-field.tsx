import { Picker, Text, View } from '@tarojs/components';
import './index.scss';

export interface DateFieldProps {
  /** What the field is ("开始日期"); shown above it and read by screen readers. */
  label: string;
  /** 'YYYY-MM-DD'. */
  value: string;
  onChange: (day: string) => void;
  /** Earliest and latest days that may be chosen, 'YYYY-MM-DD'. */
  min?: string;
  max?: string;
}

/** weapp: WeChat's own date picker, opened from a finger-sized row that shows the chosen day. */
export function DateField({ label, value, onChange, min, max }: DateFieldProps) {
  return (
    <View className="date-field">
      <Text className="date-field__label">{label}</Text>
      <Picker mode="date" value={value} start={min} end={max} onChange={(event) => onChange(String(event.detail.value))}>
        <View className="date-field__box" aria-label={`${label} ${value}，点按修改`}>
          <Text>{value} ›</Text>
        </View>
      </Picker>
    </View>
  );
}
