import { mediationActions } from '@domain/actions/mediation';
import { createCloudFunction } from '@platform/cloud/create-function';
import { agreementHandlers } from './agreement';
import { intakeHandlers } from './intake';
import { outcomeHandlers } from './outcome';
import { roundTableHandlers } from './round-table';

/** 圆桌调解: cases, the round table and its passes, the agreement and its PDF, 回访, the figures. */
export const main = createCloudFunction(mediationActions, { ...intakeHandlers, ...roundTableHandlers, ...agreementHandlers, ...outcomeHandlers });
