import type { mediaActions, UploadContext, UploadedImageView } from '@domain/actions/media';
import { actionRefs } from '@domain/actions/ref';
import { MAX_IMAGE_BASE64_CHARS } from '@domain/media/image-type';
import { callAction } from './cloud-call';

/** Why an upload failed, in words for the resident. */
export class ImageUploadError extends Error {}

export const IMAGE_TOO_LARGE = '照片太大了，请换一张或裁小一些';

// A ref, not the definition: the consult tab uploads photos, and the main package carries no schemas.
const uploadImageAction = actionRefs<typeof mediaActions>('media')('uploadImage');

/** Shared by both platforms: the resized image goes to the media function, which records whose it is. */
export async function sendImage(base64: string, context: UploadContext): Promise<UploadedImageView> {
  if (base64.length > MAX_IMAGE_BASE64_CHARS) throw new ImageUploadError(IMAGE_TOO_LARGE);
  const result = await callAction(uploadImageAction, { context, image: base64 });
  if (!result.ok) throw new ImageUploadError(result.error.message);
  return result.data;
}
