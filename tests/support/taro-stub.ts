/**
 * Stand-in for @tarojs/taro in component tests (jsdom). Only what our pages and the NutUI
 * components they use touch: page hooks are inert except show/hide (tests play them through
 * `pageLifecycle`), UI APIs resolve
 * like a user who taps "OK". Tests spy on these to assert calls.
 */
import { useEffect, useRef } from 'react';

type AnyOptions = Record<string, unknown>;

const resolved = <T>(value: T) => Promise.resolve(value);

export const ENV_TYPE = { WEAPP: 'WEAPP', WEB: 'WEB' } as const;
// NutUI branches on the environment (getEnv at run time, TARO_ENV where Taro would inline it);
// jsdom is a browser, so both say H5.
export const getEnv = () => ENV_TYPE.WEB;
process.env.TARO_ENV ??= 'h5';

export const showToast = (_options: AnyOptions) => resolved({ errMsg: 'showToast:ok' });
export const showModal = (_options: AnyOptions) => resolved({ confirm: true, cancel: false, errMsg: 'showModal:ok' });
export const makePhoneCall = (_options: { phoneNumber: string }) => resolved({ errMsg: 'makePhoneCall:ok' });
export const navigateTo = (_options: { url: string }) => resolved({ errMsg: 'navigateTo:ok' });
export const navigateBack = (_options?: { delta?: number }) => resolved({ errMsg: 'navigateBack:ok' });
export const switchTab = (_options: { url: string }) => resolved({ errMsg: 'switchTab:ok' });
/** Two pages on the stack: the page under test was opened from another one. */
export const getCurrentPages = () => [{ route: 'pages/me/index' }, { route: 'page/under/test' }];
/** Where the user is; tests of pages that locate mock @/platform/location instead. */
export const getLocation = (_options: { type?: string }) => resolved({ latitude: 39.8444, longitude: 116.3839, errMsg: 'getLocation:ok' });
export const setClipboardData = (_options: { data: string }) => resolved({ errMsg: 'setClipboardData:ok' });
export const stopPullDownRefresh = () => undefined;
export const pageScrollTo = (_options: AnyOptions) => resolved({ errMsg: 'pageScrollTo:ok' });
export const nextTick = (callback: () => void) => void Promise.resolve().then(callback);
export const createSelectorQuery = () => ({
  select: () => ({ boundingClientRect: () => ({ exec: (callback?: (result: unknown[]) => void) => callback?.([]) }) }),
});
export const getCurrentInstance = () => ({ router: { params: {}, path: '' }, page: undefined });
/** Taro's page-to-page event bus, working: a page may react to what another one announced. */
const listeners = new Map<string, Set<(...args: unknown[]) => void>>();
export const eventCenter = {
  on: (name: string, listener: (...args: unknown[]) => void) => {
    listeners.set(name, (listeners.get(name) ?? new Set()).add(listener));
  },
  off: (name: string, listener?: (...args: unknown[]) => void) => {
    if (listener) listeners.get(name)?.delete(listener);
    else listeners.delete(name);
  },
  trigger: (name: string, ...args: unknown[]) => {
    for (const listener of [...(listeners.get(name) ?? [])]) listener(...args);
  },
};

/** The phone's storage, in memory; tests clear it with `clearStorageSync`. */
const storage = new Map<string, unknown>();
export const getStorageSync = (key: string): unknown => (storage.has(key) ? storage.get(key) : '');
export const setStorageSync = (key: string, data: unknown) => void storage.set(key, data);
export const removeStorageSync = (key: string) => void storage.delete(key);
export const clearStorageSync = () => storage.clear();
/** WeChat's text size (px; 17 is standard); tests set `appBaseInfo.fontSizeSetting`. */
export const appBaseInfo = { fontSizeSetting: 17, fontSizeScaleFactor: 1 };
export const getAppBaseInfo = () => ({ ...appBaseInfo, SDKVersion: '3.6.0', language: 'zh_CN' });

export const useLaunch = (_callback: () => void) => undefined;
export const getLaunchOptionsSync = () => ({ path: 'pages/feed/index', query: {}, scene: 1001 });
/** Runs once after the first render, as the page's onReady does. */
export const useReady = (callback: () => void) => {
  const callbackRef = useRef(callback);
  useEffect(() => callbackRef.current(), []);
};
/** The page coming into view and leaving it, working: mounted hooks listen, tests call show()/hide(). */
const pageListeners = { show: new Set<() => void>(), hide: new Set<() => void>() };
function usePageEvent(kind: keyof typeof pageListeners, callback: () => void): void {
  const callbackRef = useRef(callback);
  callbackRef.current = callback;
  useEffect(() => {
    const listener = () => callbackRef.current();
    pageListeners[kind].add(listener);
    return () => {
      pageListeners[kind].delete(listener);
    };
  }, [kind]);
}
export const pageLifecycle = {
  show: () => pageListeners.show.forEach((listener) => listener()),
  hide: () => pageListeners.hide.forEach((listener) => listener()),
};
export const useDidShow = (callback: () => void) => usePageEvent('show', callback);
export const useDidHide = (callback: () => void) => usePageEvent('hide', callback);
export const usePullDownRefresh = (_callback: () => void) => undefined;
export const useShareAppMessage = (_callback: () => unknown) => undefined;
export const useShareTimeline = (_callback: () => unknown) => undefined;
export const useReachBottom = (_callback: () => void) => undefined;
export const useRouter = () => ({ params: {} as Record<string, string>, path: '' });

const Taro = {
  ENV_TYPE,
  getEnv,
  showToast,
  showModal,
  makePhoneCall,
  navigateTo,
  navigateBack,
  switchTab,
  getCurrentPages,
  getLocation,
  setClipboardData,
  stopPullDownRefresh,
  pageScrollTo,
  nextTick,
  createSelectorQuery,
  getCurrentInstance,
  eventCenter,
  getStorageSync,
  setStorageSync,
  removeStorageSync,
  clearStorageSync,
  getAppBaseInfo,
  useLaunch,
  getLaunchOptionsSync,
  useReady,
  useDidShow,
  useDidHide,
  usePullDownRefresh,
  useShareAppMessage,
  useShareTimeline,
  useReachBottom,
  useRouter,
};

export default Taro;
