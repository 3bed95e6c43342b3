import Taro from '@tarojs/taro';
import type { UploadContext, UploadedImageView } from '@domain/actions/media';
import { MAX_IMAGE_SIDE } from '@domain/media/image-type';
import { sendImage } from './upload-image.shared';

export { IMAGE_TOO_LARGE, ImageUploadError } from './upload-image.shared';

/**
 * weapp: the chosen photo is made smaller on the phone first (long side ≤ MAX_IMAGE_SIDE, JPEG
 * quality 80), so an elderly resident's 8 MB camera photo goes up in seconds on a weak network.
 */
export async function uploadImage(localPath: string, context: UploadContext): Promise<UploadedImageView> {
  const { width, height } = await Taro.getImageInfo({ src: localPath });
  const scale = Math.min(1, MAX_IMAGE_SIDE / Math.max(width, height));
  const { tempFilePath } = await Taro.compressImage({ src: localPath, quality: 80, compressedWidth: Math.round(width * scale), compressedHeight: Math.round(height * scale) });
  const base64 = Taro.getFileSystemManager().readFileSync(tempFilePath, 'base64') as string;
  return sendImage(base64, context);
}
