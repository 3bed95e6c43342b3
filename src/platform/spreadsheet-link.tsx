import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { roleProps } from '@/components/a11y';

export interface SpreadsheetLinkProps {
  url: string;
  fileName: string;
  className?: string;
}

/**
 * weapp: no links — a tap downloads the Excel file from its temporary cloud URL and opens it in
 * WeChat's document viewer, whose menu forwards it to a chat or the computer (文件传输助手).
 */
export function SpreadsheetLink({ url, className }: SpreadsheetLinkProps) {
  const [failed, setFailed] = useState(false);
  const open = async () => {
    setFailed(false);
    try {
      const { tempFilePath, statusCode } = await Taro.downloadFile({ url });
      if (statusCode !== 200) throw new Error(`downloadFile ${statusCode}`);
      await Taro.openDocument({ filePath: tempFilePath, fileType: 'xlsx', showMenu: true });
    } catch {
      setFailed(true);
    }
  };
  return (
    <View>
      <View className={className} {...roleProps('button')} onClick={() => void open()}>
        <Text>打开 Excel 文件</Text>
      </View>
      {failed && (
        <Text {...roleProps('alert')}>文件没能打开，请再点一次，或重新导出。</Text>
      )}
    </View>
  );
}
