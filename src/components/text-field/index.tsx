import { Input, Text, View } from '@tarojs/components';
import { roleProps } from '@/components/a11y';
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
}

/**
 * A one-line text box on WeChat's own <input>, for the tab pages: NutUI's Input brings its
 * config provider, locale and icon set (≈16 KB) into the main package every resident downloads
 * first. The whole box is the tap target, at least a finger tall.
 */
export function TextField({ value, onChange, placeholder, label, maxLength, className, format, clearable, confirmType, onConfirm }: TextFieldProps) {
  const name = label ?? placeholder;
  return (
    <View className={`text-field${className ? ` ${className}` : ''}`}>
      <Input
        className="text-field__input"
        value={value}
        placeholder={placeholder}
        maxlength={maxLength}
        confirmType={confirmType}
        aria-label={name}
        nativeProps={name ? { 'aria-label': name } : undefined}
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
  );
}
