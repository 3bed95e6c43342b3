import Taro from '@tarojs/taro';

/** weapp: download a PDF (a temporary cloud URL) and open it in WeChat's document viewer, which can print and forward it. */
export async function openPdf(url: string): Promise<void> {
  const { tempFilePath } = await Taro.downloadFile({ url });
  await Taro.openDocument({ filePath: tempFilePath, fileType: 'pdf', showMenu: true });
}
