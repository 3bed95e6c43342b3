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

export async function startHarness(): Promise<CloudHarness> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fq-cloud-test-'));
  process.env.LOCAL_CLOUD_FSYNC = '0';
  configureLocalCloud({ dataDir, envId: 'test-env', publicUrl: 'http://127.0.0.1:0' });
  const engine = localDatabase();
  await loadDemoData(engine);

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
