/**
 * The local cloud's stand-in for `wx-server-sdk`: the same calls our cloud functions make,
 * answered by the embedded database and the emulated WeChat services instead of WeChat's
 * servers. The local cloud bundles functions with this in place of the real package, and
 * jest maps the module name to it.
 */
import { randomUUID } from 'node:crypto';
import * as wechat from '../wechat';
import { localDatabase } from './engine';
import { currentInvocation } from './invocation';
import { localCloudState } from './state';

export const DYNAMIC_CURRENT_ENV = Symbol.for('DYNAMIC_CURRENT_ENV');

/**
 * Not in the real SDK: how functions know they run on the local cloud, where development
 * fallbacks (a built-in booking secret, templates by their code names) are allowed. Nothing a
 * caller sends can set it.
 */
export const LOCAL_CLOUD = true;

export function init(_config?: unknown): void {
  // The environment is fixed by the local cloud's configuration.
}

export function database(_config?: unknown) {
  return localDatabase().api;
}

export function getWXContext() {
  const invocation = currentInvocation();
  const env = invocation?.ENV ?? localCloudState().envId;
  return {
    OPENID: invocation?.OPENID,
    APPID: invocation?.APPID ?? 'wx-local-cloud',
    UNIONID: invocation?.UNIONID,
    ENV: env,
    SOURCE: invocation?.SOURCE ?? 'wx_unknown',
  };
}

/** WeChat only lets a function call the OpenAPIs its config.json declares (errCode -604101). */
function declared<Args extends unknown[], Result>(api: string, call: (...args: Args) => Promise<Result>) {
  return async (...args: Args): Promise<Result> => {
    const permissions = currentInvocation()?.OPENAPI_PERMISSIONS;
    if (permissions && !permissions.includes(api)) {
      throw new wechat.WxCloudError(-604101, `openapi.${api}:fail function has no permission to call this API`);
    }
    return call(...args);
  };
}

export const openapi = {
  security: { msgSecCheck: declared('security.msgSecCheck', wechat.msgSecCheck), mediaCheckAsync: declared('security.mediaCheckAsync', wechat.mediaCheckAsync) },
  subscribeMessage: { send: declared('subscribeMessage.send', wechat.sendSubscribeMessage) },
  wxacode: { getUnlimited: declared('wxacode.getUnlimited', wechat.getUnlimited) },
};

/** Exchanges CloudIDs (open data the caller's phone obtained) for their decrypted data. */
export const getOpenData = (params: { list: string[] }) => wechat.getOpenData(currentInvocation()?.OPENID, params);

export const uploadFile = wechat.uploadFile;
export const downloadFile = wechat.downloadFile;
export const getTempFileURL = wechat.getTempFileURL;
export const deleteFile = wechat.deleteFile;

export function logger() {
  const requestId = currentInvocation()?.REQUEST_ID ?? randomUUID();
  const write = (level: string) => (payload: unknown) => console.log(JSON.stringify({ level, requestId, payload }));
  return { log: write('log'), info: write('info'), warn: write('warn'), error: write('error') };
}

const sdk = { DYNAMIC_CURRENT_ENV, LOCAL_CLOUD, init, database, getWXContext, openapi, getOpenData, uploadFile, downloadFile, getTempFileURL, deleteFile, logger };
export default sdk;
