import { useSyncExternalStore } from 'react';

export interface ConfirmOptions {
  title: string;
  content?: string;
  /** The button that goes ahead, named for what it does ("取消预约", "撤回"). */
  confirmText: string;
  /** The button that leaves things as they are ("不取消", "先不撤回"). */
  cancelText: string;
  /** A confirmation that removes or stops something: the go-ahead button is red. */
  danger?: boolean;
}

interface Pending extends ConfirmOptions {
  resolve: (confirmed: boolean) => void;
}

let pending: Pending | undefined;
const listeners = new Set<() => void>();
const publish = () => listeners.forEach((listener) => listener());

/**
 * Asks a yes/no question in the app's own dialog (PageRoot draws it, with the page's tokens, so it
 * is large in 长辈模式 and its buttons are named buttons) instead of Taro's H5 showModal. Resolves
 * true for the go-ahead button. A second question replaces an unanswered first one (answered no).
 */
export function askToConfirm(options: ConfirmOptions): Promise<boolean> {
  pending?.resolve(false);
  return new Promise((resolve) => {
    pending = { ...options, resolve };
    publish();
  });
}

export function answerConfirm(confirmed: boolean): void {
  const current = pending;
  pending = undefined;
  publish();
  current?.resolve(confirmed);
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export const usePendingConfirm = (): ConfirmOptions | undefined => useSyncExternalStore(subscribe, () => pending, () => pending);
