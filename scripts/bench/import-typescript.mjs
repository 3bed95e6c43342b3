// The benchmarks measure the domain's TypeScript as plain `node` runs it: bundle a module in
// memory with esbuild and import the result.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

// `options` go to esbuild as they are (e.g. `alias` to run cloud functions on the local cloud).
export async function importTypeScript(entryPoint, options = {}) {
  const result = await build({ entryPoints: [entryPoint], bundle: true, format: 'esm', platform: 'node', target: 'node20', write: false, logLevel: 'silent', ...options });
  return import(`data:text/javascript;base64,${Buffer.from(result.outputFiles[0].text).toString('base64')}`);
}

/** A module that runs cloud functions on the local cloud: `wx-server-sdk` is the local shim, as in .local-cloud/server.cjs. */
export function importLocalCloudModule(entryPoint) {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
  return importTypeScript(entryPoint, { alias: { 'wx-server-sdk': path.join(root, 'local-cloud', 'wx-server-sdk', 'index.ts') }, tsconfig: path.join(root, 'tsconfig.json') });
}
