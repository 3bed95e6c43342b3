/**
 * Folds text the way people dodge keyword filters: full-width letters and digits ("ＳＢ"),
 * capitals, and spaces, punctuation, symbols or emoji put between characters ("冰 毒·出售").
 * NFKC maps full-width forms (and the ideographic space) to their plain forms.
 */
const IGNORED = /[\p{P}\p{S}\p{Z}\p{Cc}\p{Cf}\s]/gu;

export function normalizeForMatching(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(IGNORED, '');
}

/** WeChat counts limits in characters, not UTF-16 units (an emoji is one). */
export const characterCount = (text: string): number => [...text].length;
