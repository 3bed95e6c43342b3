import { randomUUID } from 'node:crypto';
import type { FunctionName } from '@domain/actions/define';
import { runInInvocation } from './wx-server-sdk/invocation';
import { localCloudState } from './wx-server-sdk/state';
import { onMediaCheckPush } from './wechat/media-check';
import * as account from '../cloudfunctions/account';
import accountConfig from '../cloudfunctions/account/config.json';
import * as booking from '../cloudfunctions/booking';
import bookingConfig from '../cloudfunctions/booking/config.json';
import * as directory from '../cloudfunctions/directory';
import directoryConfig from '../cloudfunctions/directory/config.json';
import * as feed from '../cloudfunctions/feed';
import feedConfig from '../cloudfunctions/feed/config.json';
import * as consult from '../cloudfunctions/consult';
import consultConfig from '../cloudfunctions/consult/config.json';
import * as mediation from '../cloudfunctions/mediation';
import mediationConfig from '../cloudfunctions/mediation/config.json';
import * as privacy from '../cloudfunctions/privacy';
import privacyConfig from '../cloudfunctions/privacy/config.json';
import * as station from '../cloudfunctions/station';
import stationConfig from '../cloudfunctions/station/config.json';
import * as media from '../cloudfunctions/media';
import mediaConfig from '../cloudfunctions/media/config.json';
import * as dashboard from '../cloudfunctions/dashboard';
import dashboardConfig from '../cloudfunctions/dashboard/config.json';

export interface TimerTriggerConfig {
  name: string;
  type: 'timer';
  config: string;
}

export interface FunctionConfig {
  permissions?: { openapi?: string[] };
  /** Seconds before CloudBase stops a run (3 when absent); `npm run deploy` sets it. */
  timeout?: number;
  triggers?: TimerTriggerConfig[];
}

export interface LocalFunction {
  name: FunctionName;
  main: (event: unknown, context?: unknown) => Promise<unknown>;
  config: FunctionConfig;
}

/** Every deployed function, by name: a FunctionName missing here fails the type check. */
export const LOCAL_FUNCTIONS: Record<FunctionName, LocalFunction> = {
  account: { name: 'account', main: account.main, config: accountConfig as FunctionConfig },
  directory: { name: 'directory', main: directory.main, config: directoryConfig as FunctionConfig },
  feed: { name: 'feed', main: feed.main, config: feedConfig as FunctionConfig },
  booking: { name: 'booking', main: booking.main, config: bookingConfig as FunctionConfig },
  consult: { name: 'consult', main: consult.main, config: consultConfig as FunctionConfig },
  mediation: { name: 'mediation', main: mediation.main, config: mediationConfig as FunctionConfig },
  privacy: { name: 'privacy', main: privacy.main, config: privacyConfig as FunctionConfig },
  station: { name: 'station', main: station.main, config: stationConfig as FunctionConfig },
  media: { name: 'media', main: media.main, config: mediaConfig as FunctionConfig },
  dashboard: { name: 'dashboard', main: dashboard.main, config: dashboardConfig as FunctionConfig },
};

// WeChat pushes media-check results to the function the mini-program's message push names: media.
onMediaCheckPush((event) => invokeLocalFunction('media', event, { envId: localCloudState().envId }));

/**
 * Runs a function the way WeChat would: inside its own invocation context (OPENID or none for
 * timers, a request id, the OpenAPI permissions its config.json declares).
 */
export function invokeLocalFunction(name: FunctionName, event: unknown, caller: { openid?: string; envId: string }): Promise<unknown> {
  const fn = LOCAL_FUNCTIONS[name];
  const requestId = randomUUID();
  return runInInvocation(
    {
      OPENID: caller.openid,
      APPID: caller.openid ? 'wx-local-cloud' : undefined,
      ENV: caller.envId,
      SOURCE: caller.openid ? 'wx_client' : 'wx_trigger',
      REQUEST_ID: requestId,
      OPENAPI_PERMISSIONS: fn.config.permissions?.openapi ?? [],
    },
    () => fn.main(event, { request_id: requestId }),
  );
}
