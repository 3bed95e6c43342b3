/** weapp: WeChat's screen reader reads a View's role from `aria-role` (Taro's `ariaRole`). */
export function nativeRoleProps(role: string): { ariaRole?: string } {
  return { ariaRole: role };
}
