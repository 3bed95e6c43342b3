import * as v from 'valibot';
import type { PolicyName } from '../policy';
import { fieldErrorsOf, PARSE_CONFIG } from './input-messages';

/** Names of the deployed cloud functions; one folder each under cloudfunctions/. */
export const FUNCTION_NAMES = ['account', 'directory', 'feed', 'booking', 'consult', 'mediation', 'privacy', 'station', 'media', 'dashboard'] as const;
export type FunctionName = (typeof FUNCTION_NAMES)[number];

type AnySchema = v.GenericSchema<unknown, unknown>;

/** What an action is, before it is placed in its function's table. */
export interface ActionSpec<TSchema extends AnySchema = AnySchema, TOutput = unknown> {
  /**
   * What the action does, for people reading the contract. Never read at run time (a definition's
   * type leaves it out), so the function bundles drop it (scripts/build-cloudfunctions.mjs).
   */
  readonly summary: string;
  readonly input: TSchema;
  readonly policy: PolicyName;
  /** For station-scoped policies: which station the input is about. */
  stationOf?(input: v.InferOutput<TSchema>): string;
  /** For district-scoped actions about a station that does not exist yet (opening one): which district. */
  districtOf?(input: v.InferOutput<TSchema>): string;
  /** Phantom field carrying the output type; never set at run time. */
  readonly output?: TOutput;
}

/**
 * One cloud action's whole contract: what it accepts (checked at run time), what it returns
 * (checked at compile time on both sides), and who may call it. Client and function import
 * the same object, so renaming a field breaks the type check of both.
 */
export interface ActionDefinition<TSchema extends AnySchema = AnySchema, TOutput = unknown> extends Omit<ActionSpec<TSchema, TOutput>, 'summary'> {
  readonly fn: FunctionName;
  readonly name: string;
  /** The input's problems by field (the function's own messages), or undefined when it is valid. */
  readonly check: InputCheck;
}

/** Problems by dotted field path ("_" for the whole input), or undefined when the input is valid. */
export type InputCheck = (input: unknown) => Record<string, string> | undefined;

/**
 * What a caller needs to reach an action: its function and name, typed by the contract. A whole
 * definition is one; so is an ActionRef (./ref.ts), which carries no schema and so keeps valibot
 * and the schemas out of the mini-program's main package.
 */
export interface ActionTarget<TSchema extends AnySchema = AnySchema, TOutput = unknown> {
  readonly fn: FunctionName;
  readonly name: string;
  /** Present on a whole definition: then the client checks the input before sending it. */
  readonly input?: TSchema;
  /**
   * Present on a whole definition: the check itself, so the code that checks (valibot) travels
   * with the schemas, never in a module every page loads.
   */
  readonly check?: InputCheck;
  /** Phantom field carrying the output type; never set at run time. */
  readonly output?: TOutput;
}

type Typed<TSchema, TOutput> = { readonly input?: TSchema; readonly output?: TOutput };

export type InputOf<A> = A extends Typed<infer S extends AnySchema, unknown> ? v.InferInput<S> : never;
export type ParsedInputOf<A> = A extends Typed<infer S extends AnySchema, unknown> ? v.InferOutput<S> : never;
export type OutputOf<A> = A extends Typed<unknown, infer O> ? O : never;

/**
 * `action<Output>()({ ... })` — curried so the output type is written once and the input
 * type is inferred from the schema.
 */
export function action<TOutput>() {
  return <TSchema extends AnySchema>(spec: Omit<ActionSpec<TSchema, TOutput>, 'output'>): ActionSpec<TSchema, TOutput> => spec;
}

type Stamped<F extends FunctionName, T> = {
  readonly [K in keyof T]: T[K] extends ActionSpec<infer S, infer O> ? ActionDefinition<S, O> & { readonly fn: F; readonly name: K & string } : never;
};

const checkOf =
  (schema: AnySchema): InputCheck =>
  (input) => {
    const parsed = v.safeParse(schema, input, PARSE_CONFIG);
    return parsed.success ? undefined : fieldErrorsOf(parsed.issues);
  };

/** Groups a cloud function's actions and stamps each with its function and action name. */
export function defineFunction<F extends FunctionName, T extends Record<string, ActionSpec<AnySchema, unknown>>>(fn: F, specs: T): Stamped<F, T> {
  const stamped: Record<string, ActionDefinition> = {};
  for (const [name, spec] of Object.entries(specs)) stamped[name] = { ...spec, fn, name, check: checkOf(spec.input) };
  return stamped as Stamped<F, T>;
}

/** Helpers for the schemas: messages a resident can read, in Chinese. */
export const text = (label: string, max: number, min = 1) =>
  v.pipe(
    v.string(`${label}必须是文字`),
    v.trim(),
    v.minLength(min, min <= 1 ? `请填写${label}` : `${label}至少${min}个字`),
    v.maxLength(max, `${label}不能超过${max}个字`),
  );

export const id = (label: string) => v.pipe(v.string(`${label}无效`), v.regex(/^[A-Za-z0-9_-]{1,64}$/, `${label}无效`));

export const emptyInput = v.strictObject({});
