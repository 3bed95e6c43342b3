import { stationActions } from '@domain/actions/station';
import { createCloudFunction } from '@platform/cloud/create-function';
import { communityHandlers } from './communities';
import { hallSettingsHandlers } from './hall-settings';
import { officerHandlers } from './officers';
import { rosterHandlers } from './roster';

/** A station set up and run by its own people: officers and hand-over, roster, communities, hall settings. */
export const main = createCloudFunction(stationActions, { ...officerHandlers, ...rosterHandlers, ...communityHandlers, ...hallSettingsHandlers });
