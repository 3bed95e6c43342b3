/**
 * The only code that talks to CloudBase: Tencent's @cloudbase/manager-node, type-checked against
 * its own typings. Reads what an environment holds (for the plan) and applies one step at a time.
 */
import CloudBase from '@cloudbase/manager-node';
import { runUntilFinished } from '../../config/index-prerequisites';
import { MANAGED_CODE_PREFIX, type ActualCollection, type ActualFunction, type ActualState, type IndexSpec, type SecurityRule, type Step } from './plan';

type Manager = InstanceType<typeof CloudBase>;
/** What applyStep uses of the manager (a test hands it a fake with these). */
export type StepManager = {
  database: Pick<Manager['database'], 'createCollectionIfNotExists' | 'updateCollection'>;
  permission: Pick<Manager['permission'], 'modifyResourcePermission'>;
  functions: Pick<
    Manager['functions'],
    'createFunction' | 'waitFunctionActive' | 'updateFunctionCode' | 'updateFunctionConfig' | 'deleteFunctionTrigger' | 'createFunctionTriggers' | 'invokeFunction'
  >;
};

/**
 * Runs a function through Tencent Cloud's API (SCF Invoke, signed with the account's key) and
 * answers what it returned: its `{ ok, data | error }` envelope, or throws when it crashed.
 */
async function invokeForAnswer(manager: StepManager, name: string, event: unknown): Promise<unknown> {
  const result = await manager.functions.invokeFunction(name, event as Record<string, unknown>);
  if (result.InvokeResult !== 0) throw new Error(`function ${name} failed (request ${result.FunctionRequestId || result.RequestId}): ${result.ErrMsg || result.RetMsg}`);
  try {
    return JSON.parse(result.RetMsg) as unknown;
  } catch {
    return result.RetMsg;
  }
}

/** CloudBase refuses a unique index over stored documents that repeat a key: say what to do. */
function uniqueIndexRefused(step: Extract<Step, { kind: 'createIndex' }>, error: unknown): Error {
  const fields = step.index.keys.map((key) => key.field).join(', ');
  const migration = step.index.after
    ? ` The migration ${step.index.after.fn}.${step.index.after.trigger} reported finished, so documents still repeat a value: find them in the CloudBase console (database → ${step.collection}, documents sharing ${fields}; a missing field counts as null),` +
      ` or run ${step.index.after.fn}'s ${step.index.after.trigger} again and read its logs;`
    : ` Find the documents of ${step.collection} sharing ${fields} (a missing field counts as null) in the CloudBase console;`;
  return new Error(
    `CloudBase refused to create the unique index ${step.collection}.${step.index.name} (${(error as Error).message ?? error}).${migration} correct or remove the duplicates, then run npm run deploy again (what was applied before this step stays; nothing after it was done).`,
  );
}


export interface Credentials {
  secretId: string;
  secretKey: string;
  token?: string;
  envId: string;
}

export function connect(credentials: Credentials): Manager {
  return new CloudBase({ secretId: credentials.secretId, secretKey: credentials.secretKey, token: credentials.token, envId: credentials.envId });
}

const PAGE = 100;

async function collectionNames(manager: Manager): Promise<string[]> {
  const names: string[] = [];
  for (let offset = 0; ; offset += PAGE) {
    const page = await manager.database.listCollections({ MgoOffset: offset, MgoLimit: PAGE });
    names.push(...page.Collections.map((collection) => collection.CollectionName));
    if (page.Collections.length < PAGE || names.length >= page.Pager.Total) return names;
  }
}

function parseRule(securityRule: string | undefined): SecurityRule | undefined {
  if (!securityRule) return undefined;
  try {
    const parsed = JSON.parse(securityRule) as Partial<SecurityRule>;
    return 'read' in parsed && 'write' in parsed ? { read: parsed.read, write: parsed.write } : undefined;
  } catch {
    return undefined;
  }
}

async function rulesOf(manager: Manager, names: string[]): Promise<Record<string, SecurityRule | undefined>> {
  const rules: Record<string, SecurityRule | undefined> = {};
  for (let start = 0; start < names.length; start += 20) {
    const response = await manager.permission.describeResourcePermission({ resourceType: 'collection', resources: names.slice(start, start + 20) });
    for (const entry of response.Data.PermissionList) {
      if (entry.Resource && entry.Permission === 'CUSTOM') rules[entry.Resource] = parseRule(entry.SecurityRule);
    }
  }
  return rules;
}

async function indexesOf(manager: Manager, name: string): Promise<IndexSpec[]> {
  const described = await manager.database.describeCollection(name);
  return (described.Indexes ?? []).map((index) => ({
    name: index.Name,
    keys: index.Keys.map((key) => ({ field: key.Name ?? '', direction: key.Direction === '-1' ? -1 : 1 })),
    unique: index.Unique,
  }));
}

async function functionsOf(manager: Manager): Promise<Record<string, ActualFunction>> {
  const names: string[] = [];
  for (let offset = 0; ; offset += PAGE) {
    const page = await manager.functions.getFunctionList(PAGE, offset);
    names.push(...page.Functions.map((fn) => fn.FunctionName).filter((name): name is string => typeof name === 'string'));
    if (page.Functions.length < PAGE || names.length >= page.TotalCount) break;
  }
  const functions: Record<string, ActualFunction> = {};
  for (const name of names) {
    const detail = await manager.functions.getFunctionDetail(name);
    functions[name] = {
      description: detail.Description ?? '',
      timeout: detail.Timeout,
      runtime: detail.Runtime,
      triggers: (detail.Triggers ?? [])
        .filter((trigger) => trigger.Type === 'timer')
        .map((trigger) => ({ name: trigger.TriggerName, type: 'timer' as const, config: trigger.TriggerDesc })),
      envVariables: Object.fromEntries((detail.Environment?.Variables ?? []).map((variable) => [variable.Key, variable.Value])),
    };
  }
  return functions;
}

/** What the environment holds now, in the plan's terms. */
export async function readActualState(manager: Manager): Promise<ActualState> {
  const names = await collectionNames(manager);
  const rules = await rulesOf(manager, names);
  const collections: Record<string, ActualCollection> = {};
  for (const name of names) collections[name] = { rule: rules[name], indexes: await indexesOf(manager, name) };
  return { collections, functions: await functionsOf(manager) };
}

/** Applies one step. Functions are uploaded from the built folders under `functionRoot` (dist/cloudfunctions). */
export async function applyStep(manager: StepManager, step: Step, functionRoot: string, log: (line: string) => void = console.log): Promise<void> {
  switch (step.kind) {
    case 'createCollection':
      await manager.database.createCollectionIfNotExists(step.collection);
      return;
    case 'setRule':
      await manager.permission.modifyResourcePermission({
        resourceType: 'collection',
        resource: step.collection,
        permission: 'CUSTOM',
        securityRule: JSON.stringify(step.rule),
      });
      return;
    case 'createIndex':
      try {
        await manager.database.updateCollection(step.collection, {
          ...(step.replacing ? { DropIndexes: [{ IndexName: step.index.name }] } : {}),
          CreateIndexes: [
            {
              IndexName: step.index.name,
              MgoKeySchema: {
                MgoIndexKeys: step.index.keys.map((key) => ({ Name: key.field, Direction: String(key.direction) })),
                MgoIsUnique: step.index.unique,
              },
            },
          ],
        });
      } catch (error) {
        if (step.index.unique) throw uniqueIndexRefused(step, error);
        throw error;
      }
      return;
    case 'runUntilFinished':
      await runUntilFinished(step.prerequisite, (event) => invokeForAnswer(manager, step.prerequisite.fn, event), { log });
      return;
    case 'createFunction':
      await manager.functions.createFunction({
        func: {
          name: step.fn.name,
          description: `${MANAGED_CODE_PREFIX}${step.fn.codeHash}`,
          runtime: step.fn.runtime,
          timeout: step.fn.timeout,
          envVariables: step.fn.envVariables,
          installDependency: true,
          handler: 'index.main',
          triggers: step.fn.triggers,
        },
        functionRootPath: functionRoot,
        force: false,
      });
      await manager.functions.waitFunctionActive(step.fn.name);
      return;
    case 'updateCode':
      await manager.functions.updateFunctionCode({
        func: { name: step.fn.name, runtime: step.fn.runtime, installDependency: true, handler: 'index.main' },
        functionRootPath: functionRoot,
      });
      await manager.functions.waitFunctionActive(step.fn.name);
      // The description records which code is deployed: the next plan compares against it.
      await manager.functions.updateFunctionConfig({ name: step.fn.name, description: `${MANAGED_CODE_PREFIX}${step.fn.codeHash}`, timeout: step.fn.timeout, envVariables: step.fn.envVariables });
      return;
    case 'updateConfig':
      await manager.functions.updateFunctionConfig({ name: step.fn.name, timeout: step.fn.timeout, envVariables: step.fn.envVariables });
      return;
    case 'setTriggers':
      for (const name of step.remove) await manager.functions.deleteFunctionTrigger(step.fn, name);
      await manager.functions.createFunctionTriggers(step.fn, step.create);
      return;
  }
}
