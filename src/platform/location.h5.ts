import type { LocationFailure, LocationResult } from './location';

export type { LocationFailure, LocationResult } from './location';

export const LOCATION_MESSAGES: Record<LocationFailure, string> = {
  denied: '没有获得位置权限，可以改用列表或地址。想用位置的话，请在浏览器的网站设置里允许使用位置后再试。',
  unavailable: '暂时没能获取到您的位置（可能是定位没有打开），可以改用列表或地址，或稍后再试。',
};

const TIMEOUT_MS = 15_000;

/**
 * H5 (local mode): the browser's geolocation. Taro's H5 getLocation only accepts WGS-84 and
 * reports a refusal as a bare message, so the browser API is used directly to tell a refusal
 * (code 1) from "no fix". The position is passed on as it is: the local mode's demo boundaries
 * are illustrative, not surveyed; a public H5 build would convert WGS-84 to GCJ-02 here.
 */
export function getCurrentLocation(): Promise<LocationResult> {
  const fail = (reason: LocationFailure): LocationResult => ({ ok: false, reason, message: LOCATION_MESSAGES[reason] });
  if (typeof navigator === 'undefined' || !navigator.geolocation) return Promise.resolve(fail('unavailable'));
  return new Promise((resolve) => {
    navigator.geolocation.getCurrentPosition(
      (position) => resolve({ ok: true, latitude: position.coords.latitude, longitude: position.coords.longitude }),
      (error) => {
        console.warn('[location] geolocation failed', error.code, error.message);
        resolve(fail(error.code === 1 /* PERMISSION_DENIED */ ? 'denied' : 'unavailable'));
      },
      // A fresh fix each time: the resident asks for where they are now.
      { enableHighAccuracy: false, timeout: TIMEOUT_MS, maximumAge: 0 },
    );
  });
}
