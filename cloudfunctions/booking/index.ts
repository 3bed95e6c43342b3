import { actions } from '@domain/actions';
import { createCloudFunction } from '@platform/cloud/create-function';
import { familyHandlers } from './family';
import { hallHandlers } from './hall';
import { residentHandlers } from './residents';
import { timerHandlers } from './timers';

/** Service-hall appointments: book, change, remind, check in — never overbooked. */
export const main = createCloudFunction(actions.booking, { ...residentHandlers, ...familyHandlers, ...hallHandlers, ...timerHandlers });
