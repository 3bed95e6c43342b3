import { Text, View } from '@tarojs/components';
import type { ActionErrorBody } from '@domain/errors';
import { roleProps } from '../a11y';
import { errorIdOf } from '../field-error';
import './index.scss';

/** The message for one field, when the answer named that field. */
export const fieldMessage = (error: ActionErrorBody | undefined, field: string): string | undefined => error?.fields?.[field];

export interface FormErrorProps {
  error: ActionErrorBody | undefined;
  /** The form's field this slot sits under; its own message wins over the general one. */
  field?: string;
  /** Fields that show their own message beside them (FieldError): when the answer names one, this slot stays empty. */
  shownAtFields?: readonly string[];
  /** A one-box form: the box this error is about (its id), so a failed submit focuses the box and the box is described by this message. */
  fieldId?: string;
}

/** An action's error under a form: the resident's message, and the request id when there is one. */
export function FormError({ error, field, shownAtFields, fieldId }: FormErrorProps) {
  if (!error) return null;
  if (shownAtFields?.some((name) => fieldMessage(error, name))) return null;
  const message = (field && fieldMessage(error, field)) || error.message;
  return (
    <View className="form-error" {...roleProps('alert')} id={fieldId ? errorIdOf(fieldId) : undefined} data-error-for={fieldId}>
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
