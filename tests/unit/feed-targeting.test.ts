import { decodeCursor, encodeCursor, isAfterCursor, isLocalTo, isPinned, isVisibleTo, readerKeys, targetKeysOf } from '@domain/feed-targeting';

const reader = { city: '北京', districtId: 'fengtai', stationId: 'xiluoyuan', communityId: 'xly-2' };

test('a reader matches city, district, station and community items, and nothing aimed elsewhere', () => {
  const keys = readerKeys(reader);
  expect(keys).toEqual(['city:北京', 'district:fengtai', 'station:xiluoyuan', 'community:xly-2']);
  expect(isVisibleTo(targetKeysOf({ scope: 'city', city: '北京' }), keys)).toBe(true);
  expect(isVisibleTo(targetKeysOf({ scope: 'city', city: '杭州' }), keys)).toBe(false);
  expect(isVisibleTo(targetKeysOf({ scope: 'communities', stationId: 'xiluoyuan', communityIds: ['xly-2'] }), keys)).toBe(true);
  expect(isVisibleTo(targetKeysOf({ scope: 'communities', stationId: 'xiluoyuan', communityIds: ['xly-3'] }), keys)).toBe(false);
  expect(isVisibleTo(targetKeysOf({ scope: 'district', districtId: 'gongshu' }), keys)).toBe(false);
});

test('a reader whose area is unknown gets the city-wide items of every city only', () => {
  expect(readerKeys({}, ['北京', '杭州'])).toEqual(['city:北京', 'city:杭州']);
});

test('local means aimed at the reader’s own station or community', () => {
  expect(isLocalTo(['station:xiluoyuan'], reader)).toBe(true);
  expect(isLocalTo(['community:xly-2'], reader)).toBe(true);
  expect(isLocalTo(['district:fengtai'], reader)).toBe(false);
});

test('a pin lasts until its expiry, and only on urgent items', () => {
  const now = new Date('2026-11-23T10:00:00Z');
  expect(isPinned({ urgent: true, pinnedUntil: new Date('2026-11-23T10:00:01Z') }, now)).toBe(true);
  expect(isPinned({ urgent: true, pinnedUntil: now }, now)).toBe(false);
  expect(isPinned({ urgent: false, pinnedUntil: new Date('2026-11-24T00:00:00Z') }, now)).toBe(false);
});

test('cursors round-trip, order ties by id, and reject garbage', () => {
  const cursor = { publishedAt: new Date('2026-11-23T10:00:00.123Z'), id: 'abc_1' };
  expect(decodeCursor(encodeCursor(cursor))).toEqual(cursor);
  expect(decodeCursor('not a cursor')).toBeUndefined();
  expect(isAfterCursor({ publishedAt: cursor.publishedAt, id: 'abc_0' }, cursor)).toBe(true);
  expect(isAfterCursor({ publishedAt: cursor.publishedAt, id: 'abc_1' }, cursor)).toBe(false);
  expect(isAfterCursor({ publishedAt: new Date(cursor.publishedAt.getTime() + 1), id: 'a' }, cursor)).toBe(false);
});
