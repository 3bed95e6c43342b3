/**
 * Approximate substring matching (Sellers 1980): the fewest edits — substitution, insertion,
 * deletion, or swap of two neighbouring characters — that turn `pattern` into SOME substring of
 * `text`. Characters of the text outside that substring are free, so "我家住在西罗园二区5号楼"
 * contains "西罗园2区" at distance 0. O(|pattern|·|text|) time, three rows of memory.
 */

export interface SubstringMatch {
  distance: number;
  /** End (exclusive, in characters of `text`) of every substring reaching `distance`, ascending. */
  ends: number[];
}

/** `pattern` and `text` as arrays of characters (code points). */
export function approximateSubstring(pattern: readonly string[], text: readonly string[]): SubstringMatch {
  const m = pattern.length;
  const n = text.length;
  if (m === 0) return { distance: 0, ends: [0] };
  // rows[i][j]: edits between pattern[0..i) and the best substring of text ending at j.
  let prev2 = new Int32Array(n + 1);
  let prev = new Int32Array(n + 1); // row 0: all zero (a match may start anywhere)
  let row = new Int32Array(n + 1);
  for (let i = 1; i <= m; i++) {
    row[0] = i;
    const pc = pattern[i - 1];
    const pcPrev = i > 1 ? pattern[i - 2] : undefined;
    for (let j = 1; j <= n; j++) {
      const tc = text[j - 1];
      let best = (prev[j - 1] ?? 0) + (pc === tc ? 0 : 1);
      const del = (prev[j] ?? 0) + 1; // pattern character missing from the text
      if (del < best) best = del;
      const ins = (row[j - 1] ?? 0) + 1; // extra character in the text
      if (ins < best) best = ins;
      if (i > 1 && j > 1 && pc === text[j - 2] && pcPrev === tc && pc !== tc) {
        const swap = (prev2[j - 2] ?? 0) + 1;
        if (swap < best) best = swap;
      }
      row[j] = best;
    }
    const recycled = prev2;
    prev2 = prev;
    prev = row;
    row = recycled;
  }
  // prev now holds row m.
  let distance = m;
  for (let j = 0; j <= n; j++) distance = Math.min(distance, prev[j] ?? m);
  const ends: number[] = [];
  for (let j = 0; j <= n; j++) if (prev[j] === distance) ends.push(j);
  return { distance, ends };
}
