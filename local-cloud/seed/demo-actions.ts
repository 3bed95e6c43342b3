/**
 * Calls a cloud action as a demo persona, the way the app does it: through the function's own
 * entry point with the persona's openid as WeChat's context (identity never comes from the input).
 */
import type { ActionDefinition, InputOf, OutputOf } from '@domain/actions/define';
import type { ActionResult } from '@domain/result';
import { invokeLocalFunction } from '../functions';
import { localCloudState } from '../wx-server-sdk/state';
import { DEMO_PERSONAS } from './demo-data';

export const openidOf = (key: string): string => {
  const persona = DEMO_PERSONAS.find((candidate) => candidate.key === key);
  if (!persona) throw new Error(`demo data: no persona ${key}`);
  return persona.openid;
};

/** The action's data; a refusal stops the demo load with the action's own code and message. */
export async function callAs<A extends ActionDefinition>(persona: string, definition: A, input: InputOf<A>): Promise<OutputOf<A>> {
  const event = { action: definition.name, input };
  const result = (await invokeLocalFunction(definition.fn, event, { openid: openidOf(persona), envId: localCloudState().envId })) as ActionResult<OutputOf<A>>;
  if (!result.ok) throw new Error(`demo data: ${definition.fn}.${definition.name} as ${persona} refused: ${result.error.code} ${result.error.message}`);
  return result.data;
}
