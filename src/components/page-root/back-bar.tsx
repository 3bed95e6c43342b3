/** weapp: WeChat's own navigation bar has the title and the back arrow. */
export function BackBar(): null {
  return null;
}
