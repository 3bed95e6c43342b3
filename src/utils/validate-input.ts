import * as v from 'valibot';
import type { ActionTarget, InputOf } from '@domain/actions/define';
import { fieldErrorsOf, PARSE_CONFIG } from '@domain/actions/input-messages';

export type FieldErrors = Record<string, string>;

/**
 * Checks a form against the action's own schema before sending it, so the resident sees the
 * same message the cloud function would give, without waiting for the network. A ref without a
 * schema (a tab page in the main package, see @domain/actions/ref) is checked by the function
 * only, which answers with the same field messages.
 */
export function validateInput<A extends ActionTarget>(definition: A, input: InputOf<A>): FieldErrors | undefined {
  if (!definition.input) return undefined;
  const parsed = v.safeParse(definition.input, input, PARSE_CONFIG);
  return parsed.success ? undefined : fieldErrorsOf(parsed.issues);
}
