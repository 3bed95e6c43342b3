import type { ReactNode } from 'react';
import { Button as NativeButton } from '@tarojs/components';
import './index.scss';

export type ButtonType = 'default' | 'primary';

export interface ButtonProps {
  type?: ButtonType;
  /** As wide as its container. */
  block?: boolean;
  /** Shows WeChat's own spinner and ignores taps until the answer is in. */
  loading?: boolean;
  disabled?: boolean;
  className?: string;
  onClick?: () => void;
  children?: ReactNode;
}

/**
 * WeChat's own <button> (a button to its screen reader; on H5 Taro's <taro-button-core>, which
 * platform/button-roles gives its role), drawn like NutUI's Button so pages that still use NutUI
 * look the same. Tab pages use this one: the main package then carries no NutUI, its styles or
 * its icon font.
 */
export function Button({ type = 'default', block = false, loading = false, disabled = false, className, onClick, children }: ButtonProps) {
  const classes = ['fq-button', `fq-button--${type}`, block ? 'fq-button--block' : '', disabled || loading ? 'fq-button--disabled' : '', className ?? ''].filter(Boolean).join(' ');
  return (
    <NativeButton className={classes} loading={loading} disabled={disabled} hoverClass={disabled || loading ? 'none' : 'fq-button--pressed'} onClick={() => !loading && !disabled && onClick?.()}>
      {children}
    </NativeButton>
  );
}

export default Button;
