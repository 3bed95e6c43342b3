import * as v from 'valibot';
import { action, defineFunction } from '@domain/actions';
import { ActionError } from '@domain/errors';
import { assertTextIsSafe } from '@platform/cloud/content-security';
import { createCloudFunction } from '@platform/cloud/create-function';
import { runInInvocation } from '@local-cloud/wx-server-sdk/invocation';
import { startHarness, type CloudHarness } from '../support/cloud-harness';

/** A throwaway action table exercising the real dispatcher's error paths. */
const probe = defineFunction('account', {
  explode: action<string>()({ summary: 'throws a programming error', input: v.strictObject({}), policy: 'signedIn' }),
  refuse: action<string>()({ summary: 'throws a domain error', input: v.strictObject({}), policy: 'signedIn' }),
  check: action<string>()({ summary: 'calls content security', input: v.strictObject({}), policy: 'signedIn' }),
  echo: action<{ n: number }>()({ summary: 'echoes', input: v.strictObject({ n: v.number() }), policy: 'signedIn' }),
});

const main = createCloudFunction(probe, {
  async explode() {
    throw new TypeError("Cannot read properties of undefined (reading 'secret')");
  },
  async refuse() {
    throw new ActionError('CONFLICT', '这个时段刚刚约满了');
  },
  async check() {
    await assertTextIsSafe('openid-probe', '你好', 2);
    return 'checked';
  },
  async echo({ n }) {
    return { n };
  },
});

let harness: CloudHarness;
beforeAll(async () => {
  harness = await startHarness();
});
afterAll(() => harness.close());

const call = (event: unknown) => runInInvocation({ OPENID: 'openid-probe', ENV: 'test', SOURCE: 'wx_client', REQUEST_ID: 'r1' }, () => main(event, { request_id: 'req-123' }));

test('an unexpected exception becomes INTERNAL with the request id, and no stack reaches the user', async () => {
  const errors = jest.spyOn(console, 'error').mockImplementation(() => undefined);
  const result = await call({ action: 'explode', input: {} });
  expect(result).toEqual({ ok: false, error: { code: 'INTERNAL', message: '系统开小差了，请稍后再试', requestId: 'req-123' } });
  expect(JSON.stringify(result)).not.toMatch(/secret|TypeError|at /);
  expect(errors).toHaveBeenCalledWith(expect.stringContaining('req-123'), expect.any(TypeError));
  errors.mockRestore();
});

test('a domain error keeps its code and resident-facing message', async () => {
  expect(await call({ action: 'refuse', input: {} })).toEqual({ ok: false, error: { code: 'CONFLICT', message: '这个时段刚刚约满了' } });
});

test('success wraps the handler result in the envelope', async () => {
  expect(await call({ action: 'echo', input: { n: 3 } })).toEqual({ ok: true, data: { n: 3 } });
  expect(await call({ action: 'echo', input: { n: 'three' } })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
});

test('an OpenAPI the function did not declare in config.json is refused, as WeChat does', async () => {
  const errors = jest.spyOn(console, 'error').mockImplementation(() => undefined);
  const undeclared = await runInInvocation({ OPENID: 'openid-probe', ENV: 'test', SOURCE: 'wx_client', REQUEST_ID: 'r2', OPENAPI_PERMISSIONS: [] }, () =>
    main({ action: 'check', input: {} }, { request_id: 'req-perm' }),
  );
  expect(undeclared).toMatchObject({ ok: false, error: { code: 'INTERNAL', requestId: 'req-perm' } });
  expect(errors.mock.calls[0]?.[1]).toMatchObject({ errCode: -604101 });
  errors.mockRestore();
  const declared = await runInInvocation({ OPENID: 'openid-probe', ENV: 'test', SOURCE: 'wx_client', REQUEST_ID: 'r3', OPENAPI_PERMISSIONS: ['security.msgSecCheck'] }, () =>
    main({ action: 'check', input: {} }, { request_id: 'req-ok' }),
  );
  expect(declared).toEqual({ ok: true, data: 'checked' });
});
