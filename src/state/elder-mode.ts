import { useSyncExternalStore } from 'react';
import Taro from '@tarojs/taro';
import { markDocumentElder, systemPrefersLargeText } from '@/platform/display';

/**
 * 长辈模式: larger text, larger tap targets, a simpler home. The resident's own choice wins and
 * is remembered on the phone; until they choose, WeChat's large-text setting decides.
 */
export const ELDER_MODE_STORAGE_KEY = 'fq.elderMode';

type StoredChoice = 'on' | 'off';

export interface ElderModeState {
  elder: boolean;
  /** Whether the resident chose, or the app followed WeChat's text size. */
  source: 'resident' | 'system';
}

function readChoice(): StoredChoice | null {
  try {
    const stored: unknown = Taro.getStorageSync(ELDER_MODE_STORAGE_KEY);
    return stored === 'on' || stored === 'off' ? stored : null;
  } catch {
    return null;
  }
}

function initialState(): ElderModeState {
  const choice = readChoice();
  if (choice) return { elder: choice === 'on', source: 'resident' };
  return { elder: systemPrefersLargeText(), source: 'system' };
}

let state: ElderModeState | null = null;
const listeners = new Set<() => void>();

function current(): ElderModeState {
  if (!state) {
    state = initialState();
    markDocumentElder(state.elder);
  }
  return state;
}

export function getElderMode(): ElderModeState {
  return current();
}

/** The resident's choice: applied at once on every open page, and remembered. */
export function setElderMode(elder: boolean): void {
  state = { elder, source: 'resident' };
  try {
    Taro.setStorageSync(ELDER_MODE_STORAGE_KEY, elder ? 'on' : 'off');
  } catch (error) {
    console.warn('[elder-mode] could not remember the choice', error);
  }
  markDocumentElder(elder);
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useElderMode(): ElderModeState & { setElder: (elder: boolean) => void } {
  const snapshot = useSyncExternalStore(subscribe, current, current);
  return { ...snapshot, setElder: setElderMode };
}

/** For tests: forget the cached state so the next read starts from storage again. */
export function resetElderModeForTests(): void {
  state = null;
  listeners.clear();
}
