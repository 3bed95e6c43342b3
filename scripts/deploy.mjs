#!/usr/bin/env node
// `npm run deploy [-- --dry-run]`: builds the cloud functions, then applies collections, security
// rules, indexes and functions to the CloudBase environment named by CLOUD_ENV_ID
// (scripts/deploy/main.ts; README: Deploy to CloudBase).
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { buildCloudFunctions } from './build-cloudfunctions.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outfile = path.join(root, 'dist', 'deploy', 'main.cjs');

await buildCloudFunctions();
await build({
  entryPoints: [path.join(root, 'scripts', 'deploy', 'main.ts')],
  outfile,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  // Tencent's library is used as installed, never bundled.
  external: ['@cloudbase/manager-node'],
  tsconfig: path.join(root, 'tsconfig.json'),
  logLevel: 'warning',
});
const { runDeploy } = createRequire(import.meta.url)(outfile);
try {
  process.exitCode = await runDeploy({ root, args: process.argv.slice(2), env: process.env });
} catch (error) {
  console.error(`✖ deploy failed: ${error instanceof Error ? error.message : error}`);
  process.exitCode = 1;
}
