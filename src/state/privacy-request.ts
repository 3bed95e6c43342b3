import { useSyncExternalStore } from 'react';

/**
 * WeChat's privacy check (`__usePrivacyCheck__`): the first time a resident who has not agreed
 * uses location, photos, the camera or a phone-number field, WeChat holds that call and asks the
 * app to explain. The request waits here until the resident answers in PrivacyPrompt, which is
 * on every page (PageRoot); the held call then goes on, or fails if they decline.
 */
export type PrivacyAnswer = { event: 'agree'; buttonId: string } | { event: 'disagree' } | { event: 'exposureAuthorization' };

export interface PendingPrivacyRequest {
  answer(answer: PrivacyAnswer): void;
}

let pending: PendingPrivacyRequest | null = null;
const listeners = new Set<() => void>();
const notify = () => listeners.forEach((listener) => listener());

export function holdPrivacyRequest(request: PendingPrivacyRequest): void {
  pending = request;
  notify();
}

/** Answers the waiting request (once) and clears it. */
export function answerPrivacyRequest(answer: PrivacyAnswer): void {
  const request = pending;
  if (!request) return;
  if (answer.event !== 'exposureAuthorization') {
    pending = null;
    notify();
  }
  request.answer(answer);
}

export function usePendingPrivacyRequest(): PendingPrivacyRequest | null {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => pending,
    () => pending,
  );
}
