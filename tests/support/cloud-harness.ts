/**
 * Runs the real cloud functions in-process on the local cloud's embedded database, in a fresh
 * temporary data directory per test file. Only WeChat's servers are emulated (by the local
 * cloud's wx-server-sdk); nothing of ours is mocked.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ActionDefinition, InputOf, OutputOf } from '@domain/actions';
import type { ActionResult } from '@domain/result';
import { LOCAL_FUNCTIONS, invokeLocalFunction } from '@local-cloud/functions';
import { DEMO_PERSONAS, type DemoPersona } from '@local-cloud/seed/demo-data';
import { loadDemoData } from '@local-cloud/seed/load-demo-data';
import { closeLocalDatabase, localDatabase } from '@local-cloud/wx-server-sdk/engine';
import { configureLocalCloud } from '@local-cloud/wx-server-sdk/state';
import { officerIdFor, userIdFor } from '@platform/cloud/identity';

export interface CloudHarness {
  dataDir: string;
  /** Calls an action as the WeChat user with this openid (undefined: no OPENID in context). */
  call<A extends ActionDefinition>(openid: string | undefined, definition: A, input: InputOf<A>): Promise<ActionResult<OutputOf<A>>>;
  /** Sends a raw event, as a client on an old or tampered build might. */
  raw(openid: string | undefined, fn: keyof typeof LOCAL_FUNCTIONS, event: unknown): Promise<unknown>;
  /** Runs a timer trigger as WeChat would (no OPENID). */
  timer(fn: keyof typeof LOCAL_FUNCTIONS, triggerName: string): Promise<unknown>;
  engine: ReturnType<typeof localDatabase>;
  close(): Promise<void>;
}

export const persona = (key: string): DemoPersona => {
  const found = DEMO_PERSONAS.find((candidate) => candidate.key === key);
  if (!found) throw new Error(`no demo persona ${key}`);
  return found;
};

/** The officer record a demo persona registered as (ids are made when an invite is redeemed). */
export const officerIdOf = (personaKey: string): string => officerIdFor(userIdFor(persona(personaKey).openid));

/**
 * The demo data is loaded through the functions' actions, which takes about a second; a worker
 * process loads it once into a template directory and each harness starts from a copy of it.
 * Only within a minute after the template's clock (tests pin the clock per file): the demo is
 * dated. Kept on `process`, which outlives jest's per-file module registry, and removed at exit.
 */
interface DemoTemplate {
  dir: string;
  loadedAt: number;
}
const TEMPLATE_REUSE_MS = 60_000;
const holder = process as unknown as { fqDemoTemplate?: DemoTemplate };

async function demoTemplate(): Promise<string> {
  const now = Date.now();
  const current = holder.fqDemoTemplate;
  if (current && now >= current.loadedAt && now - current.loadedAt < TEMPLATE_REUSE_MS) return current.dir;
  if (current) fs.rmSync(current.dir, { recursive: true, force: true });
  else process.once('exit', () => holder.fqDemoTemplate && fs.rmSync(holder.fqDemoTemplate.dir, { recursive: true, force: true }));
  holder.fqDemoTemplate = undefined;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fq-cloud-template-'));
  configureLocalCloud({ dataDir: dir, envId: 'test-env', publicUrl: 'http://127.0.0.1:0' });
  await loadDemoData(localDatabase());
  await closeLocalDatabase();
  holder.fqDemoTemplate = { dir, loadedAt: now };
  return dir;
}

export async function startHarness(): Promise<CloudHarness> {
  process.env.LOCAL_CLOUD_FSYNC = '0';
  const source = await demoTemplate();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fq-cloud-test-'));
  fs.cpSync(source, dataDir, { recursive: true });
  configureLocalCloud({ dataDir, envId: 'test-env', publicUrl: 'http://127.0.0.1:0' });
  const engine = localDatabase();
  // Warm function instances may hold the directory of an earlier copy: a fresh version drops it.
  await engine.api.collection('meta').doc('directory').update({ data: { version: Math.floor(Math.random() * 2 ** 48) } });

  const invoke = (openid: string | undefined, fn: keyof typeof LOCAL_FUNCTIONS, event: unknown) => invokeLocalFunction(fn, event, { openid, envId: 'test-env' });

  return {
    dataDir,
    engine,
    call: (openid, definition, input) => invoke(openid, definition.fn, { action: definition.name, input }) as never,
    raw: invoke,
    timer: (fn, triggerName) => invoke(undefined, fn, { Type: 'Timer', TriggerName: triggerName, Time: new Date().toISOString() }),
    async close() {
      await closeLocalDatabase();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
