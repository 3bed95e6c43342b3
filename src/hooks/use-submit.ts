import { useCallback, useEffect, useRef, useState } from 'react';
import type { ActionTarget, InputOf, OutputOf } from '@domain/actions/define';
import type { ActionErrorBody } from '@domain/errors';
import { callAction } from '@/platform/cloud-call';
import { revealFirstError } from '@/utils/reveal';
import { validateInput } from '@/utils/validate-input';

export interface SubmitState<A extends ActionTarget> {
  /** Checks the input against the action's schema, sends it, and resolves with the answer (undefined on failure). */
  submit: (input: InputOf<A>) => Promise<OutputOf<A> | undefined>;
  pending: boolean;
  error: ActionErrorBody | undefined;
  clearError: () => void;
}

/**
 * Runs a changing action (a form's submit) and keeps its error for the form to show. A failure
 * focuses the form's first invalid field (or its error), so every form says what is wrong where.
 */
export function useSubmit<A extends ActionTarget>(definition: A): SubmitState<A> {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<ActionErrorBody>();
  const mounted = useRef(false);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  const submit = useCallback(
    async (input: InputOf<A>): Promise<OutputOf<A> | undefined> => {
      const fields = validateInput(definition, input);
      if (fields) {
        setError({ code: 'INVALID_INPUT', message: Object.values(fields)[0] ?? '填写的内容有误，请检查后再试', fields });
        revealFirstError();
        return undefined;
      }
      setPending(true);
      setError(undefined);
      const result = await callAction(definition, input);
      if (!mounted.current) return undefined;
      setPending(false);
      if (result.ok) return result.data as OutputOf<A>;
      setError(result.error);
      revealFirstError();
      return undefined;
    },
    [definition],
  );

  const clearError = useCallback(() => setError(undefined), []);
  return { submit, pending, error, clearError };
}
