import { dashboardActions } from '@domain/actions/dashboard';
import { createCloudFunction } from '@platform/cloud/create-function';
import { auditLogHandlers } from './audit-log';
import { dashboardExportHandlers } from './dashboard-export';
import { dashboardHandlers } from './handlers';

/** 成效可评估: the station dashboard, read from the daily figures its timer stores; its Excel export; the audit log viewer. */
export const main = createCloudFunction(dashboardActions, { ...dashboardHandlers, ...dashboardExportHandlers, ...auditLogHandlers });
