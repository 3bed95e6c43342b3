import { privacyActions } from '@domain/actions/privacy';
import { createCloudFunction } from '@platform/cloud/create-function';
import { deletionHandlers } from './deletion';
import { myDataHandlers } from './my-data';
import { retentionHandlers } from './retention';

/** Personal data under PIPL: what is held (我的数据), export, account deletion, retention. */
export const main = createCloudFunction(privacyActions, { ...myDataHandlers, ...deletionHandlers, ...retentionHandlers });
