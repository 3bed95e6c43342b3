/** @jest-environment node */
import type { CloudDatabase, LocalDatabase } from '../../../local-cloud/database';
import { closeTestDatabases, openTestDatabase, rejectionOf } from './helpers';

let local: LocalDatabase;
let db: CloudDatabase;

const articles = [
  { _id: 'a1', stationId: 's1', status: 'published', views: 10, publishedAt: new Date('2024-01-03'), tags: ['safety', 'fraud'], author: { name: 'Li', level: 2 }, body: 'x'.repeat(50) },
  { _id: 'a2', stationId: 's2', status: 'published', views: 30, publishedAt: new Date('2024-01-01'), tags: ['traffic'], author: { name: 'Wang', level: 1 }, body: 'y' },
  { _id: 'a3', stationId: 's1', status: 'draft', views: 0, publishedAt: null, tags: [], author: { name: 'Li', level: 2 }, body: 'z' },
  { _id: 'a4', stationId: 's3', status: 'published', views: 20, publishedAt: new Date('2024-01-02'), tags: ['fraud'], author: { name: 'Zhao', level: 3 }, body: 'w', pinned: true },
  { _id: 'a5', stationId: 's2', status: 'archived', views: 5, tags: ['safety'], author: { name: 'Wang', level: 1 }, body: 'v', comments: [{ by: 'u1', likes: 3 }, { by: 'u2', likes: 9 }] },
];

beforeEach(async () => {
  local = openTestDatabase();
  db = local.api;
  await db.collection('articles').add({ data: articles });
});

afterEach(closeTestDatabases);

const ids = (result: { data: Array<{ _id: unknown }> }) => result.data.map((doc) => doc._id);

describe('where() with query operators', () => {
  it('matches plain equality and the brief example query', async () => {
    const _ = db.command;
    const result = await db
      .collection('articles')
      .where({ stationId: _.in(['s1', 's2']), status: 'published' })
      .orderBy('publishedAt', 'desc')
      .skip(0)
      .limit(20)
      .field({ body: false })
      .get();
    expect(ids(result)).toEqual(['a1', 'a2']);
    expect(result.data[0]).not.toHaveProperty('body');
    expect(result.data[0]?.publishedAt).toBeInstanceOf(Date);
    expect(result.errMsg).toBe('collection.get:ok');
  });

  it('supports comparison operators, chained and/or', async () => {
    const _ = db.command;
    const c = db.collection('articles');
    expect(ids(await c.where({ views: _.gt(10) }).get())).toEqual(['a2', 'a4']);
    expect(ids(await c.where({ views: _.gte(10) }).get())).toEqual(['a1', 'a2', 'a4']);
    expect(ids(await c.where({ views: _.lt(10) }).get())).toEqual(['a3', 'a5']);
    expect(ids(await c.where({ views: _.lte(5) }).get())).toEqual(['a3', 'a5']);
    expect(ids(await c.where({ views: _.eq(30) }).get())).toEqual(['a2']);
    expect(ids(await c.where({ status: _.neq('published') }).get())).toEqual(['a3', 'a5']);
    expect(ids(await c.where({ stationId: _.nin(['s1', 's2']) }).get())).toEqual(['a4']);
    expect(ids(await c.where({ views: _.gt(1).and(_.lt(25)) }).get())).toEqual(['a1', 'a4', 'a5']);
    expect(ids(await c.where({ views: _.gt(1).lt(25) }).get())).toEqual(['a1', 'a4', 'a5']);
    expect(ids(await c.where({ views: _.lt(5).or(_.gt(25)) }).get())).toEqual(['a2', 'a3']);
    expect(ids(await c.where({ views: _.and(_.gt(1), _.lt(25)) }).get())).toEqual(['a1', 'a4', 'a5']);
    expect(ids(await c.where({ views: _.or([_.eq(0), _.eq(30)]) }).get())).toEqual(['a2', 'a3']);
  });

  it('supports top-level and/or/nor and not', async () => {
    const _ = db.command;
    const c = db.collection('articles');
    expect((await c.where(_.or([{ views: 30 }, { pinned: _.exists(true) }])).count()).total).toBe(2);
    expect(ids(await c.where(_.and([{ stationId: 's1' }, { status: 'published' }])).get())).toEqual(['a1']);
    expect(ids(await c.where(_.nor([{ stationId: 's1' }, { status: 'archived' }])).get())).toEqual(['a2', 'a4']);
    expect(ids(await c.where({ views: _.not(_.gt(5)) }).get())).toEqual(['a3', 'a5']);
    // not() also matches documents without the field, as in MongoDB
    expect(ids(await c.where({ pinned: _.not(_.eq(true)) }).get())).toEqual(['a1', 'a2', 'a3', 'a5']);
  });

  it('supports exists, size, all, elemMatch and array membership', async () => {
    const _ = db.command;
    const c = db.collection('articles');
    expect(ids(await c.where({ publishedAt: _.exists(false) }).get())).toEqual(['a5']);
    expect(ids(await c.where({ tags: _.size(0) }).get())).toEqual(['a3']);
    expect(ids(await c.where({ tags: _.all(['safety', 'fraud']) }).get())).toEqual(['a1']);
    expect(ids(await c.where({ tags: 'fraud' }).get())).toEqual(['a1', 'a4']);
    expect(ids(await c.where({ comments: _.elemMatch({ by: 'u2', likes: _.gt(5) }) }).get())).toEqual(['a5']);
    expect(ids(await c.where({ comments: _.elemMatch({ by: 'u1', likes: _.gt(5) }) }).get())).toEqual([]);
    expect(ids(await c.where({ 'comments.likes': _.gt(5) }).get())).toEqual(['a5']);
  });

  it('flattens nested objects into dot paths (CloudBase semantics)', async () => {
    const _ = db.command;
    const c = db.collection('articles');
    // { author: { name: 'Li' } } matches author.name == 'Li', not the whole sub-document
    expect(ids(await c.where({ author: { name: 'Li' } }).get())).toEqual(['a1', 'a3']);
    expect(ids(await c.where({ 'author.level': _.gte(2) }).get())).toEqual(['a1', 'a3', 'a4']);
    expect(ids(await c.where({ author: { level: _.gt(2) } }).get())).toEqual(['a4']);
  });

  it('supports db.RegExp and JS regular expressions', async () => {
    const c = db.collection('articles');
    expect(ids(await c.where({ 'author.name': db.RegExp({ regexp: '^w', options: 'i' }) }).get())).toEqual(['a2', 'a5']);
    expect(ids(await c.where({ 'author.name': /^Z/ }).get())).toEqual(['a4']);
    expect(ids(await c.where({ 'author.name': new db.RegExp({ regexp: 'a' }) }).get())).toEqual(['a2', 'a4', 'a5']);
  });

  it('matches dates and null like MongoDB', async () => {
    const _ = db.command;
    const c = db.collection('articles');
    expect(ids(await c.where({ publishedAt: _.gte(new Date('2024-01-02')) }).get())).toEqual(['a1', 'a4']);
    expect(ids(await c.where({ publishedAt: new Date('2024-01-01') }).get())).toEqual(['a2']);
    // null matches both null and missing
    expect(ids(await c.where({ publishedAt: null }).get())).toEqual(['a3', 'a5']);
  });

  it('ignores undefined values but rejects an all-undefined query', async () => {
    const c = db.collection('articles');
    expect((await c.where({ stationId: 's1', status: undefined }).count()).total).toBe(2);
    expect(() => c.where({ status: undefined })).toThrow();
  });

  it('accepts raw Mongo operators (the SDK passes them through)', async () => {
    const c = db.collection('articles');
    expect(ids(await c.where({ views: { $gt: 15 } }).get())).toEqual(['a2', 'a4']);
  });

  it('rejects unknown operators with a database error', async () => {
    const error = await rejectionOf(db.collection('articles').where({ views: { $bogus: 1 } }).get());
    expect(error.errCode).toBe(-502002);
    expect(error.message).toMatch(/^collection\.get:fail -502002/);
  });

  it('reads a missing collection as empty', async () => {
    expect((await db.collection('nothing').get()).data).toEqual([]);
    expect((await db.collection('nothing').count()).total).toBe(0);
  });
});

describe('orderBy, skip, limit and the server caps', () => {
  it('sorts on several keys, with missing/null first ascending', async () => {
    const c = db.collection('articles');
    expect(ids(await c.orderBy('publishedAt', 'asc').get())).toEqual(['a3', 'a5', 'a2', 'a4', 'a1']);
    expect(ids(await c.orderBy('stationId', 'asc').orderBy('views', 'desc').get())).toEqual(['a1', 'a3', 'a2', 'a5', 'a4']);
    expect(ids(await c.orderBy('author.level', 'desc').orderBy('_id', 'desc').get())).toEqual(['a4', 'a3', 'a1', 'a5', 'a2']);
  });

  it('sorts array fields by their smallest (asc) or largest (desc) element, empty arrays lowest', async () => {
    await db.collection('arrays').add({ data: [{ _id: 'b', v: [3, 1] }, { _id: 'a', v: [2] }, { _id: 'c', v: [] }, { _id: 'd', v: 9 }, { _id: 'e' }] });
    expect(ids(await db.collection('arrays').orderBy('v', 'asc').get())).toEqual(['c', 'e', 'b', 'a', 'd']);
    expect(ids(await db.collection('arrays').orderBy('v', 'desc').get())).toEqual(['d', 'b', 'a', 'e', 'c']);
  });

  it('applies skip and limit after sorting', async () => {
    const c = db.collection('articles');
    expect(ids(await c.orderBy('views', 'desc').skip(1).limit(2).get())).toEqual(['a4', 'a1']);
    expect(ids(await c.orderBy('views', 'desc').skip(10).get())).toEqual([]);
  });

  it('returns at most 100 documents without limit() and caps limit() at 1000', async () => {
    const many = Array.from({ length: 1200 }, (_, i) => ({ _id: `m${String(i).padStart(4, '0')}`, i }));
    await db.collection('many').add({ data: many });
    const c = db.collection('many');
    expect((await c.get()).data).toHaveLength(100);
    expect((await c.limit(0).get()).data).toHaveLength(100);
    expect((await c.limit(250).get()).data).toHaveLength(250);
    expect((await c.limit(5000).get()).data).toHaveLength(1000);
    expect((await c.count()).total).toBe(1200);
    expect((await c.where({ i: db.command.gte(1100) }).count()).total).toBe(100);
  });

  it('validates skip/limit/orderBy arguments synchronously', () => {
    const c = db.collection('articles');
    expect(() => c.limit(-1)).toThrow();
    expect(() => c.skip(1.5)).toThrow();
    expect(() => c.orderBy('views', 'up' as 'asc')).toThrow();
  });

  it('rejects an answer larger than 1 MB', async () => {
    const big = 'b'.repeat(300 * 1024);
    await db.collection('big').add({ data: [1, 2, 3, 4].map((n) => ({ _id: `b${n}`, big })) });
    const error = await rejectionOf(db.collection('big').get());
    expect(error.errCode).toBe(-602001);
    expect((await db.collection('big').field({ big: false }).get()).data).toHaveLength(4);
  });

  it('measures the answer to the byte: exactly 1 MB passes, one byte more is refused', async () => {
    // Answer `[{"_id":"e1","s":"…"},{"_id":"e2","s":"…"}]`: 3 bytes of brackets and comma, 19 per document beside its text.
    const text = (n: number) => 'e'.repeat(n);
    const first = 512 * 1024 - 19;
    const second = 1024 * 1024 - 3 - 19 - first - 19;
    await db.collection('edge').add({ data: [{ _id: 'e1', s: text(first) }, { _id: 'e2', s: text(second) }] });
    expect((await db.collection('edge').get()).data).toHaveLength(2);
    await db.collection('edge').doc('e2').update({ data: { s: text(second + 1) } });
    expect((await rejectionOf(db.collection('edge').get())).errCode).toBe(-602001);
    // A projection that keeps everything is measured as it is answered.
    expect((await rejectionOf(db.collection('edge').field({ s: true }).get())).errCode).toBe(-602001);
    expect((await db.collection('edge').field({ s: false }).get()).data).toEqual([{ _id: 'e1' }, { _id: 'e2' }]);
  });
});

describe('field() projections', () => {
  it('includes or excludes fields, keeping _id unless excluded', async () => {
    const c = db.collection('articles');
    expect((await c.where({ _id: 'a1' }).field({ views: true, 'author.name': true }).get()).data).toEqual([
      { _id: 'a1', views: 10, author: { name: 'Li' } },
    ]);
    expect((await c.where({ _id: 'a2' }).field({ _id: false, views: 1 }).get()).data).toEqual([{ views: 30 }]);
    const excluded = (await c.where({ _id: 'a5' }).field({ body: false, author: false, 'comments.likes': false }).get()).data[0];
    expect(excluded).toEqual({ _id: 'a5', stationId: 's2', status: 'archived', views: 5, tags: ['safety'], comments: [{ by: 'u1' }, { by: 'u2' }] });
  });

  it('projects inside arrays of sub-documents and supports $slice', async () => {
    const c = db.collection('articles');
    expect((await c.where({ _id: 'a5' }).field({ 'comments.by': true }).get()).data[0]).toEqual({ _id: 'a5', comments: [{ by: 'u1' }, { by: 'u2' }] });
    expect((await c.where({ _id: 'a1' }).field({ tags: { $slice: 1 }, body: false }).get()).data[0]?.tags).toEqual(['safety']);
    const _ = db.command;
    expect((await c.where({ _id: 'a1' }).field({ tags: _.project.slice(-1) }).get()).data[0]).toMatchObject({ tags: ['fraud'], body: 'x'.repeat(50) });
    expect((await c.where({ _id: 'a5' }).field({ comments: _.project.elemMatch({ likes: _.gt(5) }) }).get()).data[0]).toEqual({ _id: 'a5', comments: [{ by: 'u2', likes: 9 }] });
  });

  it('applies to doc().field().get()', async () => {
    const { data } = await db.collection('articles').doc('a4').field({ pinned: true }).get();
    expect(data).toEqual({ _id: 'a4', pinned: true });
  });

  it('refuses mixing inclusion and exclusion', async () => {
    const error = await rejectionOf(db.collection('articles').field({ views: true, body: false }).get());
    expect(error.errCode).toBe(-502001);
  });
});

describe('returned documents are copies', () => {
  it('mutating a result never changes stored data', async () => {
    const { data } = await db.collection('articles').doc('a1').get();
    if (!data) throw new Error('missing');
    (data.author as { name: string }).name = 'changed';
    (data.tags as string[]).push('mutated');
    (data.publishedAt as Date).setFullYear(1999);
    const again = await db.collection('articles').doc('a1').get();
    expect(again.data?.author).toEqual({ name: 'Li', level: 2 });
    expect(again.data?.tags).toEqual(['safety', 'fraud']);
    expect((again.data?.publishedAt as Date).getFullYear()).toBe(2024);
    const listed = await db.collection('articles').where({ _id: 'a1' }).get();
    const listedDoc = listed.data[0];
    if (listedDoc) listedDoc.views = 999;
    expect(local.find('articles', { _id: 'a1' })[0]?.views).toBe(10);
  });

  it('find() takes Mongo-style or command queries and returns copies', () => {
    const _ = db.command;
    expect(local.find('articles', { views: { $gte: 20 } }).map((doc) => doc._id)).toEqual(['a2', 'a4']);
    expect(local.find('articles', { views: _.gte(20), stationId: 's3' }).map((doc) => doc._id)).toEqual(['a4']);
    expect(local.find('articles')).toHaveLength(5);
    const [first] = local.find('articles', { _id: 'a1' });
    if (first) first.views = 1;
    expect(local.find('articles', { _id: 'a1' })[0]?.views).toBe(10);
  });
});
