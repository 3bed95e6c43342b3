import { keywordKeysOf, searchKeysOf } from '@domain/search-keys';

describe('search keys (the keyword index kept in each article)', () => {
  it('an article is found by each character and each pair of neighbouring characters, lower-cased', () => {
    expect(searchKeysOf('刷单返利 QQ')).toEqual(['刷', '刷单', '单', '单返', '返', '返利', '利', 'q', 'qq']);
  });

  it('punctuation and spaces separate: no pair spans them', () => {
    expect(searchKeysOf('验证码，不告诉')).not.toContain('码不');
  });

  it('a keyword needs its pairs; a one-character keyword needs itself', () => {
    expect(keywordKeysOf('安全账户')).toEqual(['安全', '全账', '账户']);
    expect(keywordKeysOf('骗')).toEqual(['骗']);
    expect(keywordKeysOf('  ')).toEqual([]);
  });

  it('every key of a keyword is among the keys of a text that contains it', () => {
    const text = '冒充公检法：说您涉嫌洗钱，要求把钱转到"安全账户"';
    const keys = new Set(searchKeysOf(text));
    for (const keyword of ['公检法', '安全账户', '洗钱', '钱', '涉嫌洗钱']) expect(keywordKeysOf(keyword).every((key) => keys.has(key))).toBe(true);
  });
});
