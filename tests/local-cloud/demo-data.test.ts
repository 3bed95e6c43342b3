import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { closeLocalDatabase, localDatabase } from '@local-cloud/wx-server-sdk/engine';
import { configureLocalCloud } from '@local-cloud/wx-server-sdk/state';
import { loadDemoData, topUpDemoRoster } from '@local-cloud/seed/load-demo-data';
import { userIdFor } from '@platform/cloud/identity';

const DAY = 86_400_000;

const REAL_TIMERS = ['nextTick', 'setImmediate', 'clearImmediate', 'setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'queueMicrotask', 'hrtime', 'performance'] as const;

test('demo data loads once; a later start repeats the latest week of each roster so someone is on duty', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fq-demo-'));
  process.env.LOCAL_CLOUD_FSYNC = '0';
  configureLocalCloud({ dataDir: dir, envId: 'test-env', publicUrl: 'http://127.0.0.1:0' });
  const loadedAt = new Date('2026-10-01T09:00:00+08:00');
  jest.useFakeTimers({ now: loadedAt, doNotFake: [...REAL_TIMERS] });
  try {
    const engine = localDatabase();
    expect(await loadDemoData(engine)).toBe(true);
    expect(await loadDemoData(engine)).toBe(false);

    const later = new Date(loadedAt.getTime() + 30 * DAY);
    jest.setSystemTime(later);
    const onDutyLater = () => engine.find('duty_shifts').filter((shift) => (shift.start as Date) <= later && (shift.end as Date) > later);
    expect(onDutyLater()).toHaveLength(0);
    expect(await topUpDemoRoster(engine, later)).toBeGreaterThan(0);
    expect(onDutyLater().length).toBeGreaterThan(0);
    expect(await topUpDemoRoster(engine, later)).toBe(0);
    // Repeated as each station's admin would: recorded in the audit log like any roster change.
    expect(engine.find('audit_log', { type: 'roster.week-repeated' }).length).toBeGreaterThan(0);
  } finally {
    jest.useRealTimers();
    await closeLocalDatabase();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('the demo stations are set up through the actions: officers registered by invite, communities with their codes', async () => {
  const { startHarness, officerIdOf } = await import('../support/cloud-harness');
  const harness = await startHarness();
  try {
    expect(harness.engine.find('invites', { role: 'officer' }).every((invite) => invite.usedBy)).toBe(true);
    expect(harness.engine.find('officers', { _id: officerIdOf('officer-beat-xly') })).toEqual([expect.objectContaining({ title: '赵警官', communityIds: ['xly-2'], postId: 'xly-north', phone: '010-6721 0131' })]);
    expect(harness.engine.find('communities', { _id: 'xly-2' })).toEqual([expect.objectContaining({ stationId: 'xiluoyuan', postId: 'xly-north' })]);
    expect(harness.engine.find('audit_log', { type: 'community.created' })).toHaveLength(13);
  } finally {
    await harness.close();
  }
});

test('every demo officer who can be routed to can sign in as a persona, of their own station and district', async () => {
  const { DEMO_OFFICERS, DEMO_PERSONAS, DEMO_STATIONS } = await import('@local-cloud/seed/demo-data');
  const { startHarness } = await import('../support/cloud-harness');
  const harness = await startHarness();
  try {
    const withoutAccount = harness.engine.find('officers').filter((officer) => !officer.userId).map((officer) => officer._id);
    expect(withoutAccount).toEqual([]);
    for (const officer of DEMO_OFFICERS) {
      expect(harness.engine.find('officers', { userId: userIdFor(DEMO_PERSONAS.find((candidate) => candidate.key === officer.persona)?.openid ?? '') })).toHaveLength(1);
      const persona = DEMO_PERSONAS.find((candidate) => candidate.key === officer.persona);
      expect(persona).toMatchObject({ role: 'officer', stationId: officer.stationId, districtId: DEMO_STATIONS.find((station) => station._id === officer.stationId)?.districtId });
    }
    expect(new Set(DEMO_PERSONAS.map((persona) => persona.openid)).size).toBe(DEMO_PERSONAS.length);
  } finally {
    await harness.close();
  }
});

test('the demo articles are published through the feed function by their officers, each at its date, checked by content security', async () => {
  const { demoPublications } = await import('@local-cloud/seed/demo-articles');
  const { DEMO_PERSONAS } = await import('@local-cloud/seed/demo-data');
  const { readContentSecurityAudit } = await import('@local-cloud/wechat');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fq-demo-articles-'));
  process.env.LOCAL_CLOUD_FSYNC = '0';
  configureLocalCloud({ dataDir: dir, envId: 'test-env', publicUrl: 'http://127.0.0.1:0' });
  const loadedAt = new Date('2026-11-23T10:00:00+08:00');
  jest.useFakeTimers({ now: loadedAt, doNotFake: [...REAL_TIMERS] });
  try {
    const engine = localDatabase();
    expect(await loadDemoData(engine)).toBe(true);
    // The clock the load found is the clock it leaves (here the test's own fake one).
    expect(Math.abs(Date.now() - loadedAt.getTime())).toBeLessThan(60_000);

    const expected = demoPublications(loadedAt);
    const stored = engine.find('articles');
    expect(stored).toHaveLength(expected.length);
    const checked = readContentSecurityAudit();
    for (const { draft, persona, stationId, publishedAt } of expected) {
      const openid = DEMO_PERSONAS.find((candidate) => candidate.key === persona)?.openid ?? '';
      const article = stored.find((candidate) => candidate.title === draft.title);
      expect(article).toMatchObject({ stationId, authorId: userIdFor(openid), status: 'published', urgent: draft.urgent });
      // Published at its moment: the action's own clock, within the second the call took.
      expect(Math.abs((article?.publishedAt as Date).getTime() - publishedAt.getTime())).toBeLessThan(1000);
      expect(checked.some((entry) => entry.openid === openid && entry.suggest === 'pass' && entry.excerpt.startsWith(draft.title))).toBe(true);
    }
    // Urgent alerts were fanned out when published, to nobody: residents opt in themselves, later.
    expect(engine.find('alert_fanouts').map((job) => job.status)).toEqual(['done', 'done', 'done']);
    expect(engine.find('alert_deliveries')).toEqual([]);
  } finally {
    jest.useRealTimers();
    await closeLocalDatabase();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
