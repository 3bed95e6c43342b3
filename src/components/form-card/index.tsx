import type { ReactNode } from 'react';
import { Text, View } from '@tarojs/components';
import './index.scss';

export interface FormCardProps {
  title?: string;
  children: ReactNode;
}

/**
 * A white card holding one small form. Inside, `form-card__label`, `form-card__input`,
 * `form-card__hint` and `form-card__actions` / `form-card__action` lay the parts out.
 */
export function FormCard({ title, children }: FormCardProps) {
  return (
    <View className="form-card">
      {title && <Text className="form-card__title">{title}</Text>}
      {children}
    </View>
  );
}

export default FormCard;
