import { BOOKING_TEMPLATES } from '@domain/booking';
import { CONSULT_TEMPLATES } from '@domain/consult';
import { FRAUD_ALERT_TEMPLATE } from '@domain/actions/feed';
import { MEDIATION_TEMPLATES } from '@domain/mediation';
import { validEnvironment, SECRET } from './valid-environment';
import { functionEnvironment, problemsOf, readDeploymentConfig, TEMPLATE_SETTINGS } from '../../../config/deployment';

test('every template the code asks for or sends has a deployment setting, and no setting is unused', () => {
  const inCode = [...Object.values(BOOKING_TEMPLATES), ...Object.values(CONSULT_TEMPLATES), ...Object.values(MEDIATION_TEMPLATES), FRAUD_ALERT_TEMPLATE].sort();
  expect(TEMPLATE_SETTINGS.map((setting) => setting.logical).sort()).toEqual(inCode);
});

test('a complete configuration is accepted, with template ids by code name', () => {
  const result = readDeploymentConfig(validEnvironment());
  expect(result.ok).toBe(true);
  if (!result.ok) return;
  expect(result.config.envId).toBe('fengqiao-prod-1a2b3c');
  expect(result.config.templateIds['tmpl-fraud-alert']).toBe('lKnU0V3wFraudAlertTemplateId0000000000000a');
  expect(result.config.secrets.BOOKING_SECRET).toBe(SECRET);
});

test('an empty environment names every missing setting', () => {
  const result = readDeploymentConfig({});
  expect(result.ok).toBe(false);
  if (result.ok) return;
  const text = result.problems.join('\n');
  for (const name of ['CLOUD_ENV_ID', 'DISTRICT_ID', 'DISTRICT_NAME', 'DISTRICT_CITY', 'BOOKING_SECRET', 'BOOTSTRAP_SECRET', ...TEMPLATE_SETTINGS.map((setting) => setting.env)]) expect(text).toContain(name);
});

test('a weak secret, a malformed env id or template id, and one id for two templates are refused', () => {
  const env = {
    ...validEnvironment(),
    BOOKING_SECRET: 'secret',
    CLOUD_ENV_ID: 'My Env',
    TEMPLATE_CONSULT_NEW: 'tmpl consult',
    TEMPLATE_CONSULT_REPLY: validEnvironment().TEMPLATE_FRAUD_ALERT!,
  };
  const result = readDeploymentConfig(env);
  expect(result.ok).toBe(false);
  if (result.ok) return;
  expect(result.problems).toEqual([
    'CLOUD_ENV_ID "My Env" does not look like a CloudBase environment id',
    'TEMPLATE_CONSULT_NEW "tmpl consult" does not look like a WeChat template id',
    'one template id is given for two purposes: lKnU0V3wFraudAlertTemplateId0000000000000a',
    'BOOKING_SECRET is shorter than 32 characters',
  ]);
});

test('the weapp build reads the same configuration without the secrets', () => {
  const { BOOKING_SECRET: _b, BOOTSTRAP_SECRET: _s, ...publicPart } = validEnvironment();
  expect(readDeploymentConfig(publicPart, { secrets: false }).ok).toBe(true);
});

test('each function gets only the settings it uses', () => {
  const result = readDeploymentConfig(validEnvironment());
  if (!result.ok) throw new Error(result.problems.join());
  expect(Object.keys(functionEnvironment('booking', result.config)).sort()).toEqual([
    'BOOKING_SECRET',
    'TEMPLATE_BOOKING_REMINDER',
    'TEMPLATE_BOOKING_REMINDER_HOUR',
    'TEMPLATE_BOOKING_SLOT_CLOSED',
    'TEMPLATE_BOOKING_WAITLIST_OFFER',
  ]);
  expect(Object.keys(functionEnvironment('directory', result.config))).toEqual([]);
  expect(problemsOf('booking', functionEnvironment('booking', result.config))).toEqual([]);
  expect(problemsOf('booking', {})).toEqual(expect.arrayContaining([expect.stringContaining('BOOKING_SECRET is missing')]));
});

describe('the weapp build', () => {
  const { weappDeployment } = jest.requireActual('../../../config/deployment') as typeof import('../../../config/deployment');
  test('a production weapp build refuses a missing environment id, naming it', () => {
    const { CLOUD_ENV_ID: _missing, ...rest } = validEnvironment();
    expect(() => weappDeployment('weapp', { ...rest, NODE_ENV: 'production' })).toThrow(/CLOUD_ENV_ID is missing/);
  });
  test('with the configuration it embeds the env id and WeChat template ids (no secrets needed)', () => {
    const { BOOKING_SECRET: _b, BOOTSTRAP_SECRET: _s, ...publicPart } = validEnvironment();
    const embedded = weappDeployment('weapp', { ...publicPart, NODE_ENV: 'production' });
    expect(embedded.envId).toBe('fengqiao-prod-1a2b3c');
    expect(embedded.templateIds['tmpl-consult-reply']).toBe(publicPart.TEMPLATE_CONSULT_REPLY);
  });
  test('H5, development and check-only builds go without it, using the code names', () => {
    expect(weappDeployment('h5', {}).templateIds['tmpl-fraud-alert']).toBe('tmpl-fraud-alert');
    expect(weappDeployment('weapp', { NODE_ENV: 'development' }).envId).toBe('');
    expect(weappDeployment('weapp', { FQ_WEAPP_CHECK_ONLY: '1' }).envId).toBe('');
  });
});
