/**
 * Stand-in for @tarojs/taro in component tests (jsdom). Only what our pages and the NutUI
 * components they use touch: page hooks are inert (no page lifecycle here), UI APIs resolve
 * like a user who taps "OK". Tests spy on these to assert calls.
 */
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
export const setClipboardData = (_options: { data: string }) => resolved({ errMsg: 'setClipboardData:ok' });
export const stopPullDownRefresh = () => undefined;
export const createSelectorQuery = () => ({
  select: () => ({ boundingClientRect: () => ({ exec: (callback?: (result: unknown[]) => void) => callback?.([]) }) }),
});
export const getCurrentInstance = () => ({ router: { params: {}, path: '' }, page: undefined });
export const eventCenter = { on: () => undefined, off: () => undefined, trigger: () => undefined };

export const useLaunch = (_callback: () => void) => undefined;
export const useDidShow = (_callback: () => void) => undefined;
export const usePullDownRefresh = (_callback: () => void) => undefined;
export const useShareAppMessage = (_callback: () => unknown) => undefined;

const Taro = {
  ENV_TYPE,
  getEnv,
  showToast,
  showModal,
  makePhoneCall,
  navigateTo,
  setClipboardData,
  stopPullDownRefresh,
  createSelectorQuery,
  getCurrentInstance,
  eventCenter,
  useLaunch,
  useDidShow,
  usePullDownRefresh,
  useShareAppMessage,
};

export default Taro;
