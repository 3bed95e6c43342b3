import * as v from 'valibot';
import type { ActionDefinition, InputOf } from '@domain/actions/define';
import { fieldErrorsOf, PARSE_CONFIG } from '@domain/actions/input-messages';

export type FieldErrors = Record<string, string>;

/**
 * Checks a form against the action's own schema before sending it, so the resident sees the
 * same message the cloud function would give, without waiting for the network.
 */
export function validateInput<A extends ActionDefinition>(definition: A, input: InputOf<A>): FieldErrors | undefined {
  const parsed = v.safeParse(definition.input, input, PARSE_CONFIG);
  return parsed.success ? undefined : fieldErrorsOf(parsed.issues);
}
