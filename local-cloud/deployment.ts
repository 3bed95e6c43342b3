/**
 * The local cloud's deployment configuration: what `npm run deploy` would hand the functions as
 * environment variables (config/deployment.ts, functionEnvironment). Secrets have development
 * stand-ins (platform/cloud/settings.ts); the districts are the demo's two 分局, as a city-level
 * deployment lists its several districts in DISTRICTS. Each is then made the way a real one is:
 * its first admin enters the district's one-time code (local-cloud/seed/demo-station-setup.ts).
 */
import { DISTRICT_SETTINGS, districtsVariable, type DeploymentDistrict } from '../config/deployment';
import { DEMO_DISTRICTS } from './seed/demo-data';

export const LOCAL_DEPLOYMENT_DISTRICTS: readonly DeploymentDistrict[] = DEMO_DISTRICTS.map((district) => ({ id: district._id, name: district.name, city: district.city }));

/**
 * Gives this process's functions the local deployment's districts. The shell's own deployment
 * variables (a technician's DISTRICT_ID for `npm run deploy`) are not the local cloud's.
 */
export function applyLocalDeploymentEnvironment(env: NodeJS.ProcessEnv = process.env): void {
  for (const setting of DISTRICT_SETTINGS) delete env[setting.env];
  Object.assign(env, districtsVariable(LOCAL_DEPLOYMENT_DISTRICTS));
}
