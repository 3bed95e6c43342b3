import Taro from '@tarojs/taro';

/**
 * WeChat's own text size (我 → 设置 → 通用 → 字体大小, and 关怀模式, which enlarges it) is
 * reported as `fontSizeSetting` in px; the standard size is 16–17. From 20 up the resident has
 * asked WeChat for large text (so has `fontSizeScaleFactor` ≥ 1.25), so the app starts in elder mode until they switch it off.
 */
export const LARGE_FONT_SETTING = 20;

export function systemPrefersLargeText(): boolean {
  try {
    // Taro's typing omits the font fields WeChat documents on AppBaseInfo.
    const { fontSizeSetting, fontSizeScaleFactor } = Taro.getAppBaseInfo() as Partial<WechatMiniprogram.AppBaseInfo>;
    if (typeof fontSizeSetting === 'number' && fontSizeSetting >= LARGE_FONT_SETTING) return true;
    return typeof fontSizeScaleFactor === 'number' && fontSizeScaleFactor >= 1.25;
  } catch (error) {
    console.warn('[display] getAppBaseInfo failed', error);
    return false;
  }
}

/**
 * weapp: each page root carries the elder class (see PageRoot); overlays are drawn inside the
 * page, so there is nothing global to mark.
 */
export function markDocumentElder(_elder: boolean): void {
  // Nothing outside the page tree on weapp.
}
