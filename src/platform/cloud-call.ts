import type { ActionTarget, InputOf, OutputOf } from '@domain/actions/define';
import { failure, isActionResult, type ActionResult } from '@domain/result';
import { sendToCloud } from './cloud-transport';

/**
 * The only way a page reaches a cloud action. The transport differs per platform
 * (cloud-transport.ts on weapp, cloud-transport.h5.ts on H5); the contract does not.
 */
export async function callAction<A extends ActionTarget>(definition: A, input: InputOf<A>): Promise<ActionResult<OutputOf<A>>> {
  let raw: unknown;
  try {
    raw = await sendToCloud(definition.fn, { action: definition.name, input });
  } catch (error) {
    logTransportError(definition, error);
    return failure('NETWORK');
  }
  if (!isActionResult(raw)) {
    logTransportError(definition, raw);
    return failure('INTERNAL');
  }
  return raw as ActionResult<OutputOf<A>>;
}

function logTransportError(definition: ActionTarget, detail: unknown): void {
  // Visible in DevTools / vConsole; never shown to the resident.
  console.warn(`[cloud] ${definition.fn}.${definition.name} failed`, detail);
}
