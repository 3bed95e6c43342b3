import { isValidIdNumber, maskIdNumber, maskPhone, normalizeIdNumber, normalizePhone, validateIdNumber, validatePhone } from '@domain/booking';

describe('ID numbers (GB 11643 checksum)', () => {
  test.each(['110102195003071231', '320583199001012833', '440304199912315676', '33010519850612102X'])('valid: %s', (id) => {
    expect(validateIdNumber(id)).toMatchObject({ ok: true, normalized: id });
  });

  test('a lowercase x, spaces and full-width digits are accepted and normalised', () => {
    expect(validateIdNumber('33010519850612102x')).toMatchObject({ ok: true, normalized: '33010519850612102X' });
    expect(validateIdNumber(' 330105 1985 0612 102x ')).toMatchObject({ ok: true, normalized: '33010519850612102X' });
    expect(normalizeIdNumber('１１０１０２１９５００３０７１２３１')).toBe('110102195003071231');
    expect(normalizeIdNumber('33010519850612102ｘ')).toBe('33010519850612102X');
  });

  test('a wrong check character is refused with a message', () => {
    expect(validateIdNumber('110102195003071234')).toEqual({ ok: false, reason: 'CHECKSUM', message: '身份证号码有误，请逐位核对' });
    expect(validateIdNumber('330105198506121021').ok).toBe(false);
    expect(validateIdNumber('110102195003071X31').ok).toBe(false);
  });

  test('shape and birth date', () => {
    expect(validateIdNumber('11010219500307123')).toMatchObject({ ok: false, reason: 'FORMAT' });
    expect(validateIdNumber('110102500307123')).toMatchObject({ ok: false, reason: 'FORMAT' }); // old 15-digit
    expect(validateIdNumber('010102195003071231')).toMatchObject({ ok: false, reason: 'FORMAT' });
    expect(validateIdNumber('110102195002301234')).toMatchObject({ ok: false, reason: 'BIRTH_DATE' }); // 30 February
    expect(validateIdNumber('110102203001011234', new Date('2026-03-16T00:00:00Z'))).toMatchObject({ ok: false, reason: 'BIRTH_DATE' });
    expect(isValidIdNumber('')).toBe(false);
  });
});

describe('masking for anyone but the owner', () => {
  test('ID numbers keep the first 3 and last 4', () => {
    expect(maskIdNumber('110102195003071234')).toBe('110***********1234');
    expect(maskIdNumber('33010519850612102x')).toBe('330***********102X');
    expect(maskIdNumber('123')).toBe('***');
  });

  test('phones keep the first 3 and last 4', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskPhone('+86 138-1234-5678')).toBe('138****5678');
    expect(maskPhone('87021101')).toBe('****1101');
  });
});

describe('mobile numbers', () => {
  test('valid, after removing spaces, hyphens and +86', () => {
    expect(validatePhone('13812345678')).toEqual({ ok: true, normalized: '13812345678' });
    expect(validatePhone('+86 138 1234 5678')).toEqual({ ok: true, normalized: '13812345678' });
    expect(normalizePhone('１３８１２３４５６７８')).toBe('13812345678');
  });

  test.each(['1381234567', '12812345678', '0571-87021101', 'abc'])('invalid: %s', (phone) => {
    expect(validatePhone(phone)).toEqual({ ok: false, message: '请填写11位手机号码' });
  });
});
