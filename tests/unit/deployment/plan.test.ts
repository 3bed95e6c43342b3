import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import rules from '../../../cloudbase/database-rules.json';
import indexes from '../../../cloudbase/database-indexes.json';
import { COLLECTIONS } from '@platform/cloud/collections';
import { desiredState } from '../../../scripts/deploy/desired';
import { runDeploy } from '../../../scripts/deploy/main';
import { describePlan, MANAGED_CODE_PREFIX, planDeployment, type ActualState, type DesiredState, type Step } from '../../../scripts/deploy/plan';
import { validEnvironment } from './valid-environment';

const builtFunction = (config: object, code = 'exports.main = async () => ({})') => ({
  'index.js': code,
  'package.json': '{"name":"fn","dependencies":{"wx-server-sdk":"~3.0.1"}}',
  'config.json': JSON.stringify(config),
});

const repository = () => ({
  rules: rules as Record<string, unknown>,
  indexes: indexes as never,
  functions: {
    booking: builtFunction({ permissions: { openapi: ['subscribeMessage.send'] }, triggers: [{ name: 'hallHousekeeping', type: 'timer', config: '0 */5 * * * * *' }] }),
    feed: builtFunction({ timeout: 20, triggers: [{ name: 'sendAlertMessages', type: 'timer', config: '0 * * * * * *' }] }),
    directory: builtFunction({}),
  },
});

const config = () => {
  const { readDeploymentConfig } = jest.requireActual('../../../config/deployment') as typeof import('../../../config/deployment');
  const result = readDeploymentConfig(validEnvironment());
  if (!result.ok) throw new Error(result.problems.join());
  return result.config;
};

/** What CloudBase would hold after each step, as its management API would report it back. */
function applyAll(state: ActualState, steps: Step[]): ActualState {
  const next: ActualState = JSON.parse(JSON.stringify(state));
  for (const step of steps) {
    switch (step.kind) {
      case 'createCollection':
        next.collections[step.collection] = { indexes: [{ name: '_id_', keys: [{ field: '_id', direction: 1 }], unique: true }] };
        break;
      case 'setRule':
        next.collections[step.collection]!.rule = JSON.parse(JSON.stringify(step.rule));
        break;
      case 'createIndex': {
        const collection = next.collections[step.collection]!;
        collection.indexes = [...collection.indexes.filter((index) => index.name !== step.index.name), step.index];
        break;
      }
      case 'createFunction':
        next.functions[step.fn.name] = {
          description: `${MANAGED_CODE_PREFIX}${step.fn.codeHash}`,
          timeout: step.fn.timeout,
          runtime: step.fn.runtime,
          triggers: step.fn.triggers,
          envVariables: { ...step.fn.envVariables },
        };
        break;
      case 'updateCode':
        next.functions[step.fn.name]!.description = `${MANAGED_CODE_PREFIX}${step.fn.codeHash}`;
        break;
      case 'updateConfig':
        Object.assign(next.functions[step.fn.name]!, { timeout: step.fn.timeout, envVariables: { ...step.fn.envVariables } });
        break;
      case 'setTriggers': {
        const fn = next.functions[step.fn]!;
        fn.triggers = [...fn.triggers.filter((trigger) => !step.remove.includes(trigger.name)), ...step.create];
        break;
      }
    }
  }
  return next;
}

const EMPTY: ActualState = { collections: {}, functions: {} };
let desired: DesiredState;
beforeAll(() => {
  desired = desiredState(repository(), config());
});

test('an empty environment gets every collection, its rule and declared indexes, and every function with its timeout, triggers and settings', () => {
  const plan = planDeployment(desired, EMPTY);
  const collections = Object.values(COLLECTIONS);
  expect(plan.steps.filter((step) => step.kind === 'createCollection').map((step) => (step as { collection: string }).collection)).toEqual(collections);
  expect(plan.steps.filter((step) => step.kind === 'setRule')).toHaveLength(collections.length);
  const declaredIndexes = Object.values(indexes as Record<string, unknown[]>).flat().length;
  expect(plan.steps.filter((step) => step.kind === 'createIndex')).toHaveLength(declaredIndexes);
  const feed = plan.steps.find((step) => step.kind === 'createFunction' && step.fn.name === 'feed');
  expect(feed).toMatchObject({ fn: { timeout: 20, triggers: [{ name: 'sendAlertMessages', config: '0 * * * * * *' }], envVariables: { TEMPLATE_FRAUD_ALERT: expect.any(String) } } });
  const booking = plan.steps.find((step) => step.kind === 'createFunction' && step.fn.name === 'booking');
  expect(booking).toMatchObject({ fn: { timeout: 3, envVariables: { BOOKING_SECRET: 'x'.repeat(48) } } });
  expect(plan.leftAlone).toEqual([]);
});

test('idempotent: after the plan is applied, a second plan changes nothing', () => {
  const deployed = applyAll(EMPTY, planDeployment(desired, EMPTY).steps);
  const again = planDeployment(desired, deployed);
  expect(again.steps).toEqual([]);
  expect(describePlan(again)).toEqual(['nothing to change: the environment holds what the repository declares']);
});

test('only what differs is changed: a rule, an index, code, a setting, a trigger', () => {
  const deployed = applyAll(EMPTY, planDeployment(desired, EMPTY).steps);
  deployed.collections.users!.rule = { read: true, write: false };
  deployed.collections.articles!.indexes = deployed.collections.articles!.indexes.map((index, position) =>
    position === 1 ? { ...index, keys: [...index.keys].reverse() } : index,
  );
  deployed.functions.booking!.description = `${MANAGED_CODE_PREFIX}old`;
  deployed.functions.booking!.envVariables.BOOKING_SECRET = 'an-old-secret-that-was-rotated-away-000';
  deployed.functions.feed!.triggers = [{ name: 'sendAlertMessages', type: 'timer', config: '0 */5 * * * * *' }];
  const plan = planDeployment(desired, deployed);
  expect(plan.steps.map((step) => step.kind)).toEqual(['setRule', 'createIndex', 'updateCode', 'updateConfig', 'setTriggers']);
  expect(plan.steps[1]).toMatchObject({ collection: 'articles', replacing: true });
  const text = describePlan(plan).join('\n');
  expect(text).toContain('~ function booking: BOOKING_SECRET changed');
  // Secrets are named, never printed.
  expect(text).not.toContain('x'.repeat(48));
  expect(text).not.toContain('an-old-secret');
  expect(planDeployment(desired, applyAll(deployed, plan.steps)).steps).toEqual([]);
});

test('what the repository does not declare is reported and left alone, never deleted', () => {
  const deployed = applyAll(EMPTY, planDeployment(desired, EMPTY).steps);
  deployed.collections.legacy_notes = { indexes: [] };
  deployed.collections.users!.indexes.push({ name: 'by_nickname', keys: [{ field: 'nickname', direction: 1 }], unique: false });
  deployed.functions.hello = { description: '', timeout: 3, runtime: 'Nodejs16.13', triggers: [], envVariables: {} };
  const plan = planDeployment(desired, deployed);
  expect(plan.steps).toEqual([]);
  expect(plan.leftAlone).toEqual([
    'index users.by_nickname (not declared)',
    'collection legacy_notes (not in platform/cloud/collections.ts)',
    'function hello (not in cloudfunctions/)',
  ]);
});

test('a collection without a security rule stops the deploy', () => {
  const { users: _users, ...withoutUsers } = rules as Record<string, unknown>;
  expect(() => desiredState({ ...repository(), rules: withoutUsers }, config())).toThrow('collection users has no security rule');
});

describe('npm run deploy', () => {
  let root: string;
  beforeAll(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'fq-deploy-'));
    fs.mkdirSync(path.join(root, 'cloudbase'));
    for (const file of ['database-rules.json', 'database-indexes.json']) fs.copyFileSync(path.join(__dirname, '../../../cloudbase', file), path.join(root, 'cloudbase', file));
    for (const [name, files] of Object.entries(repository().functions)) {
      fs.mkdirSync(path.join(root, 'dist', 'cloudfunctions', name), { recursive: true });
      for (const [file, text] of Object.entries(files)) fs.writeFileSync(path.join(root, 'dist', 'cloudfunctions', name, file), text);
    }
  });
  afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

  test('--dry-run without credentials prints the plan for an empty environment and the settings that are missing', async () => {
    const lines: string[] = [];
    expect(await runDeploy({ root, args: ['--dry-run'], env: {}, log: (line) => lines.push(line) })).toBe(0);
    const text = lines.join('\n');
    expect(text).toContain('BOOKING_SECRET is missing');
    expect(text).toContain('plan for an empty environment');
    expect(text).toContain('+ collection alert_deliveries');
    expect(text).toContain('+ function booking (Nodejs16.13, timeout 3 s, triggers: hallHousekeeping "0 */5 * * * * *", settings: BOOKING_SECRET, TEMPLATE_BOOKING_REMINDER');
  });

  test('a real deploy refuses an incomplete configuration, and missing credentials, before touching anything', async () => {
    const lines: string[] = [];
    expect(await runDeploy({ root, args: [], env: { CLOUD_ENV_ID: 'fengqiao-prod-1a2b3c' }, log: (line) => lines.push(line) })).toBe(1);
    expect(lines.join('\n')).toContain('the deployment configuration is incomplete');
    lines.length = 0;
    expect(await runDeploy({ root, args: [], env: validEnvironment(), log: (line) => lines.push(line) })).toBe(1);
    expect(lines.join('\n')).toContain('TENCENTCLOUD_SECRETID, TENCENTCLOUD_SECRETKEY and CLOUD_ENV_ID are needed');
  });
});

test('the deploy prints the same first-admin code the account function accepts, one per district', () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { firstAdminHint } = require('../../../scripts/deploy/main') as typeof import('../../../scripts/deploy/main');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { firstAdminCode } = require('../../../cloudfunctions/account/first-admin') as typeof import('../../../cloudfunctions/account/first-admin');
  const hint = firstAdminHint(config());
  expect(hint.split('\n')).toEqual([expect.stringContaining('拱墅区公安分局')]);
  expect(hint).toContain(firstAdminCode('b'.repeat(32), 'gongshu'));

  // A city bureau deploying for two of its 分局: each has its own code.
  const { readDeploymentConfig } = jest.requireActual('../../../config/deployment') as typeof import('../../../config/deployment');
  const { DISTRICT_ID: _id, DISTRICT_NAME: _name, DISTRICT_CITY: _city, ...rest } = validEnvironment();
  const city = readDeploymentConfig({ ...rest, DISTRICTS: 'gongshu:拱墅区公安分局:杭州,shangcheng:上城区公安分局:杭州' });
  if (!city.ok) throw new Error(city.problems.join());
  const lines = firstAdminHint(city.config).split('\n');
  expect(lines).toEqual([
    expect.stringContaining(`拱墅区公安分局: in the mini-program, 我的 → 民警邀请码 → ${firstAdminCode('b'.repeat(32), 'gongshu')}`),
    expect.stringContaining(`上城区公安分局: in the mini-program, 我的 → 民警邀请码 → ${firstAdminCode('b'.repeat(32), 'shangcheng')}`),
  ]);
  expect(firstAdminCode('b'.repeat(32), 'gongshu')).not.toBe(firstAdminCode('b'.repeat(32), 'shangcheng'));
});
