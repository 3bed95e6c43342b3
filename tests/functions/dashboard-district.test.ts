/**
 * 分局's side-by-side view (dashboard.districtComparison) through the real function: every
 * station of the district for the same period, each row equal to that station's own dashboard
 * and its question count equal to the records; only the district's own admins may open it.
 */
import { dashboardActions } from '@domain/actions/dashboard';
import { persona } from '../support/cloud-harness';
import { clockedHarness, failed, ok } from '../support/clocked-harness';
import { generateDashboardDataset, insertDataset } from '../support/dashboard-dataset';

/** A Wednesday, 10:00 Beijing time. */
const NOW = new Date('2026-11-25T10:00:00+08:00');
const harness = clockedHarness(NOW);
const DISTRICT = 'gongshu';
const districtAdmin = () => persona('admin-gongshu').openid;

type Doc = Record<string, any>;
const beijingDay = (at: Date) => new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);

async function runTimerUntilDone(): Promise<void> {
  for (let runs = 0; runs < 40; runs += 1) {
    const result = ok(await harness.timer('dashboard', 'rollUpDailyStats') as never as { ok: true; data: { done: boolean } });
    if (result.done) return;
  }
  throw new Error('the timer did not catch up');
}

test('a district admin sees every station of the district side by side, each equal to its own dashboard and its records', async () => {
  const stations = (harness.engine.find('stations') as Doc[]).filter((station) => station.districtId === DISTRICT);
  expect(stations.length).toBeGreaterThanOrEqual(3);
  const [busy, quiet] = stations.map((station) => station._id as string);
  await insertDataset(harness.engine, generateDashboardDataset({ stationId: busy!, from: '2026-11-01', to: '2026-11-25', questionsPerDay: 9, bookingsPerDay: 6, until: NOW, seed: 3 }));
  await insertDataset(harness.engine, generateDashboardDataset({ stationId: quiet!, from: '2026-11-01', to: '2026-11-25', questionsPerDay: 2, bookingsPerDay: 1, until: NOW, seed: 5 }));
  await (harness.engine.api.collection('timer_cursors').doc('dashboard-daily-stats').set({ data: { day: '2026-11-01', afterId: '' } }) as Promise<unknown>);
  await runTimerUntilDone();

  const view = ok(await harness.call(districtAdmin(), dashboardActions.districtComparison, { districtId: DISTRICT, period: 'custom', from: '2026-11-16', to: '2026-11-25' }));
  expect(view.current).toEqual({ from: '2026-11-16', to: '2026-11-25' });
  expect(view.previous).toEqual({ from: '2026-11-06', to: '2026-11-15' });
  expect(view.pendingDays).toBe(0);
  expect(view.stations.map((row) => row.stationId).sort()).toEqual(stations.map((station) => station._id).sort());

  const threads = harness.engine.find('consult_threads') as Doc[];
  for (const row of view.stations) {
    const own = ok(await harness.call(districtAdmin(), dashboardActions.stationDashboard, { stationId: row.stationId, period: 'custom', from: '2026-11-16', to: '2026-11-25' }));
    expect(row.stationName).toBe(own.stationName);
    expect(row.figures).toEqual(own.figures);
    expect(row.previousFigures).toEqual(own.previousFigures);
    const asked = threads.filter((thread) => thread.stationId === row.stationId && thread.kind !== 'bankCheck' && beijingDay(thread.createdAt) >= '2026-11-16' && beijingDay(thread.createdAt) <= '2026-11-25');
    expect(row.figures.consult.questions).toBe(asked.length);
  }
  const byId = new Map(view.stations.map((row) => [row.stationId, row]));
  expect(byId.get(busy!)!.figures.consult.questions).toBeGreaterThan(byId.get(quiet!)!.figures.consult.questions);
  expect(byId.get(busy!)!.figures.booking.bookings).toBeGreaterThan(0);
});

test('only the district\'s own admins compare its stations', async () => {
  expect(failed(await harness.call(persona('admin-xly').openid, dashboardActions.districtComparison, { districtId: DISTRICT, period: 'thisWeek' })).code).toBe('FORBIDDEN');
  expect(failed(await harness.call(persona('admin-xly').openid, dashboardActions.districtComparison, { districtId: 'fengtai', period: 'thisWeek' })).code).toBe('FORBIDDEN');
  expect(failed(await harness.call(persona('officer-beat-bs').openid, dashboardActions.districtComparison, { districtId: DISTRICT, period: 'thisWeek' })).code).toBe('FORBIDDEN');
  expect(failed(await harness.call(districtAdmin(), dashboardActions.districtComparison, { districtId: 'fengtai', period: 'thisWeek' })).code).toBe('FORBIDDEN');
  expect(failed(await harness.call(districtAdmin(), dashboardActions.districtComparison, { districtId: DISTRICT, period: 'custom', to: '2026-11-20' })).code).toBe('INVALID_INPUT');
  const week = ok(await harness.call(districtAdmin(), dashboardActions.districtComparison, { districtId: DISTRICT, period: 'thisWeek' }));
  expect(week.current).toEqual({ from: '2026-11-23', to: '2026-11-25' });
  expect(week.stations.length).toBeGreaterThanOrEqual(3);
});
