// The benchmarks measure the domain's TypeScript as plain `node` runs it: bundle a module in
// memory with esbuild and import the result.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

// `options` go to esbuild as they are (e.g. `alias` to run cloud functions on the local cloud).
export async function importTypeScript(entryPoint, options = {}) {
  const bundle = (format) => build({ entryPoints: [entryPoint], bundle: true, format, platform: 'node', target: 'node20', write: false, logLevel: 'silent', ...options });
  if (!options.external?.length) {
    const code = (await bundle('esm')).outputFiles[0].text;
    return import(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`);
  }
  // Modules left external are required by name, which a data: URL cannot resolve: run the bundle
  // from a file inside node_modules (ignored by git) so Node finds them. As CommonJS: the external
  // packages are CommonJS (exceljs has no named ESM exports), and require() takes them as they are.
  const cjs = await bundle('cjs');
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
  const dir = path.join(root, 'node_modules', '.cache', 'bench-modules');
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${path.basename(entryPoint).replace(/\W+/g, '-')}-${process.pid}-${Date.now()}.cjs`);
  fs.writeFileSync(file, cjs.outputFiles[0].text);
  try {
    return createRequire(import.meta.url)(file);
  } finally {
    fs.rmSync(file, { force: true });
  }
}

/** A module that runs cloud functions on the local cloud: `wx-server-sdk` is the local shim, as in .local-cloud/server.cjs. */
export function importLocalCloudModule(entryPoint, options = {}) {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
  // pdfkit (the mediation agreement) reads its font data relative to its own files: it stays a package,
  // as exceljs does (installed beside the dashboard function in CloudBase).
  return importTypeScript(entryPoint, {
    alias: { 'wx-server-sdk': path.join(root, 'local-cloud', 'wx-server-sdk', 'index.ts') },
    tsconfig: path.join(root, 'tsconfig.json'),
    external: ['pdfkit', 'exceljs'],
    plugins: [requiredPackages(['pdfkit', 'exceljs'])],
    ...options,
  });
}

/**
 * Loads these CommonJS packages with require() at run time: an ES module cannot take named
 * exports (`import { Workbook } from 'exceljs'`) from a CommonJS package Node cannot analyse.
 */
function requiredPackages(names) {
  const filter = new RegExp(`^(${names.join('|')})$`);
  return {
    name: 'required-packages',
    setup(build) {
      build.onResolve({ filter }, (args) => ({ path: args.path, namespace: 'required-package' }));
      build.onLoad({ filter: /.*/, namespace: 'required-package' }, (args) => ({ contents: `module.exports = require(${JSON.stringify(args.path)});`, loader: 'js' }));
    },
  };
}
