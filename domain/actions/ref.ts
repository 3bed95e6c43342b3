import type { ActionDefinition, ActionTarget, FunctionName } from './define';

type AnyTable = Record<string, ActionDefinition>;
type SchemaOf<D> = D extends ActionDefinition<infer S, unknown> ? S : never;
type OutputOfDefinition<D> = D extends ActionDefinition<infer _S, infer O> ? O : never;

/** An action as the main package's pages hold it: function, name and the contract's types, no schema. */
export type ActionRef<D extends ActionDefinition> = ActionTarget<SchemaOf<D>, OutputOfDefinition<D>> & { readonly name: string };

/**
 * Refs to one function's actions, typed by its contract table through a type-only import:
 *
 *   import type { feedActions } from '@domain/actions/feed';
 *   const feedAction = actionRefs<typeof feedActions>('feed');
 *   useAction(feedAction('listPinned'), {});
 *
 * A misspelt action or a renamed field is a compile error, as with the definition itself, but
 * the page's bundle carries neither the schemas nor valibot: the function checks the input and
 * answers the same field messages (tab pages live in the main package, which every resident
 * downloads first). Pages in subpackages import the definitions and check before sending.
 */
export function actionRefs<T extends AnyTable>(fn: T[keyof T]['fn'] & FunctionName) {
  // One object per action, so hooks that depend on the definition see the same one every render.
  const refs = new Map<string, ActionTarget>();
  return <K extends keyof T & string>(name: K): ActionRef<T[K]> => {
    let ref = refs.get(name);
    if (!ref) refs.set(name, (ref = { fn, name }));
    return ref as ActionRef<T[K]>;
  };
}
