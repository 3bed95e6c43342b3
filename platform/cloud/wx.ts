import cloud from 'wx-server-sdk';

/**
 * The one module that initialises wx-server-sdk. In WeChat this is the real SDK; the local
 * cloud and the tests resolve `wx-server-sdk` to the local emulation, and nothing here changes.
 */
cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV as unknown as string });

export { cloud };

export const database = () => cloud.database();

export type Database = ReturnType<typeof database>;

/**
 * The functions' clock. Only the local cloud's SDK stand-in has `localNow` (a clock tests and
 * the e2e run can set); with WeChat's SDK this is always the real time.
 */
export function currentTime(): Date {
  const local = (cloud as unknown as { localNow?: () => Date }).localNow;
  return typeof local === 'function' ? local() : new Date();
}
