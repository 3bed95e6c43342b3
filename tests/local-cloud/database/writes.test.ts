/** @jest-environment node */
import type { CloudDatabase, LocalDatabase } from '../../../local-cloud/database';
import { closeTestDatabases, openTestDatabase, rejectionOf } from './helpers';

let local: LocalDatabase;
let db: CloudDatabase;

beforeEach(() => {
  local = openTestDatabase();
  db = local.api;
});

afterEach(closeTestDatabases);

async function stored(collection: string, id: string) {
  return (await db.collection(collection).doc(id).get()).data;
}

describe('add()', () => {
  it('keeps a given _id, generates a 32-hex one otherwise, and does not set _openid', async () => {
    expect(await db.collection('users').add({ data: { _id: 'x', name: 'a' } })).toEqual({ _id: 'x', errMsg: 'collection.add:ok' });
    const { _id } = await db.collection('users').add({ data: { name: 'b' } });
    expect(_id).toMatch(/^[0-9a-f]{32}$/);
    expect(await stored('users', String(_id))).toEqual({ _id, name: 'b' });
  });

  it('rejects a duplicate _id with a database error and writes nothing', async () => {
    await db.collection('users').add({ data: { _id: 'x', name: 'a' } });
    const error = await rejectionOf(db.collection('users').add({ data: { _id: 'x', name: 'other' } }));
    expect(error).toBeInstanceOf(Error);
    expect(error.errCode).toBe(-502001);
    expect(error.errMsg).toMatch(/^collection\.add:fail -502001 .*duplicate key/);
    expect(await stored('users', 'x')).toEqual({ _id: 'x', name: 'a' });
  });

  it('adds an array of documents atomically (all or none)', async () => {
    expect((await db.collection('users').add({ data: [{ _id: 'p' }, { _id: 'q' }] }))._ids).toEqual(['p', 'q']);
    await rejectionOf(db.collection('users').add({ data: [{ _id: 'r' }, { _id: 'p' }] }));
    expect((await db.collection('users').count()).total).toBe(2);
  });

  it('stores serverDate as a Date at write time, with offset', async () => {
    const before = Date.now();
    await db.collection('users').add({ data: { _id: 'd', at: db.serverDate(), later: db.serverDate({ offset: 60_000 }) } });
    const doc = await stored('users', 'd');
    expect(doc?.at).toBeInstanceOf(Date);
    const at = (doc?.at as Date).getTime();
    expect(at).toBeGreaterThanOrEqual(before);
    expect((doc?.later as Date).getTime() - at).toBe(60_000);
  });

  it('refuses documents over 512 KB, field names starting with $, and commands as values', async () => {
    const tooBig = await rejectionOf(db.collection('users').add({ data: { blob: 'x'.repeat(520 * 1024) } }));
    expect(tooBig.errCode).toBe(-502001);
    expect(tooBig.message).toMatch(/too large/);
    await rejectionOf(db.collection('users').add({ data: { $bad: 1 } }));
    await rejectionOf(db.collection('users').add({ data: { n: db.command.inc(1) } }));
    await rejectionOf(db.collection('users').add({ data: JSON.parse('{"__proto__": {"polluted": true}}') as Record<string, unknown> }));
    expect((await db.collection('users').count()).total).toBe(0);
  });
});

describe('doc().get()', () => {
  it('rejects a missing document like wx-server-sdk', async () => {
    const error = await rejectionOf(db.collection('users').doc('nobody').get());
    expect(error.errCode).toBe(-1);
    expect(error.message).toBe('document.get:fail document with _id nobody does not exist');
    expect(error.errMsg).toBe(error.message);
  });

  it('resolves { data: null } with database({ throwOnNotFound: false })', async () => {
    expect(await local.database({ throwOnNotFound: false }).collection('users').doc('nobody').get()).toEqual({ data: null, errMsg: 'document.get:ok' });
  });
});

describe('update()', () => {
  beforeEach(async () => {
    await db.collection('x').add({
      data: { _id: 'd', a: { b: 1, c: 2 }, n: 5, tags: ['t1', 't2', 't3'], list: [3, 1, 2], items: [{ k: 1 }, { k: 2 }], name: 'n', old: true },
    });
  });

  it('merges nested objects and dot paths; _.set replaces a sub-object', async () => {
    const _ = db.command;
    expect(await db.collection('x').doc('d').update({ data: { a: { b: 10 }, 'e.f': 1 } })).toEqual({ stats: { updated: 1 }, errMsg: 'document.update:ok' });
    expect(await stored('x', 'd')).toMatchObject({ a: { b: 10, c: 2 }, e: { f: 1 } });
    await db.collection('x').doc('d').update({ data: { a: _.set({ z: 1 }) } });
    expect((await stored('x', 'd'))?.a).toEqual({ z: 1 });
  });

  it('drops an empty nested object, as the SDK serialiser does', async () => {
    await db.collection('x').doc('d').update({ data: { a: {}, name: 'm' } });
    expect(await stored('x', 'd')).toMatchObject({ a: { b: 1, c: 2 }, name: 'm' });
  });

  it('supports inc, mul, remove, min, max and rename', async () => {
    const _ = db.command;
    await db.collection('x').doc('d').update({ data: { n: _.inc(-2), m: _.inc(3), 'a.b': _.mul(7), old: _.remove(), low: _.min(1), name: _.rename('title') } });
    const doc = await stored('x', 'd');
    expect(doc).toMatchObject({ n: 3, m: 3, a: { b: 7, c: 2 }, low: 1, title: 'n' });
    expect(doc).not.toHaveProperty('old');
    expect(doc).not.toHaveProperty('name');
    await db.collection('x').doc('d').update({ data: { n: _.max(10), low: _.min(5) } });
    expect(await stored('x', 'd')).toMatchObject({ n: 10, low: 1 });
  });

  it('supports the array operators', async () => {
    const _ = db.command;
    const c = db.collection('x').doc('d');
    await c.update({ data: { tags: _.push(['t4']), list: _.push({ each: [0, 9], sort: 1, slice: 4 }) } });
    expect(await stored('x', 'd')).toMatchObject({ tags: ['t1', 't2', 't3', 't4'], list: [0, 1, 2, 3] });
    await c.update({ data: { tags: _.pull('t2'), list: _.pull(_.gt(1)), items: _.pull({ k: 1 }) } });
    expect(await stored('x', 'd')).toMatchObject({ tags: ['t1', 't3', 't4'], list: [0, 1], items: [{ k: 2 }] });
    await c.update({ data: { tags: _.pullAll(['t1', 't4']), list: _.addToSet(1), more: _.addToSet({ $each: ['a', 'a', 'b'] }) } });
    expect(await stored('x', 'd')).toMatchObject({ tags: ['t3'], list: [0, 1], more: ['a', 'b'] });
    await c.update({ data: { more: _.unshift('z'), list: _.pop() } });
    expect(await stored('x', 'd')).toMatchObject({ more: ['z', 'a', 'b'], list: [0] });
    await c.update({ data: { more: _.shift(), 'items.0.k': 5 } });
    expect(await stored('x', 'd')).toMatchObject({ more: ['a', 'b'], items: [{ k: 5 }] });
  });

  it('rejects type errors, _id changes and conflicting paths without changing anything', async () => {
    const _ = db.command;
    const before = await stored('x', 'd');
    const notNumber = await rejectionOf(db.collection('x').doc('d').update({ data: { name: _.inc(1), n: 100 } }));
    expect(notNumber.errCode).toBe(-502001);
    expect((await rejectionOf(db.collection('x').doc('d').update({ data: { n: _.push(1) } }))).errCode).toBe(-502001);
    expect((await rejectionOf(db.collection('x').doc('d').update({ data: { _id: 'other' } }))).errCode).toBe(-501007);
    expect((await rejectionOf(db.collection('x').doc('d').update({ data: { name: _.rename('_id') } }))).errCode).toBe(-502001);
    expect((await rejectionOf(db.collection('x').doc('d').update({ data: { a: _.set({}), 'a.b': 1 } }))).message).toMatch(/conflict/);
    expect((await rejectionOf(db.collection('x').doc('d').update({ data: {} }))).errCode).toBe(-401002);
    expect(await stored('x', 'd')).toEqual(before);
  });

  it('resolves updated: 0 for a missing document', async () => {
    expect(await db.collection('x').doc('missing').update({ data: { a: 1 } })).toEqual({ stats: { updated: 0 }, errMsg: 'document.update:ok' });
    expect((await db.collection('x').count()).total).toBe(1);
  });

  it('where().update() updates every match and counts them', async () => {
    const _ = db.command;
    await db.collection('y').add({ data: [1, 2, 3, 4, 5].map((i) => ({ _id: `y${i}`, i, group: i % 2 })) });
    const result = await db.collection('y').where({ group: 1 }).limit(1).update({ data: { flagged: true, i: _.inc(10) } });
    expect(result).toEqual({ stats: { updated: 3 }, errMsg: 'collection.update:ok' });
    expect(local.find('y', { flagged: true }).map((doc) => doc.i)).toEqual([11, 13, 15]);
    expect((await db.collection('y').where({ group: 7 }).update({ data: { flagged: true } })).stats.updated).toBe(0);
  });

  it('a failing multi-document update changes nothing (atomic)', async () => {
    const _ = db.command;
    await db.collection('z').add({ data: [{ _id: 'z1', v: 1 }, { _id: 'z2', v: 'text' }, { _id: 'z3', v: 3 }] });
    await rejectionOf(db.collection('z').where({}).update({ data: { v: _.inc(1) } }));
    expect(local.find('z').map((doc) => doc.v)).toEqual([1, 'text', 3]);
  });

  it('conditional updates are atomic: 50 concurrent decrements of remaining=10 succeed exactly 10 times', async () => {
    const _ = db.command;
    await db.collection('slots').add({ data: { _id: 'slot', remaining: 10 } });
    const attempts = Array.from({ length: 50 }, () =>
      db
        .collection('slots')
        .where({ _id: 'slot', remaining: _.gt(0) })
        .update({ data: { remaining: _.inc(-1) } }),
    );
    const results = await Promise.all(attempts);
    expect(results.filter((result) => result.stats.updated === 1)).toHaveLength(10);
    expect(results.filter((result) => result.stats.updated === 0)).toHaveLength(40);
    expect((await stored('slots', 'slot'))?.remaining).toBe(0);
  });
});

describe('set() and remove()', () => {
  it('set replaces the document or creates it', async () => {
    await db.collection('x').add({ data: { _id: 'd', a: 1, b: 2 } });
    expect(await db.collection('x').doc('d').set({ data: { c: 3 } })).toEqual({ _id: 'd', stats: { updated: 1, created: 0 }, errMsg: 'document.set:ok' });
    expect(await stored('x', 'd')).toEqual({ _id: 'd', c: 3 });
    expect(await db.collection('x').doc('new').set({ data: { c: 4, at: db.serverDate() } })).toEqual({
      _id: 'new',
      stats: { updated: 0, created: 1 },
      errMsg: 'document.set:ok',
    });
    expect((await stored('x', 'new'))?.at).toBeInstanceOf(Date);
  });

  it('set refuses _id in data and update commands', async () => {
    expect((await rejectionOf(db.collection('x').doc('d').set({ data: { _id: 'd', a: 1 } }))).errCode).toBe(-501007);
    expect((await rejectionOf(db.collection('x').doc('d').set({ data: { a: db.command.inc(1) } }))).message).toMatch(/update operator complicit/);
  });

  it('remove by doc and by where', async () => {
    await db.collection('x').add({ data: [1, 2, 3, 4].map((i) => ({ _id: `r${i}`, even: i % 2 === 0 })) });
    expect(await db.collection('x').doc('r1').remove()).toEqual({ stats: { removed: 1 }, errMsg: 'document.remove:ok' });
    expect(await db.collection('x').doc('r1').remove()).toEqual({ stats: { removed: 0 }, errMsg: 'document.remove:ok' });
    expect(await db.collection('x').where({ even: true }).remove()).toEqual({ stats: { removed: 2 }, errMsg: 'collection.remove:ok' });
    expect(local.find('x').map((doc) => doc._id)).toEqual(['r3']);
  });
});

describe('collections', () => {
  it('lists collections, creates them on first write, and supports createCollection()', async () => {
    await db.collection('b').add({ data: { _id: '1' } });
    await db.createCollection('a');
    expect(local.collectionNames()).toEqual(['a', 'b']);
    await rejectionOf(db.createCollection('a'));
  });

  it('strictCollections mirrors CloudBase: unknown collections fail', async () => {
    const strict = openTestDatabase({ strictCollections: true }).api;
    const error = await rejectionOf(strict.collection('nope').get());
    expect(error.errCode).toBe(-502005);
    await rejectionOf(strict.collection('nope').add({ data: { a: 1 } }));
    await strict.createCollection('nope');
    await strict.collection('nope').add({ data: { a: 1 } });
    expect((await strict.collection('nope').count()).total).toBe(1);
  });
});

describe('change feed', () => {
  it('reports each changed document after commit, with copies', async () => {
    const _ = db.command;
    const changes: unknown[] = [];
    const stop = local.onChange((change) => changes.push(change));
    await db.collection('c').add({ data: { _id: 'a', n: 1 } });
    await db.collection('c').doc('a').update({ data: { n: _.inc(1) } });
    await db.collection('c').doc('b').set({ data: { n: 0 } });
    await db.collection('c').where({}).remove();
    await db.collection('c').doc('nothing').update({ data: { n: 1 } });
    stop();
    await db.collection('c').add({ data: { _id: 'after' } });
    expect(changes).toEqual([
      { collection: 'c', docId: 'a', type: 'add', doc: { _id: 'a', n: 1 } },
      { collection: 'c', docId: 'a', type: 'update', doc: { _id: 'a', n: 2 } },
      { collection: 'c', docId: 'b', type: 'set', doc: { _id: 'b', n: 0 } },
      { collection: 'c', docId: 'a', type: 'remove' },
      { collection: 'c', docId: 'b', type: 'remove' },
    ]);
  });

  it('a throwing listener does not break the write', async () => {
    const errorSpy = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    local.onChange(() => {
      throw new Error('listener bug');
    });
    await db.collection('c').add({ data: { _id: 'a' } });
    expect(local.find('c')).toHaveLength(1);
    expect(errorSpy).toHaveBeenCalled();
    errorSpy.mockRestore();
  });
});
