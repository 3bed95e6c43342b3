import { useSyncExternalStore } from 'react';

export interface ConfirmOptions {
  title: string;
  content?: string;
  /** The button that goes ahead, named for what it does ("取消预约", "撤回"). */
  confirmText: string;
  /** The button that leaves things as they are ("不取消", "先不撤回"). Without it the dialog only informs (one button). */
  cancelText?: string;
  /** A confirmation that removes or stops something: the go-ahead button is red. */
  danger?: boolean;
}

export interface TextQuestion extends ConfirmOptions {
  /** A one-line box in the dialog (停办原因): its label, and a hint shown while empty. */
  input: { label: string; placeholder?: string; maxLength?: number };
}

export interface ConfirmAnswer {
  confirmed: boolean;
  /** What was typed in the dialog's box (trimmed), when it has one. */
  text: string;
}

interface Pending extends ConfirmOptions {
  input?: TextQuestion['input'];
  resolve: (answer: ConfirmAnswer) => void;
  /** Where focus was when the question was asked (H5): it goes back there afterwards. */
  returnFocus?: HTMLElement;
}

let pending: Pending | undefined;
const listeners = new Set<() => void>();
const publish = () => listeners.forEach((listener) => listener());

const inBrowser = () => process.env.TARO_ENV === 'h5' && typeof document !== 'undefined';

function ask(options: ConfirmOptions & { input?: TextQuestion['input'] }): Promise<ConfirmAnswer> {
  pending?.resolve({ confirmed: false, text: '' });
  const focused = inBrowser() ? document.activeElement : undefined;
  return new Promise((resolve) => {
    pending = { ...options, resolve, returnFocus: focused instanceof HTMLElement && focused !== document.body ? focused : undefined };
    publish();
  });
}

/**
 * Asks a yes/no question in the app's own dialog (PageRoot draws it, with the page's tokens, so it
 * is large in 长辈模式 and its buttons are named buttons) instead of Taro's showModal. Resolves
 * true for the go-ahead button. A second question replaces an unanswered first one (answered no).
 */
export async function askToConfirm(options: ConfirmOptions): Promise<boolean> {
  return (await ask(options)).confirmed;
}

/** The same dialog with a one-line box (a reason): resolves with the go-ahead and what was typed. */
export const askWithText = (question: TextQuestion): Promise<ConfirmAnswer> => ask(question);

/** Something the person only needs to read (an address to copy): one button. */
export async function tellInDialog(options: Omit<ConfirmOptions, 'cancelText' | 'danger'>): Promise<void> {
  await ask(options);
}

/** Focus goes back to the control that asked, when it is still on screen (H5). */
function restoreFocus(target: HTMLElement | undefined): void {
  if (!target || !inBrowser()) return;
  // The page behind stays inert until the dialog's effects are cleaned up: try again for a few frames.
  let tries = 0;
  const attempt = () => {
    if (!target.isConnected || target.getClientRects().length === 0) return;
    if (target.closest('[inert]') && ++tries < 20) {
      requestAnimationFrame(attempt);
      return;
    }
    target.focus({ preventScroll: true });
  };
  setTimeout(attempt, 0);
}

export function answerConfirm(confirmed: boolean, text = ''): void {
  const current = pending;
  if (!current) return;
  pending = undefined;
  publish();
  current.resolve({ confirmed, text: text.trim() });
  restoreFocus(current.returnFocus);
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export type PendingQuestion = Omit<Pending, 'resolve' | 'returnFocus'>;

export const usePendingConfirm = (): PendingQuestion | undefined => useSyncExternalStore(subscribe, () => pending, () => pending);
