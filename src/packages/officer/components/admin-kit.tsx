/**
 * The few controls the station-setup pages share: a labelled text field, a big action button,
 * choice chips that say ✓ 已选 in words, and a "done" line said on the page (no vanishing toast).
 */
import type { PropsWithChildren } from 'react';
import { Input, Text, View } from '@tarojs/components';
import { roleProps } from '@/components/a11y';
import { FieldError, inputFieldProps, invalidProps } from '@/components/field-error';
import './admin-kit.scss';

export function Field(props: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  placeholder?: string;
  type?: 'text' | 'number' | 'digit';
  hint?: string;
  /** The box's id: its error (said under it) and a failed submit's focus find it by this. */
  fieldId?: string;
  /** What is wrong with it, from the action's answer (fieldMessage). */
  error?: string;
}) {
  return (
    <View className="admin-field">
      <Text className="admin-field__label">{props.label}</Text>
      <Input
        className="admin-field__input"
        type={props.type ?? 'text'}
        value={props.value}
        placeholder={props.placeholder}
        {...(props.fieldId ? inputFieldProps(props.fieldId, props.label, props.error) : { 'aria-label': props.label, nativeProps: { 'aria-label': props.label } })}
        onInput={(event) => props.onChange(event.detail.value)}
      />
      {props.hint && <Text className="admin-field__hint">{props.hint}</Text>}
      {props.fieldId && <FieldError fieldId={props.fieldId} message={props.error} />}
    </View>
  );
}

/**
 * accessibleName: what a screen reader says when the visible label is not enough ("删除3号窗口").
 * Not `ariaLabel`: Taro's H5 build turns an `ariaLabel` prop into `aria-label` on the way in, so
 * a prop by that name never arrives.
 */
export function ActionButton(props: { label: string; onClick: () => void; pending?: boolean; tone?: 'primary' | 'plain' | 'danger'; accessibleName?: string }) {
  return (
    <View
      className={`admin-button admin-button--${props.tone ?? 'primary'}`}
      {...roleProps('button')}
      aria-label={props.accessibleName ?? props.label}
      aria-disabled={props.pending}
      onClick={() => {
        if (!props.pending) props.onClick();
      }}
    >
      <Text>{props.pending ? '请稍候…' : props.label}</Text>
    </View>
  );
}

export function Choice(props: { label: string; selected: boolean; onToggle: () => void; radio?: boolean }) {
  return (
    <View className={`admin-choice${props.selected ? ' admin-choice--selected' : ''}`} {...roleProps(props.radio ? 'radio' : 'checkbox')} aria-checked={props.selected} onClick={props.onToggle}>
      <Text>
        {props.selected ? '✓ ' : ''}
        {props.label}
      </Text>
    </View>
  );
}

/** A group of choices; with a fieldId, the action's error for it is said under it and focuses the group. */
export function Choices({ children, label, fieldId, error }: PropsWithChildren<{ label: string; fieldId?: string; error?: string }>) {
  return (
    <View className="admin-choices" role="group" aria-label={label} {...(fieldId ? invalidProps(fieldId, error) : {})}>
      <Text className="admin-field__label">{label}</Text>
      <View className="admin-choices__list">{children}</View>
      {fieldId && <FieldError fieldId={fieldId} message={error} />}
    </View>
  );
}

export function Section({ title, children }: PropsWithChildren<{ title: string }>) {
  return (
    <View className="admin-section">
      <Text className="admin-section__title" {...roleProps('heading')} aria-level={2}>
        {title}
      </Text>
      {children}
    </View>
  );
}

/** What just happened, said on the page in a polite live region. */
export function Done({ text }: { text?: string }) {
  return <View aria-live="polite">{text ? <Text className="admin-done">✓ {text}</Text> : null}</View>;
}
