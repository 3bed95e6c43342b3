import { mediaActions } from '@domain/actions/media';
import { createCloudFunction } from '@platform/cloud/create-function';
import { isMediaCheckPush, settleMediaCheck } from './check-result';
import { uploadHandlers } from './upload';

const actions = createCloudFunction(mediaActions, uploadHandlers);

/**
 * Uploaded images. Besides its actions this function is the mini-program's message push target
 * for `wxa_media_check`, WeChat's asynchronous media check result.
 */
export async function main(event: unknown, context?: unknown): Promise<unknown> {
  if (isMediaCheckPush(event)) return settleMediaCheck(event);
  return actions(event, context);
}
