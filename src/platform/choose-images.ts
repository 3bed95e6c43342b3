import Taro from '@tarojs/taro';

/**
 * Photos from the album or the camera, as local paths for `uploadImage`; none when the person
 * cancels. `chooseMedia` is WeChat's current picker (chooseImage is deprecated); Taro's H5 build
 * implements the same call with a file input, so one file serves both platforms.
 */
export async function chooseImages(max: number): Promise<string[]> {
  if (max < 1) return [];
  try {
    const { tempFiles } = await Taro.chooseMedia({ count: max, mediaType: ['image'], sizeType: ['compressed'], sourceType: ['album', 'camera'] });
    return tempFiles.map((file) => file.tempFilePath).slice(0, max);
  } catch {
    return []; // cancelled, or no permission: nothing chosen
  }
}
