/**
 * What the repository declares a CloudBase environment must hold: every collection of
 * platform/cloud/collections.ts with its rule (cloudbase/database-rules.json) and declared
 * indexes (cloudbase/database-indexes.json), and every function built into dist/cloudfunctions
 * with its config.json (timeout, timer triggers) and the settings it uses.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { COLLECTIONS } from '../../platform/cloud/collections';
import { functionEnvironment, settingsOf, type DeploymentConfig } from '../../config/deployment';
import { parsePrerequisite } from '../../config/index-prerequisites';
import type { DesiredState, FunctionSpec, IndexSpec, SecurityRule, TimerTrigger } from './plan';

/** CloudBase's Node runtime matching the functions' build target (scripts/build-cloudfunctions.mjs: node16.13). */
export const FUNCTION_RUNTIME = 'Nodejs16.13';
const DEFAULT_TIMEOUT_S = 3;
/** The files WeChat deploys per function; their hash says whether the code changed. */
const DEPLOYED_FILES = ['index.js', 'package.json', 'config.json'];

interface RepositoryFiles {
  rules: Record<string, unknown>;
  indexes: Record<string, { name: string; keys: { field: string; direction: number }[]; unique?: boolean; after?: unknown }[]>;
  /** Built function folders: name → files by name. */
  functions: Record<string, Record<string, string>>;
}

export function readRepository(root: string): RepositoryFiles {
  const read = (file: string) => JSON.parse(fs.readFileSync(path.join(root, file), 'utf8'));
  const built = path.join(root, 'dist', 'cloudfunctions');
  if (!fs.existsSync(built)) throw new Error('dist/cloudfunctions is missing: build the functions first (npm run build:functions)');
  const functions: RepositoryFiles['functions'] = {};
  for (const name of fs.readdirSync(built).sort()) {
    const dir = path.join(built, name);
    if (!fs.existsSync(path.join(dir, 'index.js'))) continue;
    functions[name] = Object.fromEntries(DEPLOYED_FILES.map((file) => [file, fs.readFileSync(path.join(dir, file), 'utf8')]));
  }
  return { rules: read('cloudbase/database-rules.json'), indexes: read('cloudbase/database-indexes.json'), functions };
}

function ruleOf(rules: Record<string, unknown>, collection: string): SecurityRule {
  const rule = rules[collection] as Partial<SecurityRule> | undefined;
  if (!rule || !('read' in rule) || !('write' in rule)) throw new Error(`collection ${collection} has no security rule in cloudbase/database-rules.json`);
  return { read: rule.read, write: rule.write };
}

/** Without a configuration (a dry run), the settings a function would get, named with empty values. */
function placeholders(name: string): Record<string, string> {
  const { secrets, templates } = settingsOf(name);
  return Object.fromEntries([...secrets, ...templates].map((setting) => [setting.env, '']));
}

function functionSpec(name: string, files: Record<string, string>, config: DeploymentConfig | undefined): FunctionSpec {
  const hash = createHash('sha256');
  for (const file of DEPLOYED_FILES) hash.update(`${file}\0${files[file] ?? ''}\0`);
  const parsed = JSON.parse(files['config.json'] ?? '{}') as { timeout?: number; triggers?: TimerTrigger[] };
  return {
    name,
    codeHash: hash.digest('hex'),
    timeout: parsed.timeout ?? DEFAULT_TIMEOUT_S,
    runtime: FUNCTION_RUNTIME,
    triggers: (parsed.triggers ?? []).map((trigger) => ({ name: trigger.name, type: trigger.type, config: trigger.config })),
    envVariables: config ? functionEnvironment(name, config) : placeholders(name),
  };
}

/** Desired state from the repository's files; without a configuration (a dry run) functions get no settings. */
export function desiredState(files: RepositoryFiles, config: DeploymentConfig | undefined): DesiredState {
  const functions = Object.entries(files.functions).map(([name, built]) => functionSpec(name, built, config));
  /** An index's `after` must name a function this deploy holds and one of its timer triggers. */
  const prerequisiteOf = (collection: string, index: { name: string; after?: unknown }) => {
    const where = `cloudbase/database-indexes.json ${collection}.${index.name}`;
    const prerequisite = parsePrerequisite(index.after, where);
    if (!prerequisite) return undefined;
    const fn = functions.find((candidate) => candidate.name === prerequisite.fn);
    if (!fn) throw new Error(`${where}: "after" names function ${prerequisite.fn}, which is not in dist/cloudfunctions`);
    if (!fn.triggers.some((trigger) => trigger.name === prerequisite.trigger)) {
      throw new Error(`${where}: "after" names ${prerequisite.fn}.${prerequisite.trigger}, which is not one of its timer triggers (its config.json)`);
    }
    return prerequisite;
  };
  const collections = Object.values(COLLECTIONS).map((name) => ({
    name,
    rule: ruleOf(files.rules, name),
    indexes: (files.indexes[name] ?? []).map((index): IndexSpec => {
      const after = prerequisiteOf(name, index);
      return {
        name: index.name,
        keys: index.keys.map((key) => ({ field: key.field, direction: key.direction === -1 ? -1 : 1 })),
        unique: index.unique ?? false,
        ...(after ? { after } : {}),
      };
    }),
  }));
  const undeclared = Object.keys(files.indexes).filter((name) => !(Object.values(COLLECTIONS) as string[]).includes(name));
  if (undeclared.length > 0) throw new Error(`indexes declared for unknown collections: ${undeclared.join(', ')}`);
  return { collections, functions };
}
