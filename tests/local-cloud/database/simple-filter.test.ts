/** @jest-environment node */
import { Query } from 'mingo';
import { quickMatcher } from '../../../local-cloud/database/simple-filter';
import type { Filter } from '../../../local-cloud/database/query';

/** A small seeded generator, so a failure can be replayed. */
function random(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
  const int = (max: number) => Math.floor(next() * max);
  const pick = <T>(items: readonly T[]): T => items[int(items.length)] as T;
  return { next, int, pick };
}

const BASE = Date.UTC(2026, 0, 1);
const FIELDS = ['a', 'b', 'n.x', 'n.y', 'z'];

/** Values of every kind a stored field holds: strings, numbers (NaN too), booleans, dates, null, arrays, sub-documents. */
function valueOf(r: ReturnType<typeof random>, depth = 0): unknown {
  switch (r.int(12)) {
    case 0:
      return r.pick(['a', 'b', 'B', '10', '9', '', '甲']);
    case 1:
      return r.pick([0, 1, 2, 9, 10, -1, 1.5]);
    case 2:
      return r.pick([true, false]);
    case 3:
      return new Date(BASE + r.int(5) * 86_400_000);
    case 4:
      return null;
    case 5:
      return Number.NaN;
    case 6:
      return depth > 1 ? 'deep' : [valueOf(r, depth + 1), valueOf(r, depth + 1)];
    case 7:
      return depth > 1 ? 3 : { x: valueOf(r, depth + 1), y: valueOf(r, depth + 1) };
    default:
      return r.pick(['a', 'b', 1, 2, new Date(BASE + 86_400_000)]);
  }
}

function docOf(r: ReturnType<typeof random>): Record<string, unknown> {
  const doc: Record<string, unknown> = { _id: `d${r.int(1000)}` };
  for (const field of ['a', 'b', 'n', 'z']) if (r.next() < 0.8) doc[field] = valueOf(r);
  return doc;
}

function operandOf(r: ReturnType<typeof random>): unknown {
  return r.pick<unknown>(['a', 'b', '10', '', 1, 2, 10, -1, true, false, new Date(BASE + r.int(5) * 86_400_000)]);
}

function conditionOf(r: ReturnType<typeof random>): unknown {
  switch (r.int(4)) {
    case 0:
      return operandOf(r);
    case 1:
      return { $in: [operandOf(r), operandOf(r)] };
    case 2:
      return { [r.pick(['$gt', '$gte', '$lt', '$lte', '$eq'])]: operandOf(r) };
    default:
      return { $gt: operandOf(r), $lte: operandOf(r) };
  }
}

function filterOf(r: ReturnType<typeof random>): Filter {
  const clauses = Array.from({ length: 1 + r.int(3) }, () => ({ [r.pick(FIELDS)]: conditionOf(r) }));
  return clauses.length === 1 ? (clauses[0] as Filter) : { $and: clauses };
}

describe('the quick matcher', () => {
  it('answers as mingo does wherever it answers, on random documents and filters', () => {
    const r = random(20261204);
    let answered = 0;
    for (let round = 0; round < 3000; round++) {
      const filter = filterOf(r);
      const quick = quickMatcher(filter);
      // A range against a boolean is left to mingo.
      if (!quick) continue;
      const mingo = new Query(filter);
      for (let i = 0; i < 10; i++) {
        const doc = docOf(r);
        const answer = quick?.(doc);
        if (answer === undefined) continue;
        answered++;
        if (answer !== mingo.test(doc)) throw new Error(`filter ${JSON.stringify(filter)} on ${JSON.stringify(doc)}: quick ${answer}, mingo ${!answer}`);
      }
    }
    // Most documents are judged without mingo.
    expect(answered).toBeGreaterThan(15_000);
  });

  it('leaves other filters to mingo', () => {
    expect(quickMatcher({ $or: [{ a: 1 }, { b: 2 }] })).toBeUndefined();
    expect(quickMatcher({ a: null })).toBeUndefined();
    expect(quickMatcher({ a: { $ne: 1 } })).toBeUndefined();
    expect(quickMatcher({ a: /x/ })).toBeUndefined();
    expect(quickMatcher({ a: { $in: [1, null] } })).toBeUndefined();
    expect(quickMatcher({ a: Number.NaN })).toBeUndefined();
  });
});
