/** A fresh local-cloud data directory per test, configured the way the local cloud does it. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { configureLocalCloud } from '@local-cloud/wx-server-sdk/state';

export const TEST_ENV = 'test-env';
export const TEST_PUBLIC_URL = 'http://127.0.0.1:8080';

export function useTempCloud(): { readonly dataDir: string } {
  const current = { dataDir: '' };
  beforeEach(() => {
    current.dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fq-wechat-test-'));
    configureLocalCloud({ dataDir: current.dataDir, envId: TEST_ENV, publicUrl: TEST_PUBLIC_URL });
  });
  afterEach(() => {
    fs.rmSync(current.dataDir, { recursive: true, force: true });
  });
  return current;
}

/** The error a promise rejected with (fails the test if it resolved). */
export async function rejection(promise: Promise<unknown>): Promise<{ errCode: number; errMsg: string; message: string }> {
  try {
    await promise;
  } catch (error) {
    return error as { errCode: number; errMsg: string; message: string };
  }
  throw new Error('expected the call to fail, but it succeeded');
}

export function thrown(body: () => unknown): { errCode: number; errMsg: string; message: string } {
  try {
    body();
  } catch (error) {
    return error as { errCode: number; errMsg: string; message: string };
  }
  throw new Error('expected the call to throw, but it returned');
}
