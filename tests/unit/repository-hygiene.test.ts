/**
 * Running the tests leaves a checkout clean: tests write only to git-ignored folders. The README's
 * pictures (docs/screenshots/) are refreshed by `npm run screenshots` and bench-results.json by
 * `npm run bench`, never as a side effect of a test run.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..');

function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'screenshots' ? [] : filesUnder(full);
    return /\.(ts|tsx|js|mjs|cjs)$/.test(entry.name) ? [full] : [];
  });
}

/** The scripts `npm test` runs besides jest (tsc, eslint, jest are tools, not ours). */
function scriptsNpmTestRuns(): string[] {
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
  const steps = (pkg.scripts.test ?? '').split('&&').map((step) => step.trim().replace(/^npm run /, ''));
  return steps.flatMap((step) => [...(pkg.scripts[step] ?? step).matchAll(/scripts\/[\w-]+\.mjs/g)].map((match) => path.join(ROOT, match[0])));
}

test('no test and no script of npm test names docs/screenshots or bench-results.json as a place to write', () => {
  const writers = [...filesUnder(path.join(ROOT, 'tests')), ...scriptsNpmTestRuns()].filter((file) => file !== __filename);
  const offenders = writers.filter((file) => {
    const source = fs.readFileSync(file, 'utf8');
    return /['"`]docs['"`]\s*,\s*['"`]screenshots|docs\/screenshots\/[^'"`\s]*['"`]\s*\)|bench-results\.json['"`]/.test(source);
  });
  expect(offenders.map((file) => path.relative(ROOT, file))).toEqual([]);
});

test("the e2e tests' screenshot folder is ignored by git, the README's is not", () => {
  const ignored = (file: string) => spawnSync('git', ['check-ignore', '-q', file], { cwd: ROOT }).status === 0;
  expect(ignored('tests/e2e/screenshots/feed.png')).toBe(true);
  expect(ignored('tests/e2e/screenshots/pages/feed-elder.png')).toBe(true);
  expect(ignored('docs/screenshots/feed.png')).toBe(false);
});

test('every picture the README shows is one an e2e test takes, so `npm run screenshots` can refresh it', () => {
  const listed = execFileSync(process.execPath, ['--input-type=module', '-e', "const m = await import('./scripts/screenshots.mjs'); console.log(JSON.stringify(m.readmePictures().map((p) => m.sourceOf(p))));"], { cwd: ROOT, encoding: 'utf8' });
  const sources = JSON.parse(listed) as string[];
  expect(sources.length).toBeGreaterThan(10);
  const e2eSources = filesUnder(path.join(ROOT, 'tests', 'e2e')).map((file) => fs.readFileSync(file, 'utf8')).join('\n');
  const taken = new Set([...e2eSources.matchAll(/screenshot\(\w+, '([\w-]+)'\)/g)].map((match) => `${match[1]}.png`));
  // Catalogue pages are shot as pages/<name>-<mode>.png; booking steps as pages/booking-flow-<step>-elder.png.
  const catalogue = fs.readFileSync(path.join(ROOT, 'tests', 'e2e', 'accessibility', 'page-catalogue.ts'), 'utf8');
  for (const match of catalogue.matchAll(/name: '([\w-]+)'/g)) for (const mode of ['standard', 'elder']) taken.add(`pages/${match[1]}-${mode}.png`);
  const steps = fs.readFileSync(path.join(ROOT, 'tests', 'e2e', 'booking-steps-a11y.e2e.test.ts'), 'utf8');
  for (const match of steps.matchAll(/checkStep\('([\w-]+)'\)/g)) taken.add(`pages/booking-flow-${match[1]}-elder.png`);
  expect(sources.filter((source) => !taken.has(source))).toEqual([]);
});

test("the README's examples use no date that will pass, and name personas that exist", async () => {
  const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  const commands = readme.split('\n').filter((line) => /^\s*(curl|DAY=|FROM=)/.test(line));
  expect(commands.filter((line) => /20\d\d-\d\d-\d\d/.test(line))).toEqual([]);
  const { DEMO_PERSONAS } = await import('@local-cloud/seed/demo-data');
  const keys = new Set(DEMO_PERSONAS.map((persona) => persona.key));
  const named = [...readme.matchAll(/persona=([\w-]+)/g)].map((match) => match[1]);
  expect(named.length).toBeGreaterThan(3);
  expect(named.filter((key) => !keys.has(key ?? ''))).toEqual([]);
});
