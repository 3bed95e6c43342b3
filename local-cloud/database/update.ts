/**
 * update({ data }): translates update data into a list of field operations and applies them.
 *
 * As in CloudBase (UpdateSerializer), nested plain objects are *merged*: `{ a: { b: 1 } }` sets
 * only `a.b`; `_.set({...})` replaces a whole sub-object; dotted keys are paths; an empty nested
 * object is dropped by the SDK, so it changes nothing.
 */
import { isDbRegExp, isQueryCommand, isServerDate, isUpdateCommand, type PushOptions, type UpdateCommand } from './commands';
import { toStoredValue } from './document-data';
import { failure } from './errors';
import { getPath, setPath, splitPath, unsetPath } from './field-path';
import { compileValueCondition } from './query';
import { compareValues, deepClone, deepEqual, describeType, isDate, isPlainObject, type Doc } from './values';

export type UpdateOp =
  | { op: 'set'; path: string[]; value: unknown }
  | { op: 'unset'; path: string[] }
  | { op: 'inc' | 'mul'; path: string[]; value: number }
  | { op: 'min' | 'max'; path: string[]; value: unknown }
  | { op: 'push'; path: string[]; each: unknown[]; position?: number; sort?: unknown; slice?: number }
  | { op: 'pull'; path: string[]; test: (value: unknown) => boolean }
  | { op: 'pullAll'; path: string[]; values: unknown[] }
  | { op: 'addToSet'; path: string[]; each: unknown[] }
  | { op: 'pop'; path: string[]; first: boolean }
  | { op: 'rename'; path: string[]; to: string[] };

function stored(value: unknown, now: number, path: string): unknown {
  const result = toStoredValue(value, now, path);
  return result === undefined ? null : result;
}

function storedList(values: unknown, now: number, path: string, operator: string): unknown[] {
  if (!Array.isArray(values)) throw failure('INVALID_PARAM', `_.${operator}() expects an array (at "${path}")`);
  return values.map((item, index) => stored(item, now, `${path}.${index}`));
}

function numberOperand(command: UpdateCommand, path: string): number {
  const value = command.operands[0];
  if (typeof value !== 'number') throw failure('INVALID_PARAM', `_.${command.operator}() expects a number (at "${path}")`);
  return value;
}

function encodeCommand(path: string, command: UpdateCommand, now: number): UpdateOp {
  const segments = splitPath(path);
  const operand = command.operands[0];
  switch (command.operator) {
    case 'set':
      return { op: 'set', path: segments, value: stored(operand, now, path) };
    case 'remove':
      return { op: 'unset', path: segments };
    case 'inc':
    case 'mul':
      return { op: command.operator, path: segments, value: numberOperand(command, path) };
    case 'min':
    case 'max':
      return { op: command.operator, path: segments, value: stored(operand, now, path) };
    case 'push': {
      const options = operand as PushOptions;
      const op: UpdateOp = { op: 'push', path: segments, each: storedList(options.each, now, path, 'push') };
      if (options.position !== undefined) {
        if (!Number.isInteger(options.position)) throw failure('INVALID_PARAM', `push position must be an integer (at "${path}")`);
        op.position = options.position;
      }
      if (options.sort !== undefined) op.sort = options.sort;
      if (options.slice !== undefined) {
        if (!Number.isInteger(options.slice)) throw failure('INVALID_PARAM', `push slice must be an integer (at "${path}")`);
        op.slice = options.slice;
      }
      return op;
    }
    case 'unshift':
      return { op: 'push', path: segments, each: storedList(operand, now, path, 'unshift'), position: 0 };
    case 'pull':
      return { op: 'pull', path: segments, test: compileValueCondition(operand, now) };
    case 'pullAll':
      return { op: 'pullAll', path: segments, values: storedList(operand, now, path, 'pullAll') };
    case 'addToSet': {
      // The docs show `_.addToSet({ $each: [...] })`; the SDK type also names it `each`.
      if (isPlainObject(operand) && Object.keys(operand).length === 1 && (Array.isArray(operand.$each) || Array.isArray(operand.each))) {
        return { op: 'addToSet', path: segments, each: storedList(operand.$each ?? operand.each, now, path, 'addToSet') };
      }
      return { op: 'addToSet', path: segments, each: [stored(operand, now, path)] };
    }
    case 'pop':
    case 'shift':
      return { op: 'pop', path: segments, first: command.operator === 'shift' };
    case 'rename': {
      if (typeof operand !== 'string') throw failure('INVALID_PARAM', `_.rename() expects the new field name (at "${path}")`);
      return { op: 'rename', path: segments, to: splitPath(operand) };
    }
    default:
      throw failure('DATABASE_INVALID_OPERRATOR', `unknown update operator "${String(command.operator)}"`);
  }
}

function encodeFields(data: Record<string, unknown>, prefix: string, now: number, ops: UpdateOp[]): void {
  for (const key of Object.keys(data)) {
    const value = data[key];
    if (value === undefined) continue;
    if (key.startsWith('$')) throw failure('DATABASE_INVALID_OPERRATOR', `raw update operators like "${key}" are not supported: use db.command`);
    const path = prefix ? `${prefix}.${key}` : key;
    if (isUpdateCommand(value)) ops.push(encodeCommand(path, value, now));
    else if (isQueryCommand(value)) throw failure('DATABASE_INVALID_OPERRATOR', `query operator "${value.operator}" cannot be used in an update (at "${path}")`);
    else if (isPlainObject(value)) encodeFields(value, path, now, ops);
    else if (isDbRegExp(value)) throw failure('INVALID_PARAM', `regular expressions cannot be stored (at "${path}")`);
    else if (isServerDate(value) || isDate(value) || Array.isArray(value) || value === null || typeof value !== 'object') {
      const storedValue = toStoredValue(value, now, path);
      if (storedValue !== undefined) ops.push({ op: 'set', path: splitPath(path), value: storedValue });
    } else {
      ops.push({ op: 'set', path: splitPath(path), value: stored(value, now, path) });
    }
  }
}

function checkConflicts(ops: UpdateOp[]): void {
  const paths = ops.flatMap((op) => (op.op === 'rename' ? [op.path.join('.'), op.to.join('.')] : [op.path.join('.')])).sort();
  for (let i = 1; i < paths.length; i++) {
    const previous = paths[i - 1] as string;
    const current = paths[i] as string;
    if (current === previous || current.startsWith(`${previous}.`)) {
      throw failure('DATABASE_REQUEST_FAILED', `Updating the path '${current}' would create a conflict at '${previous}'`);
    }
  }
}

/** Validates update data and turns it into operations (serverDate resolved to `now`). */
export function encodeUpdate(data: unknown, now: number): UpdateOp[] {
  if (!isPlainObject(data)) throw failure('INVALID_PARAM', '参数必需是非空对象');
  if (Object.prototype.hasOwnProperty.call(data, '_id')) throw failure('INVALID_PARAM', '不能更新_id的值');
  const ops: UpdateOp[] = [];
  encodeFields(data, '', now, ops);
  checkConflicts(ops);
  return ops;
}

function arrayAt(doc: Doc, op: UpdateOp, operator: string): unknown[] | undefined {
  const { found, value } = getPath(doc, op.path);
  if (!found || value === undefined) return undefined;
  if (!Array.isArray(value)) {
    throw failure('DATABASE_REQUEST_FAILED', `Cannot apply ${operator} to a non-array value: the field '${op.path.join('.')}' is of type ${describeType(value)} in document {_id: ${String(doc._id)}}`);
  }
  return value;
}

function sortArray(items: unknown[], spec: unknown): void {
  if (spec === 1 || spec === -1) {
    items.sort((a, b) => compareValues(a, b) * (spec as number));
    return;
  }
  if (!isPlainObject(spec)) throw failure('INVALID_PARAM', 'push sort must be 1, -1 or an object of { field: 1 | -1 }');
  const keys = Object.entries(spec).map(([field, direction]) => ({ path: splitPath(field), direction: direction === -1 ? -1 : 1 }));
  items.sort((a, b) => {
    for (const key of keys) {
      const left = isPlainObject(a) ? getPath(a, key.path).value : undefined;
      const right = isPlainObject(b) ? getPath(b, key.path).value : undefined;
      const diff = compareValues(left, right);
      if (diff !== 0) return diff * key.direction;
    }
    return 0;
  });
}

function applyOp(doc: Doc, op: UpdateOp): void {
  const field = op.path.join('.');
  switch (op.op) {
    case 'set':
      setPath(doc, op.path, deepClone(op.value));
      return;
    case 'unset':
      unsetPath(doc, op.path);
      return;
    case 'inc':
    case 'mul': {
      const { found, value } = getPath(doc, op.path);
      if (!found || value === undefined) {
        setPath(doc, op.path, op.op === 'inc' ? op.value : 0); // Mongo: $mul on a missing field stores 0
        return;
      }
      if (typeof value !== 'number') {
        throw failure('DATABASE_REQUEST_FAILED', `Cannot apply $${op.op} to a value of non-numeric type. {_id: ${String(doc._id)}} has the field '${field}' of non-numeric type ${describeType(value)}`);
      }
      setPath(doc, op.path, op.op === 'inc' ? value + op.value : value * op.value);
      return;
    }
    case 'min':
    case 'max': {
      const { found, value } = getPath(doc, op.path);
      const diff = compareValues(op.value, value);
      if (!found || (op.op === 'min' ? diff < 0 : diff > 0)) setPath(doc, op.path, deepClone(op.value));
      return;
    }
    case 'push': {
      const current = arrayAt(doc, op, '$push');
      const items = current ? [...current] : [];
      const additions = deepClone(op.each);
      let position = op.position ?? items.length;
      if (position < 0) position = Math.max(0, items.length + position);
      items.splice(Math.min(position, items.length), 0, ...additions);
      if (op.sort !== undefined) sortArray(items, op.sort);
      let result = items;
      if (op.slice !== undefined) result = op.slice >= 0 ? items.slice(0, op.slice) : items.slice(op.slice);
      setPath(doc, op.path, result);
      return;
    }
    case 'pull': {
      const current = arrayAt(doc, op, '$pull');
      if (current) setPath(doc, op.path, current.filter((item) => !op.test(item)));
      return;
    }
    case 'pullAll': {
      const current = arrayAt(doc, op, '$pullAll');
      if (current) setPath(doc, op.path, current.filter((item) => !op.values.some((value) => deepEqual(item, value))));
      return;
    }
    case 'addToSet': {
      const current = arrayAt(doc, op, '$addToSet');
      const items = current ? [...current] : [];
      for (const value of op.each) {
        if (!items.some((item) => deepEqual(item, value))) items.push(deepClone(value));
      }
      setPath(doc, op.path, items);
      return;
    }
    case 'pop': {
      const current = arrayAt(doc, op, '$pop');
      if (current && current.length > 0) setPath(doc, op.path, op.first ? current.slice(1) : current.slice(0, -1));
      return;
    }
    case 'rename': {
      const { found, value } = getPath(doc, op.path);
      if (!found) return;
      unsetPath(doc, op.path);
      setPath(doc, op.to, value);
      return;
    }
  }
}

/** Applies operations to a copy of `doc`; the stored document is never mutated. */
export function applyUpdate(doc: Doc, ops: readonly UpdateOp[]): Doc {
  const next = deepClone(doc);
  for (const op of ops) applyOp(next, op);
  if (!deepEqual(next._id, doc._id)) {
    throw failure('DATABASE_REQUEST_FAILED', "Performing an update on the path '_id' would modify the immutable field '_id'");
  }
  return next;
}
