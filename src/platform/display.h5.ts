/**
 * Browsers do not report WeChat's text size. A resident who raised the browser's default text
 * size (the size `medium` resolves to, 16px as shipped) to 20px or more asked for large text the
 * same way. The root font size cannot tell: Taro's H5 runtime sets it from the screen width for
 * rem units (20px on a 375px-wide phone).
 */
export const LARGE_FONT_SETTING = 20;

export function systemPrefersLargeText(): boolean {
  if (typeof window === 'undefined' || typeof document === 'undefined') return false;
  const probe = document.createElement('span');
  probe.style.cssText = 'position:absolute;visibility:hidden;font-size:medium';
  document.documentElement.appendChild(probe);
  const defaultSize = Number.parseFloat(window.getComputedStyle(probe).fontSize);
  probe.remove();
  return Number.isFinite(defaultSize) && defaultSize >= LARGE_FONT_SETTING;
}

/**
 * H5: NutUI's popups and Taro's toasts and tab bar render outside the page root, on <body>, so
 * the elder class also goes there for them to pick up the large tokens.
 */
export function markDocumentElder(elder: boolean): void {
  if (typeof document === 'undefined') return;
  document.body.classList.toggle('fq-elder', elder);
}
