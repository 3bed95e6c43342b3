import type { SpreadsheetLinkProps } from './spreadsheet-link';

export type { SpreadsheetLinkProps } from './spreadsheet-link';

/** H5 (local mode): an ordinary link; the browser downloads the file under its Chinese name. */
export function SpreadsheetLink({ url, fileName, className }: SpreadsheetLinkProps) {
  return (
    <a className={className} href={url} download={fileName}>
      下载 Excel 文件
    </a>
  );
}
