import cloud from 'wx-server-sdk';

/**
 * The one module that initialises wx-server-sdk. In WeChat this is the real SDK; the local
 * cloud and the tests resolve `wx-server-sdk` to the local emulation, and nothing here changes.
 */
cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV as unknown as string });

export { cloud };

export const database = () => cloud.database();

export type Database = ReturnType<typeof database>;

