/**
 * `db.command` (`_`), `db.serverDate()` and `db.RegExp()`: small marker objects, like the real
 * SDK builds, that query.ts and update.ts translate into Mongo-style operators.
 *
 * Objects are branded with a registered symbol instead of relying on `instanceof`, so commands
 * still work if this module is loaded twice (jest module registries, a function bundle).
 */

const BRAND = Symbol.for('fengqiao.local-cloud.database.marker');

type MarkerKind = 'query' | 'update' | 'server-date' | 'regexp';

function brand(target: object, kind: MarkerKind): void {
  Object.defineProperty(target, BRAND, { value: kind, enumerable: false });
}

function markerKind(value: unknown): MarkerKind | undefined {
  if (value === null || typeof value !== 'object') return undefined;
  return (value as { [BRAND]?: MarkerKind })[BRAND];
}

export type ComparisonOperator = 'eq' | 'neq' | 'gt' | 'gte' | 'lt' | 'lte' | 'in' | 'nin' | 'all' | 'elemMatch' | 'exists' | 'size' | 'mod';
export type LogicOperator = 'and' | 'or' | 'nor' | 'not';
export type UpdateOperator =
  | 'set'
  | 'remove'
  | 'inc'
  | 'mul'
  | 'push'
  | 'pull'
  | 'pullAll'
  | 'addToSet'
  | 'pop'
  | 'shift'
  | 'unshift'
  | 'min'
  | 'max'
  | 'rename';

/** `_.and(a, b)` and `_.and([a, b])` mean the same, as in the SDK. */
function listArgs(args: unknown[]): unknown[] {
  return args.length === 1 && Array.isArray(args[0]) ? [...(args[0] as unknown[])] : [...args];
}

/**
 * A query command: a comparison (`_.gt(1)`) or a logic combination (`_.gt(1).and(_.lt(5))`,
 * `_.or([{...}, {...}])`). One class for both keeps chaining uniform.
 */
export class QueryCommand {
  constructor(
    readonly operator: ComparisonOperator | LogicOperator,
    readonly operands: readonly unknown[],
  ) {
    brand(this, 'query');
  }

  get isLogic(): boolean {
    return this.operator === 'and' || this.operator === 'or' || this.operator === 'nor' || this.operator === 'not';
  }

  and(...expressions: unknown[]): QueryCommand {
    return new QueryCommand('and', [this, ...listArgs(expressions)]);
  }

  or(...expressions: unknown[]): QueryCommand {
    return new QueryCommand('or', [this, ...listArgs(expressions)]);
  }

  eq(value: unknown): QueryCommand {
    return this.and(new QueryCommand('eq', [value]));
  }

  neq(value: unknown): QueryCommand {
    return this.and(new QueryCommand('neq', [value]));
  }

  gt(value: unknown): QueryCommand {
    return this.and(new QueryCommand('gt', [value]));
  }

  gte(value: unknown): QueryCommand {
    return this.and(new QueryCommand('gte', [value]));
  }

  lt(value: unknown): QueryCommand {
    return this.and(new QueryCommand('lt', [value]));
  }

  lte(value: unknown): QueryCommand {
    return this.and(new QueryCommand('lte', [value]));
  }

  in(values: unknown[]): QueryCommand {
    return this.and(new QueryCommand('in', [values]));
  }

  nin(values: unknown[]): QueryCommand {
    return this.and(new QueryCommand('nin', [values]));
  }
}

export interface PushOptions {
  each: unknown[];
  position?: number;
  sort?: unknown;
  slice?: number;
}

export class UpdateCommand {
  constructor(
    readonly operator: UpdateOperator,
    readonly operands: readonly unknown[],
  ) {
    brand(this, 'update');
  }
}

/** `db.serverDate({ offset })`: becomes the write time (plus offset ms) when the write runs. */
export class ServerDate {
  readonly offset: number;

  constructor(options?: { offset?: number }) {
    this.offset = options?.offset ?? 0;
    if (typeof this.offset !== 'number' || !Number.isFinite(this.offset)) throw new TypeError('serverDate offset must be a number');
    brand(this, 'server-date');
  }

  resolve(now: number): Date {
    return new Date(now + this.offset);
  }
}

/** `db.RegExp({ regexp, options })`. */
export class DbRegExp {
  readonly regexp: string;
  readonly options: string;

  constructor(init: { regexp: string; options?: string }) {
    if (!init || typeof init.regexp !== 'string' || init.regexp === '') throw new TypeError('regexp must be a string');
    this.regexp = init.regexp;
    this.options = init.options ?? '';
    brand(this, 'regexp');
  }

  /** Mongo's i/m/s map onto JS flags; x (extended) and unknown flags are refused. */
  toRegExp(): RegExp {
    for (const flag of this.options) {
      if (!'ims'.includes(flag)) throw new TypeError(`unsupported regexp option "${flag}"`);
    }
    return new RegExp(this.regexp, this.options);
  }
}

export function isQueryCommand(value: unknown): value is QueryCommand {
  return markerKind(value) === 'query';
}

export function isUpdateCommand(value: unknown): value is UpdateCommand {
  return markerKind(value) === 'update';
}

export function isServerDate(value: unknown): value is ServerDate {
  return markerKind(value) === 'server-date';
}

export function isDbRegExp(value: unknown): value is DbRegExp {
  return markerKind(value) === 'regexp';
}

/** Any of our marker objects (they must never be flattened as plain nested objects). */
export function isMarker(value: unknown): boolean {
  return markerKind(value) !== undefined;
}

function normalizePush(args: unknown[]): PushOptions {
  const first = args[0];
  if (args.length === 1 && first !== null && typeof first === 'object' && !Array.isArray(first) && Object.prototype.hasOwnProperty.call(first, 'each')) {
    const options = first as Partial<PushOptions>;
    if (!Array.isArray(options.each)) throw new TypeError('push: "each" must be an array');
    const result: PushOptions = { each: options.each };
    if (options.position !== undefined) result.position = options.position;
    if (options.sort !== undefined) result.sort = options.sort;
    if (options.slice !== undefined) result.slice = options.slice;
    return result;
  }
  return { each: listArgs(args) };
}

function createCommand() {
  return {
    eq: (value: unknown) => new QueryCommand('eq', [value]),
    neq: (value: unknown) => new QueryCommand('neq', [value]),
    gt: (value: unknown) => new QueryCommand('gt', [value]),
    gte: (value: unknown) => new QueryCommand('gte', [value]),
    lt: (value: unknown) => new QueryCommand('lt', [value]),
    lte: (value: unknown) => new QueryCommand('lte', [value]),
    in: (values: unknown[]) => new QueryCommand('in', [values]),
    nin: (values: unknown[]) => new QueryCommand('nin', [values]),
    all: (values: unknown[]) => new QueryCommand('all', [values]),
    elemMatch: (condition: unknown) => new QueryCommand('elemMatch', [condition]),
    exists: (value: boolean) => new QueryCommand('exists', [value]),
    size: (value: number) => new QueryCommand('size', [value]),
    mod: (divisor: number, remainder: number) => new QueryCommand('mod', [[divisor, remainder]]),
    and: (...expressions: unknown[]) => new QueryCommand('and', listArgs(expressions)),
    or: (...expressions: unknown[]) => new QueryCommand('or', listArgs(expressions)),
    nor: (...expressions: unknown[]) => new QueryCommand('nor', listArgs(expressions)),
    not: (expression: unknown) => new QueryCommand('not', [expression]),

    set: (value: unknown) => new UpdateCommand('set', [value]),
    remove: () => new UpdateCommand('remove', []),
    inc: (value: number) => new UpdateCommand('inc', [value]),
    mul: (value: number) => new UpdateCommand('mul', [value]),
    push: (...values: unknown[]) => new UpdateCommand('push', [normalizePush(values)]),
    pull: (condition: unknown) => new UpdateCommand('pull', [condition]),
    pullAll: (values: unknown[]) => new UpdateCommand('pullAll', [values]),
    addToSet: (value: unknown) => new UpdateCommand('addToSet', [value]),
    pop: () => new UpdateCommand('pop', []),
    shift: () => new UpdateCommand('shift', []),
    unshift: (...values: unknown[]) => new UpdateCommand('unshift', [listArgs(values)]),
    min: (value: unknown) => new UpdateCommand('min', [value]),
    max: (value: unknown) => new UpdateCommand('max', [value]),
    rename: (newName: string) => new UpdateCommand('rename', [newName]),
    /** Projection operators for field(), as `db.command.project.*` builds them. */
    project: Object.freeze({
      slice: (value: number | [number, number]) => ({ $slice: value }),
      elemMatch: (condition: unknown) => ({ $elemMatch: condition }),
    }),
  };
}

export type DatabaseCommand = ReturnType<typeof createCommand>;

/** One shared, frozen `db.command` object. */
export const command: DatabaseCommand = Object.freeze(createCommand());
