import { directoryActions } from '@domain/actions/directory';
import { createCloudFunction } from '@platform/cloud/create-function';
import { contactCardHandlers } from './contact-cards';
import { homeCommunityHandlers } from './home-community';
import { listingHandlers } from './listings';
import { routingHandlers } from './routing';

/** Districts, stations, posts and communities — who is responsible for where, and for which question. */
export const main = createCloudFunction(directoryActions, { ...listingHandlers, ...homeCommunityHandlers, ...routingHandlers, ...contactCardHandlers });
