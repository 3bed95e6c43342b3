/**
 * `npm start` runs this (bundled by scripts/build-local-cloud.mjs): the local cloud on
 * 127.0.0.1, serving the H5 build and every cloud function. `--reset` restores the demo data.
 */
import path from 'node:path';
import { startLocalCloud } from './start-local-cloud';

const startedAt = performance.now();
const root = path.resolve(__dirname, '..');
const reset = process.argv.includes('--reset');
const resetOnly = process.argv.includes('--reset-only');

async function run(): Promise<void> {
  const cloud = await startLocalCloud({
    dataDir: process.env.LOCAL_CLOUD_DATA_DIR ?? path.join(root, '.local-cloud-data'),
    h5Dir: process.env.LOCAL_CLOUD_H5_DIR ?? path.join(root, 'dist', 'h5'),
    port: Number(process.env.PORT ?? 8080),
    timers: process.env.LOCAL_CLOUD_TIMERS !== '0',
    resetDemoData: reset || resetOnly,
  });
  if (resetOnly) {
    await cloud.stop();
    console.log('演示数据已恢复 (demo data restored)');
    return;
  }
  console.log(`枫桥邻警 local cloud ready in ${Math.round(performance.now() - startedAt)} ms`);
  console.log(`  App:       ${cloud.url}/`);
  console.log(`  Sign in:   ${cloud.url}/__local/sign-in`);
  console.log(`  Outbox:    ${cloud.url}/__local/outbox`);
  const shutdown = () => {
    cloud.stop().finally(() => process.exit(0));
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

run().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
