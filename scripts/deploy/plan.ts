/**
 * The deployment plan: what must change in a CloudBase environment so that it holds what the
 * repository declares. Pure: desired state (from the repository) and actual state (as the
 * management API reports it) in, steps out. Applying the steps and reading the state again gives
 * an empty plan — that is what makes `npm run deploy` idempotent.
 */

import { prerequisiteName, type IndexPrerequisite } from '../../config/index-prerequisites';

export interface SecurityRule {
  read: unknown;
  write: unknown;
}

export interface IndexKey {
  field: string;
  direction: 1 | -1;
}

export interface IndexSpec {
  name: string;
  keys: IndexKey[];
  unique: boolean;
  /**
   * What stored data needs before this index can be created (its `"after"` in
   * cloudbase/database-indexes.json, config/index-prerequisites.ts): the plan creates it after the
   * functions are deployed and that run has reported finished. Never part of what CloudBase reports.
   */
  after?: IndexPrerequisite;
}

export interface TimerTrigger {
  name: string;
  type: 'timer';
  config: string;
}

export interface FunctionSpec {
  name: string;
  /** sha256 of what is uploaded (index.js, package.json, config.json), kept in the function's description. */
  codeHash: string;
  /** Seconds; CloudBase's default is 3. */
  timeout: number;
  runtime: string;
  triggers: TimerTrigger[];
  /** Settings from the deployment configuration (secrets among them: never printed). */
  envVariables: Record<string, string>;
}

export interface DesiredState {
  collections: { name: string; rule: SecurityRule; indexes: IndexSpec[] }[];
  functions: FunctionSpec[];
}

export interface ActualCollection {
  /** The custom rule as CloudBase holds it, or undefined when the collection has none (a default permission). */
  rule?: SecurityRule;
  indexes: IndexSpec[];
}

export interface ActualFunction {
  description: string;
  timeout: number;
  runtime: string;
  triggers: TimerTrigger[];
  envVariables: Record<string, string>;
}

export interface ActualState {
  collections: Record<string, ActualCollection>;
  functions: Record<string, ActualFunction>;
}

export type Step =
  | { kind: 'createCollection'; collection: string }
  | { kind: 'setRule'; collection: string; rule: SecurityRule }
  | { kind: 'createIndex'; collection: string; index: IndexSpec; replacing: boolean }
  | { kind: 'createFunction'; fn: FunctionSpec }
  | { kind: 'updateCode'; fn: FunctionSpec }
  | { kind: 'updateConfig'; fn: FunctionSpec; changed: string[] }
  | { kind: 'setTriggers'; fn: string; remove: string[]; create: TimerTrigger[] }
  /** Invokes a function with its timer's event until the job reports finished (bounded); the indexes waiting for it follow. */
  | { kind: 'runUntilFinished'; prerequisite: IndexPrerequisite; indexes: string[] };

export interface Plan {
  steps: Step[];
  /** What exists in the environment but not in the repository: reported, never deleted. */
  leftAlone: string[];
}

/** `MANAGED_CODE_PREFIX + hash` is the description of a function this tool deployed. */
export const MANAGED_CODE_PREFIX = 'fengqiao code sha256:';

/** Rules compare by meaning: CloudBase may hand back the same JSON with other spacing or key order. */
export function sameRule(a: SecurityRule | undefined, b: SecurityRule): boolean {
  return a !== undefined && JSON.stringify(a.read) === JSON.stringify(b.read) && JSON.stringify(a.write) === JSON.stringify(b.write);
}

const sameKeys = (a: IndexKey[], b: IndexKey[]) =>
  a.length === b.length && a.every((key, index) => key.field === b[index]?.field && key.direction === b[index]?.direction);

const sameTrigger = (a: TimerTrigger, b: TimerTrigger) => a.name === b.name && a.type === b.type && a.config.trim() === b.config.trim();

/** An index step waiting for a prerequisite run goes after every function step (see planDeployment). */
const waitsForData = (step: Step): step is Extract<Step, { kind: 'createIndex' }> => step.kind === 'createIndex' && step.index.after !== undefined;

function collectionSteps(desired: DesiredState['collections'][number], actual: ActualCollection | undefined): Step[] {
  const steps: Step[] = [];
  if (!actual) steps.push({ kind: 'createCollection', collection: desired.name });
  if (!sameRule(actual?.rule, desired.rule)) steps.push({ kind: 'setRule', collection: desired.name, rule: desired.rule });
  for (const index of desired.indexes) {
    const existing = actual?.indexes.find((candidate) => candidate.name === index.name);
    if (existing && sameKeys(existing.keys, index.keys) && existing.unique === index.unique) continue;
    steps.push({ kind: 'createIndex', collection: desired.name, index, replacing: existing !== undefined });
  }
  return steps;
}

function functionSteps(desired: FunctionSpec, actual: ActualFunction | undefined): Step[] {
  if (!actual) return [{ kind: 'createFunction', fn: desired }];
  const steps: Step[] = [];
  if (actual.description !== `${MANAGED_CODE_PREFIX}${desired.codeHash}`) steps.push({ kind: 'updateCode', fn: desired });
  const changed: string[] = [];
  if (actual.timeout !== desired.timeout) changed.push(`timeout ${actual.timeout} s → ${desired.timeout} s`);
  const names = new Set([...Object.keys(actual.envVariables), ...Object.keys(desired.envVariables)]);
  for (const name of [...names].sort()) {
    if (!(name in desired.envVariables)) changed.push(`${name} removed`);
    else if (!(name in actual.envVariables)) changed.push(`${name} set`);
    else if (actual.envVariables[name] !== desired.envVariables[name]) changed.push(`${name} changed`);
  }
  if (changed.length > 0) steps.push({ kind: 'updateConfig', fn: desired, changed });
  const remove = actual.triggers.filter((trigger) => !desired.triggers.some((wanted) => sameTrigger(wanted, trigger))).map((trigger) => trigger.name);
  const create = desired.triggers.filter((wanted) => !actual.triggers.some((trigger) => sameTrigger(wanted, trigger)));
  if (remove.length > 0 || create.length > 0) steps.push({ kind: 'setTriggers', fn: desired.name, remove, create });
  return steps;
}

/**
 * Collections, rules and indexes first, then functions; an index declared with `after` (stored
 * data must be migrated first, e.g. a unique index over bookings of earlier versions) comes last:
 * one run-until-finished step per prerequisite, then the indexes waiting for it. An index that
 * already exists as declared needs neither.
 */
export function planDeployment(desired: DesiredState, actual: ActualState): Plan {
  const steps: Step[] = [];
  const waiting: Extract<Step, { kind: 'createIndex' }>[] = [];
  for (const collection of desired.collections) {
    for (const step of collectionSteps(collection, actual.collections[collection.name])) {
      if (waitsForData(step)) waiting.push(step);
      else steps.push(step);
    }
  }
  for (const fn of desired.functions) steps.push(...functionSteps(fn, actual.functions[fn.name]));
  const byPrerequisite = new Map<string, Extract<Step, { kind: 'createIndex' }>[]>();
  for (const step of waiting) {
    const key = prerequisiteName(step.index.after!);
    byPrerequisite.set(key, [...(byPrerequisite.get(key) ?? []), step]);
  }
  for (const group of byPrerequisite.values()) {
    steps.push({ kind: 'runUntilFinished', prerequisite: group[0]!.index.after!, indexes: group.map((step) => `${step.collection}.${step.index.name}`) });
    steps.push(...group);
  }

  const leftAlone: string[] = [];
  const wantedCollections = new Set(desired.collections.map((collection) => collection.name));
  for (const [name, collection] of Object.entries(actual.collections)) {
    if (!wantedCollections.has(name)) {
      leftAlone.push(`collection ${name} (not in platform/cloud/collections.ts)`);
      continue;
    }
    const declared = desired.collections.find((candidate) => candidate.name === name)!.indexes;
    for (const index of collection.indexes) {
      if (index.name !== '_id_' && !declared.some((candidate) => candidate.name === index.name)) leftAlone.push(`index ${name}.${index.name} (not declared)`);
    }
  }
  const wantedFunctions = new Set(desired.functions.map((fn) => fn.name));
  for (const name of Object.keys(actual.functions)) if (!wantedFunctions.has(name)) leftAlone.push(`function ${name} (not in cloudfunctions/)`);
  return { steps, leftAlone };
}

/** The plan as a technician reads it: one line per step, secrets named but never shown. */
export function describePlan(plan: Plan): string[] {
  const lines = plan.steps.map((step) => {
    switch (step.kind) {
      case 'createCollection':
        return `+ collection ${step.collection}`;
      case 'setRule':
        return `~ rule ${step.collection}: read ${JSON.stringify(step.rule.read)}, write ${JSON.stringify(step.rule.write)}`;
      case 'createIndex':
        return `${step.replacing ? '~' : '+'} index ${step.collection}.${step.index.name} (${step.index.keys.map((key) => `${key.field} ${key.direction === 1 ? 'asc' : 'desc'}`).join(', ')}${step.index.unique ? ', unique' : ''})`;
      case 'runUntilFinished':
        return `> run ${step.prerequisite.fn} with its ${step.prerequisite.trigger} timer event until it reports ${step.prerequisite.job}.finished (stored data migrated), then create ${step.indexes.join(', ')}`;
      case 'createFunction':
        return `+ function ${step.fn.name} (${step.fn.runtime}, timeout ${step.fn.timeout} s, triggers: ${step.fn.triggers.map((trigger) => `${trigger.name} "${trigger.config}"`).join(', ') || 'none'}, settings: ${Object.keys(step.fn.envVariables).join(', ') || 'none'})`;
      case 'updateCode':
        return `~ function ${step.fn.name}: upload code ${step.fn.codeHash.slice(0, 12)}`;
      case 'updateConfig':
        return `~ function ${step.fn.name}: ${step.changed.join('; ')}`;
      case 'setTriggers':
        return `~ function ${step.fn} triggers: ${[...step.remove.map((name) => `- ${name}`), ...step.create.map((trigger) => `+ ${trigger.name} "${trigger.config}"`)].join(', ')}`;
    }
  });
  if (lines.length === 0) lines.push('nothing to change: the environment holds what the repository declares');
  for (const item of plan.leftAlone) lines.push(`  (left alone: ${item})`);
  return lines;
}
