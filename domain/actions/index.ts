import { accountActions } from './account';
import { bookingActions } from './booking';
import { consultActions } from './consult';
import { directoryActions } from './directory';
import { feedActions } from './feed';
import { mediaActions } from './media';
import { mediationActions } from './mediation';
import { privacyActions } from './privacy';
import { stationActions } from './station';
import { dashboardActions } from './dashboard';
import type { ActionDefinition, FunctionName } from './define';

/** Every cloud action, by function. The client calls `actions.account.me`, the function serves it. */
export const actions = {
  account: accountActions,
  directory: directoryActions,
  feed: feedActions,
  booking: bookingActions,
  consult: consultActions,
  mediation: mediationActions,
  privacy: privacyActions,
  station: stationActions,
  media: mediaActions,
  dashboard: dashboardActions,
} as const satisfies Record<FunctionName, Record<string, ActionDefinition>>;

export function allActions(): ActionDefinition[] {
  return Object.values(actions).flatMap((table) => Object.values(table) as ActionDefinition[]);
}

export * from './define';
export type * from './account';
export type * from './directory';
export type * from './feed';
export type * from './booking';
export type * from './consult';
export type * from './mediation';
export type * from './privacy';
export type * from './station';
export type * from './media';
export type * from './dashboard';
