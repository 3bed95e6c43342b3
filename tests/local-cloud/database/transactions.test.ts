/** @jest-environment node */
import type { CloudDatabase, LocalDatabase } from '../../../local-cloud/database';
import { closeTestDatabases, openTestDatabase, rejectionOf } from './helpers';

let local: LocalDatabase;
let db: CloudDatabase;

beforeEach(async () => {
  local = openTestDatabase();
  db = local.api;
  await db.collection('accounts').add({ data: [{ _id: 'alice', balance: 100 }, { _id: 'bob', balance: 0 }] });
});

afterEach(closeTestDatabases);

const balance = async (id: string) => (await db.collection('accounts').doc(id).get()).data?.balance;

describe('runTransaction', () => {
  it('commits every write at once and returns the callback value', async () => {
    const _ = db.command;
    const changes: string[] = [];
    local.onChange((change) => changes.push(`${change.type}:${String(change.docId)}`));
    const result = await db.runTransaction(async (t) => {
      const { data } = await t.collection('accounts').doc('alice').get();
      await t.collection('accounts').doc('alice').update({ data: { balance: _.inc(-30) } });
      await t.collection('accounts').doc('bob').update({ data: { balance: _.inc(30) } });
      const added = await t.collection('transfers').add({ data: { from: 'alice', to: 'bob', amount: 30, at: db.serverDate() } });
      // Nothing is visible outside the transaction before commit.
      expect(await balance('alice')).toBe(100);
      expect(changes).toEqual([]);
      return { before: data?.balance, transferId: added._id };
    });
    expect(result.before).toBe(100);
    expect(await balance('alice')).toBe(70);
    expect(await balance('bob')).toBe(30);
    expect((await db.collection('transfers').doc(String(result.transferId)).get()).data?.at).toBeInstanceOf(Date);
    expect(changes).toEqual(['update:alice', 'update:bob', `add:${String(result.transferId)}`]);
  });

  it('reads see the transaction’s own writes', async () => {
    await db.runTransaction(async (t) => {
      await t.collection('accounts').doc('carol').set({ data: { balance: 5 } });
      expect((await t.collection('accounts').doc('carol').get()).data).toEqual({ _id: 'carol', balance: 5 });
      await t.collection('accounts').doc('bob').remove();
      expect((await rejectionOf(t.collection('accounts').doc('bob').get())).message).toMatch(/does not exist/);
      await t.collection('accounts').doc('alice').update({ data: { balance: 1 } });
      expect((await t.collection('accounts').doc('alice').get()).data?.balance).toBe(1);
    });
    expect(local.find('accounts').map((doc) => [doc._id, doc.balance])).toEqual([
      ['alice', 1],
      ['carol', 5],
    ]);
  });

  it('applies nothing and rethrows when the callback throws', async () => {
    const error = await rejectionOf(
      db.runTransaction(async (t) => {
        await t.collection('accounts').doc('alice').update({ data: { balance: 0 } });
        await t.collection('log').add({ data: { note: 'never' } });
        throw new Error('business rule failed');
      }),
    );
    expect(error.message).toBe('business rule failed');
    expect(await balance('alice')).toBe(100);
    expect(local.collectionNames()).toEqual(['accounts']);
  });

  it('rejects with the value given to transaction.rollback(value)', async () => {
    const reason = await db
      .runTransaction(async (t) => {
        await t.collection('accounts').doc('alice').update({ data: { balance: 0 } });
        await t.rollback(-100);
        return 'unused';
      })
      .then(
        () => 'resolved',
        (error: unknown) => error,
      );
    expect(reason).toBe(-100);
    expect(await balance('alice')).toBe(100);
  });

  it('refuses queries inside a transaction', async () => {
    const error = await rejectionOf(
      db.runTransaction(async (t) => {
        await t.collection('accounts').where({ balance: 100 }).get();
      }),
    );
    expect(error.errCode).toBe(-502001);
    expect(error.message).toMatch(/single-document/);
    await rejectionOf(db.runTransaction(async (t) => t.collection('accounts').where({}).update({ data: { a: 1 } })));
    await rejectionOf(db.runTransaction(async (t) => t.collection('accounts').count()));
  });

  it('add() inside a transaction rejects duplicates', async () => {
    const error = await rejectionOf(db.runTransaction(async (t) => t.collection('accounts').add({ data: { _id: 'alice' } })));
    expect(error.errCode).toBe(-502001);
  });

  it('serialises concurrent transactions (no lost updates)', async () => {
    const increments = Array.from({ length: 20 }, () =>
      db.runTransaction(async (t) => {
        const { data } = await t.collection('accounts').doc('bob').get();
        await new Promise((resolve) => setTimeout(resolve, 1));
        await t.collection('accounts').doc('bob').update({ data: { balance: (data?.balance as number) + 1 } });
      }),
    );
    await Promise.all(increments);
    expect(await balance('bob')).toBe(20);
  });

  it('re-runs the callback when a plain write changed a document it read (conflict)', async () => {
    let runs = 0;
    await db.runTransaction(async (t) => {
      runs++;
      const { data } = await t.collection('accounts').doc('bob').get();
      if (runs === 1) await db.collection('accounts').doc('bob').update({ data: { balance: 50 } }); // outside the transaction
      await t.collection('accounts').doc('bob').update({ data: { balance: (data?.balance as number) + 1 } });
    });
    expect(runs).toBe(2);
    expect(await balance('bob')).toBe(51);
  });

  it('gives up after the retry budget with a conflict error', async () => {
    let runs = 0;
    const error = await rejectionOf(
      db.runTransaction(async (t) => {
        runs++;
        await t.collection('accounts').doc('bob').get();
        await db.collection('accounts').doc('bob').update({ data: { balance: runs } });
      }, 2),
    );
    expect(runs).toBe(3);
    expect(error.errCode).toBe(-501001);
    expect(error.message).toMatch(/DATABASE_TRANSACTION_CONFLICT/);
    expect((error as { code?: string }).code).toBe('DATABASE_TRANSACTION_CONFLICT');
  });

  it('startTransaction().commit() rejects on conflict and releases the transaction', async () => {
    const t = await db.startTransaction();
    await t.collection('accounts').doc('bob').get();
    await db.collection('accounts').doc('bob').update({ data: { balance: 7 } });
    await t.collection('accounts').doc('bob').update({ data: { balance: 1 } });
    const error = await rejectionOf(t.commit());
    expect((error as { code?: string }).code).toBe('DATABASE_TRANSACTION_CONFLICT');
    expect(await balance('bob')).toBe(7);
    // The mutex was released: another transaction can run.
    expect(await db.runTransaction(async (t2) => (await t2.collection('accounts').doc('bob').get()).data?.balance)).toBe(7);
  });

  it('refuses a nested transaction instead of deadlocking', async () => {
    const error = await rejectionOf(db.runTransaction(async () => db.runTransaction(async () => 1)));
    expect(error.message).toMatch(/nested/);
  });
});

describe('startTransaction', () => {
  it('commit applies, rollback discards, and a finished transaction refuses more work', async () => {
    const committed = await db.startTransaction();
    await committed.collection('accounts').doc('alice').update({ data: { balance: 1 } });
    expect(await balance('alice')).toBe(100);
    await committed.commit();
    expect(await balance('alice')).toBe(1);
    await rejectionOf(committed.collection('accounts').doc('alice').get());

    const rolledBack = await db.startTransaction();
    await rolledBack.collection('accounts').doc('alice').remove();
    await rolledBack.rollback();
    expect(await balance('alice')).toBe(1);
    await rejectionOf(rolledBack.commit());
  });

  it('a later transaction waits for the open one', async () => {
    const first = await db.startTransaction();
    let secondStarted = false;
    const second = db.runTransaction(async (t) => {
      secondStarted = true;
      return (await t.collection('accounts').doc('alice').get()).data?.balance;
    });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(secondStarted).toBe(false);
    await first.collection('accounts').doc('alice').update({ data: { balance: 42 } });
    await first.commit();
    expect(await second).toBe(42);
  });

  it('rolls back a transaction left open past the timeout and lets others proceed', async () => {
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    const short = openTestDatabase({ transactionTimeoutMs: 50 });
    await short.api.collection('c').add({ data: { _id: 'k', v: 1 } });
    const forgotten = await short.api.startTransaction();
    await forgotten.collection('c').doc('k').update({ data: { v: 2 } });
    const value = await short.api.runTransaction(async (t) => (await t.collection('c').doc('k').get()).data?.v);
    expect(value).toBe(1);
    await rejectionOf(forgotten.commit());
    expect(warn).toHaveBeenCalled();
    warn.mockRestore();
  });
});
