/**
 * where() conditions: translates CloudBase query objects and `db.command` operators into a
 * Mongo-style filter (the same translation @cloudbase/database's QuerySerializer does: nested
 * plain objects are flattened to dot paths, `_.gt(1)` becomes `{ $gt: 1 }`, ...) and matches
 * documents with mingo.
 */
import { Context } from 'mingo/core';
import * as queryOperators from 'mingo/operators/query';
import { Query as MingoQuery } from 'mingo/query';
import { isDbRegExp, isMarker, isQueryCommand, isServerDate, isUpdateCommand, type QueryCommand } from './commands';
import { failure } from './errors';
import { quickMatcher } from './simple-filter';
import { deepEqual, isDate, isDocId, isPlainObject, isRegExp, type Doc, type DocId } from './values';

export type Filter = Record<string, unknown>;

const OPERATOR_NAMES: Record<string, string> = {
  eq: '$eq',
  neq: '$ne',
  gt: '$gt',
  gte: '$gte',
  lt: '$lt',
  lte: '$lte',
  in: '$in',
  nin: '$nin',
  all: '$all',
  elemMatch: '$elemMatch',
  exists: '$exists',
  size: '$size',
  mod: '$mod',
  and: '$and',
  or: '$or',
  nor: '$nor',
};

/**
 * The Mongo operators a where() may carry, raw or from db.command: those of CloudBase's command
 * list (https://developers.weixin.qq.com/miniprogram/dev/wxcloudservice/wxcloud/reference-sdk-api/database/Command.html)
 * plus `$regex`/`$options` (db.RegExp). Anything else ($where, $text, $type, $jsonSchema, …)
 * CloudBase does not offer; the local database refuses it rather than let mingo answer.
 */
const CLOUDBASE_QUERY_OPERATORS = new Set([
  ...Object.values(OPERATOR_NAMES),
  '$not',
  '$regex',
  '$options',
  '$geoNear',
  '$geoWithin',
  '$geoIntersects',
]);

function checkOperator(name: string): void {
  if (!CLOUDBASE_QUERY_OPERATORS.has(name)) throw failure('DATABASE_INVALID_OPERRATOR', `query operator "${name}" is not supported by CloudBase`);
}

function combine(clauses: Filter[]): Filter {
  if (clauses.length === 0) return {};
  if (clauses.length === 1) return clauses[0] as Filter;
  return { $and: clauses };
}

/** Converts operand values: serverDate to a Date, db.RegExp to a RegExp, nested commands to operator expressions. */
function encodeOperand(value: unknown, now: number): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (isServerDate(value)) return value.resolve(now);
  if (isDbRegExp(value)) return regExpOf(value);
  if (isQueryCommand(value)) return operatorExpression(value, now);
  if (isUpdateCommand(value)) throw failure('DATABASE_INVALID_OPERRATOR', `update operator "${value.operator}" cannot be used in a query`);
  if (isDate(value) || isRegExp(value)) return value;
  if (Array.isArray(value)) return value.map((item) => encodeOperand(item, now));
  if (isPlainObject(value)) {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value)) {
      if (value[key] !== undefined) out[key] = encodeOperand(value[key], now);
    }
    return out;
  }
  return value;
}

function regExpOf(value: { toRegExp(): RegExp }): RegExp {
  try {
    return value.toRegExp();
  } catch (error) {
    throw failure('INVALID_PARAM', (error as Error).message);
  }
}

function operatorName(command: QueryCommand): string {
  const name = OPERATOR_NAMES[command.operator];
  if (!name) throw failure('DATABASE_INVALID_OPERRATOR', `unknown query operator "${command.operator}"`);
  return name;
}

function listOperand(command: QueryCommand, now: number): unknown[] {
  const list = command.operands[0];
  if (!Array.isArray(list)) throw failure('INVALID_PARAM', `_.${command.operator}() expects an array`);
  return list.map((item) => encodeOperand(item, now));
}

/** The `{ $gt: 1 }` part of a comparison, for use without a field (elemMatch, all, pull, not). */
function comparisonExpression(command: QueryCommand, now: number): Filter {
  const name = operatorName(command);
  const operand = command.operands[0];
  switch (command.operator) {
    case 'in':
    case 'nin':
    case 'all':
      return { [name]: listOperand(command, now) };
    case 'elemMatch':
      return { $elemMatch: elemMatchCondition(operand, now) };
    case 'exists':
      return { $exists: Boolean(operand) };
    default:
      return { [name]: encodeOperand(operand, now) };
  }
}

function operatorExpression(command: QueryCommand, now: number): Filter {
  if (!command.isLogic) return comparisonExpression(command, now);
  if (command.operator === 'not') {
    const inner = command.operands[0];
    if (isQueryCommand(inner)) return { $not: operatorExpression(inner, now) };
    if (isDbRegExp(inner)) return { $not: regExpOf(inner) };
    if (isRegExp(inner)) return { $not: inner };
    throw failure('DATABASE_INVALID_OPERRATOR', '_.not() expects a command or a regular expression');
  }
  if (command.operator === 'and') {
    // A field-less AND (inside elemMatch/all/pull) can only be written as one merged expression.
    const merged: Filter = {};
    for (const operand of command.operands) {
      if (!isQueryCommand(operand)) throw failure('DATABASE_INVALID_OPERRATOR', 'a field-less _.and() can only combine commands');
      for (const [key, value] of Object.entries(operatorExpression(operand, now))) {
        if (key in merged) throw failure('DATABASE_INVALID_OPERRATOR', `cannot combine two ${key} conditions without a field name`);
        merged[key] = value;
      }
    }
    return merged;
  }
  throw failure('DATABASE_INVALID_OPERRATOR', `_.${command.operator}() needs a field name here`);
}

function elemMatchCondition(condition: unknown, now: number): unknown {
  if (isQueryCommand(condition)) return operatorExpression(condition, now);
  if (isPlainObject(condition)) {
    const keys = Object.keys(condition);
    // `{ $gt: 1 }` is already an operator expression; `{ a: _.gt(1) }` is a sub-document query.
    if (keys.length > 0 && keys.every((key) => key.startsWith('$'))) return encodeOperand(condition, now);
    return encodeQueryObject(condition, now);
  }
  throw failure('INVALID_PARAM', '_.elemMatch() expects a query object or a command');
}

/** One operand of _.and/_.or/_.nor used on a field. */
function encodeLogicOperand(path: string, operand: unknown, now: number): Filter {
  if (isQueryCommand(operand)) return encodeFieldCommand(path, operand, now);
  // The SDK encodes a plain object inside a field-level logic command as a whole query.
  if (isPlainObject(operand) && !isMarker(operand)) return encodeQueryObject(operand, now);
  return { [path]: encodeOperand(operand, now) };
}

function encodeFieldCommand(path: string, command: QueryCommand, now: number): Filter {
  if (!command.isLogic) return { [path]: comparisonExpression(command, now) };
  if (command.operator === 'not') {
    // `{ a: { $not: X } }` and `{ $nor: [{ a: X }] }` match the same documents; the latter
    // also covers chained commands that have no single $not form.
    return { $nor: [encodeLogicOperand(path, command.operands[0], now)] };
  }
  return { [operatorName(command)]: command.operands.map((operand) => encodeLogicOperand(path, operand, now)) };
}

function encodeTopLevelOperator(key: string, value: unknown, now: number): Filter {
  checkOperator(key);
  if ((key === '$and' || key === '$or' || key === '$nor') && Array.isArray(value)) {
    return { [key]: value.map((item) => encodeQuery(item, now)) };
  }
  return { [key]: encodeOperand(value, now) };
}

function encodeFieldValue(path: string, value: unknown, now: number, clauses: Filter[]): void {
  if (value === undefined) return;
  if (isQueryCommand(value)) {
    clauses.push(encodeFieldCommand(path, value, now));
    return;
  }
  if (isUpdateCommand(value)) throw failure('DATABASE_INVALID_OPERRATOR', `update operator "${value.operator}" cannot be used in a query`);
  if (isPlainObject(value) && !isMarker(value)) {
    const operators: Filter = {};
    let hasOperators = false;
    for (const key of Object.keys(value)) {
      if (key.startsWith('$')) {
        // Raw Mongo operators pass through the SDK; CloudBase accepts only its own.
        checkOperator(key);
        if (value[key] !== undefined) {
          operators[key] = encodeOperand(value[key], now);
          hasOperators = true;
        }
      } else {
        encodeFieldValue(`${path}.${key}`, value[key], now, clauses);
      }
    }
    if (hasOperators) clauses.push({ [path]: operators });
    return;
  }
  clauses.push({ [path]: encodeOperand(value, now) });
}

/** A where() object: nested plain objects become dot paths (CloudBase flattens them). */
export function encodeQueryObject(query: Record<string, unknown>, now: number): Filter {
  const clauses: Filter[] = [];
  for (const key of Object.keys(query)) {
    const value = query[key];
    if (value === undefined) continue;
    if (key.startsWith('$')) clauses.push(encodeTopLevelOperator(key, value, now));
    else encodeFieldValue(key, value, now, clauses);
  }
  return combine(clauses);
}

/** Accepts what where() accepts: a query object or a top-level logic command (`_.or([...])`). */
export function encodeQuery(query: unknown, now: number): Filter {
  if (query === undefined || query === null) return {};
  if (isQueryCommand(query)) {
    if (query.operator === 'and' || query.operator === 'or' || query.operator === 'nor') {
      return {
        [operatorName(query)]: query.operands.map((operand) => {
          if (isQueryCommand(operand)) return encodeQuery(operand, now);
          if (!isPlainObject(operand)) throw failure('INVALID_PARAM', `_.${query.operator}() at the top level expects query objects`);
          return encodeQueryObject(operand, now);
        }),
      };
    }
    throw failure('INVALID_PARAM', `_.${query.operator}() needs a field name: use where({ field: _.${query.operator}(...) })`);
  }
  if (!isPlainObject(query)) throw failure('INVALID_PARAM', 'query must be an object');
  return encodeQueryObject(query, now);
}

/** `_id` values a filter pins down, so lookups need not scan the collection. */
export function idCandidates(filter: Filter): DocId[] | undefined {
  if (Object.prototype.hasOwnProperty.call(filter, '_id')) {
    const value = filter._id;
    if (isDocId(value)) return [value];
    if (isPlainObject(value)) {
      const keys = Object.keys(value);
      if (keys.length === 1 && isDocId(value.$eq)) return [value.$eq];
      if (keys.length === 1 && Array.isArray(value.$in) && value.$in.every(isDocId)) return value.$in as DocId[];
    }
  }
  if (Array.isArray(filter.$and)) {
    for (const clause of filter.$and) {
      if (isPlainObject(clause)) {
        const found = idCandidates(clause);
        if (found) return found;
      }
    }
  }
  return undefined;
}

export interface CompiledFilter {
  filter: Filter;
  ids: DocId[] | undefined;
  test(doc: Doc): boolean;
}

/**
 * A filter written out with every value's type (a Date and its ISO string, or 1 and "1", differ),
 * as the key of the compiled-filter cache. Undefined for a value it cannot spell (then no caching).
 */
function filterKey(value: unknown): string | undefined {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value);
    case 'number':
      return Object.is(value, -0) ? '-0' : String(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'undefined':
      return 'undefined';
    case 'object':
      break;
    default:
      return undefined;
  }
  if (Array.isArray(value)) {
    const items: string[] = [];
    for (const item of value) {
      const key = filterKey(item);
      if (key === undefined) return undefined;
      items.push(key);
    }
    return `[${items.join(',')}]`;
  }
  if (isDate(value)) return `D${value.getTime()}`;
  if (isRegExp(value)) return `R${String(value)}`;
  if (!isPlainObject(value)) return undefined;
  const fields: string[] = [];
  for (const key of Object.keys(value)) {
    const item = filterKey(value[key]);
    if (item === undefined) return undefined;
    fields.push(`${JSON.stringify(key)}:${item}`);
  }
  return `{${fields.join(',')}}`;
}

/**
 * Compiled filters by key: the same query shape with the same values (an account's look-ups, a
 * slot's bookings) comes back again and again, and building mingo's matcher (it deep-copies the
 * filter and sets up its operator context) cost more than matching. Oldest dropped first.
 */
const compiledFilters = new Map<string, CompiledFilter>();

/**
 * mingo's query operators only: its default context carries every operator it has (expressions,
 * pipeline stages, …), and each Query copied all of those tables, most of the cost of compiling one.
 * Matching needs none of the others (CloudBase's operators exclude $expr and $where).
 */
const QUERY_CONTEXT = Context.init({ query: queryOperators });
const COMPILED_FILTER_CACHE_SIZE = 2000;

function mingoQuery(filter: Filter): MingoQuery {
  try {
    return new MingoQuery(filter, { context: QUERY_CONTEXT });
  } catch (error) {
    throw failure('DATABASE_INVALID_OPERRATOR', (error as Error).message);
  }
}

export function compileFilter(filter: Filter): CompiledFilter {
  if (Object.keys(filter).length === 0) return { filter, ids: undefined, test: () => true };
  const quick = quickMatcher(filter);
  if (quick) {
    // mingo only for a document the quick matcher cannot judge (an array on a path, …).
    let full: MingoQuery | undefined;
    return { filter, ids: idCandidates(filter), test: (doc) => quick(doc) ?? (full ??= mingoQuery(filter)).test(doc) };
  }
  const key = filterKey(filter);
  const cached = key === undefined ? undefined : compiledFilters.get(key);
  // The matcher is shared; the filter planners read is this call's own (equal to the cached one).
  if (cached) return { filter, ids: idCandidates(filter), test: cached.test };
  const mingo = mingoQuery(filter);
  const compiled: CompiledFilter = {
    filter,
    ids: idCandidates(filter),
    test: (doc) => mingo.test(doc),
  };
  if (key !== undefined) {
    if (compiledFilters.size >= COMPILED_FILTER_CACHE_SIZE) compiledFilters.delete(compiledFilters.keys().next().value as string);
    compiledFilters.set(key, compiled);
  }
  return compiled;
}

/** Tests one value (not a document) against a field-less condition, for $pull. */
export function compileValueCondition(condition: unknown, now: number): (value: unknown) => boolean {
  let filter: Filter;
  if (isQueryCommand(condition)) filter = { v: operatorExpression(condition, now) };
  else if (isPlainObject(condition) && !isMarker(condition)) {
    const keys = Object.keys(condition);
    if (keys.length > 0 && keys.every((key) => key.startsWith('$'))) filter = { v: encodeOperand(condition, now) };
    else {
      // A document condition is a query on each array element (Mongo's $pull semantics).
      const compiled = compileFilter(encodeQueryObject(condition, now));
      return (value) => isPlainObject(value) && compiled.test(value);
    }
  } else if (isDbRegExp(condition)) filter = { v: regExpOf(condition) };
  else {
    // A plain value removes equal elements only (not arrays that merely contain it).
    const expected = encodeOperand(condition, now);
    return (value) => deepEqual(value, expected);
  }
  const compiled = compileFilter(filter);
  return (value) => compiled.test({ v: value });
}
