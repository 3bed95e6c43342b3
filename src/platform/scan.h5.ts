import type { ScanResult } from './scan';

export type { ScanResult } from './scan';

/** H5 (local mode): a browser has no scanCode; the hall page shows only the typed-code box. */
export const CAN_SCAN = false;

export async function scanQrCode(): Promise<ScanResult> {
  return { ok: false, reason: 'failed', message: '浏览器里不能扫码，请输入居民报出的6位签到码' };
}
