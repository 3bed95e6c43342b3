/**
 * The dashboard's Excel export through the real dashboard function: the file in cloud storage,
 * read back with exceljs, holds the very figures the dashboard shows for the same period — a sheet
 * per area, numbers as numbers — with the station and the periods in its title.
 */
import { Workbook, type Worksheet } from 'exceljs';
import { dashboardActions } from '@domain/actions/dashboard';
import { figureSections } from '@domain/dashboard/figure-rows';
import { downloadFile } from '@local-cloud/wechat';
import { writeWorkbook, type SheetCell } from '../../cloudfunctions/dashboard/workbook';
import { userIdFor } from '@platform/cloud/identity';
import { persona } from '../support/cloud-harness';
import { clockedHarness, failed, ok } from '../support/clocked-harness';
import { generateDashboardDataset, insertDataset } from '../support/dashboard-dataset';

const NOW = new Date('2026-11-25T10:00:00+08:00');
const harness = clockedHarness(NOW);
// Generous on a shared, busy machine: the dataset and its roll-up are real writes.
jest.setTimeout(30_000);
const STATION = 'xiluoyuan';
const admin = () => persona('admin-xly').openid;

type Doc = Record<string, any>;

/** The rows under the header row (whose first heading is `heading`), as cell values. */
function tableOf(sheet: Worksheet, heading = '项目'): unknown[][] {
  const rows: unknown[][] = [];
  let inTable = false;
  sheet.eachRow((row) => {
    const values = (row.values as unknown[]).slice(1);
    if (inTable) rows.push(values);
    if (values[0] === heading) inTable = true;
  });
  return rows;
}

test('the export holds the period\'s figures as the dashboard shows them, a sheet per area, and is recorded', async () => {
  await insertDataset(harness.engine, generateDashboardDataset({ stationId: STATION, from: '2026-11-12', to: '2026-11-25', questionsPerDay: 6, bookingsPerDay: 5, until: NOW }));
  await (harness.engine.api.collection('timer_cursors').doc('dashboard-daily-stats').set({ data: { day: '2026-11-12', afterId: '' } }) as Promise<unknown>);
  for (let run = 0; run < 30; run += 1) if ((ok(await harness.timer('dashboard', 'rollUpDailyStats') as never) as { done: boolean }).done) break;

  const input = { stationId: STATION, period: 'custom', from: '2026-11-19', to: '2026-11-25' } as const;
  const view = ok(await harness.call(admin(), dashboardActions.stationDashboard, input));
  const file = ok(await harness.call(admin(), dashboardActions.exportDashboard, input));
  expect(file.fileName).toBe('西罗园派出所成效看板-2026-11-19至2026-11-25.xlsx');
  expect(file.url).toMatch(/^http:\/\/127\.0\.0\.1:0\/__cloud\/storage\/exports\/[0-9a-f]{32}\//);

  const record = (harness.engine.find('data_exports') as Doc[]).find((r) => r.userId === userIdFor(admin()))!;
  // In the admin's own 我的数据, named, and deleted by the retention timer after a day.
  expect(record).toMatchObject({ kind: 'export', title: file.fileName });
  expect(new Date(record.expiresAt).getTime() - NOW.getTime()).toBe(86_400_000);
  const content = (await downloadFile({ fileID: record.fileIds[0] })).fileContent;
  expect(content.length).toBe(file.bytes);
  const workbook = new Workbook();
  await workbook.xlsx.load(content as never);

  const sections = figureSections(view.figures, view.previousFigures);
  expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual([...sections.map((section) => section.title), '每日']);
  for (const section of sections) {
    const sheet = workbook.getWorksheet(section.title)!;
    expect(String(sheet.getCell('A1').value)).toBe(`西罗园派出所 成效看板 · ${section.title}`);
    expect(String(sheet.getCell('A2').value)).toBe('本期：2026-11-19 至 2026-11-25（自定义）；上期：2026-11-12 至 2026-11-18');
    // Numbers stay numbers (a rate is 0.875 shown as 87.5%); nothing to measure reads "—".
    expect(tableOf(sheet)).toEqual(section.rows.map((row) => [row.label, row.currentValue ?? '—', row.previousValue ?? '—', row.change]));
  }
  const rates = workbook.getWorksheet('预约办事')!;
  const utilisation = tableOf(rates).findIndex((row) => row[0] === '名额使用率');
  expect(typeof tableOf(rates)[utilisation]![1]).toBe('number');
  let numFmt = '';
  rates.eachRow((row) => {
    if (row.getCell(1).value === '名额使用率') numFmt = row.getCell(2).numFmt;
  });
  expect(numFmt).toBe('0.0%');
  expect(view.figures.consult.questions).toBeGreaterThan(10);

  expect(tableOf(workbook.getWorksheet('每日')!, '日期')).toEqual(view.series.map((point) => [point.day, point.questions, point.bookings]));

  expect(harness.engine.find('audit_log', { type: 'dashboard.exported' })).toEqual([expect.objectContaining({ by: userIdFor(admin()), stationId: STATION, from: '2026-11-19', to: '2026-11-25' })]);
});

test('only the station\'s admins (and their district\'s) export it', async () => {
  expect(failed(await harness.call(persona('officer-beat-xly').openid, dashboardActions.exportDashboard, { stationId: STATION, period: 'month' })).code).toBe('FORBIDDEN');
  expect(failed(await harness.call(persona('admin-gongshu').openid, dashboardActions.exportDashboard, { stationId: STATION, period: 'month' })).code).toBe('FORBIDDEN');
  expect(failed(await harness.call(admin(), dashboardActions.exportDashboard, { stationId: STATION, period: 'custom', from: '2026-11-09' })).code).toBe('INVALID_INPUT');
  expect(harness.engine.find('data_exports')).toHaveLength(0);
});

test('sheet names keep to Excel\'s rules: no []:*?/\\, at most 31 characters, never twice', async () => {
  const sheet = (name: string) => ({ name, title: name, notes: [], columns: [{ header: '项目', width: 10 }], rows: [['一', 1]] as SheetCell[][] });
  const long = '首次回复用时（按民警）这一张表的名字非常非常长长长长长长长长长长';
  const content = await writeWorkbook([sheet('问片警'), sheet('问片警'), sheet('a/b:c?[d]'), sheet(long), sheet(long)], NOW);
  const workbook = new Workbook();
  await workbook.xlsx.load(content as never);
  const names = workbook.worksheets.map((ws) => ws.name);
  expect(names).toEqual(['问片警', '问片警-2', 'a·b·c··d·', long.slice(0, 31), `${long.slice(0, 29)}-2`]);
});
