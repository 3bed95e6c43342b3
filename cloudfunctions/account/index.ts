import { accountActions } from '@domain/actions/account';
import { createCloudFunction } from '@platform/cloud/create-function';
import { bankBranchHandlers } from './bank-branches';
import { inviteHandlers } from './invites';
import { profileHandlers } from './profile';
import { staffHandlers } from './staff';

/** Accounts, roles and officer invites. */
export const main = createCloudFunction(accountActions, { ...profileHandlers, ...inviteHandlers, ...staffHandlers, ...bankBranchHandlers });
