import { feedOrder, isLocalTo, isVisibleTo } from '@domain/feed-targeting';

const article = (over: Partial<Parameters<typeof isVisibleTo>[0]> = {}) => ({
  districtId: 'd1',
  stationIds: [] as string[],
  communityIds: [] as string[],
  urgent: false,
  publishedAt: new Date('2026-11-01T00:00:00Z'),
  ...over,
});

test('district-wide items reach their district, and readers whose area is unknown', () => {
  expect(isVisibleTo(article(), { districtId: 'd1', stationId: 's1' })).toBe(true);
  expect(isVisibleTo(article(), { districtId: 'd2' })).toBe(false);
  expect(isVisibleTo(article(), {})).toBe(true);
});

test('station and community items reach only those', () => {
  const local = article({ stationIds: ['s1'] });
  expect(isVisibleTo(local, { districtId: 'd1', stationId: 's1' })).toBe(true);
  expect(isVisibleTo(local, { districtId: 'd1', stationId: 's2' })).toBe(false);
  expect(isVisibleTo(local, {})).toBe(false);
  expect(isLocalTo(article({ communityIds: ['c1'] }), { communityId: 'c1' })).toBe(true);
});

test('urgent first, then local, then newest', () => {
  const reader = { districtId: 'd1', stationId: 's1' };
  const old = article({ publishedAt: new Date('2026-10-01') });
  const fresh = article({ publishedAt: new Date('2026-11-20') });
  const local = article({ stationIds: ['s1'], publishedAt: new Date('2026-09-01') });
  const urgent = article({ urgent: true, publishedAt: new Date('2026-08-01') });
  expect([old, fresh, local, urgent].sort(feedOrder(reader))).toEqual([urgent, local, fresh, old]);
});
