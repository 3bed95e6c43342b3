import { checkLimits, type BookingRequest } from '@domain/booking';
import { booking } from './fixture';

const request = (over: Partial<BookingRequest> = {}): BookingRequest => ({
  accountId: 'acct-1',
  personKey: 'p_me',
  service: 'idRenewal',
  slotId: 'teststation:idRenewal:2026-03-17:0900',
  ...over,
});

describe('checkLimits', () => {
  test('nothing active: fine', () => {
    expect(checkLimits([], request())).toEqual({ ok: true });
  });

  test('one active booking per person per service, at any station and whoever booked it', () => {
    const mine = booking({ personKey: 'p_me', service: 'idRenewal', slotId: 'wulin:idRenewal:2026-03-18:0900' });
    expect(checkLimits([mine], request())).toMatchObject({ ok: false, reason: 'DUPLICATE_SERVICE' });
    // Mother's renewal booked by her son's account still counts against her.
    const byChild = booking({ accountId: 'acct-son', personKey: 'p_mother' });
    const result = checkLimits([byChild], request({ accountId: 'acct-mother', personKey: 'p_mother', personLabel: '王秀英' }));
    expect(result).toMatchObject({ ok: false, reason: 'DUPLICATE_SERVICE' });
    // …but another account's booking is not the mother's account's to learn about (PIPL).
    expect(result.ok ? '' : result.message).not.toMatch(/预约还没办理|已经有/);
    const ownEarlier = checkLimits([booking({ accountId: 'acct-mother', personKey: 'p_mother' })], request({ accountId: 'acct-mother', personKey: 'p_mother', personLabel: '王秀英' }));
    expect(ownEarlier.ok ? '' : ownEarlier.message).toContain('王秀英已经有一个“身份证到期换领”的预约');
  });

  test('other services, other people, and finished or cancelled bookings do not count', () => {
    const existing = [
      booking({ personKey: 'p_me', service: 'passport' }),
      booking({ personKey: 'p_other', service: 'idRenewal', accountId: 'acct-2' }),
      booking({ personKey: 'p_me', service: 'idRenewal', status: 'cancelled' }),
      booking({ personKey: 'p_me', service: 'idRenewal', status: 'checkedIn' }),
    ];
    expect(checkLimits(existing, request())).toEqual({ ok: true });
  });

  test('the account cap counts family members’ bookings made by the account', () => {
    const existing = [
      booking({ personKey: 'p_me', service: 'passport' }),
      booking({ personKey: 'p_mother', service: 'idRenewal' }),
      booking({ personKey: 'p_child', service: 'idFirst' }),
    ];
    const result = checkLimits(existing, request({ personKey: 'p_father' }));
    expect(result).toMatchObject({ ok: false, reason: 'ACCOUNT_CAP' });
    expect(result.ok ? '' : result.message).toContain('最多同时有3个');
    expect(checkLimits(existing, request({ personKey: 'p_father' }), { accountCap: 4 })).toEqual({ ok: true });
    // Another account booking for a person whose own account is full: that account's cap applies.
    expect(checkLimits(existing.slice(0, 1), request({ accountId: 'acct-2', personKey: 'p_father' }))).toEqual({ ok: true });
  });

  test('a repeated request for the very same slot answers with the existing booking', () => {
    const same = booking({ personKey: 'p_me', slotId: 'teststation:idRenewal:2026-03-17:0900' });
    expect(checkLimits([same], request())).toEqual({ ok: true, sameBooking: same });
  });

  test('rescheduling: the booking being replaced does not count', () => {
    const old = booking({ id: 'bk_old', personKey: 'p_me', slotId: 'teststation:idRenewal:2026-03-16:0900' });
    expect(checkLimits([old], request({ replacing: 'bk_old' }))).toEqual({ ok: true });
    const full = [old, booking({ personKey: 'p_a', service: 'passport' }), booking({ personKey: 'p_b', service: 'idFirst' })];
    expect(checkLimits(full, request({ replacing: 'bk_old' }))).toEqual({ ok: true });
  });
});
