import { Text, View } from '@tarojs/components';
import type { ActionErrorBody } from '@domain/errors';
import { roleProps } from '../a11y';
import './index.scss';

/** The message for one field, when the answer named that field. */
export const fieldMessage = (error: ActionErrorBody | undefined, field: string): string | undefined => error?.fields?.[field];

export interface FormErrorProps {
  error: ActionErrorBody | undefined;
  /** The form's field this slot sits under; its own message wins over the general one. */
  field?: string;
}

/** An action's error under a form: the resident's message, and the request id when there is one. */
export function FormError({ error, field }: FormErrorProps) {
  if (!error) return null;
  const message = (field && fieldMessage(error, field)) || error.message;
  return (
    <View className="form-error" {...roleProps('alert')}>
      <Text className="form-error__message">{message}</Text>
      {error.requestId && (
        <Text className="form-error__request-id" userSelect>
          请求编号：{error.requestId}
        </Text>
      )}
    </View>
  );
}

export default FormError;
