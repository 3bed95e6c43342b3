import { figuresPeriod, formatRate, mediationFigures, mediationFiguresBy, newCaseState, transition, type CaseEvent, type CaseFacts, type CaseState } from '@domain/mediation';

const by = { userId: 'u', label: '民警' };
const day = (n: number) => new Date(Date.UTC(2026, 9, 1) + n * 86_400_000);

function run(events: [CaseEvent, number][], openedDay: number, status: 'requested' | 'accepted' = 'accepted'): CaseState {
  let state = newCaseState(status, day(openedDay), by);
  for (const [event, when] of events) {
    const result = transition(state, event, day(when), by);
    if (!result.ok) throw new Error(result.reason);
    state = result.state;
  }
  return state;
}

const facts = (state: CaseState, extra: Partial<CaseFacts> = {}): CaseFacts => ({
  stationId: 'xiluoyuan',
  communityId: 'xly-2',
  ownerOfficerId: 'o-zhao',
  status: state.status,
  ...(state.outcome ? { outcome: state.outcome } : {}),
  ...(state.referral ? { referral: state.referral } : {}),
  ...(state.closedAt ? { closedAt: state.closedAt } : {}),
  history: state.history,
  ...extra,
});

const convened = (id: string, when: number): [CaseEvent, number] => [{ type: 'convene', sessionId: id }, when];
const terms = (when: number): [CaseEvent, number] => [{ type: 'proposeAgreement', terms: 2 }, when];
const agree = (when: number): [CaseEvent, number] => [{ type: 'agree', followUpDays: 7 }, when];
const followUp = (result: 'held' | 'partlyHeld' | 'broken', when: number): [CaseEvent, number] => [{ type: 'followUp', result }, when];

describe('mediation figures', () => {
  const october = { from: day(0), to: day(31) };
  // A: agreed after 4 days, held at 回访 → 化解.
  const a = run([convened('a1', 1), terms(2), agree(4), followUp('held', 11)], 0);
  // B: agreed after 2 days, broken at 回访, agreed again on day 20 (10 days after acceptance), still waiting for the 回访.
  const b = run([convened('b1', 11), terms(12), agree(12), followUp('broken', 19), terms(20), agree(20)], 10);
  // C: closed 未化解 and referred to the 人民调解委员会.
  const c = run([convened('c1', 6), [{ type: 'close', outcome: 'unresolved', referral: 'peoplesMediation' }, 8]], 5);
  // D: closed 部分化解 without a referral.
  const d = run([[{ type: 'close', outcome: 'partlyResolved' }, 3]], 2);
  // E: a resident's request, declined: never a case.
  const e = run([[{ type: 'decline', reason: '已在法院起诉' }, 4]], 3, 'requested');
  // F: a request accepted on 15 October, opened in September.
  const f = run([[{ type: 'accept' }, 14]], -20, 'requested');
  // G: accepted and closed in September: outside the period.
  const g = run([[{ type: 'close', outcome: 'resolved' }, -5]], -10);

  const all = [a, b, c, d, e, f, g].map((state) => facts(state));

  test('counts and rates of a period', () => {
    const figures = mediationFigures(all, october);
    expect(figures.opened).toBe(5); // a, b, c, d, f (e was declined, g was September)
    expect(figures.closed).toBe(3); // a, c, d
    expect(figures.resolved).toBe(1);
    expect(figures.partlyResolved).toBe(1);
    expect(figures.unresolved).toBe(1);
    expect(figures.referred).toBe(1);
    expect(figures.resolutionRate).toBeCloseTo(1 / 3);
    expect(figures.settledLocallyRate).toBeCloseTo(2 / 3);
    // a: 4 days; b: 2 days, and 10 days for the second agreement.
    expect(figures.agreements).toBe(3);
    expect(figures.meanDaysToAgreement).toBeCloseTo(16 / 3);
    expect(figures.medianDaysToAgreement).toBe(4);
    expect(figures.followUps).toBe(2);
    expect(figures.followUpsHeld).toBe(1);
    expect(figures.holdingRate).toBe(0.5);
  });

  test('the period bounds: from included, to excluded', () => {
    const firstWeek = mediationFigures(all, { from: day(0), to: day(4) });
    // Only d closed before day 4; a's agreement on day 4 falls outside.
    expect(firstWeek.closed).toBe(1);
    expect(firstWeek.agreements).toBe(0);
    expect(mediationFigures(all, { from: day(4), to: day(5) }).agreements).toBe(1);
  });

  test('nothing to divide by gives no rate, not 0 %', () => {
    const empty = mediationFigures([], october);
    expect(empty.resolutionRate).toBeNull();
    expect(empty.settledLocallyRate).toBeNull();
    expect(empty.holdingRate).toBeNull();
    expect(empty.medianDaysToAgreement).toBeNull();
    expect(formatRate(empty.resolutionRate)).toBe('—');
    expect(formatRate(2 / 3)).toBe('66.7%');
  });

  test('per community and per officer', () => {
    const grouped = [facts(a), facts(c, { communityId: 'xly-3', ownerOfficerId: 'o-liu' }), facts(d, { communityId: 'xly-3', ownerOfficerId: 'o-liu' })];
    const byCommunity = mediationFiguresBy(grouped, october, 'community');
    expect([...byCommunity.keys()]).toEqual(['xly-2', 'xly-3']);
    expect(byCommunity.get('xly-2')?.resolutionRate).toBe(1);
    expect(byCommunity.get('xly-3')?.resolutionRate).toBe(0);
    expect(byCommunity.get('xly-3')?.settledLocallyRate).toBe(0.5);
    const byOfficer = mediationFiguresBy(grouped, october, 'officer');
    expect(byOfficer.get('o-liu')?.closed).toBe(2);
    expect(mediationFiguresBy(grouped, october, 'station').get('xiluoyuan')?.closed).toBe(3);
  });
});

describe('calendar periods, in Beijing time by the cloud clock', () => {
  const bounds = (kind: Parameters<typeof figuresPeriod>[0], now: string) => {
    const period = figuresPeriod(kind, new Date(now));
    return [period.from.toISOString(), period.to.toISOString(), period.label];
  };
  // 01:00 on New Year's Day in Beijing is still the old year in UTC.
  const newYear = '2026-12-31T17:00:00Z';

  test('this year, quarter and month follow Beijing’s calendar, not the server’s', () => {
    expect(bounds('thisYear', newYear)).toEqual(['2026-12-31T16:00:00.000Z', '2027-12-31T16:00:00.000Z', '2027 年']);
    expect(bounds('thisQuarter', newYear)).toEqual(['2026-12-31T16:00:00.000Z', '2027-03-31T16:00:00.000Z', '2027 年第 1 季度']);
    expect(bounds('thisMonth', newYear)).toEqual(['2026-12-31T16:00:00.000Z', '2027-01-31T16:00:00.000Z', '2027 年 1 月']);
  });

  test('last month crosses into the previous year, and a quarter ends where the next begins', () => {
    expect(bounds('lastMonth', newYear)).toEqual(['2026-11-30T16:00:00.000Z', '2026-12-31T16:00:00.000Z', '2026 年 12 月']);
    expect(bounds('thisQuarter', '2026-11-25T02:00:00Z')).toEqual(['2026-09-30T16:00:00.000Z', '2026-12-31T16:00:00.000Z', '2026 年第 4 季度']);
    expect(bounds('lastMonth', '2026-03-01T00:30:00+08:00')).toEqual(['2026-01-31T16:00:00.000Z', '2026-02-28T16:00:00.000Z', '2026 年 2 月']);
  });
});
