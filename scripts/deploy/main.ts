/**
 * `npm run deploy`: makes a CloudBase environment hold what the repository declares. Computes the
 * plan from the repository against what the management API reports, prints it, applies it step
 * by step, then reads the environment again: a second plan must be empty. An index declared with
 * `"after"` (a unique index over data an earlier version stored) is created last: after the
 * functions are deployed, the deploy invokes the named function with its timer's event until the
 * migration reports finished (config/index-prerequisites.ts), and stops without creating the index
 * when it does not.
 *
 * `npm run deploy -- --dry-run` prints the plan without applying anything; without credentials it
 * plans against an empty environment (what a first deploy creates).
 */
import { createHmac } from 'node:crypto';
import path from 'node:path';
import { readDeploymentConfig, type DeploymentConfig } from '../../config/deployment';
import { firstAdminMessage, inviteCodeFromDigest } from '../../domain/invites';
import { desiredState, readRepository } from './desired';
import type { connect as connectCloudBase } from './cloudbase';
import { describePlan, planDeployment, type ActualState } from './plan';

export interface DeployOptions {
  root: string;
  args: string[];
  env: Record<string, string | undefined>;
  log?: (line: string) => void;
  /** How to reach CloudBase's management API; by default Tencent's @cloudbase/manager-node (tests hand a fake environment). */
  connectManager?: typeof connectCloudBase;
}

/**
 * How each district's first admin gets in (cloudfunctions/account/first-admin.ts): one code per
 * district, each valid once, while nobody has claimed it. One line per district.
 */
export function firstAdminHint(config: DeploymentConfig): string {
  const secret = config.secrets.BOOTSTRAP_SECRET ?? '';
  return config.districts
    .map((district) => {
      const code = inviteCodeFromDigest(createHmac('sha256', secret).update(firstAdminMessage(district.id)).digest());
      return `first district admin of ${district.name}: in the mini-program, 我的 → 民警邀请码 → ${code} (works once, until someone has claimed it)`;
    })
    .join('\n');
}

const EMPTY_ENVIRONMENT: ActualState = { collections: {}, functions: {} };

export async function runDeploy({ root, args, env, log = console.log, connectManager }: DeployOptions): Promise<number> {
  const dryRun = args.includes('--dry-run');
  const configuration = readDeploymentConfig(env);
  let config: DeploymentConfig | undefined;
  if (configuration.ok) config = configuration.config;
  else if (!dryRun) {
    log('✖ the deployment configuration is incomplete (README: Deploy to CloudBase):');
    for (const problem of configuration.problems) log(`  - ${problem}`);
    return 1;
  } else {
    log('! the deployment configuration is incomplete; a real deploy would stop here:');
    for (const problem of configuration.problems) log(`  - ${problem}`);
  }

  const desired = desiredState(readRepository(root), config);
  const secretId = env.TENCENTCLOUD_SECRETID?.trim();
  const secretKey = env.TENCENTCLOUD_SECRETKEY?.trim();
  const envId = config?.envId ?? env.CLOUD_ENV_ID?.trim();
  const haveCredentials = Boolean(secretId && secretKey && envId);

  if (!haveCredentials) {
    if (!dryRun) {
      log('✖ TENCENTCLOUD_SECRETID, TENCENTCLOUD_SECRETKEY and CLOUD_ENV_ID are needed to deploy (an API key of the Tencent Cloud account that owns the environment)');
      return 1;
    }
    log(`plan for an empty environment (no credentials given: nothing was read from CloudBase):`);
    for (const line of describePlan(planDeployment(desired, EMPTY_ENVIRONMENT))) log(`  ${line}`);
    return 0;
  }

  // Loaded only with credentials: a dry run without them needs nothing of Tencent's.
  const { applyStep, connect, readActualState } = await import('./cloudbase');
  const manager = (connectManager ?? connect)({ secretId: secretId!, secretKey: secretKey!, token: env.TENCENTCLOUD_SESSIONTOKEN, envId: envId! });
  const plan = planDeployment(desired, await readActualState(manager));
  log(`plan for ${envId}:`);
  for (const line of describePlan(plan)) log(`  ${line}`);
  if (dryRun || plan.steps.length === 0) {
    if (!dryRun && config) log(firstAdminHint(config));
    return 0;
  }

  const functionRoot = path.join(root, 'dist', 'cloudfunctions');
  for (const [index, step] of plan.steps.entries()) {
    log(`[${index + 1}/${plan.steps.length}] ${describePlan({ steps: [step], leftAlone: [] })[0]}`);
    try {
      await applyStep(manager, step, functionRoot, log);
    } catch (error) {
      log(`✖ ${error instanceof Error ? error.message : String(error)}`);
      log(`  steps ${index + 2}–${plan.steps.length} were not applied; npm run deploy plans again from what the environment holds`);
      return 1;
    }
  }
  const after = planDeployment(desired, await readActualState(manager));
  if (after.steps.length > 0) {
    log('✖ the environment still differs after deploying:');
    for (const line of describePlan(after)) log(`  ${line}`);
    return 1;
  }
  log(`✔ ${envId} holds what the repository declares (a second run changes nothing)`);
  if (config) log(firstAdminHint(config));
  return 0;
}
