import { dashboardActions } from '@domain/actions/dashboard';
import { createCloudFunction } from '@platform/cloud/create-function';
import { dashboardHandlers } from './handlers';

/** 成效可评估: the station dashboard, read from the daily figures its timer stores. */
export const main = createCloudFunction(dashboardActions, dashboardHandlers);
