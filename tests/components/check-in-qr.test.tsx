/** The check-in QR code: every dark module of the encoded matrix is drawn, in runs. */
import { render, screen } from '@testing-library/react';
import { encode } from 'uqr';
import { CheckInQr, moduleRuns } from '@/packages/booking/parts/check-in-qr';

describe('CheckInQr', () => {
  it('groups a row into runs of equal modules', () => {
    expect(moduleRuns([true, true, false, true, false, false])).toEqual([
      { dark: true, length: 2 },
      { dark: false, length: 1 },
      { dark: true, length: 1 },
      { dark: false, length: 2 },
    ]);
  });

  it('draws the encoded payload module for module', () => {
    const payload = 'fqlj:checkin:bk_0123456789abc:482913';
    const { container } = render(<CheckInQr payload={payload} code="482913" size={200} />);
    const { data } = encode(payload, { ecc: 'M', border: 2 });
    const rows = container.querySelectorAll('.check-in-qr__row');
    expect(rows).toHaveLength(data.length);
    rows.forEach((row, y) => {
      const drawn = Array.from(row.children).flatMap((run) => {
        const width = Number.parseInt((run as HTMLElement).style.width, 10);
        const cell = Math.floor(200 / data.length);
        return Array.from({ length: width / cell }, () => run.className === 'check-in-qr__dark');
      });
      expect(drawn).toEqual(data[y]);
    });
  });

  it('is a picture whose text alternative is the code itself, digit by digit', () => {
    render(<CheckInQr payload="fqlj:checkin:bk_0123456789abc:482913" code="482913" />);
    expect(screen.getByRole('img', { name: '签到二维码，签到码 4 8 2 9 1 3' })).toBeTruthy();
  });
});
