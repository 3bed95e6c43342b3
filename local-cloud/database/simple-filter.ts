/**
 * A quick matcher for the filters most queries are: fields ANDed, each compared by equality,
 * `$in`, or a range against a string, number, boolean or Date. Building mingo's matcher costs
 * tens of microseconds per query (it deep-copies the filter and sets up its operators), and a
 * filter holding the call's time (`end > now − 90 days`) is new every call, so caching cannot help.
 *
 * It only answers where the answer is beyond doubt: a path that meets an array, a NaN, a null
 * or missing value under a range, or values of different types under a range are left to mingo
 * (`undefined`), so every answer it gives is mingo's (tests/local-cloud/database/query.test.ts
 * compares the two on random documents).
 */
import { isDate, isPlainObject, type Doc } from './values';
import type { Filter } from './query';

type Operand = string | number | boolean | Date;
type Range = '$gt' | '$gte' | '$lt' | '$lte';
type Condition = { kind: 'in'; values: Operand[] } | { kind: 'range'; operator: Range; value: Exclude<Operand, boolean> };
interface FieldTest {
  path: string[];
  conditions: Condition[];
}

/** true, false, or undefined when only mingo can tell. */
export type QuickMatch = (doc: Doc) => boolean | undefined;

const RANGES = new Set(['$gt', '$gte', '$lt', '$lte']);

function operandOf(value: unknown): Operand | undefined {
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isNaN(value) ? undefined : value;
  if (isDate(value) && !Number.isNaN(value.getTime())) return value;
  return undefined;
}

function conditionsOf(value: unknown): Condition[] | undefined {
  const plain = operandOf(value);
  if (plain !== undefined) return [{ kind: 'in', values: [plain] }];
  if (!isPlainObject(value)) return undefined;
  const conditions: Condition[] = [];
  for (const [operator, operand] of Object.entries(value)) {
    if (operator === '$eq') {
      const equal = operandOf(operand);
      if (equal === undefined) return undefined;
      conditions.push({ kind: 'in', values: [equal] });
    } else if (operator === '$in') {
      if (!Array.isArray(operand)) return undefined;
      const values = operand.map(operandOf);
      if (values.some((item) => item === undefined)) return undefined;
      conditions.push({ kind: 'in', values: values as Operand[] });
    } else if (RANGES.has(operator)) {
      const bound = operandOf(operand);
      if (bound === undefined || typeof bound === 'boolean') return undefined;
      conditions.push({ kind: 'range', operator: operator as Range, value: bound });
    } else {
      return undefined;
    }
  }
  return conditions.length > 0 ? conditions : undefined;
}

function collectTests(filter: Filter, tests: FieldTest[]): boolean {
  for (const [key, value] of Object.entries(filter)) {
    if (key === '$and' && Array.isArray(value)) {
      for (const clause of value) if (!isPlainObject(clause) || !collectTests(clause, tests)) return false;
      continue;
    }
    if (key.startsWith('$') || key === '') return false;
    const conditions = conditionsOf(value);
    if (!conditions) return false;
    tests.push({ path: key.split('.'), conditions });
  }
  return true;
}

const ARRAY = Symbol('array on the path');

/** The value at a path, `undefined` when there is none, ARRAY when the path meets an array. */
function valueAt(doc: Doc, path: readonly string[]): unknown {
  let value: unknown = doc;
  for (const segment of path) {
    if (Array.isArray(value)) return ARRAY;
    if (!isPlainObject(value) || !Object.prototype.hasOwnProperty.call(value, segment)) return undefined;
    value = value[segment];
  }
  return Array.isArray(value) ? ARRAY : value;
}

function equals(value: unknown, operand: Operand): boolean {
  if (operand instanceof Date) return isDate(value) && value.getTime() === operand.getTime();
  return value === operand;
}

function inRange(value: unknown, operator: Range, bound: Exclude<Operand, boolean>): boolean | undefined {
  let left: number | string;
  let right: number | string;
  if (bound instanceof Date) {
    if (!isDate(value)) return undefined;
    left = value.getTime();
    right = bound.getTime();
  } else if (typeof value === typeof bound && !(typeof value === 'number' && Number.isNaN(value))) {
    left = value as number | string;
    right = bound;
  } else {
    return undefined;
  }
  switch (operator) {
    case '$gt':
      return left > right;
    case '$gte':
      return left >= right;
    case '$lt':
      return left < right;
    case '$lte':
      return left <= right;
  }
}

function testField(test: FieldTest, doc: Doc): boolean | undefined {
  const value = valueAt(doc, test.path);
  if (value === ARRAY || (typeof value === 'number' && Number.isNaN(value))) return undefined;
  let answer: boolean | undefined = true;
  for (const condition of test.conditions) {
    let result: boolean | undefined;
    if (condition.kind === 'in') result = condition.values.some((operand) => equals(value, operand));
    else result = value === undefined || value === null ? undefined : inRange(value, condition.operator, condition.value);
    if (result === false) return false;
    if (result === undefined) answer = undefined;
  }
  return answer;
}

/** The quick matcher of a filter, or undefined when the filter is not one it handles. */
export function quickMatcher(filter: Filter): QuickMatch | undefined {
  const tests: FieldTest[] = [];
  if (!collectTests(filter, tests) || tests.length === 0) return undefined;
  return (doc) => {
    let answer: boolean | undefined = true;
    for (const test of tests) {
      const result = testField(test, doc);
      if (result === false) return false;
      if (result === undefined) answer = undefined;
    }
    return answer;
  };
}
