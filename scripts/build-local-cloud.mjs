#!/usr/bin/env node
// Bundles the local cloud (local-cloud/main.ts plus every cloud function's real source) into
// one file; `wx-server-sdk` resolves to the local emulation, everything else is unchanged.
import { build } from 'esbuild';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export async function buildLocalCloud() {
  await build({
    entryPoints: [path.join(root, 'local-cloud', 'main.ts')],
    outfile: path.join(root, '.local-cloud', 'server.cjs'),
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    sourcemap: 'inline',
    alias: { 'wx-server-sdk': path.join(root, 'local-cloud', 'wx-server-sdk', 'index.ts') },
    // pdfkit reads its font metrics from files beside its own code; exceljs (the dashboard's Excel
    // files) is installed beside its function in CloudBase too: both stay in node_modules.
    external: ['pdfkit', 'exceljs'],
    tsconfig: path.join(root, 'tsconfig.json'),
    logLevel: 'warning',
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  buildLocalCloud().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
