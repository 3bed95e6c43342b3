/** What CloudBase refuses, the local database refuses too (README: "What the local cloud refuses, as CloudBase does"). */
import { openLocalDatabase } from '../../../local-cloud/database';
import { MAX_COLLECTIONS } from '../../../local-cloud/database/collection-reference';
import { MAX_DOCUMENT_BYTES } from '../../../local-cloud/database/document-data';
import { MAX_FIELDS_PER_INDEX, MAX_INDEX_KEY_BYTES, type IndexDeclaration } from '../../../local-cloud/database/indexes';
import { closeTestDatabases, openTestDatabase, rejectionOf, tempDir } from './helpers';

afterEach(() => closeTestDatabases());

describe('query operators', () => {
  test.each([
    ['$where', { $where: 'this.a > 1' }],
    ['$text', { $text: { $search: '诈骗' } }],
    ['$type', { a: { $type: 'string' } }],
    ['$jsonSchema', { $jsonSchema: {} }],
  ])('%s is not a CloudBase operator: -502002', async (operator, where) => {
    const db = openTestDatabase();
    await db.api.collection('c').add({ data: { _id: 'x', a: 'text' } });
    const error = await rejectionOf(db.api.collection('c').where(where).get());
    expect(error.errCode).toBe(-502002);
    expect(error.message).toContain(`"${operator}" is not supported by CloudBase`);
  });

  test('the raw forms of CloudBase commands still work', async () => {
    const db = openTestDatabase();
    await db.api.collection('c').add({ data: [{ _id: 'x', a: 2, tags: ['p', 'q'] }, { _id: 'y', a: 5 }] });
    const found = await db.api.collection('c').where({ a: { $gt: 1, $lt: 3 }, tags: { $all: ['p'] } }).get();
    expect(found.data.map((doc) => doc._id)).toEqual(['x']);
    expect((await db.api.collection('c').where({ $or: [{ a: 2 }, { a: { $regex: '^5' } }] }).count()).total).toBe(1);
  });
});

describe('limits per call and per document', () => {
  test('a document over 512 KB is refused, by add, set and update alike', async () => {
    const db = openTestDatabase();
    const big = 'x'.repeat(MAX_DOCUMENT_BYTES);
    expect((await rejectionOf(db.api.collection('c').add({ data: { big } }))).message).toContain('document is too large');
    expect((await rejectionOf(db.api.collection('c').doc('d').set({ data: { big } }))).message).toContain('document is too large');
    await db.api.collection('c').add({ data: { _id: 'small', n: 1 } });
    expect((await rejectionOf(db.api.collection('c').doc('small').update({ data: { big } }))).message).toContain('document is too large');
    expect(db.find('c')).toHaveLength(1);
  });

  test(`an environment holds at most ${MAX_COLLECTIONS} collections`, async () => {
    const db = openTestDatabase();
    for (let n = 0; n < MAX_COLLECTIONS; n++) await db.api.createCollection(`c${n}`);
    expect((await rejectionOf(db.api.createCollection('one-more'))).message).toContain(`at most ${MAX_COLLECTIONS} collections`);
    expect((await rejectionOf(db.api.collection('one-more').add({ data: { a: 1 } }))).message).toContain(`at most ${MAX_COLLECTIONS} collections`);
    await db.api.collection('c0').add({ data: { a: 1 } });
  });

  test('an indexed field holds at most 1024 bytes; unindexed fields are free', async () => {
    const index: IndexDeclaration = { collection: 'articles', name: 'by_tag', fields: [{ field: 'tags', direction: 1 }] };
    const db = openTestDatabase({ indexes: [index] });
    const long = '长'.repeat(342); // 1026 bytes
    const error = await rejectionOf(db.api.collection('articles').add({ data: { tags: ['ok', long] } }));
    expect(error.errCode).toBe(-502001);
    expect(error.message).toContain(`indexed field "tags" holds 1026 bytes; CloudBase indexes at most ${MAX_INDEX_KEY_BYTES}`);
    await db.api.collection('articles').add({ data: { tags: ['ok'], body: long } });
    // Transactions are checked at commit as well, and nothing of theirs is kept.
    await rejectionOf(db.api.runTransaction(async (t) => t.collection('articles').doc('t').set({ data: { tags: long } })));
    expect(db.find('articles')).toHaveLength(1);
  });

  test('index declarations within CloudBase limits (31 fields per index, 100 per collection)', () => {
    const wide: IndexDeclaration = { collection: 'c', name: 'wide', fields: Array.from({ length: MAX_FIELDS_PER_INDEX + 1 }, (_, n) => ({ field: `f${n}`, direction: 1 as const })) };
    expect(() => openLocalDatabase({ dir: tempDir(), fsync: false, indexes: [wide] })).toThrow('CloudBase allows 31');
    const many: IndexDeclaration[] = Array.from({ length: 101 }, (_, n) => ({ collection: 'c', name: `i${n}`, fields: [{ field: `f${n}`, direction: 1 as const }] }));
    expect(() => openLocalDatabase({ dir: tempDir(), fsync: false, indexes: many })).toThrow('more than 100 indexes');
  });
});

describe('transaction limits', () => {
  test('no queries inside a transaction', async () => {
    const db = openTestDatabase();
    await db.api.collection('c').add({ data: { _id: 'x', a: 1 } });
    const error = await rejectionOf(db.api.runTransaction(async (t) => t.collection('c').where({ a: 1 }).get()));
    expect(error.message).toContain('only single-document operations are allowed in a transaction');
  });
});
