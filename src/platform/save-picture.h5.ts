import type { Picture, PicturePen, SavePictureOutcome } from './save-picture';

export type { Picture, PicturePen, SavePictureOutcome } from './save-picture';

export const SAVE_PICTURE_LABEL = '下载海报图片';
/** A browser asks nothing before a download: there is no permission to turn back on. */
export const CAN_OPEN_SETTINGS = false;

export function openPermissionSettings(): void {
  // Nothing to open in a browser.
}

function loadImage(url: string): Promise<HTMLImageElement> {
  return new Promise((resolve, reject) => {
    const image = new Image();
    // The code is served by the same local cloud; anonymous keeps the canvas exportable if it is not.
    image.crossOrigin = 'anonymous';
    image.onload = () => resolve(image);
    image.onerror = () => reject(new Error(`image ${url}`));
    image.src = url;
  });
}

/** H5: the same drawing on a browser canvas, downloaded as a PNG under its Chinese name. */
export async function savePicture(picture: Picture): Promise<SavePictureOutcome> {
  try {
    const canvas = document.createElement('canvas');
    canvas.width = picture.width;
    canvas.height = picture.height;
    const pen = canvas.getContext('2d');
    if (!pen) throw new Error('no 2d context');
    const images: Record<string, unknown> = {};
    for (const [name, url] of Object.entries(picture.images)) images[name] = await loadImage(url);
    picture.draw(pen as unknown as PicturePen, images);
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
    if (!blob) throw new Error('toBlob');
    const link = document.createElement('a');
    link.href = URL.createObjectURL(blob);
    link.download = picture.fileName;
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
    return { saved: true, message: `海报图片已下载：${picture.fileName}` };
  } catch {
    return { saved: false, denied: false, message: '没能生成海报图片，请刷新页面后再试' };
  }
}
