import { MAX_IMAGE_BASE64_CHARS, mediaActions, type UploadContext, type UploadedImageView } from '@domain/actions/media';
import { callAction } from './cloud-call';

/** Why an upload failed, in words for the resident. */
export class ImageUploadError extends Error {}

export const IMAGE_TOO_LARGE = '照片太大了，请换一张或裁小一些';

/** Shared by both platforms: the resized image goes to the media function, which records whose it is. */
export async function sendImage(base64: string, context: UploadContext): Promise<UploadedImageView> {
  if (base64.length > MAX_IMAGE_BASE64_CHARS) throw new ImageUploadError(IMAGE_TOO_LARGE);
  const result = await callAction(mediaActions.uploadImage, { context, image: base64 });
  if (!result.ok) throw new ImageUploadError(result.error.message);
  return result.data;
}
