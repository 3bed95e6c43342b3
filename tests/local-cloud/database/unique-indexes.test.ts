import type { IndexDeclaration } from '../../../local-cloud/database';
import { closeTestDatabases, openTestDatabase, rejectionOf } from './helpers';

afterEach(() => closeTestDatabases());

const BY_PLACE: IndexDeclaration = { collection: 'seats', name: 'place_unique', unique: true, fields: [{ field: 'place', direction: 1 }] };
const BY_CODE: IndexDeclaration = {
  collection: 'seats',
  name: 'code_unique',
  unique: true,
  fields: [
    { field: 'day', direction: 1 },
    { field: 'code', direction: 1 },
  ],
};

const open = () => openTestDatabase({ indexes: [BY_PLACE, BY_CODE] });

describe('unique indexes', () => {
  it('refuses a plain add, set or update that repeats a key, with E11000', async () => {
    const db = open();
    const seats = db.api.collection('seats');
    await seats.add({ data: { _id: 'a', place: 's#0', day: 'd1', code: '1' } });
    const added = await rejectionOf(seats.add({ data: { _id: 'b', place: 's#0', day: 'd1', code: '2' } }));
    expect(added.errCode).toBe(-502001);
    expect(added.message).toMatch(/E11000 duplicate key error collection: seats index: place_unique dup key: \{ place: "s#0" \}/);
    expect((added as { code?: string }).code).toBe('DATABASE_DUPLICATE_WRITE');
    await seats.add({ data: { _id: 'b', place: 's#1', day: 'd1', code: '2' } });
    // A compound key repeats only when every field does.
    await seats.add({ data: { _id: 'c', place: 's#2', day: 'd2', code: '1' } });
    expect((await rejectionOf(seats.doc('c').set({ data: { place: 's#2', day: 'd1', code: '1' } }))).message).toMatch(/code_unique/);
    expect((await rejectionOf(seats.doc('b').update({ data: { place: 's#0' } }))).message).toMatch(/place_unique/);
    expect((await rejectionOf(seats.where({ _id: 'b' }).update({ data: { place: 's#0' } }))).message).toMatch(/place_unique/);
    // Nothing of a refused write was kept; giving a key up frees it.
    expect(db.find('seats', {}).map((doc) => doc.place)).toEqual(['s#0', 's#1', 's#2']);
    await seats.doc('a').update({ data: { place: 'free:a' } });
    await seats.doc('b').update({ data: { place: 's#0' } });
    await seats.doc('c').remove();
    await seats.add({ data: { _id: 'd', place: 's#2', day: 'd2', code: '1' } });
  });

  it('counts a missing field as null: only one document may lack it', async () => {
    const db = open();
    const seats = db.api.collection('seats');
    await seats.add({ data: { _id: 'a', day: 'd1', code: '1' } });
    expect((await rejectionOf(seats.add({ data: { _id: 'b', day: 'd1', code: '2' } }))).message).toMatch(/place_unique dup key: \{ place: null \}/);
    expect((await rejectionOf(seats.add({ data: { _id: 'b', place: null, day: 'd1', code: '2' } }))).message).toMatch(/place_unique/);
  });

  it('refuses inside a transaction at the write, against committed documents and its own writes', async () => {
    const db = open();
    const seats = db.api.collection('seats');
    await seats.add({ data: { _id: 'a', place: 's#0', day: 'd1', code: '1' } });
    const clash = await rejectionOf(
      db.api.runTransaction(async (transaction) => {
        await transaction.collection('seats').add({ data: { _id: 'b', place: 's#1', day: 'd1', code: '2' } });
        await transaction.collection('seats').add({ data: { _id: 'c', place: 's#0', day: 'd1', code: '3' } });
      }),
    );
    expect(clash.message).toMatch(/E11000.*place_unique/);
    expect(db.find('seats', {})).toHaveLength(1);
    const own = await rejectionOf(
      db.api.runTransaction(async (transaction) => {
        await transaction.collection('seats').add({ data: { _id: 'b', place: 's#1', day: 'd1', code: '2' } });
        await transaction.collection('seats').add({ data: { _id: 'c', place: 's#1', day: 'd1', code: '3' } });
      }),
    );
    expect(own.message).toMatch(/place_unique/);
    // A key handed from one document to another in the same transaction is no clash.
    await db.api.runTransaction(async (transaction) => {
      await transaction.collection('seats').doc('a').update({ data: { place: 'free:a' } });
      await transaction.collection('seats').add({ data: { _id: 'b', place: 's#0', day: 'd1', code: '2' } });
    });
    expect(db.find('seats', { _id: 'b' })[0]?.place).toBe('s#0');
  });

  it('lets only one of two racing transactions commit a key; the other re-runs and meets the duplicate', async () => {
    const db = open();
    let runs = 0;
    let release!: () => void;
    const bothWrote = new Promise<void>((resolve) => (release = resolve));
    let wrote = 0;
    const take = (id: string) =>
      db.api.runTransaction(async (transaction) => {
        runs++;
        await transaction.collection('seats').add({ data: { _id: id, place: 's#0', day: 'd1', code: id } });
        if (++wrote === 2) release();
        await bothWrote;
      });
    const results = await Promise.allSettled([take('x'), take('y')]);
    expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
    const failed = results.find((result) => result.status === 'rejected') as PromiseRejectedResult;
    expect(String((failed.reason as Error).message)).toMatch(/E11000.*place_unique/);
    expect(runs).toBe(3);
    expect(db.find('seats', {})).toHaveLength(1);
  });
});
