import Taro from '@tarojs/taro';

/**
 * The part of a 2D canvas context a picture is drawn with. Both the browser's canvas and
 * WeChat's `type: '2d'` canvas implement it (the standard CanvasRenderingContext2D), so a
 * drawing written against it is the same on both builds.
 */
export interface PicturePen {
  fillStyle: unknown;
  strokeStyle: unknown;
  lineWidth: number;
  font: string;
  textAlign: string;
  textBaseline: string;
  fillRect(x: number, y: number, width: number, height: number): void;
  strokeRect(x: number, y: number, width: number, height: number): void;
  fillText(text: string, x: number, y: number): void;
  measureText(text: string): { width: number };
  drawImage(image: never, x: number, y: number, width: number, height: number): void;
  save(): void;
  restore(): void;
  beginPath(): void;
  arc(x: number, y: number, radius: number, start: number, end: number): void;
  clip(): void;
}

export interface Picture {
  width: number;
  height: number;
  /** Images the drawing needs, by name → URL; each is loaded before `draw` runs. */
  images: Record<string, string>;
  draw: (pen: PicturePen, images: Record<string, unknown>) => void;
  /** The file's name where the platform keeps one (the browser's download). */
  fileName: string;
}

export type SavePictureOutcome = { saved: true; message: string } | { saved: false; denied: boolean; message: string };

/** What the save button says on this platform. */
export const SAVE_PICTURE_LABEL = '保存海报到手机相册';
/** A refused album permission can be turned on again from the mini-program's settings page. */
export const CAN_OPEN_SETTINGS = true;

export function openPermissionSettings(): void {
  void Taro.openSetting({}).catch(() => undefined);
}

type WxCanvas = Taro.OffscreenCanvas & { toDataURL?: (type?: string) => string };
type WxImage = { onload: (() => void) | null; onerror: ((error: unknown) => void) | null; src: string };

async function loadImage(canvas: WxCanvas, url: string): Promise<unknown> {
  // A code's URL is a temporary https link: downloaded first, so the canvas reads a local file.
  const { tempFilePath, statusCode } = await Taro.downloadFile({ url });
  if (statusCode !== 200) throw new Error(`downloadFile ${statusCode}`);
  const image = canvas.createImage() as unknown as WxImage;
  await new Promise<void>((resolve, reject) => {
    image.onload = () => resolve();
    image.onerror = reject;
    image.src = tempFilePath;
  });
  return image;
}

/** The canvas as a PNG file: canvasToTempFilePath, or (where it refuses an off-screen canvas, as on some iOS versions) its data URL written to a user file. */
async function pngOf(canvas: WxCanvas): Promise<string> {
  try {
    const { tempFilePath } = await Taro.canvasToTempFilePath({ canvas: canvas as unknown as Taro.Canvas, fileType: 'png' });
    return tempFilePath;
  } catch (problem) {
    if (!canvas.toDataURL) throw problem;
    const filePath = `${Taro.env.USER_DATA_PATH}/poster-${Date.now()}.png`;
    const base64 = canvas.toDataURL('image/png').replace(/^data:image\/png;base64,/, '');
    Taro.getFileSystemManager().writeFileSync(filePath, base64, 'base64');
    return filePath;
  }
}

const isDenied = (problem: unknown) => /auth den|auth deny|authorize|permission/i.test(String((problem as { errMsg?: string })?.errMsg ?? problem));

/**
 * weapp: the picture is drawn on an off-screen 2D canvas (base library ≥ 2.16.1), turned into a PNG
 * and saved to the phone's album with saveImageToPhotosAlbum. When the person has refused the
 * album permission, WeChat does not ask again: the answer says so, and the page offers the
 * settings page (openPermissionSettings) where it can be turned back on.
 */
export async function savePicture(picture: Picture): Promise<SavePictureOutcome> {
  try {
    const canvas = Taro.createOffscreenCanvas({ type: '2d', width: picture.width, height: picture.height }) as WxCanvas;
    const pen = canvas.getContext('2d') as unknown as PicturePen;
    const images: Record<string, unknown> = {};
    for (const [name, url] of Object.entries(picture.images)) images[name] = await loadImage(canvas, url);
    picture.draw(pen, images);
    const filePath = await pngOf(canvas);
    await Taro.saveImageToPhotosAlbum({ filePath });
    return { saved: true, message: '海报已保存到手机相册，可以打印或发到社区群' };
  } catch (problem) {
    if (isDenied(problem)) return { saved: false, denied: true, message: '没能保存：微信没有“保存到相册”的权限。请在设置里打开“添加到相册”后再试' };
    return { saved: false, denied: false, message: '没能保存海报，请检查网络后再试一次' };
  }
}
