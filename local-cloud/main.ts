/**
 * The local cloud on 127.0.0.1, serving the H5 build and every cloud function (bundled by
 * scripts/build-local-cloud.mjs). `node .local-cloud/server.cjs` starts it at once; `npm start`
 * (scripts/start.mjs) requires the bundle and calls runLocalCloud while it builds the H5 app.
 * `--reset` restores the demo data.
 */
import path from 'node:path';
import { startLocalCloud } from './start-local-cloud';

const root = path.resolve(__dirname, '..');
const reset = process.argv.includes('--reset');
const resetOnly = process.argv.includes('--reset-only');

export interface EmbeddedStart {
  /** Settles when dist/h5 holds the app; the database and demo data get ready meanwhile. */
  appReady?: Promise<unknown>;
  onDataReady?: () => void;
}

export async function runLocalCloud({ appReady, onDataReady }: EmbeddedStart = {}): Promise<void> {
  const cloud = await startLocalCloud({
    dataDir: process.env.LOCAL_CLOUD_DATA_DIR ?? path.join(root, '.local-cloud-data'),
    h5Dir: process.env.LOCAL_CLOUD_H5_DIR ?? path.join(root, 'dist', 'h5'),
    port: Number(process.env.PORT ?? 8080),
    timers: process.env.LOCAL_CLOUD_TIMERS !== '0',
    resetDemoData: reset || resetOnly,
    appReady,
    onDataReady,
  });
  if (resetOnly) {
    await cloud.stop();
    console.log('演示数据已恢复 (demo data restored)');
    return;
  }
  // performance.now() counts from the process start: `npm start` builds the app in that time too.
  console.log(`枫桥邻警 local cloud ready in ${Math.round(performance.now())} ms`);
  console.log(`  App:       ${cloud.url}/`);
  console.log(`  Sign in:   ${cloud.url}/__local/sign-in`);
  console.log(`  Outbox:    ${cloud.url}/__local/outbox`);
  const shutdown = () => {
    cloud.stop().finally(() => process.exit(0));
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

if (process.argv[1] && path.resolve(process.argv[1]) === __filename) {
  runLocalCloud().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
