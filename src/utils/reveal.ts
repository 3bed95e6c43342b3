import Taro from '@tarojs/taro';

/** Clear of the sticky 110 bar on top of the resident's pages. */
const TOP_CLEARANCE = 96;

/** The element of the page on screen (Taro's H5 router keeps earlier pages in the DOM, hidden). */
function visibleMatch(selector: string): HTMLElement | undefined {
  if (typeof document === 'undefined') return undefined;
  return Array.from(document.querySelectorAll<HTMLElement>(selector)).find((element) => element.getClientRects().length > 0);
}

/**
 * Brings what the person must see next on screen: scrolls it below the 110 bar (centred on H5,
 * where a tab bar covers the bottom) and, on H5, moves focus to it so a screen reader reads it.
 * For a form's first error, or a prompt that appears under the fold.
 */
export function reveal(selector: string): void {
  Taro.nextTick(() => {
    if (process.env.TARO_ENV === 'h5') {
      const element = visibleMatch(selector);
      if (!element) return;
      element.scrollIntoView?.({ block: 'center', behavior: 'smooth' });
      if (!element.hasAttribute('tabindex')) element.setAttribute('tabindex', '-1');
      element.focus({ preventScroll: true });
      return;
    }
    Taro.pageScrollTo({ selector, offsetTop: -TOP_CLEARANCE, duration: 200 }).catch(() => undefined);
  });
}

/** Every form's error slots: field messages and the action's own error. */
export const FIRST_ERROR = '.field-error, .form-error, .length-hint--over';

export const revealFirstError = () => reveal(FIRST_ERROR);
