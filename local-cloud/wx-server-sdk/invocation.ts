import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * What WeChat's runtime knows about the call in progress. Cloud functions read it through
 * `cloud.getWXContext()`; the local cloud sets it per request, so concurrent requests never
 * see each other's identity (real WeChat reads process env, one call per container).
 */
export interface WxInvocationContext {
  OPENID?: string;
  APPID?: string;
  UNIONID?: string;
  ENV: string;
  SOURCE: 'wx_client' | 'wx_http' | 'wx_trigger' | 'wx_unknown';
  /** Unique per invocation, like the request id CloudBase logs. */
  REQUEST_ID: string;
  /**
   * The OpenAPI permissions the running function declared in its config.json. WeChat refuses
   * undeclared OpenAPI calls; left undefined, no check is made (e.g. a bare unit test).
   */
  OPENAPI_PERMISSIONS?: readonly string[];
}

const storage = new AsyncLocalStorage<WxInvocationContext>();

export function runInInvocation<T>(context: WxInvocationContext, body: () => T): T {
  return storage.run(context, body);
}

export function currentInvocation(): WxInvocationContext | undefined {
  return storage.getStore();
}
