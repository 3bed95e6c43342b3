import { CONTACT_CHANNELS, fraudCheckMessage, PAYEE_KINDS, warningSignsFor } from '@domain/anti-fraud/warning-signs';

const keys = (facts: Parameters<typeof warningSignsFor>[0]) => warningSignsFor(facts).map((sign) => sign.key);

describe('the three warning signs that fit a transfer', () => {
  test('a caller asking for a "safe account" is 冒充公检法', () => {
    expect(keys({ amount: 50_000, payeeKind: 'safeAccount', channel: 'phoneCall' })).toEqual(['safe-account', 'police-by-phone', 'large-amount']);
  });
  test('an investment group with an app top-up', () => {
    expect(keys({ amount: 2_000, payeeKind: 'appOrWebsite', channel: 'investGroup' })).toEqual(['guaranteed-returns', 'unknown-app', 'large-amount']);
  });
  test('an online friend asking for money to a personal account', () => {
    expect(keys({ amount: 800, payeeKind: 'personal', channel: 'onlineFriend' })).toEqual(['online-friend-money', 'personal-account', 'verify-acquaintance']);
  });
  test('a shop "customer service" refund', () => {
    expect(keys({ amount: 300, payeeKind: 'unknown', channel: 'gameOrShop' })[0]).toBe('refund-needs-no-payment');
  });
  test('every combination gets exactly three different signs', () => {
    for (const payeeKind of PAYEE_KINDS) {
      for (const channel of CONTACT_CHANNELS) {
        const signs = keys({ amount: 100, payeeKind, channel });
        expect(new Set(signs).size).toBe(3);
      }
    }
  });
  test('the message the officer reads', () => {
    expect(fraudCheckMessage({ amount: 50_000, payeeKind: 'safeAccount', channel: 'phoneCall' }, '对方说是公安局的')).toBe(
      '【转账前核实】我准备转账 50,000 元\n收款方：对方说的“安全账户”\n对方怎么联系我的：打电话给我\n补充：对方说是公安局的',
    );
  });
});
