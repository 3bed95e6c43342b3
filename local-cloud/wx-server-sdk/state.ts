/**
 * Where the emulated WeChat services keep their state. The local cloud (and the test
 * harness) configures this once before any cloud function runs.
 */
import { applyLocalDeploymentEnvironment } from '../deployment';

export interface LocalCloudState {
  /** Root folder of everything the local cloud persists (database, storage files, outbox). */
  dataDir: string;
  /** Environment id reported by getWXContext().ENV and used in cloud:// file ids. */
  envId: string;
  /** Base URL that temp file URLs point at, e.g. http://127.0.0.1:8080 */
  publicUrl: string;
}

let state: LocalCloudState | undefined;

export function configureLocalCloud(next: LocalCloudState): void {
  state = next;
  // The functions' environment variables, as a deployment sets them.
  applyLocalDeploymentEnvironment();
}

export function localCloudState(): LocalCloudState {
  if (!state) throw new Error('local cloud not configured: call configureLocalCloud() first');
  return state;
}
