import { bookingActions } from '@domain/actions/booking';
import { createCloudFunction } from '@platform/cloud/create-function';
import { familyHandlers } from './family';
import { hallHandlers } from './hall';
import { residentHandlers } from './residents';
import { timerHandlers } from './timers';
import { waitlistHandlers } from './waitlist';

/** Service-hall appointments: book, change, remind, check in — never overbooked. */
export const main = createCloudFunction(bookingActions, { ...residentHandlers, ...waitlistHandlers, ...familyHandlers, ...hallHandlers, ...timerHandlers });
