import Taro from '@tarojs/taro';

export type ScanResult = { ok: true; text: string } | { ok: false; reason: 'cancelled' | 'failed'; message: string };

/** weapp: the camera scanner exists; the hall page offers a 扫码签到 button. */
export const CAN_SCAN = true;

/** weapp: WeChat's camera scanner, QR codes only (the check-in code on 我的预约). */
export async function scanQrCode(): Promise<ScanResult> {
  try {
    const { result } = await Taro.scanCode({ onlyFromCamera: true, scanType: ['qrCode'] });
    return { ok: true, text: result };
  } catch (error) {
    const errMsg = String((error as { errMsg?: unknown } | undefined)?.errMsg ?? error);
    if (/cancel/i.test(errMsg)) return { ok: false, reason: 'cancelled', message: '' };
    console.warn('[scan] scanCode failed', errMsg);
    return { ok: false, reason: 'failed', message: '没能扫到二维码，可以让居民报出6位签到码，输入后签到' };
  }
}
