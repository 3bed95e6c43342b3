import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import rules from '../../../cloudbase/database-rules.json';
import indexes from '../../../cloudbase/database-indexes.json';
import { COLLECTIONS } from '@platform/cloud/collections';
import { desiredState } from '../../../scripts/deploy/desired';
import { runDeploy } from '../../../scripts/deploy/main';
import { describePlan, MANAGED_CODE_PREFIX, planDeployment, type ActualState, type DesiredState, type Step } from '../../../scripts/deploy/plan';
import { fakeCloudBase } from './fake-cloudbase';
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
      case 'runUntilFinished':
        // Changes stored data, nothing the plan compares.
        break;
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

describe('a unique index over stored data waits for the migration its "after" names', () => {
  const HOUSEKEEPING = { fn: 'booking', trigger: 'hallHousekeeping', job: 'places' };
  const UNIQUE = ['bookings.place_unique', 'bookings.code_unique'];

  test('declared in cloudbase/database-indexes.json, not in code', () => {
    const bookings = desired.collections.find((collection) => collection.name === 'bookings')!.indexes;
    expect(bookings.filter((index) => index.after).map((index) => `bookings.${index.name}`)).toEqual(UNIQUE);
    expect(bookings.filter((index) => index.unique).every((index) => index.after)).toBe(true);
  });

  test('a first deploy: every function first, then the runs until the migration finished, then the unique indexes', () => {
    const plan = planDeployment(desired, EMPTY);
    const run = plan.steps.findIndex((step) => step.kind === 'runUntilFinished');
    const lastFunctionStep = plan.steps.map((step) => step.kind).lastIndexOf('createFunction');
    expect(run).toBeGreaterThan(lastFunctionStep);
    expect(plan.steps[run]).toEqual({ kind: 'runUntilFinished', prerequisite: HOUSEKEEPING, indexes: UNIQUE });
    expect(plan.steps.slice(run + 1).map((step) => step.kind === 'createIndex' && `${step.collection}.${step.index.name}`)).toEqual(UNIQUE);
    const text = describePlan(plan);
    expect(text[run]).toBe('> run booking with its hallHousekeeping timer event until it reports places.finished (stored data migrated), then create bookings.place_unique, bookings.code_unique');
    expect(text[run + 1]).toBe('+ index bookings.place_unique (place asc, unique)');
  });

  test('an environment an earlier version deployed (no unique indexes): new code, then the runs, then the indexes; once they exist, nothing', () => {
    const deployed = applyAll(EMPTY, planDeployment(desired, EMPTY).steps);
    deployed.collections.bookings!.indexes = deployed.collections.bookings!.indexes.filter((index) => !index.unique || index.name === '_id_');
    deployed.functions.booking!.description = `${MANAGED_CODE_PREFIX}old`;
    const plan = planDeployment(desired, deployed);
    expect(plan.steps.map((step) => step.kind)).toEqual(['updateCode', 'runUntilFinished', 'createIndex', 'createIndex']);
    expect(planDeployment(desired, applyAll(deployed, plan.steps)).steps).toEqual([]);
  });

  test('an "after" that is malformed, or names a function or trigger the deploy does not hold, stops the deploy', () => {
    const withAfter = (after: unknown) => ({
      ...repository(),
      indexes: { ...(indexes as Record<string, unknown[]>), users: [{ name: 'by_role', keys: [{ field: 'role', direction: 1 }], unique: true, after }] } as never,
    });
    expect(() => desiredState(withAfter('booking:places'), config())).toThrow('users.by_role: "after" must read "<function>.<timer trigger>:<job>"');
    expect(() => desiredState(withAfter('nobody.hallHousekeeping:places'), config())).toThrow('names function nobody, which is not in dist/cloudfunctions');
    expect(() => desiredState(withAfter('directory.hallHousekeeping:places'), config())).toThrow('directory.hallHousekeeping, which is not one of its timer triggers');
  });
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
    expect(text).toContain('> run booking with its hallHousekeeping timer event until it reports places.finished (stored data migrated), then create bookings.place_unique, bookings.code_unique');
  });

  const credentials = () => ({ ...validEnvironment(), TENCENTCLOUD_SECRETID: 'AKID-test', TENCENTCLOUD_SECRETKEY: 'key-test' });
  /** Bookings an earlier version stored: no place fields. */
  const oldBookings = (count: number) => Array.from({ length: count }, (_, n) => ({ _id: `b${n}`, slotId: 'changqing:2026-11-26:idRenewal:0900', status: 'booked' }));
  const uniqueIndexesOf = (env: ReturnType<typeof fakeCloudBase>) => env.collections.get('bookings')!.indexes.filter((index) => index.Unique && index.Name !== '_id_').map((index) => index.Name);

  test('over stored bookings of an earlier version: functions, then housekeeping runs (its timer event) until the migration finished, then the unique indexes; a second deploy changes nothing', async () => {
    const env = fakeCloudBase(oldBookings(5), 2);
    env.collections.set('bookings', { indexes: [{ Name: '_id_', Keys: [{ Name: '_id', Direction: '1' }], Unique: true }] });
    const lines: string[] = [];
    expect(await runDeploy({ root, args: [], env: credentials(), log: (line) => lines.push(line), connectManager: env.connect })).toBe(0);
    expect(env.invocations).toHaveLength(3);
    for (const invocation of env.invocations) {
      expect(invocation).toEqual({ name: 'booking', event: { Type: 'Timer', TriggerName: 'hallHousekeeping', Time: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/) } });
    }
    expect(uniqueIndexesOf(env)).toEqual(['place_unique', 'code_unique']);
    // Where each step was applied (after the printed plan): `[n/m] <step>`, and the runs' reports.
    const at = (text: string) => lines.findIndex((line) => (/^\[\d+\/\d+\] /.test(line) || line.startsWith('  booking.hallHousekeeping:places run ')) && line.includes(text));
    expect(at('+ function booking')).toBeGreaterThan(0);
    expect(at('+ function booking')).toBeLessThan(at('> run booking'));
    expect(at('places run 1: {"migrated":2,')).toBe(at('> run booking') + 1);
    expect(at('places run 3: {"migrated":1,')).toBeGreaterThan(at('> run booking'));
    expect(lines[at('places run 3:')]).toContain('"finished":true');
    expect(at('+ index bookings.place_unique')).toBe(at('places run 3:') + 1);
    expect(at('+ index bookings.code_unique')).toBe(at('places run 3:') + 2);
    expect(lines.join('\n')).toContain('holds what the repository declares');

    lines.length = 0;
    expect(await runDeploy({ root, args: [], env: credentials(), log: (line) => lines.push(line), connectManager: env.connect })).toBe(0);
    expect(lines.join('\n')).toContain('nothing to change');
    expect(env.invocations).toHaveLength(3);
  });

  test('a migration that never reports finished stops the deploy after a bounded number of runs, with no unique index created', async () => {
    const env = fakeCloudBase(oldBookings(3), 0);
    const lines: string[] = [];
    expect(await runDeploy({ root, args: [], env: credentials(), log: (line) => lines.push(line), connectManager: env.connect })).toBe(1);
    expect(env.invocations).toHaveLength(100);
    expect(lines.join('\n')).toContain('✖ booking.hallHousekeeping:places did not report places.finished after 100 runs; the indexes waiting for it were not created');
    expect(uniqueIndexesOf(env)).toEqual([]);
  });

  test('stored duplicates CloudBase refuses to index: the deploy stops and says what to do', async () => {
    const taken = { slotId: 's', status: 'booked', placed: true, place: 's#0' };
    const env = fakeCloudBase([{ _id: 'a', ...taken, codeKey: 'c1' }, { _id: 'b', ...taken, codeKey: 'c2' }], 2);
    const lines: string[] = [];
    expect(await runDeploy({ root, args: [], env: credentials(), log: (line) => lines.push(line), connectManager: env.connect })).toBe(1);
    const text = lines.join('\n');
    expect(text).toContain('✖ CloudBase refused to create the unique index bookings.place_unique ([UpdateCollection] E11000 duplicate key error');
    expect(text).toContain('documents sharing place; a missing field counts as null');
    expect(text).toContain('correct or remove the duplicates, then run npm run deploy again');
    expect(uniqueIndexesOf(env)).toEqual([]);
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
