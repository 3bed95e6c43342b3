import Taro from '@tarojs/taro';

export type LocationFailure = 'denied' | 'unavailable';

export type LocationResult =
  | { ok: true; latitude: number; longitude: number }
  | { ok: false; reason: LocationFailure; message: string };

export const LOCATION_MESSAGES: Record<LocationFailure, string> = {
  denied: '没有获得位置权限，可以改用列表或地址。想用位置的话，请点右上角“···”→“设置”，打开“位置信息”后再试。',
  unavailable: '暂时没能获取到您的位置（可能是手机的定位没有打开），可以改用列表或地址，或稍后再试。',
};

/** WeChat says "auth deny", "auth denied", "privacy permission is not authorized", "system permission denied". */
const DENIED = /auth|den(y|ied)|privacy|permission/i;

/**
 * weapp: WeChat's own location in GCJ-02, the coordinate system the directory's community
 * boundaries use. The first call shows WeChat's prompt with the reason in app.config.ts.
 */
export async function getCurrentLocation(): Promise<LocationResult> {
  try {
    const { latitude, longitude } = await Taro.getLocation({ type: 'gcj02' });
    return { ok: true, latitude, longitude };
  } catch (error) {
    const errMsg = String((error as { errMsg?: unknown } | undefined)?.errMsg ?? error);
    console.warn('[location] getLocation failed', errMsg);
    const reason: LocationFailure = DENIED.test(errMsg) ? 'denied' : 'unavailable';
    return { ok: false, reason, message: LOCATION_MESSAGES[reason] };
  }
}
