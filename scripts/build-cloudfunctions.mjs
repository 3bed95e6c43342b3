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
const rootPackage = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
const sdkVersion = rootPackage.devDependencies['wx-server-sdk'];

/**
 * What a function needs besides its bundle. mediation draws the agreement PDF with pdfkit, which
 * CloudBase installs (云端安装依赖) like wx-server-sdk rather than it being bundled (it reads its
 * own data files, and the bundle stays within its 100 KB budget), and carries a CJK font beside
 * index.js (pdfkit embeds only the glyphs a document uses). The font is Noto Sans CJK (SIL OFL)
 * from Debian's fonts-noto-cjk — the package the browser tests need too — or MEDIATION_PDF_FONT.
 * dashboard writes the Excel exports with exceljs, installed the same way: bundled, exceljs alone
 * is about 1.2 MB against the 100 KB budget.
 */
const EXTRAS = {
  dashboard: {
    dependencies: { exceljs: rootPackage.dependencies.exceljs },
    assets: [],
  },
  mediation: {
    dependencies: { pdfkit: rootPackage.dependencies.pdfkit },
    assets: [{ to: 'fonts/NotoSansCJK-Regular.ttc', from: [process.env.MEDIATION_PDF_FONT, '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc', '/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc'] }],
  },
};

/**
 * An action's `summary` (domain/actions/define.ts) documents the contract for people; nothing
 * reads it at run time (a definition's type leaves it out), so a deployed function need not carry
 * the sentence of every action it serves. The contract modules are bundled without those lines.
 */
const SUMMARY_LINE = /^[ \t]*summary: (?:'(?:[^'\\\n]|\\.)*'|`(?:[^`\\\n]|\\.)*`),[ \t]*\n/gm;
const dropActionSummaries = {
  name: 'drop-action-summaries',
  setup(build) {
    build.onLoad({ filter: /[\\/]domain[\\/]actions[\\/][^\\/]+\.ts$/ }, async (args) => ({
      contents: (await fs.promises.readFile(args.path, 'utf8')).replace(SUMMARY_LINE, ''),
      loader: 'ts',
    }));
  },
};

/**
 * A bundle carries its own function's deployment settings only (template ids, secrets and what
 * they are for): platform/cloud/function-settings.ts is replaced by the list config/deployment.ts
 * gives that function, written out as data.
 */
async function loadDeploymentConfig() {
  const compiled = await build({ entryPoints: [path.join(root, 'config', 'deployment.ts')], bundle: true, format: 'esm', platform: 'node', write: false, logLevel: 'silent' });
  return import(`data:text/javascript;base64,${Buffer.from(compiled.outputFiles[0].text).toString('base64')}`);
}

const ownSettingsOnly = (name, deployment) => ({
  name: 'own-settings-only',
  setup(build) {
    build.onLoad({ filter: /[\\/]platform[\\/]cloud[\\/]function-settings\.ts$/ }, () => {
      const own = deployment.settingsOf(name);
      return {
        contents: [
          `// ${name}'s own settings (scripts/build-cloudfunctions.mjs, from config/deployment.ts)`,
          `export const KNOWN_TEMPLATES = ${JSON.stringify(own.templates)};`,
          `const OWN_SETTINGS = { secrets: ${JSON.stringify(own.secrets)}, templates: KNOWN_TEMPLATES };`,
          `export const settingsOfFunction = () => OWN_SETTINGS;`,
        ].join('\n'),
        loader: 'js',
      };
    });
  },
});

/**
 * esbuild writes a regular expression with a Unicode property escape (\\p{…}) as `new RegExp(…)`,
 * a call it cannot prove free of side effects, so valibot's EMOJI_REGEX (0.4 KB) stayed in every
 * bundle though no schema uses `v.emoji`. Declaring its construction pure lets an unused one go.
 */
const VALIBOT_EMOJI_REGEX = /^const EMOJI_REGEX = (\/.*\/u);$/m;
const unusedValibotRegexDropped = {
  name: 'unused-valibot-regex-dropped',
  setup(build) {
    build.onLoad({ filter: /[\\/]node_modules[\\/]valibot[\\/]dist[\\/]index\.mjs$/ }, async (args) => {
      const source = await fs.promises.readFile(args.path, 'utf8');
      return { contents: source.replace(VALIBOT_EMOJI_REGEX, 'const EMOJI_REGEX = /* @__PURE__ */ (() => $1)();'), loader: 'js' };
    });
  },
};

/** `only` and `into` (a folder instead of dist/cloudfunctions) let a test build a function or two on its own. */
export async function buildCloudFunctions({ quiet = false, only = undefined, into = outputRoot } = {}) {
  const names = fs.readdirSync(sourceRoot).filter((name) => fs.existsSync(path.join(sourceRoot, name, 'index.ts')) && (!only || only.includes(name)));
  if (only) for (const name of names) fs.rmSync(path.join(into, name), { recursive: true, force: true });
  else fs.rmSync(into, { recursive: true, force: true });
  const sizes = {};
  const deployment = await loadDeploymentConfig();
  for (const name of names) {
    const outDir = path.join(into, name);
    await build({
      entryPoints: [path.join(sourceRoot, name, 'index.ts')],
      outfile: path.join(outDir, 'index.js'),
      bundle: true,
      platform: 'node',
      target: 'node16.13', // the runtime the functions deploy to (scripts/deploy/desired.ts: Nodejs16.13); plain node16 would lower ?. for 16.0's V8
      format: 'cjs',
      minify: true,
      charset: 'utf8', // Chinese text as itself (3 bytes a character), not \uXXXX escapes (6)
      sourcemap: false,
      external: ['wx-server-sdk', ...Object.keys(EXTRAS[name]?.dependencies ?? {})],
      tsconfig: path.join(root, 'tsconfig.json'),
      plugins: [dropActionSummaries, ownSettingsOnly(name, deployment), unusedValibotRegexDropped],
      logLevel: 'warning',
    });
    fs.copyFileSync(path.join(sourceRoot, name, 'config.json'), path.join(outDir, 'config.json'));
    fs.writeFileSync(
      path.join(outDir, 'package.json'),
      JSON.stringify({ name, version: '1.0.0', private: true, main: 'index.js', dependencies: { 'wx-server-sdk': sdkVersion, ...EXTRAS[name]?.dependencies } }, null, 2) + '\n',
    );
    for (const asset of EXTRAS[name]?.assets ?? []) {
      const source = asset.from.find((candidate) => candidate && fs.existsSync(candidate));
      if (!source) throw new Error(`${name}: ${asset.to} not found (install fonts-noto-cjk, or set MEDIATION_PDF_FONT)`);
      fs.mkdirSync(path.dirname(path.join(outDir, asset.to)), { recursive: true });
      fs.copyFileSync(source, path.join(outDir, asset.to));
    }
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
