import Taro from '@tarojs/taro';

/**
 * weapp: the file is downloaded from its temporary URL and handed to WeChat's "send to a chat"
 * sheet, the usual way to keep a file on a phone (e.g. send it to 文件传输助手).
 */
export async function saveDownloadedFile(url: string, fileName: string): Promise<void> {
  const { tempFilePath, statusCode } = await Taro.downloadFile({ url });
  if (statusCode !== 200) throw new Error(`downloadFile ${statusCode}`);
  await Taro.shareFileMessage({ filePath: tempFilePath, fileName });
}
