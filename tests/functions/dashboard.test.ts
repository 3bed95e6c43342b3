/**
 * The station dashboard through the real dashboard function: the timer rolls ended days into
 * station_daily_stats in bounded runs and catches up the days a missed run left; the dashboard
 * reads those days (today computed on the spot) and compares with the previous period. Every
 * figure is computed here again, independently, from the generated records themselves.
 */
import { dashboardActions } from '@domain/actions/dashboard';
import { addDays } from '@domain/dashboard/figures';
import { persona } from '../support/cloud-harness';
import { clockedHarness, failed, ok } from '../support/clocked-harness';
import { generateDashboardDataset, insertDataset } from '../support/dashboard-dataset';

/** A Wednesday, 10:00 Beijing time. */
const NOW = new Date('2026-11-25T10:00:00+08:00');
const harness = clockedHarness(NOW);
const STATION = 'xiluoyuan';
const admin = () => persona('admin-xly').openid;

type Doc = Record<string, any>;
const beijingDay = (at: Date) => new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
const TARGET_MINUTES: Record<string, number> = { urgent: 15, high: 60, normal: 240 };

function nearestRank(values: number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(1, Math.ceil((p / 100) * sorted.length)) - 1]!;
}

/** The figures of [from, to] straight from the records (no code of the function's). */
function expectedFigures(from: string, to: string) {
  const inRange = (at: Date) => beijingDay(at) >= from && beijingDay(at) <= to;
  const find = (collection: string) => harness.engine.find(collection) as Doc[];
  const threads = find('consult_threads').filter((t) => t.stationId === STATION && inRange(t.createdAt));
  const questions = threads.filter((t) => t.kind !== 'bankCheck');
  const messages = find('consult_messages');
  const minutes: number[] = [];
  let withinTarget = 0;
  for (const thread of questions) {
    const replies = messages.filter((m) => m.threadId === thread._id && m.from === 'officer').map((m) => m.createdAt.getTime());
    if (replies.length === 0) continue;
    const waited = Math.round((Math.min(...replies) - thread.createdAt.getTime()) / 60_000);
    minutes.push(waited);
    if (waited <= TARGET_MINUTES[thread.priority]!) withinTarget += 1;
  }
  const byCategory: Record<string, number> = {};
  for (const thread of questions) byCategory[thread.category] = (byCategory[thread.category] ?? 0) + 1;
  const rated = questions.filter((t) => t.rating);
  const bookings = find('bookings').filter((b) => b.stationId === STATION && b.day >= from && b.day <= to && b.status !== 'cancelled');
  const noShows = bookings.filter((b) => b.status === 'noShow').length;
  const checkedIn = bookings.filter((b) => b.status === 'checkedIn').length;
  const stationArticles = new Set(find('articles').filter((a) => a.stationId === STATION).map((a) => a._id));
  const endOfRange = new Date(Date.parse(`${to}T00:00:00+08:00`) + 86_400_000);
  const cases = find('mediation_cases').filter((c) => c.stationId === STATION);
  const acceptedOf = (c: Doc) => c.history.find((e: Doc) => e.type === 'accept' || (e.type === 'open' && e.to === 'accepted'))?.at as Date | undefined;
  const closed = cases.filter((c) => c.status === 'closed' && c.closedAt && inRange(c.closedAt));
  const entries = cases.flatMap((c) => c.history.filter((e: Doc) => inRange(e.at)).map((e: Doc) => ({ ...e, accepted: acceptedOf(c) })));
  const followUps = entries.filter((e) => e.type === 'followUp');
  const agreementDays = entries.filter((e) => e.type === 'agree' && e.accepted).map((e) => (e.at.getTime() - e.accepted.getTime()) / 86_400_000).sort((a, b) => a - b);
  const mid = Math.floor(agreementDays.length / 2);
  const bankChecks = threads.filter((t) => t.bankCheck);
  const protectedChecks = bankChecks.filter((t) => t.bankCheck.outcome === 'stopped' || t.bankCheck.outcome === 'dissuaded');
  const rate = (part: number, whole: number) => (whole === 0 ? null : part / whole);
  return {
    consult: {
      questions: questions.length,
      byCategory,
      answered: minutes.length,
      firstResponseP50Minutes: nearestRank(minutes, 50),
      firstResponseP90Minutes: nearestRank(minutes, 90),
      withinTargetRate: rate(withinTarget, minutes.length),
      escalations: questions.filter((t) => t.escalated).length,
      ratings: rated.length,
      averageRating: rate(rated.reduce((sum, t) => sum + t.rating.stars, 0), rated.length),
      emergencyPrompts: find('routing_decisions').filter((d) => d.stationId === STATION && inRange(d.at) && d.emergency).length,
    },
    booking: {
      bookings: bookings.length,
      noShows,
      noShowRate: rate(noShows, noShows + checkedIn),
      needsBookings: bookings.filter((b) => b.needs.kinds.length > 0).length,
      needsServed: bookings.filter((b) => b.needs.kinds.length > 0 && b.status === 'checkedIn').length,
    },
    antiFraud: {
      newReaders: find('article_readers').filter((r) => stationArticles.has(r.articleId) && inRange(r.at)).length,
      acknowledgements: find('article_acks').filter((r) => stationArticles.has(r.articleId) && inRange(r.at)).length,
      alertSubscribers: find('alert_subscriptions').filter((r) => r.stationId === STATION && r.acceptedAt < endOfRange).length,
    },
    mediation: {
      opened: cases.filter((c) => acceptedOf(c) && inRange(acceptedOf(c)!)).length,
      closed: closed.length,
      resolved: closed.filter((c) => c.outcome === 'resolved').length,
      resolutionRate: rate(closed.filter((c) => c.outcome === 'resolved').length, closed.length),
      settledLocallyRate: rate(closed.filter((c) => !c.referral).length, closed.length),
      agreements: agreementDays.length,
      medianDaysToAgreement: agreementDays.length === 0 ? null : agreementDays.length % 2 ? agreementDays[mid] : (agreementDays[mid - 1]! + agreementDays[mid]!) / 2,
      followUps: followUps.length,
      holdingRate: rate(followUps.filter((e) => e.detail?.result === 'held').length, followUps.length),
    },
    bankChecks: {
      raised: bankChecks.length,
      protectedChecks: protectedChecks.length,
      protectedAmount: protectedChecks.reduce((sum, t) => sum + t.bankCheck.amount, 0),
    },
  };
}

/**
 * The figures read from records that hold them (questions, bookings, readers, mediation, bank
 * checks). Response times, escalations, ratings, 110 prompts and the rest that count events are
 * proven with a history lived through the real actions (dashboard-figures.test.ts).
 */
function recordFigures(from: string, to: string) {
  const { consult, booking, ...rest } = expectedFigures(from, to);
  // Slot use is of every place the hall offered (dashboard-figures.test.ts, through real bookings).
  return { ...rest, booking, consult: { questions: consult.questions, byCategory: consult.byCategory } };
}

async function seed(): Promise<void> {
  await insertDataset(harness.engine, generateDashboardDataset({ stationId: STATION, from: '2026-10-20', to: '2026-11-25', questionsPerDay: 12, bookingsPerDay: 10, until: NOW }));
}

async function runTimerUntilDone(): Promise<number> {
  let runs = 0;
  for (;;) {
    runs += 1;
    const result = ok(await harness.timer('dashboard', 'rollUpDailyStats') as never as { ok: true; data: { done: boolean } });
    if (result.done || runs > 30) return runs;
  }
}

const storedDays = () => (harness.engine.find('station_daily_stats') as Doc[]).filter((d) => d.stationId === STATION).map((d) => d.day).sort();

test('the timer stores each ended day; a missed run is caught up by the next, and the stored days add up to the records', async () => {
  await seed();
  // The timer had done every day before 11-10 when it ran last.
  await (harness.engine.api.collection('timer_cursors').doc('dashboard-daily-stats').set({ data: { day: '2026-11-10', afterId: '' } }) as Promise<unknown>);
  jest.setSystemTime(new Date('2026-11-14T00:10:00+08:00'));
  await runTimerUntilDone();
  expect(storedDays()).toEqual(['2026-11-10', '2026-11-11', '2026-11-12', '2026-11-13']);

  // Five days without a run (the trigger was off): the next run catches up, it does not skip.
  jest.setSystemTime(new Date('2026-11-20T00:10:00+08:00'));
  await runTimerUntilDone();
  expect(storedDays()).toEqual(['2026-11-10', '2026-11-11', '2026-11-12', '2026-11-13', '2026-11-14', '2026-11-15', '2026-11-16', '2026-11-17', '2026-11-18', '2026-11-19']);
  // Every station is rolled up, each day once.
  const ids = (harness.engine.find('station_daily_stats') as Doc[]).map((d) => d._id);
  expect(new Set(ids).size).toBe(ids.length);
  expect(ids).toContain('kangqiao:2026-11-19');

  // Each stored day of the station matches its records.
  const stored = (harness.engine.find('station_daily_stats') as Doc[]).find((d) => d._id === `${STATION}:2026-11-17`)!;
  const expected = expectedFigures('2026-11-17', '2026-11-17');
  expect(stored.consult.questions).toBe(expected.consult.questions);
  expect(stored.booking.bookings).toBe(expected.booking.bookings);
  expect(stored.bankChecks.protectedAmount).toBe(expected.bankChecks.protectedAmount);
  expect(expected.consult.questions).toBeGreaterThan(5);

  // A run with nothing left to do writes nothing.
  const before = JSON.stringify(harness.engine.find('station_daily_stats'));
  expect(ok(await harness.timer('dashboard', 'rollUpDailyStats') as never as { ok: true; data: { rolledUp: number; done: boolean } })).toMatchObject({ rolledUp: 0, done: true });
  expect(JSON.stringify(harness.engine.find('station_daily_stats'))).toBe(before);
});

test('the dashboard of a period (today included) and the previous one equal the figures computed from the records', async () => {
  await seed();
  await (harness.engine.api.collection('timer_cursors').doc('dashboard-daily-stats').set({ data: { day: '2026-10-20', afterId: '' } }) as Promise<unknown>);
  await runTimerUntilDone();
  expect(storedDays().at(-1)).toBe('2026-11-24');

  const view = ok(await harness.call(admin(), dashboardActions.stationDashboard, { stationId: STATION, period: 'custom', from: '2026-11-09', to: '2026-11-25' }));
  expect(view.current).toEqual({ from: '2026-11-09', to: '2026-11-25' });
  expect(view.previous).toEqual({ from: '2026-10-23', to: '2026-11-08' });
  expect(view.pendingDays).toBe(0);
  expect(view.figures).toMatchObject({ days: 17, ...recordFigures('2026-11-09', '2026-11-25') });
  expect(view.previousFigures).toMatchObject({ days: 17, ...recordFigures('2026-10-23', '2026-11-08') });
  expect(view.series).toHaveLength(17);
  expect(view.series.at(-1)).toEqual({ day: '2026-11-25', questions: view.figures.consult.questions - view.series.slice(0, -1).reduce((sum, point) => sum + point.questions, 0), bookings: expect.any(Number) });
  // The previous period's days, in order, sum to its figures (the chart's dashed line).
  expect(view.previousSeries.map((point) => point.day)).toEqual(Array.from({ length: 17 }, (_, index) => addDays('2026-10-23', index)));
  expect(view.previousSeries.reduce((sum, point) => sum + point.questions, 0)).toBe(view.previousFigures.consult.questions);
  expect(view.previousSeries.reduce((sum, point) => sum + point.bookings, 0)).toBe(view.previousFigures.booking.bookings);

  // This week: Monday 11-23 to today, compared with Monday to Wednesday of the week before.
  const week = ok(await harness.call(admin(), dashboardActions.stationDashboard, { stationId: STATION, period: 'thisWeek' }));
  expect(week.current).toEqual({ from: '2026-11-23', to: '2026-11-25' });
  expect(week.previous).toEqual({ from: '2026-11-16', to: '2026-11-18' });
  expect(week.figures).toMatchObject({ days: 3, ...recordFigures('2026-11-23', '2026-11-25') });
});

test('only the station\'s admins (and their district\'s) open its dashboard; a custom range needs both ends', async () => {
  expect(failed(await harness.call(persona('officer-beat-xly').openid, dashboardActions.stationDashboard, { stationId: STATION, period: 'month' })).code).toBe('FORBIDDEN');
  expect(failed(await harness.call(persona('admin-gongshu').openid, dashboardActions.stationDashboard, { stationId: STATION, period: 'month' })).code).toBe('FORBIDDEN');
  expect(failed(await harness.call(admin(), dashboardActions.stationDashboard, { stationId: 'kangqiao', period: 'month' })).code).toBe('FORBIDDEN');
  expect(failed(await harness.call(admin(), dashboardActions.stationDashboard, { stationId: STATION, period: 'custom', from: '2026-11-09' })).code).toBe('INVALID_INPUT');
  const month = ok(await harness.call(admin(), dashboardActions.stationDashboard, { stationId: STATION, period: 'month' }));
  expect(month.current).toEqual({ from: '2026-11-01', to: '2026-11-25' });
  expect(month.previous).toEqual({ from: '2026-10-01', to: '2026-10-25' });
});
