import { Text } from '@tarojs/components';

/** The id of a field's error message: the field names it in aria-describedby. */
export const errorIdOf = (fieldId: string): string => `${fieldId}-error`;

export interface FieldErrorProps {
  /** The id of the control (or group of chips) this message is about. */
  fieldId: string;
  message: string | undefined;
}

/**
 * A field's problem in words, right under the field. It names its field (data-error-for), so a
 * failed submit can move focus to the field itself (revealFirstError); the field names the message
 * in aria-describedby (invalidProps), so a screen reader reads both when focus lands there.
 */
export function FieldError({ fieldId, message }: FieldErrorProps) {
  if (!message) return null;
  return (
    <Text className="field-error" id={errorIdOf(fieldId)} data-error-for={fieldId}>
      {message}
    </Text>
  );
}

/** For a View acting as a field (a group of chips, a list to choose from): its id and its error. */
export function invalidProps(fieldId: string, message: string | undefined): { id: string; 'aria-invalid'?: boolean; 'aria-describedby'?: string } {
  return message ? { id: fieldId, 'aria-invalid': true, 'aria-describedby': errorIdOf(fieldId) } : { id: fieldId };
}

/**
 * For Taro's Input and Textarea: the id on the element, and the name, invalid state and error on
 * the native box inside it (H5 draws <taro-input-core><input/></taro-input-core>; nativeProps
 * reach the inner box, which is what focus and a screen reader land on).
 */
export function inputFieldProps(fieldId: string, label: string, message: string | undefined) {
  const native: Record<string, string> = { 'aria-label': label };
  if (message) {
    native['aria-invalid'] = 'true';
    native['aria-describedby'] = errorIdOf(fieldId);
  }
  return { id: fieldId, 'aria-label': label, nativeProps: native };
}

export default FieldError;
