/**
 * Excel files (.xlsx) for the monthly report and the audit review, written with exceljs (a
 * maintained writer of the real Office Open XML format). exceljs is installed beside the function
 * by CloudBase (its package.json), not bundled: bundled it is about 1.2 MB, twelve times the
 * 100 KB a function may weigh (scripts/build-cloudfunctions.mjs).
 */
import { Workbook, type Worksheet } from 'exceljs';

/** A number with the way Excel shows it ("0.0%", `0" 分钟"`), or text, or nothing ("—"). */
export type SheetCell = string | number | null | { value: number; numFmt: string };

export interface SheetSpec {
  /** The tab's name (Excel: at most 31 characters, none of []:*?/\). */
  name: string;
  /** The first row, large: what the sheet is, for whom, for when. */
  title: string;
  /** Lines under the title (the periods compared, when it was exported). */
  notes: string[];
  columns: { header: string; width: number }[];
  rows: SheetCell[][];
  /** Let the reader filter and sort the table in Excel. */
  filter?: boolean;
}

const HEADER_FILL = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF7' } } as const;
const THIN = { style: 'thin', color: { argb: 'FF9AA5B1' } } as const;

export const sheetName = (name: string): string => name.replace(/[[\]:*?/\\]/g, '·').slice(0, 31);

function writeSheet(sheet: Worksheet, spec: SheetSpec): void {
  const width = spec.columns.length;
  sheet.columns = spec.columns.map((column) => ({ width: column.width }));
  const title = sheet.addRow([spec.title]);
  title.font = { bold: true, size: 14 };
  sheet.mergeCells(title.number, 1, title.number, width);
  for (const note of spec.notes) {
    const row = sheet.addRow([note]);
    row.font = { color: { argb: 'FF444444' } };
    sheet.mergeCells(row.number, 1, row.number, width);
  }
  sheet.addRow([]);
  const header = sheet.addRow(spec.columns.map((column) => column.header));
  header.font = { bold: true };
  header.eachCell((cell) => {
    cell.fill = HEADER_FILL;
    cell.border = { top: THIN, bottom: THIN, left: THIN, right: THIN };
  });
  for (const cells of spec.rows) {
    const row = sheet.addRow(cells.map((cell) => (cell === null ? '—' : typeof cell === 'object' ? cell.value : cell)));
    cells.forEach((cell, index) => {
      const target = row.getCell(index + 1);
      if (cell !== null && typeof cell === 'object') target.numFmt = cell.numFmt;
      target.alignment = { vertical: 'top', wrapText: typeof cell === 'string' && cell.length > 20 };
      target.border = { bottom: THIN };
    });
  }
  // The headings stay in view while scrolling.
  sheet.views = [{ state: 'frozen', ySplit: header.number }];
  if (spec.filter && spec.rows.length > 0) sheet.autoFilter = { from: { row: header.number, column: 1 }, to: { row: header.number + spec.rows.length, column: width } };
}

export async function writeWorkbook(sheets: readonly SheetSpec[], now: Date): Promise<Buffer> {
  const workbook = new Workbook();
  workbook.creator = '枫桥邻警';
  workbook.created = now;
  workbook.modified = now;
  const used = new Set<string>();
  for (const spec of sheets) {
    // Excel refuses two sheets of one name (case-insensitive): a second one gets a number.
    let name = sheetName(spec.name);
    for (let n = 2; used.has(name.toLowerCase()); n += 1) name = `${sheetName(spec.name).slice(0, 31 - String(n).length - 1)}-${n}`;
    used.add(name.toLowerCase());
    writeSheet(workbook.addWorksheet(name), spec);
  }
  return Buffer.from((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
}

/** "2026-11-25 09:30" in Beijing time, for the notes and the audit rows. */
export const beijingTimeLabel = (at: Date): string => new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
