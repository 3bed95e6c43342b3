import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openLocalDatabase } from '@local-cloud/database';
import { loadDemoData, topUpDemoRoster } from '@local-cloud/seed/load-demo-data';

const DAY = 86_400_000;

test('demo data loads once; a later start adds the coming week’s shifts so someone is on duty', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fq-demo-'));
  const engine = openLocalDatabase({ dir, fsync: false });
  const loadedAt = new Date('2026-10-01T09:00:00+08:00');
  expect(await loadDemoData(engine, { now: loadedAt })).toBe(true);
  expect(await loadDemoData(engine, { now: loadedAt })).toBe(false);

  const later = new Date(loadedAt.getTime() + 30 * DAY);
  const onDutyLater = () => engine.find('duty_shifts').filter((shift) => (shift.start as Date) <= later && (shift.end as Date) > later);
  expect(onDutyLater()).toHaveLength(0);
  expect(await topUpDemoRoster(engine, later)).toBeGreaterThan(0);
  expect(onDutyLater().length).toBeGreaterThan(0);
  expect(await topUpDemoRoster(engine, later)).toBe(0);

  await engine.close();
  fs.rmSync(dir, { recursive: true, force: true });
});
