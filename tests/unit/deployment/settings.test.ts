import { BOOKING_TEMPLATES } from '@domain/booking';
import { CONSULT_TEMPLATES } from '@domain/consult';
import { FRAUD_ALERT_TEMPLATE } from '@domain/actions/feed';
import { MEDIATION_TEMPLATES } from '@domain/mediation';
import { validEnvironment, SECRET } from './valid-environment';
import { functionEnvironment, problemsOf, readDeploymentConfig, readDistricts, TEMPLATE_SETTINGS } from '../../../config/deployment';

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

describe('the districts a deployment serves', () => {
  const { DISTRICT_ID: _id, DISTRICT_NAME: _name, DISTRICT_CITY: _city, ...withoutDistrict } = validEnvironment();

  test('one district by DISTRICT_ID/NAME/CITY, or several listed in DISTRICTS; the account function gets them as DISTRICTS', () => {
    const single = readDeploymentConfig(validEnvironment());
    if (!single.ok) throw new Error(single.problems.join());
    expect(single.config.districts).toEqual([{ id: 'gongshu', name: '拱墅区公安分局', city: '杭州' }]);
    expect(functionEnvironment('account', single.config).DISTRICTS).toBe('gongshu:拱墅区公安分局:杭州');

    const city = readDeploymentConfig({ ...withoutDistrict, DISTRICTS: ' gongshu:拱墅区公安分局:杭州 , shangcheng:上城区公安分局:杭州' });
    if (!city.ok) throw new Error(city.problems.join());
    expect(city.config.districts.map((district) => district.id)).toEqual(['gongshu', 'shangcheng']);
    const accountEnv = functionEnvironment('account', city.config);
    expect(readDistricts(accountEnv)).toEqual({ ok: true, districts: city.config.districts });
    expect(Object.keys(functionEnvironment('booking', city.config))).not.toContain('DISTRICTS');
  });

  test('a malformed list, a repeated district, or both forms at once are refused, naming the entry', () => {
    expect(readDistricts({ DISTRICTS: 'gongshu:拱墅区公安分局' })).toEqual({ ok: false, problems: ['DISTRICTS entry 1 "gongshu:拱墅区公安分局" is not id:name:city'] });
    expect(readDistricts({ DISTRICTS: 'gongshu:拱墅区公安分局:杭州,Gong Shu:某分局:杭州' })).toMatchObject({ ok: false, problems: [expect.stringContaining('DISTRICTS entry 2')] });
    expect(readDistricts({ DISTRICTS: 'gongshu:拱墅区公安分局:杭州,gongshu:拱墅分局:杭州' })).toEqual({ ok: false, problems: ['DISTRICTS names a district twice: gongshu'] });
    expect(readDistricts({ ...validEnvironment(), DISTRICTS: 'shangcheng:上城区公安分局:杭州' })).toMatchObject({ ok: false, problems: [expect.stringContaining('not both')] });
    expect(readDeploymentConfig(withoutDistrict)).toMatchObject({ ok: false, problems: expect.arrayContaining([expect.stringContaining('DISTRICT_ID is missing')]) });
  });
});
