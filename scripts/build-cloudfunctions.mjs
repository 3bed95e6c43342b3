#!/usr/bin/env node
// Bundles each cloudfunctions/<name>/index.ts into dist/cloudfunctions/<name>/ — the folder
// WeChat DevTools deploys: index.js, package.json (wx-server-sdk only) and config.json.
// TypeScript never lands beside index.js: an index.ts there breaks WeChat's deploy.
import { build } from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const sourceRoot = path.join(root, 'cloudfunctions');
const outputRoot = path.join(root, 'dist', 'cloudfunctions');
const sdkVersion = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')).devDependencies['wx-server-sdk'];

export async function buildCloudFunctions({ quiet = false } = {}) {
  const names = fs.readdirSync(sourceRoot).filter((name) => fs.existsSync(path.join(sourceRoot, name, 'index.ts')));
  fs.rmSync(outputRoot, { recursive: true, force: true });
  const sizes = {};
  for (const name of names) {
    const outDir = path.join(outputRoot, name);
    await build({
      entryPoints: [path.join(sourceRoot, name, 'index.ts')],
      outfile: path.join(outDir, 'index.js'),
      bundle: true,
      platform: 'node',
      target: 'node16', // the oldest Node runtime CloudBase offers for functions
      format: 'cjs',
      minify: true,
      charset: 'utf8', // Chinese text as itself (3 bytes a character), not \uXXXX escapes (6)
      sourcemap: false,
      external: ['wx-server-sdk'],
      tsconfig: path.join(root, 'tsconfig.json'),
      logLevel: 'warning',
    });
    fs.copyFileSync(path.join(sourceRoot, name, 'config.json'), path.join(outDir, 'config.json'));
    fs.writeFileSync(
      path.join(outDir, 'package.json'),
      JSON.stringify({ name, version: '1.0.0', private: true, main: 'index.js', dependencies: { 'wx-server-sdk': sdkVersion } }, null, 2) + '\n',
    );
    sizes[name] = +(fs.statSync(path.join(outDir, 'index.js')).size / 1024).toFixed(1);
  }
  if (!quiet) for (const [name, kb] of Object.entries(sizes)) console.log(`cloudfunction ${name}: ${kb} KB`);
  return sizes;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  buildCloudFunctions().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
