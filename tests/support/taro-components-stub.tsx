/**
 * Stand-in for @tarojs/components in component tests: each Taro component becomes the DOM
 * element it renders as on H5, keeping text, class names, clicks and input values. Props only
 * the mini-program understands (hoverClass, userSelect, placeholderClass…) are dropped.
 */
import { createElement, forwardRef, type ReactNode } from 'react';

type Props = Record<string, unknown> & { children?: ReactNode };

const TARO_ONLY_PROPS = [
  'hoverClass',
  'hoverStayTime',
  'hoverStartTime',
  'hoverStopPropagation',
  'userSelect',
  'selectable',
  'decode',
  'space',
  'placeholderClass',
  'placeholderStyle',
  'confirmType',
  'confirmHold',
  'focus',
  'password',
  'adjustPosition',
  'cursorSpacing',
  'formType',
  'openType',
  'lang',
  'mode',
  'lazyLoad',
  'nativeProps',
  'compileMode',
  'ariaRole',
  'loading',
];

function domProps(props: Props): Props {
  const result: Props = {};
  for (const [key, value] of Object.entries(props)) {
    if (!TARO_ONLY_PROPS.includes(key)) result[key] = value;
  }
  return result;
}

function element(tag: string, displayName: string) {
  const Component = forwardRef<HTMLElement, Props>((props, ref) => createElement(tag, { ...domProps(props), ref }));
  Component.displayName = displayName;
  return Component;
}

/** Taro's input events carry the value in `detail.value`, on every platform. */
function field(tag: 'input' | 'textarea', displayName: string) {
  const Component = forwardRef<HTMLElement, Props>((props, ref) => {
    const { onInput, onBlur, onFocus, maxlength, value, ...rest } = props as Props & {
      onInput?: (event: unknown) => void;
      onBlur?: (event: unknown) => void;
      onFocus?: (event: unknown) => void;
      maxlength?: number;
      value?: string;
    };
    // H5 hands nativeProps to the native box inside <taro-input-core>: here the box is the element.
    const native = (rest.nativeProps ?? {}) as Props;
    return createElement(tag, {
      ...domProps(rest),
      ...native,
      ref,
      value: value ?? '',
      maxLength: maxlength,
      onChange: (event: { target: { value: string } }) => onInput?.({ detail: { value: event.target.value }, target: event.target, currentTarget: event.target }),
      onBlur: (event: { target: { value: string } }) => onBlur?.({ detail: { value: event.target.value }, target: event.target }),
      onFocus: (event: { target: { value: string } }) => onFocus?.({ detail: { value: event.target.value }, target: event.target }),
    });
  });
  Component.displayName = displayName;
  return Component;
}

export const View = element('div', 'View');
export const Text = element('span', 'Text');
export const Image = element('img', 'Image');
/** WeChat fires the agree event when a button with open-type agreePrivacyAuthorization is tapped. */
export const Button = forwardRef<HTMLElement, Props>((props, ref) => {
  const { onAgreePrivacyAuthorization, onClick, ...rest } = props as Props & { onAgreePrivacyAuthorization?: (event: unknown) => void; onClick?: (event: unknown) => void };
  const tap = (event: unknown) => {
    onClick?.(event);
    if (props.openType === 'agreePrivacyAuthorization') onAgreePrivacyAuthorization?.(event);
  };
  return createElement('button', { ...domProps(rest), ref, onClick: tap });
});
Button.displayName = 'Button';
export const ScrollView = element('div', 'ScrollView');
export const Form = element('form', 'Form');
export const Label = element('label', 'Label');
export const Input = field('input', 'Input');
export const Textarea = field('textarea', 'Textarea');
