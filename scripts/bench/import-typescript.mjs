// The benchmarks measure the domain's TypeScript as plain `node` runs it: bundle a module in
// memory with esbuild and import the result.
import { build } from 'esbuild';

export async function importTypeScript(entryPoint) {
  const result = await build({ entryPoints: [entryPoint], bundle: true, format: 'esm', platform: 'node', target: 'node20', write: false, logLevel: 'silent' });
  return import(`data:text/javascript;base64,${Buffer.from(result.outputFiles[0].text).toString('base64')}`);
}
