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
  /**
   * WeChat's SOURCE table (Cloud.getWXContext): `wx_client`, `wx_http`, `wx_trigger`, … for its own
   * ends, a comma-separated chain such as `wx_client,scf` when a function calls another, and other
   * values (非微信端触发) for a call through Tencent Cloud's API.
   */
  SOURCE: 'wx_client' | 'wx_http' | 'wx_trigger' | 'wx_unknown' | (string & {});
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
