/**
 * Does a resident's question read as an emergency IN PROGRESS? Then the app shows the 110 prompt
 * at once instead of queueing the question. Rules are data (rules.ts); this file only applies them.
 *
 * 1. Split the text into clauses at punctuation (，。！？；、 and ASCII equivalents, after NFKC),
 *    then normalise each clause: lower case, no spaces, no punctuation or quotes.
 * 2. Every signal occurrence that is not negated (没有着火) scores
 *      weight + present − suppression
 *    present     = Σ present markers (same clause ×1 — none if the clause is a hypothetical such
 *                  as 如果有人正在撬锁怎么办 —, other clauses ×0.6, ！ adds 0.1), ≤ 0.4
 *    suppression = the largest applicable suppressor (same clause ×1, other clauses ×0.6 except
 *                  negations such as 现在没事了, which count fully anywhere),
 *                  × 0.3 when a strong marker (正在, 救命, 快来, 还在) is in the same clause — except
 *                  for a hypothetical (如果…) in the signal's own clause — or × 0.6 when it is in
 *                  another clause.
 * 3. confidence = best signal score + 0.05 per further (non-overlapping) signal scoring > 0.25
 *    (at most 3), clamped to 0..1; emergency when ≥ 0.5. The kind and phrase reported are the best
 *    hit's, or — when that is a bare cry for help (救命, 快来人) — the best specific hit's.
 */
import {
  EMERGENCY_THRESHOLD,
  EXCLAMATION_WEIGHT,
  EXTRA_SIGNAL_BONUS,
  IMMEDIATE_NEGATOR,
  MAX_EXTRA_SIGNALS,
  MAX_PRESENT_BOOST,
  NEGATION_WINDOW,
  NEGATOR,
  OTHER_CLAUSE_FACTOR,
  OTHER_CLAUSE_OVERRIDE,
  PRESENT_MARKERS,
  SIGNALS,
  STRONG_OVERRIDE,
  SUPPRESSORS,
  TEXT_WIDE_SUPPRESSORS,
  type EmergencyKind,
  type SignalRule,
  type SuppressorRule,
} from './rules';

export interface EmergencyDetection {
  emergency: boolean;
  /** Set when emergency is true. */
  kind?: EmergencyKind;
  /** The phrase (normalised) that triggered, when emergency is true. */
  matched?: string;
  /** 0..1; emergency iff ≥ EMERGENCY_THRESHOLD. */
  confidence: number;
}

/** Shown by the client, with a one-tap call, whenever detectEmergency says emergency. */
export const EMERGENCY_PROMPT = '这可能是紧急情况，请立即拨打 110。本程序不能代替 110 报警，留言不会被马上看到。';

interface Clause {
  text: string;
  present: number;
  strong: boolean;
  suppressors: SuppressorRule[];
}

const CLAUSE_BREAK = /([,.!?;:。、；：…~\n\r]+)/;

function splitClauses(input: string): Clause[] {
  const parts = input.normalize('NFKC').toLowerCase().split(CLAUSE_BREAK);
  const clauses: Clause[] = [];
  for (let i = 0; i < parts.length; i += 2) {
    const text = (parts[i] ?? '').replace(/[^\p{L}\p{N}]+/gu, '');
    if (text.length === 0) continue;
    const terminator = parts[i + 1] ?? '';
    let present = terminator.includes('!') ? EXCLAMATION_WEIGHT : 0;
    let strong = false;
    for (const marker of PRESENT_MARKERS) {
      if (!marker.pattern.test(text)) continue;
      present += marker.weight;
      if (marker.strong) strong = true;
    }
    const suppressors = SUPPRESSORS.filter((s) => s.pattern.test(text));
    // 如果有人正在撬锁怎么办: a present marker inside a hypothetical is part of the hypothetical.
    if (suppressors.some((s) => s.type === 'hypothetical')) {
      present = 0;
      strong = false;
    }
    clauses.push({ text, present, strong, suppressors });
  }
  return clauses;
}

const globalCopies = new Map<SignalRule, RegExp>(SIGNALS.map((rule) => [rule, new RegExp(rule.pattern.source, `${rule.pattern.flags.replace('g', '')}g`)]));

function isNegated(text: string, at: number): boolean {
  const before = text.slice(Math.max(0, at - NEGATION_WINDOW), at);
  return NEGATOR.test(before) || IMMEDIATE_NEGATOR.test(before);
}

interface Hit {
  generic: boolean;
  kind: EmergencyKind;
  matched: string;
  score: number;
  clause: number;
  start: number;
  end: number;
}

export function detectEmergency(text: string): EmergencyDetection {
  const clauses = splitClauses(typeof text === 'string' ? text : '');
  const hits: Hit[] = [];
  clauses.forEach((clause, c) => {
    const others = clauses.filter((_, o) => o !== c);
    const strongHere = clause.strong;
    const present = Math.min(MAX_PRESENT_BOOST, clause.present + others.reduce((sum, o) => sum + o.present * OTHER_CLAUSE_FACTOR, 0));
    const strongElsewhere = others.some((o) => o.strong);
    for (const rule of SIGNALS) {
      for (const m of clause.text.matchAll(globalCopies.get(rule) ?? new RegExp(rule.pattern.source, 'g'))) {
        if (isNegated(clause.text, m.index ?? 0)) continue;
        const applies = (s: SuppressorRule) => !s.kinds || s.kinds.includes(rule.kind);
        let suppression = 0;
        for (const s of clause.suppressors) {
          if (!applies(s)) continue;
          const override = s.type === 'hypothetical' ? 1 : strongHere ? STRONG_OVERRIDE : strongElsewhere ? OTHER_CLAUSE_OVERRIDE : 1;
          suppression = Math.max(suppression, s.weight * override);
        }
        for (const o of others) {
          for (const s of o.suppressors) {
            if (!applies(s)) continue;
            const override = strongHere ? STRONG_OVERRIDE : strongElsewhere ? OTHER_CLAUSE_OVERRIDE : 1;
            const scope = TEXT_WIDE_SUPPRESSORS.includes(s.type) ? 1 : OTHER_CLAUSE_FACTOR;
            suppression = Math.max(suppression, s.weight * scope * override);
          }
        }
        const start = m.index ?? 0;
        hits.push({ generic: rule.generic === true, kind: rule.kind, matched: m[0], score: rule.weight + present - suppression, clause: c, start, end: start + m[0].length });
      }
    }
  });
  if (hits.length === 0) return { emergency: false, confidence: 0 };
  // Highest score first; ties keep rule order (stable sort), so the result is deterministic.
  hits.sort((a, b) => b.score - a.score);
  // Further signals count once per phrase: 着火了 also matches 着火.
  const distinct: Hit[] = [];
  for (const hit of hits) {
    if (!distinct.some((d) => d.clause === hit.clause && d.start < hit.end && hit.start < d.end)) distinct.push(hit);
  }
  const [top, ...rest] = distinct as [Hit, ...Hit[]];
  const extra = Math.min(MAX_EXTRA_SIGNALS, rest.filter((h) => h.score > 0.25).length);
  const confidence = Math.round(Math.min(1, Math.max(0, top.score + extra * EXTRA_SIGNAL_BONUS)) * 100) / 100;
  if (confidence < EMERGENCY_THRESHOLD) return { emergency: false, confidence };
  // 快来人，有人拿刀在砍人: the knife, not the cry, says what kind of emergency it is.
  const named = top.generic ? (rest.find((h) => !h.generic && h.score > 0.25) ?? top) : top;
  return { emergency: true, kind: named.kind, matched: named.matched, confidence };
}
