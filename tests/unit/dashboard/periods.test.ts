import { percentile, periodRanges, sumDays, emptyStationDay } from '@domain/dashboard/figures';

test('each period comes with the one before it to compare with', () => {
  // 2026-11-25 is a Wednesday.
  expect(periodRanges('thisWeek', '2026-11-25')).toEqual({ current: { from: '2026-11-23', to: '2026-11-25' }, previous: { from: '2026-11-16', to: '2026-11-18' } });
  expect(periodRanges('lastWeek', '2026-11-25')).toEqual({ current: { from: '2026-11-16', to: '2026-11-22' }, previous: { from: '2026-11-09', to: '2026-11-15' } });
  // A Sunday belongs to the week that began on the Monday before.
  expect(periodRanges('thisWeek', '2026-11-29').current).toEqual({ from: '2026-11-23', to: '2026-11-29' });
  expect(periodRanges('month', '2026-03-31')).toEqual({ current: { from: '2026-03-01', to: '2026-03-31' }, previous: { from: '2026-02-01', to: '2026-02-28' } });
  expect(periodRanges('quarter', '2026-11-25')).toEqual({ current: { from: '2026-10-01', to: '2026-11-25' }, previous: { from: '2026-07-01', to: '2026-08-25' } });
  expect(periodRanges('quarter', '2026-02-10')).toEqual({ current: { from: '2026-01-01', to: '2026-02-10' }, previous: { from: '2025-10-01', to: '2025-11-10' } });
  expect(periodRanges('custom', '2026-11-25', { from: '2026-11-01', to: '2026-11-10' }).previous).toEqual({ from: '2026-10-22', to: '2026-10-31' });
});

test('percentiles by nearest rank; a figure with nothing to count is null, not 0', () => {
  expect(percentile([5, 1, 3, 2, 4], 50)).toBe(3);
  expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 90)).toBe(9);
  expect(percentile([], 50)).toBeNull();
  const figures = sumDays([emptyStationDay('s', '2026-11-01')]);
  expect(figures.consult.withinTargetRate).toBeNull();
  expect(figures.booking.utilisation).toBeNull();
  expect(figures.mediation.resolutionRate).toBeNull();
});

test('subscribers are the level at the end of the period, not a sum of days', () => {
  const day = (date: string, subscribers: number) => ({ ...emptyStationDay('s', date), antiFraud: { newReaders: 1, acknowledgements: 0, alertSubscribers: subscribers } });
  const figures = sumDays([day('2026-11-02', 12), day('2026-11-01', 10)]);
  expect(figures.antiFraud).toMatchObject({ newReaders: 2, acknowledgements: 0, alertSubscribers: 12 });
});

test('a period counts a person once across its days, and per officer and community keeps each one\'s own percentiles', () => {
  const day = (date: string, readers: string[], responses: { minutes: number; officerId: string; communityId: string }[]) => {
    const base = emptyStationDay('s', date);
    return {
      ...base,
      consult: { ...base.consult, responses: responses.map((response) => ({ ...response, withinTarget: response.minutes <= 60 })), firstResponseMinutes: responses.map((response) => response.minutes) },
      antiFraud: { ...base.antiFraud, newReaders: readers.length, readerKeys: readers },
    };
  };
  const figures = sumDays([
    day('2026-11-01', ['a', 'b'], [{ minutes: 10, officerId: 'o1', communityId: 'c1' }, { minutes: 90, officerId: 'o2', communityId: 'c1' }]),
    day('2026-11-02', ['b', 'c'], [{ minutes: 30, officerId: 'o1', communityId: 'c2' }]),
  ]);
  expect(figures.antiFraud.newReaders).toBe(4);
  expect(figures.antiFraud.uniqueReaders).toBe(3);
  expect(figures.consult.byOfficer).toEqual([
    { id: 'o1', name: '民警', answered: 2, p50Minutes: 10, p90Minutes: 30, withinTargetRate: 1 },
    { id: 'o2', name: '民警', answered: 1, p50Minutes: 90, p90Minutes: 90, withinTargetRate: 0 },
  ]);
  expect(figures.consult.byCommunity.map((community) => [community.id, community.answered, community.p90Minutes])).toEqual([['c1', 2, 90], ['c2', 1, 30]]);
});
