/**
 * 成效看板 → 导出 and 审计记录 in a browser, as 西罗园内勤 (station admin). The dashboard's Excel
 * file is downloaded through the page's own link and read back with exceljs: every figure on
 * screen is in it, as a number, in its area's sheet. Then the audit log: the hall officer's look at
 * the roster is there, filtered by kind and by officer, exported and read back; and the admin's own
 * reading shows up in the log.
 */
import { Workbook, type Worksheet } from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { baseUrl, launchBrowser, newPhonePage, onScreen, screenshot, shown, signInAs } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser.close();
});

const DASHBOARD = 'packages/figures/pages/dashboard/index';
const AUDIT_LOG = 'packages/officer/pages/audit-log/index';

async function call<T>(page: Page, fn: string, action: string, input: unknown): Promise<T> {
  const response = await page.request.post(`${baseUrl()}/__cloud/functions/${fn}`, { data: { action, input } });
  const body = (await response.json()) as { ok: boolean; data: T; error?: { message: string } };
  if (!body.ok) throw new Error(`${fn}.${action}: ${body.error?.message}`);
  return body.data;
}

/** Clicks the link the page offers and reads the downloaded file as a workbook. */
async function downloadWorkbook(page: Page, link: string): Promise<{ workbook: Workbook; fileName: string }> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: link }).click()]);
  const bytes = Buffer.from(await (await fetch(download.url())).arrayBuffer());
  const workbook = new Workbook();
  await workbook.xlsx.load(bytes as never);
  return { workbook, fileName: download.suggestedFilename() };
}

/** The rows under a sheet's header row (first heading `heading`), as cell values. */
function tableOf(sheet: Worksheet, heading: string): unknown[][] {
  const rows: unknown[][] = [];
  let inTable = false;
  sheet.eachRow((row) => {
    const values = (row.values as unknown[]).slice(1);
    if (inTable) rows.push(values);
    if (values[0] === heading) inTable = true;
  });
  return rows;
}

/**
 * What a figure on screen says, as a number in the file's terms ("87.5%" → 0.875, "12 分钟" → 12,
 * "3万元" → 30000), with how far apart the two may be once the screen has rounded it.
 */
function screenNumber(text: string): { value: number; tolerance: number } | '—' {
  if (text === '—') return '—';
  const number = Number((/[\d,.]+/.exec(text)?.[0] ?? 'NaN').replace(/,/g, ''));
  if (text.endsWith('%')) return { value: number / 100, tolerance: 0.0006 };
  if (text.endsWith('万元')) return { value: number * 10_000, tolerance: 0.5 };
  return { value: number, tolerance: text.includes('.') || / [天星]$/.test(text) ? 0.051 : 0.5 };
}

test('the admin exports the dashboard and the file holds the figures on screen', async () => {
  const resident = await newPhonePage(browser);
  await signInAs(resident, 'resident-xly2');
  // Something to count today: a question to 西罗园.
  await call(resident, 'consult', 'startThread', { category: 'household', text: '请问身份证到期了换证要预约吗？' });

  const admin = await newPhonePage(browser);
  await signInAs(admin, 'admin-xly');
  await admin.goto(`${baseUrl()}/#/${DASHBOARD}`);
  const page = onScreen(admin, DASHBOARD);
  // The figure tables; a chart's own table repeats its series (in the file's 每日 sheet).
  const tables = page.getByRole('table').and(page.locator(':not(.chart-figure__table)'));
  await tables.first().waitFor();

  // Every row of every figure table on screen: its area, label, this period and the one before.
  const onScreenRows: { area: string; label: string; current: string; previous: string }[] = [];
  for (const table of await tables.all()) {
    const area = ((await table.getAttribute('aria-label')) ?? '').split('：')[0]!;
    for (const row of await table.getByRole('row').all()) {
      const header = row.getByRole('rowheader');
      if ((await header.count()) === 0) continue;
      const cells = await row.getByRole('cell').allInnerTexts();
      onScreenRows.push({ area, label: (await header.innerText()).trim(), current: cells[0]!.trim(), previous: cells[1]!.trim() });
    }
  }
  expect(onScreenRows.find((row) => row.area === '问片警' && row.label === '提问数')?.current).not.toBe('0');
  const period = await page.getByText(/^本期 \d{4}-\d{2}-\d{2} 至 \d{4}-\d{2}-\d{2}/).innerText();
  const [, from, to] = /本期 (\S+) 至 (\S+)；/.exec(period)!;

  await page.getByRole('button', { name: '导出这段时间的数字（Excel）' }).click();
  await shown(admin, /已生成：/).waitFor();
  await screenshot(admin, 'dashboard-export');
  const { workbook, fileName } = await downloadWorkbook(admin, '下载 Excel 文件');
  expect(fileName).toBe(`西罗园派出所成效看板-${from}至${to}.xlsx`);

  const areas = [...new Set(onScreenRows.map((row) => row.area))];
  expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(expect.arrayContaining(areas));
  for (const area of areas) {
    const sheet = workbook.getWorksheet(area)!;
    expect(String(sheet.getCell('A1').value)).toBe(`西罗园派出所 成效看板 · ${area}`);
    expect(String(sheet.getCell('A2').value)).toContain(`本期：${from} 至 ${to}`);
    const fileRows = new Map(tableOf(sheet, '项目').map((row) => [row[0] as string, row]));
    for (const row of onScreenRows.filter((candidate) => candidate.area === area)) {
      const inFile = fileRows.get(row.label);
      expect({ area, label: row.label, inFile: Boolean(inFile) }).toEqual({ area, label: row.label, inFile: true });
      for (const [shownText, fileValue] of [[row.current, inFile![1]], [row.previous, inFile![2]]] as const) {
        const expected = screenNumber(shownText);
        if (expected === '—') expect({ label: row.label, fileValue }).toEqual({ label: row.label, fileValue: '—' });
        else expect({ label: row.label, off: Math.abs((fileValue as number) - expected.value) <= expected.tolerance }).toEqual({ label: row.label, off: true });
      }
    }
  }
});

test('the admin opens the audit log from the workbench, filters it by kind and officer, exports it; the reading is recorded', async () => {
  const hall = await newPhonePage(browser);
  await signInAs(hall, 'officer-hall-xly');
  await call(hall, 'booking', 'hallRoster', { stationId: 'xiluoyuan' });

  const admin = await newPhonePage(browser);
  await signInAs(admin, 'admin-xly');
  await admin.goto(`${baseUrl()}/#/packages/officer/pages/workbench/index`);
  await admin.getByRole('button', { name: /^审计记录/ }).click();
  const page = onScreen(admin, AUDIT_LOG);
  await page.getByText(/^已显示 \d+ 条/).waitFor();

  await page.getByRole('button', { name: '筛选', exact: true }).click();
  await page.getByRole('button', { name: '查看个人信息' }).click();
  const list = page.getByRole('list', { name: '审计记录' });
  await list.getByText('查看大厅预约名单').first().waitFor();
  await page.getByRole('button', { name: '只看李娜的操作' }).first().click();
  await page.getByRole('button', { name: '操作人：李娜 ✕ 取消' }).waitFor();
  await page.getByRole('button', { name: '近7天' }).click();
  await page.getByText(/^已显示 \d+ 条，已经到底/).waitFor();
  const items = list.getByRole('listitem');
  const shownCount = await items.count();
  expect(shownCount).toBeGreaterThan(0);
  for (const item of await items.all()) {
    await expect(item.getByText('操作人：李娜').isVisible()).resolves.toBe(true);
  }
  const labels = await items.locator('.audit-entry__label').allInnerTexts();
  expect(labels).toContain('查看大厅预约名单');
  await screenshot(admin, 'audit-log-filtered');

  await page.getByRole('button', { name: '导出筛选出的记录（Excel）' }).click();
  await shown(admin, /已生成：/).waitFor();
  const { workbook, fileName } = await downloadWorkbook(admin, '下载 Excel 文件');
  expect(fileName).toMatch(/^西罗园派出所审计记录-\d{4}-\d{2}-\d{2}\.xlsx$/);
  const sheet = workbook.getWorksheet('审计记录')!;
  expect(String(sheet.getCell('A2').value)).toContain('类别：查看个人信息');
  expect(String(sheet.getCell('A2').value)).toContain('操作人：李娜');
  const rows = tableOf(sheet, '时间');
  expect(rows.map((row) => row[3])).toEqual(labels);
  expect(rows.every((row) => row[4] === '李娜')).toBe(true);

  // The admin's own reading and export are in the log now.
  await page.getByRole('button', { name: '操作人：李娜 ✕ 取消' }).click();
  await page.getByRole('button', { name: '查看和导出审计记录' }).click();
  await list.getByText('导出审计记录').first().waitFor();
  await expect(list.getByText('操作人：西罗园内勤').first().isVisible()).resolves.toBe(true);
});

test('the district admin reads every station of 拱墅 from the district workbench, or one; a station outside it is never listed', async () => {
  const hall = await newPhonePage(browser);
  await signInAs(hall, 'officer-hall-cq');
  await call(hall, 'booking', 'hallRoster', { stationId: 'changqing' });

  const district = await newPhonePage(browser);
  await signInAs(district, 'admin-gongshu');
  await district.goto(`${baseUrl()}/#/packages/officer/pages/workbench/index`);
  await district.getByRole('button', { name: /^审计记录/ }).click();
  const page = onScreen(district, AUDIT_LOG);
  await page.getByText(/^已显示 \d+ 条/).waitFor();
  const list = page.getByRole('list', { name: '审计记录' });
  await expect(list.getByText(/西罗园派出所/).count()).resolves.toBe(0);

  await page.getByRole('button', { name: '筛选', exact: true }).click();
  await expect(page.getByRole('button', { name: '西罗园派出所' }).count()).resolves.toBe(0);
  await page.getByRole('button', { name: '长庆派出所' }).click();
  await page.getByRole('button', { name: '查看个人信息' }).click();
  await page.getByText('正在看：长庆派出所 · 查看个人信息 · 全部日期').waitFor();
  await list.getByText('查看大厅预约名单').first().waitFor();
  const metas = await list.locator('.audit-entry__meta').allInnerTexts();
  expect(metas.length).toBeGreaterThan(0);
  expect(metas.every((meta) => meta.includes('长庆派出所'))).toBe(true);
});
