import type { UploadContext, UploadedImageView } from '@domain/actions/media';
import { MAX_IMAGE_SIDE } from '@domain/media/image-type';
import { sendImage } from './upload-image.shared';

export { IMAGE_TOO_LARGE, ImageUploadError } from './upload-image.shared';

function loadImage(url: string): Promise<HTMLImageElement> {
  return new Promise((resolve, reject) => {
    const image = new Image();
    image.onload = () => resolve(image);
    image.onerror = () => reject(new Error('not an image'));
    image.src = url;
  });
}

/** H5 (local mode): the chosen file is drawn smaller on a canvas and sent as a JPEG. */
export async function uploadImage(localPath: string, context: UploadContext): Promise<UploadedImageView> {
  const image = await loadImage(localPath);
  const scale = Math.min(1, MAX_IMAGE_SIDE / Math.max(image.naturalWidth, image.naturalHeight));
  const canvas = document.createElement('canvas');
  canvas.width = Math.max(1, Math.round(image.naturalWidth * scale));
  canvas.height = Math.max(1, Math.round(image.naturalHeight * scale));
  canvas.getContext('2d')?.drawImage(image, 0, 0, canvas.width, canvas.height);
  const base64 = canvas.toDataURL('image/jpeg', 0.8).replace(/^data:image\/jpeg;base64,/, '');
  return sendImage(base64, context);
}
