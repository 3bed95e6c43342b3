/**
 * Where the real wx-server-sdk runs (no LOCAL_CLOUD marker), a function with a missing secret or
 * template id refuses every call and logs which setting is missing: no silent development
 * fallback. Here the local SDK is loaded without its marker, as production would look.
 */
import type { ActionResult } from '@domain/result';

type Main = (event: unknown, context?: unknown) => Promise<ActionResult<unknown>>;

function loadInProduction(fn: 'booking' | 'directory'): { main: Main; settings: typeof import('@platform/cloud/settings') } {
  let loaded: { main: Main; settings: typeof import('@platform/cloud/settings') } | undefined;
  jest.isolateModules(() => {
    jest.doMock('wx-server-sdk', () => {
      const local = jest.requireActual('@local-cloud/wx-server-sdk/index');
      const withoutMarker = { ...local.default, LOCAL_CLOUD: undefined };
      return { __esModule: true, ...withoutMarker, default: withoutMarker };
    });
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const module = require(`../../cloudfunctions/${fn}`) as { main: Main };
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    loaded = { main: module.main, settings: require('@platform/cloud/settings') };
  });
  jest.dontMock('wx-server-sdk');
  if (!loaded) throw new Error('not loaded');
  return loaded;
}

const saved = { ...process.env };
afterEach(() => {
  process.env = { ...saved };
  jest.restoreAllMocks();
});

test('booking without BOOKING_SECRET refuses to run and logs the missing variable', async () => {
  delete process.env.BOOKING_SECRET;
  const errors = jest.spyOn(console, 'error').mockImplementation(() => undefined);
  const { main, settings } = loadInProduction('booking');
  expect(settings.runsOnLocalCloud()).toBe(false);
  const result = await main({ action: 'availability', input: { stationId: 'xiluoyuan', service: 'idReplacement' } }, { request_id: 'req-prod' });
  expect(result).toEqual({ ok: false, error: expect.objectContaining({ code: 'INTERNAL', requestId: 'req-prod' }) });
  const logged = errors.mock.calls.map((call) => String(call[0])).join('\n');
  expect(logged).toContain('booking refuses to run: BOOKING_SECRET is missing');
  expect(logged).toContain('TEMPLATE_BOOKING_REMINDER is missing');
});

test('in production the secret never falls back to a constant, and template ids come from the deployment', () => {
  delete process.env.BOOKING_SECRET;
  delete process.env.TEMPLATE_FRAUD_ALERT;
  const { settings } = loadInProduction('directory');
  expect(() => settings.requireSecret('BOOKING_SECRET')).toThrow(/BOOKING_SECRET is missing/);
  expect(() => settings.templateIdFor('tmpl-fraud-alert')).toThrow(/TEMPLATE_FRAUD_ALERT/);
  process.env.BOOKING_SECRET = 's'.repeat(40);
  process.env.TEMPLATE_FRAUD_ALERT = 'lKnU0V3wFraudAlertTemplateId0000000000000a';
  expect(settings.requireSecret('BOOKING_SECRET')).toBe('s'.repeat(40));
  expect(settings.templateIdFor('tmpl-fraud-alert')).toBe('lKnU0V3wFraudAlertTemplateId0000000000000a');
});

test('a function that needs no settings runs its dispatcher in production (directory has none)', async () => {
  const errors = jest.spyOn(console, 'error').mockImplementation(() => undefined);
  const { settings } = loadInProduction('directory');
  expect(settings.refusalToRun('directory')).toBeUndefined();
  expect(settings.refusalToRun('booking')).toEqual(expect.arrayContaining([expect.stringContaining('BOOKING_SECRET')]));
  expect(errors).not.toHaveBeenCalled();
});

test('on the local cloud the development stand-ins apply', () => {
  delete process.env.BOOKING_SECRET;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const settings = require('@platform/cloud/settings') as typeof import('@platform/cloud/settings');
  expect(settings.runsOnLocalCloud()).toBe(true);
  expect(settings.requireSecret('BOOKING_SECRET')).toMatch(/local-dev-only/);
  expect(settings.templateIdFor('tmpl-fraud-alert')).toBe('tmpl-fraud-alert');
});
