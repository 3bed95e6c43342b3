/**
 * Keyword search without a search engine. CloudBase has no full-text index, so each article
 * keeps the words it can be found by in an array field (`searchKeys`), which an ordinary
 * multikey index serves: every single character and every pair of neighbouring characters of
 * its text, lower-cased. Chinese has no spaces to split words at; character pairs (bigrams)
 * find any word of two characters or more, single characters the one-character searches.
 *
 * A keyword becomes the keys it needs (its pairs; a lone character, itself); the query asks for
 * articles holding all of them (`_.all`), which the index answers by walking the rarest key's
 * list. Holding every pair does not quite prove the keyword is there ("骗子" and "子骗" share
 * pairs with "子骗子"), so the query also keeps the exact substring test on `searchText`, which
 * then runs only on the few candidates the index found.
 */

/** Runs of letters and digits (any script); everything else (spaces, punctuation) separates. */
const SEGMENT = /[\p{L}\p{N}]+/gu;

function segmentsOf(text: string): string[][] {
  return [...text.toLowerCase().matchAll(SEGMENT)].map((match) => Array.from(match[0]));
}

/** The keys an article is found by: each character and each neighbouring pair, once. */
export function searchKeysOf(text: string): string[] {
  const keys = new Set<string>();
  for (const chars of segmentsOf(text)) {
    chars.forEach((char, i) => {
      keys.add(char);
      const next = chars[i + 1];
      if (next !== undefined) keys.add(char + next);
    });
  }
  return [...keys];
}

/** The keys an article must hold to contain `keyword`: its pairs, or the character of a one-character run. */
export function keywordKeysOf(keyword: string): string[] {
  const keys = new Set<string>();
  for (const chars of segmentsOf(keyword)) {
    if (chars.length === 1) keys.add(chars[0] as string);
    for (let i = 0; i + 1 < chars.length; i++) keys.add((chars[i] as string) + (chars[i + 1] as string));
  }
  return [...keys];
}
