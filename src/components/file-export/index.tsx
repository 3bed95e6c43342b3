import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import type { FileDownloadView } from '@domain/actions/dashboard';
import type { ActionErrorBody } from '@domain/errors';
import { roleProps } from '../a11y';
import { FormError } from '../form-error';
import { SpreadsheetLink } from '@/platform/spreadsheet-link';
import './index.scss';

export interface FileExportProps {
  /** The button's words, e.g. "导出 Excel". */
  label: string;
  /** Writes the file and answers its link (undefined: it failed, and `error` says why). */
  onExport: () => Promise<FileDownloadView | undefined>;
  pending: boolean;
  error?: ActionErrorBody;
}

const beijingMinute = (iso: string) => new Date(new Date(iso).getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');

/**
 * 导出: a button that has the file written, then the file itself — a download link in a browser,
 * WeChat's document viewer on the phone — and how long the link works.
 */
export function FileExport({ label, onExport, pending, error }: FileExportProps) {
  const [file, setFile] = useState<FileDownloadView>();
  return (
    <View className="file-export">
      <View
        className={`file-export__button${pending ? ' file-export__button--pending' : ''}`}
        {...roleProps('button')}
        aria-disabled={pending || undefined}
        onClick={async () => {
          if (pending) return;
          setFile(undefined);
          setFile(await onExport());
        }}
      >
        <Text>{pending ? '正在生成文件…' : label}</Text>
      </View>
      <FormError error={error} />
      <View aria-live="polite">
        {file && (
          <View className="file-export__ready">
            <Text className="file-export__name">已生成：{file.fileName}</Text>
            <SpreadsheetLink className="file-export__link" url={file.url} fileName={file.fileName} />
            <Text className="file-export__hint">链接在 {beijingMinute(file.expiresAt)} 前有效，之后文件自动删除；需要时可以再导出。</Text>
          </View>
        )}
      </View>
    </View>
  );
}
