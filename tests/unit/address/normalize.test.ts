import { approximateSubstring } from '@domain/address/fuzzy';
import { chineseNumeralToArabic, coreName, maskNumbers, normalizeAddressText, NUMBER_MASK } from '@domain/address/normalize';

test.each([
  ['二', '2'],
  ['十', '10'],
  ['十二', '12'],
  ['二十', '20'],
  ['二十三', '23'],
  ['一百零五', '105'],
  ['三〇一', '301'],
  ['五零二', '502'],
])('Chinese numeral %s → %s', (cn, arabic) => {
  expect(chineseNumeralToArabic(cn)).toBe(arabic);
});

test.each([
  ['西罗园第二社区', '西罗园2社区'],
  ['西罗园二区十二号楼', '西罗园2区12号楼'],
  ['ＡＢ　１２号楼', 'ab12号楼'],
  ['洋桥东里 12 - 3 - 301', '洋桥东里12号3号301'],
  ['5#楼', '5号楼'],
  ['“西罗园”，四区！', '西罗园4区'],
])('normalise %s → %s', (raw, normalised) => {
  expect(normalizeAddressText(raw)).toBe(normalised);
});

test('building, unit and room numbers are masked and listed; district numbers are not', () => {
  const { text, numbers } = maskNumbers('西罗园2区5号楼3单元301室');
  expect(text).toBe(`西罗园2区${NUMBER_MASK}号楼${NUMBER_MASK}单元${NUMBER_MASK}室`);
  expect(numbers.map((n) => [n.value, n.building])).toEqual([
    [5, true],
    [3, false],
    [301, false],
  ]);
});

test('generic endings are dropped unless nothing distinctive is left', () => {
  expect(coreName('花椒树社区')).toBe('花椒树');
  expect(coreName('洋桥东里小区')).toBe('洋桥东里');
  expect(coreName('园社区')).toBe('园社区');
  expect(coreName('西罗园2区')).toBe('西罗园2区');
});

test('approximate substring distance', () => {
  const chars = (s: string) => Array.from(s);
  expect(approximateSubstring(chars('西罗园2区'), chars('我住西罗园2区5号楼')).distance).toBe(0);
  expect(approximateSubstring(chars('西罗园2区'), chars('西萝园2区')).distance).toBe(1);
  expect(approximateSubstring(chars('西罗园2区'), chars('罗西园2区')).distance).toBe(1);
  expect(approximateSubstring(chars('西罗园2区'), chars('西罗2区')).distance).toBe(1);
  expect(approximateSubstring(chars('西罗园2区'), chars('西罗园')).distance).toBe(2);
  expect(approximateSubstring(chars('东园'), chars('')).distance).toBe(2);
  const { ends } = approximateSubstring(chars('东园'), chars('东园路东园'));
  expect(ends).toEqual([2, 5]);
});
