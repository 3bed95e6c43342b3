/**
 * Browsers do not report WeChat's text size. A resident who zoomed the page's text in their
 * browser (the root font size above 20px) asked for large text the same way.
 */
export const LARGE_FONT_SETTING = 20;

export function systemPrefersLargeText(): boolean {
  if (typeof window === 'undefined' || typeof document === 'undefined') return false;
  const rootSize = Number.parseFloat(window.getComputedStyle(document.documentElement).fontSize);
  return Number.isFinite(rootSize) && rootSize >= LARGE_FONT_SETTING;
}

/**
 * H5: NutUI's popups and Taro's toasts and tab bar render outside the page root, on <body>, so
 * the elder class also goes there for them to pick up the large tokens.
 */
export function markDocumentElder(elder: boolean): void {
  if (typeof document === 'undefined') return;
  document.body.classList.toggle('fq-elder', elder);
}
