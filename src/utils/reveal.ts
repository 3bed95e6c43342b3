import Taro from '@tarojs/taro';

/** Clear of the sticky 110 bar on top of the resident's pages. */
const TOP_CLEARANCE = 96;

const isShown = (element: Element) => element.getClientRects().length > 0;

/** The element of the page on screen (Taro's H5 router keeps earlier pages in the DOM, hidden). */
function visibleMatch(selector: string): HTMLElement | undefined {
  if (typeof document === 'undefined') return undefined;
  return Array.from(document.querySelectorAll<HTMLElement>(selector)).find(isShown);
}

/** Focus on an element that may not take it by itself (a heading, a message, a group of chips). */
function focusOn(element: HTMLElement): void {
  if (!element.hasAttribute('tabindex') && !element.matches('input, textarea, button, a[href], select')) element.setAttribute('tabindex', '-1');
  element.focus({ preventScroll: true });
}

/**
 * Brings what the person must see next on screen: scrolls it below the 110 bar (centred on H5,
 * where a tab bar covers the bottom) and, on H5, moves focus to it so a screen reader reads it.
 * For a prompt that appears under the fold, or a dialog's title.
 */
export function reveal(selector: string): void {
  Taro.nextTick(() => {
    if (process.env.TARO_ENV === 'h5') {
      const element = visibleMatch(selector);
      if (!element) return;
      element.scrollIntoView?.({ block: 'center', behavior: 'smooth' });
      focusOn(element);
      return;
    }
    Taro.pageScrollTo({ selector, offsetTop: -TOP_CLEARANCE, duration: 200 }).catch(() => undefined);
  });
}

/** Every form's error slots: field messages, the action's own error, a text past its limit. */
export const FIRST_ERROR = '.field-error, .form-error, .length-hint__message';

/**
 * What a failed submit focuses: the field the first error (in reading order) is about — its native
 * box for a text field — or, for an error about the whole form, the message itself.
 */
function focusTargetOf(error: HTMLElement): HTMLElement {
  const fieldId = error.getAttribute('data-error-for');
  if (!fieldId) return error;
  const field = Array.from(document.querySelectorAll<HTMLElement>(`[id="${fieldId.replace(/["\\]/g, "\\$&")}"]`)).find(isShown);
  if (!field) return error;
  return field.querySelector<HTMLElement>('input, textarea') ?? field;
}

/**
 * After a failed submit: the first invalid field is scrolled on screen and focused, so a screen
 * reader reads its name and its error (aria-describedby); on weapp, where focus cannot be moved,
 * the first error is scrolled below the 110 bar. The error may render a moment after the answer
 * (a state update), so H5 looks again for a few frames.
 */
export function revealFirstError(): void {
  if (process.env.TARO_ENV !== 'h5' || typeof document === 'undefined') {
    Taro.nextTick(() => void Taro.pageScrollTo({ selector: FIRST_ERROR, offsetTop: -TOP_CLEARANCE, duration: 200 }).catch(() => undefined));
    return;
  }
  let tries = 0;
  const look = () => {
    const error = visibleMatch(FIRST_ERROR);
    if (!error) {
      if (++tries < 10) requestAnimationFrame(look);
      return;
    }
    const target = focusTargetOf(error);
    (target === error ? error : target).scrollIntoView?.({ block: 'center', behavior: 'smooth' });
    focusOn(target);
  };
  Taro.nextTick(look);
}
