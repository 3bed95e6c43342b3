#!/usr/bin/env node
// start.firstRunS: a first `npm start` on a fresh copy of the repository, after `npm install`,
// until the app is served. The copy holds the tracked files as they are in this working tree
// and a node_modules of links to this one's packages (what `npm install` would have put there)
// without its caches: no webpack cache, no dist/, no .local-cloud/ — what a fresh clone has.
// Also start.firstRunLines: how many lines that first start prints (calm: a line per stage), and
// start.firstRunCpuS: the CPU (user + system) its processes spent until then. The machines are
// shared, so wall time depends on the others' load; on a quiet two-core machine the wall time is
// about this CPU time divided by how much of it ran in parallel.
//
//   node scripts/bench-start.mjs
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const START_BUDGET_S = 90;
const GIVE_UP_MS = 15 * 60 * 1000;

function freshCopy() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-start-'));
  const tracked = execFileSync('git', ['ls-files', '-z'], { cwd: root, encoding: 'utf8' }).split('\0').filter(Boolean);
  for (const file of tracked) {
    const from = path.join(root, file);
    if (!fs.existsSync(from)) continue; // deleted in the working tree
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.copyFileSync(from, path.join(dir, file));
  }
  const modules = path.join(dir, 'node_modules');
  fs.mkdirSync(modules);
  for (const entry of fs.readdirSync(path.join(root, 'node_modules'))) {
    if (entry === '.cache') continue;
    fs.symlinkSync(path.join(root, 'node_modules', entry), path.join(modules, entry));
  }
  return dir;
}

/** User + system CPU seconds of every process in a process group, reaped children included (Linux /proc). */
function groupCpuSeconds(pgid) {
  let ticks = 0;
  try {
    for (const pid of fs.readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
      let stat;
      try {
        stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
      } catch {
        continue; // gone meanwhile
      }
      // Fields after the command name: state ppid pgrp … utime(11) stime(12) cutime(13) cstime(14)
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(fields[2]) !== pgid) continue;
      ticks += Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14]);
    }
  } catch {
    return undefined; // no /proc here
  }
  const perSecond = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  return Math.round((ticks / perSecond) * 10) / 10;
}

const freePort = () =>
  new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });

export async function measureFirstStart() {
  const dir = freshCopy();
  const port = await freePort();
  const started = Date.now();
  const child = spawn(process.execPath, ['scripts/start.mjs'], {
    cwd: dir,
    env: { ...process.env, PORT: String(port), LOCAL_CLOUD_TIMERS: '0', FORCE_COLOR: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  const lines = [];
  const collect = (chunk) => lines.push(...chunk.toString('utf8').split('\n').filter((line) => line.trim()));
  child.stdout.on('data', collect);
  child.stderr.on('data', collect);
  let exited;
  child.on('exit', (code) => (exited = code));
  try {
    for (;;) {
      if (exited !== undefined) throw new Error(`npm start exited (${exited}) before serving:\n${lines.slice(-30).join('\n')}`);
      if (Date.now() - started > GIVE_UP_MS) throw new Error('npm start did not serve the app within 15 minutes');
      try {
        const response = await fetch(`http://127.0.0.1:${port}/`);
        const html = await response.text();
        if (response.ok && html.includes('id="app"')) break;
      } catch {
        // not listening yet
      }
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    const seconds = Math.round((Date.now() - started) / 100) / 10;
    const cpu = groupCpuSeconds(child.pid);
    return { figures: { 'start.firstRunS': seconds, 'start.firstRunLines': lines.length, ...(cpu === undefined ? {} : { 'start.firstRunCpuS': cpu }) }, lines };
  } finally {
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      // already gone
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export async function benchStart() {
  return (await measureFirstStart()).figures;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { figures, lines } = await measureFirstStart();
  console.log(lines.map((line) => `  | ${line}`).join('\n'));
  console.log(`first npm start served the app in ${figures['start.firstRunS']} s (budget ≤ ${START_BUDGET_S} s) with ${figures['start.firstRunCpuS'] ?? '?'} CPU-seconds (load average ${os.loadavg()[0].toFixed(1)}), printing ${figures['start.firstRunLines']} lines`);
  console.log(JSON.stringify(figures));
}
