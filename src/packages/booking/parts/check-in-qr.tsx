import { View } from '@tarojs/components';
import { encode } from 'uqr';
import { roleProps } from '@/components/a11y';

/** Runs of equal modules in one row, so a 33×33 code is a few hundred views, not a thousand. */
export function moduleRuns(row: readonly boolean[]): { dark: boolean; length: number }[] {
  const runs: { dark: boolean; length: number }[] = [];
  for (const dark of row) {
    const last = runs[runs.length - 1];
    if (last && last.dark === dark) last.length++;
    else runs.push({ dark, length: 1 });
  }
  return runs;
}

export interface CheckInQrProps {
  /** What the officer's scanner reads (BookingView.checkInPayload). */
  payload: string;
  /** The 6-digit code the QR stands for: the picture's text alternative (read digit by digit). */
  code: string;
  /** Width of the drawn code in px, quiet zone included. */
  size?: number;
}

/**
 * The check-in QR code drawn with plain views (the same on weapp and H5, no canvas, nothing
 * async). Medium error correction: a cracked phone screen still scans.
 */
export function CheckInQr({ payload, code, size = 220 }: CheckInQrProps) {
  const { data } = encode(payload, { ecc: 'M', border: 2 });
  const cell = Math.max(2, Math.floor(size / data.length));
  return (
    <View
      className="check-in-qr"
      style={{ width: `${cell * data.length}px`, height: `${cell * data.length}px` }}
      {...roleProps('img')}
      aria-label={`签到二维码，签到码 ${code.split('').join(' ')}`}
      data-payload={payload}
    >
      {data.map((row, y) => (
        <View key={y} className="check-in-qr__row" style={{ height: `${cell}px` }}>
          {moduleRuns(row).map((run, x) => (
            <View key={x} className={run.dark ? 'check-in-qr__dark' : 'check-in-qr__light'} style={{ width: `${cell * run.length}px`, height: `${cell}px` }} />
          ))}
        </View>
      ))}
    </View>
  );
}
