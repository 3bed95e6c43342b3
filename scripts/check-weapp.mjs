#!/usr/bin/env node
// `npm run test:weapp`: build the mini-program (`taro build --type weapp`, skipped with
// --no-build), compile dist/weapp with WeChat's own offline compiler (miniprogram-ci, no
// account needed) so broken WXML/WXSS or a missing page fails here rather than in DevTools,
// then check the package sizes against our budgets.
//
//   node scripts/check-weapp.mjs [--no-build] [--dir dist/weapp]
//
// Exports measureWeapp(dir) for scripts/bench.mjs.
import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

export const DEFAULT_WEAPP_DIR = path.join(root, 'dist', 'weapp');
/** Our budget for the main package (WeChat's own limit is 2 MB). */
export const MAIN_BUDGET_KB = 600;
/** WeChat's limit for each subpackage. */
export const SUBPACKAGE_BUDGET_KB = 2048;
const COMPILE_TIMEOUT_MS = 5 * 60 * 1000;

/** File types WeChat uploads in a mini-program package; everything else (.map, .LICENSE.txt, …) stays behind. */
function shippedExtensions() {
  try {
    const list = require('miniprogram-ci/dist/utils/white_ext_list.js').MiniProgramWhiteList;
    if (Array.isArray(list) && list.length) return new Set(list);
  } catch {
    // fall through to the copy below (miniprogram-ci 2.1.42's list)
  }
  return new Set(['.wxml', '.wxss', '.wxs', '.png', '.jpg', '.jpeg', '.gif', '.svg', '.js', '.json', '.cer', '.mp3', '.aac', '.m4a', '.mp4', '.wav', '.ogg', '.silk', '.wasm', '.br', '.cur', '.ico', '.skel', '.crt', '.cert']);
}

/** DevTools' own project files: copied into the output by Taro, not part of the code package. */
const NOT_SHIPPED = new Set(['project.config.json', 'project.private.config.json']);

const kb = (bytes) => Math.round((bytes / 1024) * 10) / 10;

function readAppJson(dir) {
  const file = path.join(dir, 'app.json');
  if (!fs.existsSync(file)) throw new Error(`${path.relative(root, file) || file} not found: build the mini-program first (npm run build:weapp)`);
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

/** Subpackage roots as declared in app.json (`subPackages` or the older `subpackages`), without slashes at either end. */
export function subpackageRoots(appJson) {
  const declared = [...(appJson.subPackages ?? []), ...(appJson.subpackages ?? [])];
  return [...new Set(declared.map((pkg) => String(pkg.root ?? '').replace(/^\/+|\/+$/g, '')).filter(Boolean))];
}

function listFiles(dir, base = dir) {
  const files = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) files.push(...listFiles(full, base));
    else if (entry.isFile()) files.push(path.relative(base, full).split(path.sep).join('/'));
  }
  return files;
}

/**
 * Sizes of what WeChat packages from a weapp build: the main package is every shipped file not
 * under a subpackage root. Returns KB with one decimal.
 */
export function measureWeapp(dir = DEFAULT_WEAPP_DIR) {
  const roots = subpackageRoots(readAppJson(dir));
  const shipped = shippedExtensions();
  let mainBytes = 0;
  const subBytes = Object.fromEntries(roots.map((r) => [r, 0]));
  const files = [];
  for (const rel of listFiles(dir)) {
    if (NOT_SHIPPED.has(rel) || !shipped.has(path.extname(rel).toLowerCase())) continue;
    const size = fs.statSync(path.join(dir, rel)).size;
    const owner = roots.find((r) => rel.startsWith(`${r}/`));
    if (owner === undefined) mainBytes += size;
    else subBytes[owner] += size;
    files.push({ file: rel, package: owner ?? 'main', bytes: size });
  }
  return {
    mainKB: kb(mainBytes),
    subpackagesKB: Object.fromEntries(Object.entries(subBytes).map(([r, bytes]) => [r, kb(bytes)])),
    files,
  };
}

/** Fragments of webpackbar's redrawn progress display (Taro always uses the "fancy" reporter). */
const WEBPACKBAR_LINE =
  /\(\d+%\)|\d+\/\d+ modules \d+ active|^\s*\S*\s*(normal module factory|dependencies optimization|chunk modules optimization|module optimization|asset processing|runtime requirements|sealing|building|emitting|hashing)\b|-loader ›|^\s{1,2}\S*Plugin\s*$/;

/** Runs `taro build --type <type>`; Taro's progress display is kept out of the log unless the build fails. */
export function runTaroBuild(type) {
  const started = Date.now();
  console.log(`> taro build --type ${type}`);
  const result = spawnSync(path.join(root, 'node_modules', '.bin', 'taro'), ['build', '--type', type], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
    // A check or size build is never uploaded: it may go without the deployment configuration (config/index.ts).
    env: { ...process.env, FORCE_COLOR: '0', ...(type === 'weapp' ? { FQ_WEAPP_CHECK_ONLY: '1' } : {}) },
  });
  const output = `${result.stdout ?? ''}${result.stderr ?? ''}`
    // eslint-disable-next-line no-control-regex
    .replace(/\u001b\[[0-9;]*[A-Za-z]/g, '')
    .split('\n')
    .filter((line) => line.trim() && !WEBPACKBAR_LINE.test(line));
  if (result.status !== 0 || result.error) {
    console.error(output.join('\n'));
    if (result.error) console.error(result.error);
    throw new Error(`taro build --type ${type} failed (exit ${result.status ?? result.signal})`);
  }
  const summary = [...new Set(output.filter((l) => /compiled|warning|error/i.test(l)).map((l) => l.trim()))];
  for (const line of summary.slice(-20)) console.log(`  ${line}`);
  console.log(`  built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

export const buildWeapp = () => runTaroBuild('weapp');

/** The offline compiler talks loudly and tries WeChat's servers for its file-type list; keep that out of the log. */
const COMPILER_NOISE = /servicewechat\.com|get white ext list fail|ENOTFOUND|EAI_AGAIN|forkProcess|^serialize |initservices|getservice/;

/**
 * Compiles `dir` with WeChat's own compiler (the one DevTools and `miniprogram-ci upload` use).
 * WXML/WXSS minification is on, which is what makes their syntax errors fail.
 * Resolves to the compiled files; rejects with the compiler's message.
 */
export async function compileWeapp(dir = DEFAULT_WEAPP_DIR) {
  dir = path.resolve(dir);
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'check-weapp-'));
  const logs = [];
  const saved = {};
  for (const method of ['log', 'info', 'debug', 'warn', 'error']) {
    saved[method] = console[method];
    console[method] = (...args) => logs.push(args.map((a) => (typeof a === 'string' ? a : a instanceof Error ? a.stack : JSON.stringify(a))).join(' '));
  }
  let timer;
  // miniprogram-ci makes an (empty) cache folder named after the project in the working directory.
  const cwd = process.cwd();
  process.chdir(tmp);
  try {
    const ci = require('miniprogram-ci');
    // A throwaway key: the constructor wants one; compiling offline never uses it.
    const { privateKey } = crypto.generateKeyPairSync('rsa', {
      modulusLength: 2048,
      privateKeyEncoding: { type: 'pkcs1', format: 'pem' },
      publicKeyEncoding: { type: 'spki', format: 'pem' },
    });
    const keyPath = path.join(tmp, 'private.key');
    fs.writeFileSync(keyPath, privateKey, { mode: 0o600 });
    let appid = 'touristappid';
    try {
      appid = JSON.parse(fs.readFileSync(path.join(dir, 'project.config.json'), 'utf8')).appid || appid;
    } catch {
      // no project.config.json in the output: the tourist appid will do
    }
    const project = new ci.Project({ appid, type: 'miniProgram', projectPath: dir, privateKeyPath: keyPath, ignores: ['node_modules/**/*', '**/*.map'] });
    // Without this the project asks WeChat's servers for the account's attributes.
    project.attr = async () => ci.DefaultProjectAttr;
    const compiled = ci.getCompiledResult(
      {
        project,
        setting: { es6: false, es7: false, minifyJS: false, minifyWXML: true, minifyWXSS: true, autoPrefixWXSS: true, codeProtect: false },
        onProgressUpdate: () => {},
      },
      path.join(tmp, 'compiled'),
    );
    const timeout = new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error(`miniprogram-ci did not finish within ${COMPILE_TIMEOUT_MS / 1000} s`)), COMPILE_TIMEOUT_MS);
    });
    return await Promise.race([compiled, timeout]);
  } catch (error) {
    const detail = logs.filter((line) => !COMPILER_NOISE.test(line));
    const err = new Error(describeCompileError(error));
    err.compilerLog = detail;
    throw err;
  } finally {
    clearTimeout(timer);
    process.chdir(cwd);
    Object.assign(console, saved);
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

/** miniprogram-ci rejects with an Error (or a plain object) carrying `code` and, for a file's error, its `path`. */
function describeCompileError(error) {
  if (!error || typeof error !== 'object') return String(error);
  const { message, msg, errMsg, code, path: file } = error;
  const text = message ?? msg ?? errMsg ?? JSON.stringify(error);
  const where = typeof file === 'string' && file && !String(text).includes(file) ? `${file}: ` : '';
  return `${where}${text}${code !== undefined ? ` (miniprogram-ci code ${code})` : ''}`;
}

function printSizes(sizes) {
  const rows = [['main', sizes.mainKB, MAIN_BUDGET_KB], ...Object.entries(sizes.subpackagesKB).map(([r, v]) => [`subpackage ${r}`, v, SUBPACKAGE_BUDGET_KB])];
  const width = Math.max(...rows.map(([name]) => name.length));
  console.log('Package sizes (files WeChat ships; no .map / .txt):');
  for (const [name, value, budget] of rows) {
    console.log(`  ${name.padEnd(width)}  ${value.toFixed(1).padStart(8)} KB   budget ${budget} KB   ${value <= budget ? 'ok' : 'OVER BUDGET'}`);
  }
  return rows.filter(([, value, budget]) => value > budget).map(([name, value, budget]) => `${name} is ${value} KB, over its ${budget} KB budget`);
}

async function main() {
  const args = process.argv.slice(2);
  const dirFlag = args.indexOf('--dir');
  const dir = dirFlag >= 0 && args[dirFlag + 1] ? path.resolve(args[dirFlag + 1]) : DEFAULT_WEAPP_DIR;
  if (!args.includes('--no-build')) buildWeapp();
  readAppJson(dir); // clear message when there is no build

  console.log(`> WeChat offline compiler (miniprogram-ci) on ${path.relative(root, dir) || dir}`);
  const started = Date.now();
  let compiled;
  try {
    compiled = await compileWeapp(dir);
  } catch (error) {
    if (error.compilerLog?.length) console.error(error.compilerLog.join('\n'));
    console.error(`\n✖ WeChat's compiler rejected the weapp build:\n  ${error.message.split('\n').join('\n  ')}`);
    return 1;
  }
  console.log(`  compiled ${Object.keys(compiled).length} files in ${((Date.now() - started) / 1000).toFixed(1)} s: ok`);

  const sizes = measureWeapp(dir);
  const over = printSizes(sizes);
  if (over.length) {
    for (const message of over) console.error(`✖ ${message}`);
    return 1;
  }
  console.log('✔ weapp check passed');
  return 0;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main()
    .then((code) => process.exit(code)) // miniprogram-ci leaves handles open: exit explicitly
    .catch((error) => {
      console.error(`✖ ${error instanceof Error ? error.message : error}`);
      process.exit(1);
    });
}
