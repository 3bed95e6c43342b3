import { problemsIn, type DeployedFunction } from '../../config/deployment';
import { KNOWN_TEMPLATES, settingsOfFunction } from './function-settings';
import { cloud } from './wx';

/**
 * The deployment's settings as a running function sees them (environment variables set by
 * `npm run deploy`). On the local cloud — and only there, which the local SDK itself says —
 * development fallbacks apply; in production a missing setting stops the function.
 */
export const runsOnLocalCloud = (): boolean => (cloud as unknown as { LOCAL_CLOUD?: unknown }).LOCAL_CLOUD === true;

/** For the local cloud and tests only; never used where the real SDK runs. */
const LOCAL_DEV_ONLY_SECRETS: Record<string, string> = {
  BOOKING_SECRET: 'local-dev-only-booking-secret-do-not-deploy',
  BOOTSTRAP_SECRET: 'local-dev-only-bootstrap-secret',
};

export class MissingSettingError extends Error {
  constructor(readonly setting: string) {
    super(`deployment setting ${setting} is missing: set it with npm run deploy`);
  }
}

/** A secret's value: the environment variable, or on the local cloud its development stand-in. */
export function requireSecret(name: string): string {
  return requireSecretOr(name, LOCAL_DEV_ONLY_SECRETS[name]);
}

/**
 * The same, for a secret whose user names its local stand-in: a function bundling this carries
 * no other function's secret names (tests/unit/deployment/function-bundles.test.ts).
 */
export function requireSecretOr(name: string, localDevOnly: string | undefined): string {
  const value = process.env[name]?.trim();
  if (value) return value;
  if (runsOnLocalCloud() && localDevOnly) return localDevOnly;
  throw new MissingSettingError(name);
}

/** The WeChat template id for a template the code names logically ('tmpl-fraud-alert'). */
export function templateIdFor(logical: string): string {
  const setting = KNOWN_TEMPLATES.find((candidate) => candidate.logical === logical);
  if (!setting) throw new Error(`unknown subscribe-message template ${logical}`);
  const value = process.env[setting.env]?.trim();
  if (value) return value;
  if (runsOnLocalCloud()) return logical;
  throw new MissingSettingError(setting.env);
}

/**
 * Why this function must not run here, or undefined when it may: in production every secret and
 * template id it uses must be set. Logged once per problem, naming the variable.
 */
export function refusalToRun(fn: DeployedFunction): string[] | undefined {
  if (runsOnLocalCloud()) return undefined;
  const problems = problemsIn(settingsOfFunction(fn), process.env);
  return problems.length > 0 ? problems : undefined;
}
