import Taro from '@tarojs/taro';

/** Cloud environment the weapp build talks to; set CLOUD_ENV_ID at build time to pin one. */
declare const CLOUD_ENV_ID: string;

let initialised = false;

/** weapp: WeChat's own cloud call, which attaches the caller's OPENID on the server side. */
export function initCloud(): void {
  if (initialised) return;
  Taro.cloud.init({ env: CLOUD_ENV_ID || undefined, traceUser: true });
  initialised = true;
}

export async function sendToCloud(fn: string, data: { action: string; input: unknown }): Promise<unknown> {
  initCloud();
  const response = await Taro.cloud.callFunction({ name: fn, data });
  return response.result;
}
