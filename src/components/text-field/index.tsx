import { Input, Text, View } from '@tarojs/components';
import { roleProps } from '@/components/a11y';
import { errorIdOf, FieldError } from '@/components/field-error';
import './index.scss';

export interface TextFieldProps {
  value: string;
  onChange: (value: string) => void;
  placeholder?: string;
  /** What a screen reader calls the box; the placeholder when not given. */
  label?: string;
  maxLength?: number;
  className?: string;
  /** Rewrites what is typed before it is kept (e.g. to upper case). */
  format?: (value: string) => string;
  /** A 清除 button while there is text. */
  clearable?: boolean;
  confirmType?: 'send' | 'search' | 'next' | 'go' | 'done';
  onConfirm?: () => void;
  /** The box's id, for its error message (FieldError) and a failed submit's focus. */
  fieldId?: string;
  /** What is wrong with what was typed: said in words under the box, and read with it. */
  error?: string;
}

/**
 * A one-line text box on WeChat's own <input>, for the tab pages: NutUI's Input brings its
 * config provider, locale and icon set (≈16 KB) into the main package every resident downloads
 * first. The whole box is the tap target, at least a finger tall.
 */
export function TextField({ value, onChange, placeholder, label, maxLength, className, format, clearable, confirmType, onConfirm, fieldId, error }: TextFieldProps) {
  const name = label ?? placeholder;
  const native: Record<string, string> = name ? { 'aria-label': name } : {};
  if (fieldId && error) Object.assign(native, { 'aria-invalid': 'true', 'aria-describedby': errorIdOf(fieldId) });
  return (
    <>
    <View className={`text-field${className ? ` ${className}` : ''}`}>
      <Input
        className="text-field__input"
        value={value}
        placeholder={placeholder}
        maxlength={maxLength}
        confirmType={confirmType}
        id={fieldId}
        aria-label={name}
        nativeProps={native}
        onInput={(event) => {
          onChange(format ? format(event.detail.value) : event.detail.value);
        }}
        onConfirm={onConfirm ? () => onConfirm() : undefined}
      />
      {clearable && value !== '' && (
        <View className="text-field__clear" hoverClass="text-field__clear--pressed" {...roleProps('button')} onClick={() => onChange('')}>
          <Text>清除</Text>
        </View>
      )}
    </View>
    {fieldId && <FieldError fieldId={fieldId} message={error} />}
    </>
  );
}
