/**
 * `npm start` builds the H5 app while the local cloud opens its database and loads the demo data
 * (scripts/start.mjs): nothing may listen before the app is written, or a resident's browser
 * would get a 404 instead of the app.
 */
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { startLocalCloud } from '@local-cloud/start-local-cloud';
import { freePort } from '../support/free-port';

const listens = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });

test('the demo data loads while the app is being built; the server listens only once the app is written', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fq-start-'));
  const h5Dir = path.join(dir, 'h5');
  fs.mkdirSync(h5Dir);
  process.env.LOCAL_CLOUD_FSYNC = '0';
  const port = await freePort();
  let appWritten = () => {};
  const appReady = new Promise<void>((resolve) => {
    appWritten = resolve;
  });
  let dataReady = false;
  const starting = startLocalCloud({ dataDir: path.join(dir, 'data'), h5Dir, port, timers: false, appReady, onDataReady: () => (dataReady = true) });
  try {
    for (const deadline = Date.now() + 60_000; !dataReady && Date.now() < deadline; ) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(dataReady).toBe(true);
    expect(await listens(port)).toBe(false);

    fs.writeFileSync(path.join(h5Dir, 'index.html'), '<!doctype html><div id="app"></div>');
    appWritten();
    const cloud = await starting;
    try {
      const response = await fetch(`${cloud.url}/`);
      expect(response.status).toBe(200);
      expect(await response.text()).toContain('id="app"');
    } finally {
      await cloud.stop();
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}, 90_000);
