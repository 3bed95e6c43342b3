/** @jest-environment node */
/**
 * SIGKILL test: a child process writes and prints each acknowledged write; we kill it mid-stream
 * (several times, on the same directory) and check that every acknowledged write survived, that
 * transactions stayed atomic, and that the store always opens.
 */
import { spawn } from 'node:child_process';
import * as path from 'node:path';
import { buildSync } from 'esbuild';
import { openLocalDatabase } from '../../../local-cloud/database';
import { cleanupTempDirs, tempDir } from './helpers';

const WRITER = path.join(__dirname, 'fixtures/crash-writer.ts');
let writerBundle: string;

// Bundled to one plain JS file so the killed process is the writer itself (tsx would run it
// in a grandchild that survives the SIGKILL of its wrapper).
beforeAll(() => {
  writerBundle = path.join(tempDir(), 'crash-writer.js');
  buildSync({ entryPoints: [WRITER], bundle: true, platform: 'node', target: 'node20', outfile: writerBundle, logLevel: 'error' });
});

afterAll(cleanupTempDirs);

/** Runs the writer until `acksBeforeKill` acknowledgements arrived (plus a little), then SIGKILLs it. */
function runAndKill(dir: string, first: number, acksBeforeKill: number, extraMs: number): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [writerBundle, dir, String(first)], { stdio: ['ignore', 'pipe', 'pipe'] });
    const acked: string[] = [];
    let buffered = '';
    let stderr = '';
    let killScheduled = false;
    const guard = setTimeout(() => child.kill('SIGKILL'), 30_000);
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      buffered += chunk;
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      for (const line of lines) if (line.startsWith('ack ')) acked.push(line.slice(4));
      if (!killScheduled && acked.length >= acksBeforeKill) {
        killScheduled = true;
        setTimeout(() => child.kill('SIGKILL'), extraMs);
      }
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      clearTimeout(guard);
      if (signal !== 'SIGKILL') reject(new Error(`writer exited with ${String(code)}: ${stderr}`));
      // Lines acknowledged before the kill may still arrive after it: keep the complete ones.
      else resolve(acked);
    });
  });
}

it('keeps every acknowledged write across repeated SIGKILLs', async () => {
  const dir = tempDir();
  const everAcked: string[] = [];
  const rounds = [
    { acks: 150, extraMs: 0 },
    { acks: 300, extraMs: 7 },
    { acks: 80, extraMs: 23 },
  ];
  for (const [round, { acks, extraMs }] of rounds.entries()) {
    const acked = await runAndKill(dir, (round + 1) * 100_000, acks, extraMs);
    expect(acked.length).toBeGreaterThanOrEqual(acks);
    everAcked.push(...acked);

    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    const db = openLocalDatabase({ dir, fsync: false });
    warn.mockRestore();
    try {
      const stored = new Set(db.find('writes').map((doc) => String(doc._id)));
      const missing = everAcked.filter((id) => !id.startsWith('u') && !stored.has(id));
      expect(missing).toEqual([]);
      // Each transaction added a 'tx' document and bumped the counter together.
      const txDocs = db.find('writes', { kind: 'tx' }).length;
      const counter = db.find('counters', { _id: 'tx' })[0]?.n ?? 0;
      expect(counter).toBe(txDocs);
      // Every acknowledged conditional update was applied to the documents it matched.
      for (const id of everAcked.filter((ack) => ack.startsWith('u'))) {
        const n = Number(id.slice(1));
        expect(db.find('writes', { kind: 'plain', i: { $lt: n }, touched: { $exists: false } })).toEqual([]);
      }
    } finally {
      await db.close();
    }
  }
}, 120_000);
