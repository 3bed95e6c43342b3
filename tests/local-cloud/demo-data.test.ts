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

test('every demo officer who can be routed to can sign in as a persona, of their own station and district', async () => {
  const { DEMO_OFFICERS, DEMO_PERSONAS, DEMO_STATIONS } = await import('@local-cloud/seed/demo-data');
  const { startHarness } = await import('../support/cloud-harness');
  const harness = await startHarness();
  try {
    const withoutAccount = harness.engine.find('officers').filter((officer) => !officer.userId).map((officer) => officer._id);
    expect(withoutAccount).toEqual([]);
    for (const officer of DEMO_OFFICERS) {
      const persona = DEMO_PERSONAS.find((candidate) => candidate.key === officer.persona);
      expect(persona).toMatchObject({ role: 'officer', stationId: officer.stationId, districtId: DEMO_STATIONS.find((station) => station._id === officer.stationId)?.districtId });
    }
    expect(new Set(DEMO_PERSONAS.map((persona) => persona.openid)).size).toBe(DEMO_PERSONAS.length);
  } finally {
    await harness.close();
  }
});
