import Taro from '@tarojs/taro';
import { initCloud } from './cloud-transport';

/**
 * weapp: a local file (from chooseImage / chooseMedia) into cloud storage; the fileID is what
 * cloud functions store and later turn into temporary URLs.
 */
export async function uploadToCloud(localPath: string, cloudPath: string): Promise<string> {
  initCloud();
  const { fileID } = await Taro.cloud.uploadFile({ cloudPath, filePath: localPath });
  return fileID;
}
