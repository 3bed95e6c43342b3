import { openLocalDatabase, type IndexDeclaration, type LocalDatabase } from '../../../local-cloud/database';
import { DECLARED_INDEXES } from '../../../local-cloud/wx-server-sdk/engine';
import { closeTestDatabases, openTestDatabase, tempDir } from './helpers';

afterEach(() => closeTestDatabases());

const FEED_INDEX: IndexDeclaration = {
  collection: 'items',
  name: 'by_tag',
  fields: [
    { field: 'tags', direction: 1 },
    { field: 'publishedAt', direction: -1 },
    { field: '_id', direction: -1 },
  ],
};
const ASCENDING_INDEX: IndexDeclaration = {
  collection: 'items',
  name: 'by_station',
  fields: [
    { field: 'stationId', direction: 1 },
    { field: 'rank', direction: 1 },
    { field: '_id', direction: 1 },
  ],
};

/** A small seeded generator, so a failure can be replayed. */
function random(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
  const int = (max: number) => Math.floor(next() * max);
  const pick = <T>(items: readonly T[]): T => items[int(items.length)] as T;
  return { next, int, pick };
}

const TAGS = ['city', 'district:a', 'station:s1', 'station:s2', 'community:c1', 'community:c2'];
const BASE = Date.UTC(2026, 0, 1);

function randomDoc(rng: ReturnType<typeof random>): Record<string, unknown> {
  const doc: Record<string, unknown> = { status: rng.pick(['published', 'published', 'withdrawn']), stationId: rng.pick(['s1', 's2', 's3']), rank: rng.int(20) };
  const tagShape = rng.int(10);
  if (tagShape < 7) doc.tags = [...new Set(Array.from({ length: 1 + rng.int(3) }, () => rng.pick(TAGS)))];
  else if (tagShape < 9) doc.tags = rng.pick(TAGS);
  // tagShape 9: no tags at all.
  const timeShape = rng.int(20);
  // Mostly dates, with the odd value of another type or an array, which must not fool a range seek.
  if (timeShape < 17) doc.publishedAt = new Date(BASE + rng.int(50) * 60_000);
  else if (timeShape === 17) doc.publishedAt = rng.int(50);
  else if (timeShape === 18) doc.publishedAt = [new Date(BASE + rng.int(50) * 60_000), new Date(BASE + rng.int(50) * 60_000)];
  return doc;
}

async function write(dbs: LocalDatabase[], rng: ReturnType<typeof random>, ids: string[]): Promise<void> {
  const kind = rng.int(10);
  const id = ids.length > 0 && kind >= 5 ? rng.pick(ids) : `d${ids.length}-${rng.int(1000)}`;
  const doc = randomDoc(rng);
  for (const db of dbs) {
    const items = db.api.collection('items');
    if (kind < 5) await items.add({ data: { _id: id, ...doc } });
    else if (kind < 7) await items.doc(id).update({ data: { tags: doc.tags ?? [], publishedAt: doc.publishedAt ?? null } });
    else if (kind < 8) await items.doc(id).remove();
    else if (kind < 9) await items.doc(id).set({ data: doc });
    else {
      await db.api.runTransaction(async (transaction) => {
        await transaction.collection('items').doc(id).set({ data: doc });
      });
    }
  }
  if (kind < 5) ids.push(id);
}

function randomQuery(rng: ReturnType<typeof random>, db: LocalDatabase) {
  const _ = db.api.command;
  const where: Record<string, unknown> = {};
  const tagMode = rng.int(3);
  if (tagMode === 0) where.tags = rng.pick(TAGS);
  else where.tags = _.in([...new Set(Array.from({ length: 1 + rng.int(4) }, () => rng.pick(TAGS)))]);
  if (rng.int(2) === 0) where.status = 'published';
  const cut = new Date(BASE + rng.int(55) * 60_000);
  const range = rng.int(4);
  if (range === 1) where.publishedAt = _.lt(cut);
  else if (range === 2) where.publishedAt = _.lte(cut);
  else if (range === 3) where.publishedAt = _.gte(cut);
  return { where, limit: 1 + rng.int(15), skip: rng.int(3) === 0 ? rng.int(5) : 0 };
}

const idsOf = (docs: Array<{ _id?: unknown }>) => docs.map((doc) => doc._id);

test('results are identical with and without the indexes, over random writes and queries (incl. reopen)', async () => {
  for (const seed of [1, 2, 3, 4, 5]) {
    const rng = random(seed);
    const dirWith = tempDir();
    let indexed = openLocalDatabase({ dir: dirWith, fsync: false, indexes: [FEED_INDEX, ASCENDING_INDEX], autoCompactBytes: 20_000 });
    const plain = openTestDatabase();
    const ids: string[] = [];
    for (let step = 0; step < 400; step++) {
      await write([indexed, plain], rng, ids);
      if (step % 100 === 99) {
        // Snapshot load and journal replay must leave the indexes as live writes did.
        await indexed.close();
        indexed = openLocalDatabase({ dir: dirWith, fsync: false, indexes: [FEED_INDEX, ASCENDING_INDEX], autoCompactBytes: 20_000 });
      }
      if (step % 5 !== 0) continue;
      const query = randomQuery(rng, indexed);
      const run = (db: LocalDatabase) =>
        db.api.collection('items').where(query.where).orderBy('publishedAt', 'desc').orderBy('_id', 'desc').skip(query.skip).limit(query.limit).get();
      const [a, b] = [await run(indexed), await run(plain)];
      expect(indexed.lastQueryPlan()?.plan).toBe('index:by_tag');
      expect(idsOf(a.data)).toEqual(idsOf(b.data));

      // The same index walked backwards serves the reversed order (a scan while some publishedAt is an array).
      const runReversed = (db: LocalDatabase) =>
        db.api.collection('items').where(query.where).orderBy('publishedAt', 'asc').orderBy('_id', 'asc').skip(query.skip).limit(query.limit).get();
      const [e, f] = [await runReversed(indexed), await runReversed(plain)];
      expect(idsOf(e.data)).toEqual(idsOf(f.data));

      const station = rng.pick(['s1', 's2', 's3']);
      const runAscending = (db: LocalDatabase) => db.api.collection('items').where({ stationId: station }).orderBy('rank', 'asc').orderBy('_id', 'asc').limit(query.limit).get();
      const [c, d] = [await runAscending(indexed), await runAscending(plain)];
      expect(indexed.lastQueryPlan()?.plan).toBe('index:by_station');
      expect(idsOf(c.data)).toEqual(idsOf(d.data));
    }
    await indexed.close();
  }
});

test('a query the index does not fit (mixed directions, no key condition) falls back to a scan with the same answer', async () => {
  const db = openTestDatabase({ indexes: [FEED_INDEX] });
  await db.api.collection('items').add({ data: [1, 2, 3].map((n) => ({ _id: `i${n}`, tags: ['city'], publishedAt: new Date(BASE + n) })) });
  const mixed = await db.api.collection('items').where({ tags: 'city' }).orderBy('publishedAt', 'asc').orderBy('_id', 'desc').get();
  expect(db.lastQueryPlan()?.plan).toBe('scan');
  expect(mixed.data.map((doc) => doc._id)).toEqual(['i1', 'i2', 'i3']);
  const reversed = await db.api.collection('items').where({ tags: 'city' }).orderBy('publishedAt', 'asc').get();
  expect(db.lastQueryPlan()?.plan).toBe('index:by_tag');
  expect(reversed.data.map((doc) => doc._id)).toEqual(['i1', 'i2', 'i3']);
  await db.api.collection('items').orderBy('publishedAt', 'desc').orderBy('_id', 'desc').get();
  expect(db.lastQueryPlan()?.plan).toBe('scan');
});

test('the feed query examines about one page of documents, not the collection', async () => {
  const db = openTestDatabase({ indexes: DECLARED_INDEXES });
  const _ = db.api.command;
  const docs = Array.from({ length: 5000 }, (_unused, n) => ({
    _id: `a${String(n).padStart(5, '0')}`,
    status: 'published',
    filterKeys: n % 10 === 0 ? ['city'] : [`community:c${n % 50}`, `station:s${n % 5}`],
    pinKeys: [],
    publishedAt: new Date(BASE + n * 1000),
  }));
  for (let start = 0; start < docs.length; start += 1000) await db.api.collection('articles').add({ data: docs.slice(start, start + 1000) });
  const reader = ['city', 'district:d1', 'station:s1', 'community:c1'];
  const first = await db.api.collection('articles').where({ status: 'published', filterKeys: _.in(reader) }).orderBy('publishedAt', 'desc').orderBy('_id', 'desc').limit(11).get();
  expect(first.data).toHaveLength(11);
  expect(db.lastQueryPlan()).toMatchObject({ plan: 'index:feed_by_filter_key', returned: 11 });
  expect(db.lastQueryPlan()?.docsExamined).toBeLessThanOrEqual(11);

  // A later page seeks to its cursor instead of walking past the pages before it.
  const cursor = first.data[10] as unknown as { publishedAt: Date };
  await db.api
    .collection('articles')
    .where({ status: 'published', filterKeys: _.in(reader), publishedAt: _.lte(cursor.publishedAt) })
    .orderBy('publishedAt', 'desc')
    .orderBy('_id', 'desc')
    .limit(11)
    .get();
  expect(db.lastQueryPlan()?.docsExamined).toBeLessThanOrEqual(12);
});

test('walked backwards, an index answers the reversed order exactly as a scan does', async () => {
  for (const seed of [11, 12, 13]) {
    const rng = random(seed);
    const indexed = openTestDatabase({ indexes: [FEED_INDEX] });
    const plain = openTestDatabase();
    const docs = Array.from({ length: 300 }, (_unused, n) => ({
      _id: `r${n}`,
      status: rng.pick(['published', 'withdrawn']),
      tags: [...new Set(Array.from({ length: 1 + rng.int(3) }, () => rng.pick(TAGS)))],
      publishedAt: new Date(BASE + rng.int(40) * 60_000),
    }));
    for (const db of [indexed, plain]) await db.api.collection('items').add({ data: docs });
    for (let round = 0; round < 40; round++) {
      const query = randomQuery(rng, indexed);
      const run = (db: LocalDatabase) =>
        db.api.collection('items').where(query.where).orderBy('publishedAt', 'asc').orderBy('_id', 'asc').skip(query.skip).limit(query.limit).get();
      const [a, b] = [await run(indexed), await run(plain)];
      expect(indexed.lastQueryPlan()?.plan).toBe('index:by_tag');
      expect(idsOf(a.data)).toEqual(idsOf(b.data));
    }
  }
});

test('a keyword search walks the rarest key of its `all` (search_by_key), and a key no article holds ends it at once', async () => {
  const db = openTestDatabase({ indexes: DECLARED_INDEXES });
  const _ = db.api.command;
  const docs = Array.from({ length: 3000 }, (_unused, n) => ({
    _id: `a${String(n).padStart(5, '0')}`,
    status: 'published',
    filterKeys: ['city'],
    // Every article holds 提醒; one in a hundred also holds 刷单.
    searchKeys: n % 100 === 0 ? ['提醒', '刷单'] : ['提醒', '核实'],
    publishedAt: new Date(BASE + n * 1000),
  }));
  for (let start = 0; start < docs.length; start += 1000) await db.api.collection('articles').add({ data: docs.slice(start, start + 1000) });
  const search = (keys: string[]) =>
    db.api.collection('articles').where({ status: 'published', filterKeys: _.in(['city']), searchKeys: _.all(keys) }).orderBy('publishedAt', 'desc').orderBy('_id', 'desc').limit(11).get();

  const found = await search(['提醒', '刷单']);
  expect(found.data).toHaveLength(11);
  expect(found.data.every((doc) => Number(String(doc._id).slice(1)) % 100 === 0)).toBe(true);
  expect(db.lastQueryPlan()).toMatchObject({ plan: 'index:search_by_key', docsExamined: 11 });

  expect((await search(['提醒', '不存'])).data).toEqual([]);
  expect(db.lastQueryPlan()).toMatchObject({ plan: 'index:search_by_key', docsExamined: 0 });
});
