import type { InputOf } from '@domain/actions/define';
import { dashboardActions } from '@domain/actions/dashboard';
import { FileExport } from '@/components/file-export';
import { useSubmit } from '@/hooks/use-submit';

/** 导出 Excel: the figures on screen (the same period) as a file for the monthly report. */
export function DashboardExport({ input }: { input: InputOf<typeof dashboardActions.exportDashboard> }) {
  const exporting = useSubmit(dashboardActions.exportDashboard);
  return <FileExport label="导出这段时间的数字（Excel）" pending={exporting.pending} error={exporting.error} onExport={() => exporting.submit(input)} />;
}
