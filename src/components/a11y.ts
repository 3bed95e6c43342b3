import { nativeRoleProps } from '@/platform/aria-role';

type ControlRole = 'button' | 'switch' | 'checkbox' | 'radio' | 'link' | 'tab';
type ContentRole = 'heading' | 'img' | 'alert' | 'status' | 'list' | 'listitem' | 'radiogroup' | 'dialog';

const CONTROLS: readonly string[] = ['button', 'switch', 'checkbox', 'radio', 'link', 'tab'];

/**
 * A View's role for both platforms: WeChat reads `aria-role` (Taro's `ariaRole`, added on weapp
 * only), browsers and their screen readers read `role`. Spread it on any View that acts as a control: controls also
 * join the focus order (in reading order, tabindex 0) so a keyboard or switch device reaches them.
 */
export function roleProps(role: ControlRole | ContentRole): { role: string; ariaRole?: string; tabIndex?: number } {
  return CONTROLS.includes(role) ? { role, ...nativeRoleProps(role), tabIndex: 0 } : { role, ...nativeRoleProps(role) };
}
