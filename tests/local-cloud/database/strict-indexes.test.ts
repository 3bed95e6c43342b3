import { indexServes, type IndexDeclaration, type IndexField } from '../../../local-cloud/database/indexes';
import { DECLARED_INDEXES, strictIndexesAbove } from '../../../local-cloud/wx-server-sdk/engine';
import { closeTestDatabases, openTestDatabase, rejectionOf } from './helpers';

afterEach(() => closeTestDatabases());

const BY_STATION_DAY: IndexDeclaration = {
  collection: 'bookings',
  name: 'by_station_day',
  fields: [
    { field: 'stationId', direction: 1 },
    { field: 'day', direction: 1 },
    { field: 'start', direction: 1 },
    { field: '_id', direction: 1 },
  ],
};

const BASE = Date.UTC(2026, 0, 5);

function bookings(count: number) {
  return Array.from({ length: count }, (_unused, n) => ({
    _id: `b${String(n).padStart(4, '0')}`,
    stationId: ['s1', 's2', 's3'][n % 3],
    day: `2026-01-0${5 + (n % 4)}`,
    status: n % 5 === 0 ? 'cancelled' : 'booked',
    accountId: `u${n % 7}`,
    start: new Date(BASE + (n % 11) * 600_000),
  }));
}

describe('strict index mode', () => {
  test('a query no declared index serves is refused, naming collection, filter and sort', async () => {
    const db = openTestDatabase({ indexes: [BY_STATION_DAY], strictIndexesAbove: 5 });
    await db.api.collection('bookings').add({ data: bookings(20) });
    const error = await rejectionOf(db.api.collection('bookings').where({ accountId: 'u1' }).orderBy('start', 'desc').get());
    expect(error.errCode).toBe(-502001);
    expect(error.message).toContain('[STRICT_INDEX]');
    expect(error.message).toContain('collection "bookings"');
    expect(error.message).toContain('filter {"accountId":"u1"}');
    expect(error.message).toContain('sort start desc');
    // Filtered count(), update() and remove() are queries too.
    await expect(db.api.collection('bookings').where({ accountId: 'u1' }).count()).rejects.toThrow('count() on collection "bookings"');
    await expect(db.api.collection('bookings').where({ status: 'cancelled' }).update({ data: { seen: true } })).rejects.toThrow('update() on collection "bookings"');
    await expect(db.api.collection('bookings').where({ status: 'cancelled' }).remove()).rejects.toThrow('remove() on collection "bookings"');
    expect(await db.api.collection('bookings').count()).toMatchObject({ total: 20 });
  });

  test('a declared index serves equality on its leading fields and a sort on the fields after them', async () => {
    const db = openTestDatabase({ indexes: [BY_STATION_DAY], strictIndexesAbove: 5 });
    await db.api.collection('bookings').add({ data: bookings(40) });
    const _ = db.api.command;
    const roster = await db.api.collection('bookings').where({ stationId: 's1', day: '2026-01-06' }).orderBy('start', 'asc').orderBy('_id', 'asc').get();
    expect(db.lastQueryPlan()).toMatchObject({ plan: 'index:by_station_day' });
    const expected = bookings(40)
      .filter((booking) => booking.stationId === 's1' && booking.day === '2026-01-06')
      .sort((a, b) => a.start.getTime() - b.start.getTime() || a._id.localeCompare(b._id))
      .map((booking) => booking._id);
    expect(roster.data.map((doc) => doc._id)).toEqual(expected);
    // The planner walks only the run of that station and day: it examines what it returns.
    expect(db.lastQueryPlan()?.docsExamined).toBe(expected.length);
    // Only the first field pinned, sorted by the next: still served (strict mode agrees).
    await db.api.collection('bookings').where({ stationId: 's2', status: 'booked' }).orderBy('day', 'asc').get();
    await db.api.collection('bookings').where({ stationId: _.in(['s1', 's3']) }).count();
    // A range on the field after the pinned ones, without a sort.
    await db.api.collection('bookings').where({ stationId: 's1', day: _.gte('2026-01-07') }).get();
    // By _id is always served.
    await db.api.collection('bookings').where({ _id: 'b0001', accountId: 'u1' }).get();
    await db.api.collection('bookings').where({ _id: _.in(['b0001', 'b0002']) }).update({ data: { seen: true } });
    // Skipping a field of the index leaves the sort unserved.
    await expect(db.api.collection('bookings').where({ stationId: 's1' }).orderBy('start', 'asc').get()).rejects.toThrow('[STRICT_INDEX]');
  });

  test('small collections are not checked, and databases opened without the option never are', async () => {
    const strict = openTestDatabase({ strictIndexesAbove: 5 });
    await strict.api.collection('bookings').add({ data: bookings(5) });
    await expect(strict.api.collection('bookings').where({ accountId: 'u1' }).get()).resolves.toBeDefined();
    await strict.api.collection('bookings').add({ data: { _id: 'one-more', accountId: 'u1' } });
    await expect(strict.api.collection('bookings').where({ accountId: 'u1' }).get()).rejects.toThrow('[STRICT_INDEX]');
    const relaxed = openTestDatabase();
    await relaxed.api.collection('bookings').add({ data: bookings(50) });
    await expect(relaxed.api.collection('bookings').where({ accountId: 'u1' }).get()).resolves.toBeDefined();
  });

  test('the jest suite and the local cloud run strict; LOCAL_CLOUD_STRICT_INDEXES can change or turn it off', () => {
    expect(strictIndexesAbove(undefined)).toBe(0);
    expect(process.env.LOCAL_CLOUD_STRICT_INDEXES).toBeUndefined();
    expect(strictIndexesAbove('50')).toBe(50);
    expect(strictIndexesAbove('off')).toBeUndefined();
    expect(() => strictIndexesAbove('many')).toThrow('LOCAL_CLOUD_STRICT_INDEXES');
  });

  test('every declared index is usable by the local planner', () => {
    const db = openTestDatabase({ indexes: DECLARED_INDEXES });
    expect(db.collectionNames()).toEqual([]);
    for (const declaration of DECLARED_INDEXES) {
      expect(declaration.fields.length).toBeGreaterThan(0);
      for (const key of declaration.fields) expect([1, -1]).toContain(key.direction);
    }
  });
});

describe('indexServes (how MongoDB under CloudBase would use a compound index)', () => {
  const index: IndexField[] = [
    { field: 'stationId', direction: 1 },
    { field: 'day', direction: 1 },
    { field: 'start', direction: -1 },
  ];
  const asc = (field: string) => ({ field, direction: 1 as const });
  const desc = (field: string) => ({ field, direction: -1 as const });

  test.each([
    ['equality on the first field', { stationId: 's1' }, [], true],
    ['equality on both leading fields, sort on the third', { $and: [{ stationId: 's1' }, { day: 'd' }] }, [desc('start')], true],
    ['the whole sort reversed', { $and: [{ stationId: 's1' }, { day: 'd' }] }, [asc('start')], true],
    ['sort on the fields after the first', { stationId: 's1' }, [asc('day'), desc('start')], true],
    ['mixed directions not declared', { stationId: 's1' }, [asc('day'), asc('start')], false],
    ['in on the first field', { stationId: { $in: ['s1', 's2'] } }, [asc('day')], true],
    ['a range on the first field', { stationId: { $gt: 's' } }, [], true],
    ['sort on an equality-pinned field is free', { $and: [{ stationId: 's1' }, { day: 'd' }] }, [asc('day'), desc('start')], true],
    ['the first field not constrained', { day: 'd' }, [], false],
    ['a sort that skips a field', { stationId: 's1' }, [desc('start')], false],
    ['a sort on a field the index lacks', { stationId: 's1' }, [asc('createdAt')], false],
    ['no filter, sorted by the index', {}, [asc('stationId')], true],
    ['no filter, no sort', {}, [], false],
    ['an $or at the top', { $or: [{ stationId: 's1' }, { day: 'd' }] }, [], false],
  ])('%s', (_name, filter, order, served) => {
    expect(indexServes(index, filter, order)).toBe(served);
  });
});
