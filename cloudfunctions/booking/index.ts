import { actions } from '@domain/actions';
import { createCloudFunction } from '@platform/cloud/create-function';
import { familyHandlers } from './family';
import { hallHandlers } from './hall';
import { residentHandlers } from './residents';
import { timerHandlers } from './timers';
import { waitlistHandlers } from './waitlist';

/** Service-hall appointments: book, change, remind, check in — never overbooked. */
export const main = createCloudFunction(actions.booking, { ...residentHandlers, ...waitlistHandlers, ...familyHandlers, ...hallHandlers, ...timerHandlers });
