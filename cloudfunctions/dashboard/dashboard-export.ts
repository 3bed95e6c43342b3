/** The dashboard's period as an Excel file for the monthly report: a sheet per area, and the days. */
import type { dashboardActions, StationDashboardView } from '@domain/actions/dashboard';
import { figureSections, type FigureFormat, type FigureRow } from '@domain/dashboard/figure-rows';
import { PERIOD_LABELS } from '@domain/dashboard/figures';
import { COLLECTIONS } from '@platform/cloud/collections';
import { requireUser, type Handlers } from '@platform/cloud/create-function';
import { insert } from '@platform/cloud/documents';
import { handOverFile, safeFileName } from './file-download';
import { dashboardHandlers } from './handlers';
import { beijingTimeLabel, writeWorkbook, type SheetCell, type SheetSpec } from './workbook';

/** How Excel shows each kind of figure: the cell keeps the number, the reader sees the unit. */
const NUMBER_FORMATS: Record<FigureFormat, string> = {
  count: '0',
  rate: '0.0%',
  minutes: '0" 分钟"',
  days: '0.0" 天"',
  stars: '0.0" 星"',
  yuan: '#,##0.00" 元"',
};

const figureCell = (value: number | null, format: FigureFormat): SheetCell => (value === null ? null : { value, numFmt: NUMBER_FORMATS[format] });

const rowCells = (row: FigureRow): SheetCell[] => [row.label, figureCell(row.currentValue, row.format), figureCell(row.previousValue, row.format), row.change];

export function dashboardSheets(view: StationDashboardView, now: Date): SheetSpec[] {
  const periods = `本期：${view.current.from} 至 ${view.current.to}（${PERIOD_LABELS[view.period]}）；上期：${view.previous.from} 至 ${view.previous.to}`;
  const notes = [
    periods,
    `导出时间：${beijingTimeLabel(now)}（北京时间）；今天的数字是到导出时为止的`,
    ...(view.pendingDays > 0 ? [`有 ${view.pendingDays} 天的数字还在汇总，按空白计`] : []),
  ];
  const areas = figureSections(view.figures, view.previousFigures).map(
    (section): SheetSpec => ({
      name: section.title,
      title: `${view.stationName} 成效看板 · ${section.title}`,
      notes,
      columns: [
        { header: '项目', width: 30 },
        { header: '本期', width: 14 },
        { header: '上期', width: 14 },
        { header: '变化', width: 22 },
      ],
      rows: section.rows.map(rowCells),
    }),
  );
  const days: SheetSpec = {
    name: '每日',
    title: `${view.stationName} 成效看板 · 每日提问和预约`,
    notes,
    columns: [
      { header: '日期', width: 14 },
      { header: '提问数', width: 10 },
      { header: '预约数', width: 10 },
    ],
    rows: view.series.map((point) => [point.day, point.questions, point.bookings]),
  };
  return [...areas, days];
}

type ExportHandlers = Pick<Handlers<typeof dashboardActions>, 'exportDashboard'>;

export const dashboardExportHandlers: ExportHandlers = {
  async exportDashboard(input, context) {
    const { user } = requireUser(context);
    // The very figures the dashboard shows for the same period.
    const view = await dashboardHandlers.stationDashboard(input, context);
    const content = await writeWorkbook(dashboardSheets(view, context.now), context.now);
    const fileName = safeFileName(`${view.stationName}成效看板-${view.current.from}至${view.current.to}.xlsx`);
    const file = await handOverFile(user._id, fileName, content, context.now);
    await insert(COLLECTIONS.auditLog, { type: 'dashboard.exported', by: user._id, stationId: view.stationId, period: view.period, from: view.current.from, to: view.current.to, at: context.now });
    return file;
  },
};
