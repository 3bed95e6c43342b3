/**
 * Address text normalisation, shared by the resolver's index (aliases, streets, admin names) and
 * by the resident's input, so both sides always look alike:
 *
 *   NFKC (full-width digits/letters/spaces → ASCII) → lower case → Chinese numerals → Arabic
 *   (二 → 2, 十二 → 12, 三〇一 → 301) → "12-3-301" and "5#" → "12号3号301", "5号" → drop spaces and
 *   punctuation → drop 第 before a number (第二社区 → 2社区).
 *
 * maskNumbers() then replaces each building/unit/room number (a number followed by 号, 号楼, 栋,
 * 单元, 室 …) by one placeholder character and records it, so "西罗园5号楼" cannot look like
 * "西罗园5区" to the fuzzy matcher, and the street-number ranges can be checked afterwards.
 */

const CN_DIGITS: Readonly<Record<string, number>> = { 零: 0, 〇: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const CN_UNITS: Readonly<Record<string, number>> = { 十: 10, 百: 100, 千: 1000 };
const CN_NUMERAL_RUN = /[零〇一二三四五六七八九十百千]+/g;

/** One run of Chinese numerals as Arabic digits: 十二 → 12, 一百零五 → 105, 三〇一 → 301 (digit by digit). */
export function chineseNumeralToArabic(run: string): string {
  if (!/[十百千]/.test(run)) {
    return Array.from(run, (ch) => String(CN_DIGITS[ch] ?? '')).join('');
  }
  let total = 0;
  let current = 0;
  for (const ch of run) {
    const unit = CN_UNITS[ch];
    if (unit !== undefined) {
      total += (current === 0 ? 1 : current) * unit;
      current = 0;
    } else {
      current = CN_DIGITS[ch] ?? 0;
    }
  }
  return String(total + current);
}

/** Normalised form of any address text (see the module comment). */
export function normalizeAddressText(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(CN_NUMERAL_RUN, chineseNumeralToArabic)
    .replace(/(\d+)\s*[-‐‑‒–—―~]\s*(?=\d)/g, '$1号') // 12-3-301: the first number is the building
    .replace(/(\d+)\s*#/g, '$1号') // 5#楼
    .replace(/[^\p{L}\p{N}]+/gu, '')
    .replace(/第(?=\d)/g, '');
}

/** Placeholder for a masked building/unit/room number; a private-use character nobody types. */
export const NUMBER_MASK = '\uE000';

export interface MaskedNumber {
  value: number;
  /** Index (in UTF-16 units) of the placeholder in the masked text. */
  index: number;
  /** A building or house number (号, 号楼, 栋, 幢, 座, 号院), as opposed to a unit, floor or room. */
  building: boolean;
}

const NUMBER_WITH_DESIGNATOR = /(\d+)(号楼|号院|号|栋|幢|座|单元|室|层|楼|户|门|排)/g;
const BUILDING_DESIGNATORS = new Set(['号楼', '号院', '号', '栋', '幢', '座']);

/** Replace every "number + designator" number by NUMBER_MASK and list them in order. */
export function maskNumbers(normalized: string): { text: string; numbers: MaskedNumber[] } {
  const numbers: MaskedNumber[] = [];
  let text = '';
  let last = 0;
  for (const m of normalized.matchAll(NUMBER_WITH_DESIGNATOR)) {
    const digits = m[1] ?? '';
    const designator = m[2] ?? '';
    const at = m.index ?? 0;
    text += normalized.slice(last, at);
    numbers.push({ value: Number(digits), index: text.length, building: BUILDING_DESIGNATORS.has(designator) });
    text += NUMBER_MASK + designator;
    last = at + m[0].length;
  }
  text += normalized.slice(last);
  return { text, numbers };
}

/** Generic endings that carry no identity: 花椒树社区 and 花椒树小区 are both 花椒树. */
const GENERIC_SUFFIXES = ['社区居民委员会', '居民委员会', '社区居委会', '居委会', '社区', '小区'];

/** The distinctive core of a normalised name, or the name itself if the core would be under two characters. */
export function coreName(normalized: string): string {
  for (const suffix of GENERIC_SUFFIXES) {
    if (normalized.endsWith(suffix)) {
      const core = normalized.slice(0, -suffix.length);
      return Array.from(core).length >= 2 ? core : normalized;
    }
  }
  return normalized;
}
