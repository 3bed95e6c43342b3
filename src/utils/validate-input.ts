import type { ActionTarget, InputOf } from '@domain/actions/define';

export type FieldErrors = Record<string, string>;

/**
 * Checks a form against the action's own schema before sending it, so the resident sees the
 * same message the cloud function would give, without waiting for the network. A ref without a
 * schema (a tab page in the main package, see @domain/actions/ref) is checked by the function
 * only, which answers with the same field messages. The check comes with the definition
 * (defineFunction), so this module, which every page loads, carries no validation library.
 */
export function validateInput<A extends ActionTarget>(definition: A, input: InputOf<A>): FieldErrors | undefined {
  return definition.check?.(input);
}
