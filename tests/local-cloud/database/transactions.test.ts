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

  it('moves money between two documents in one transaction (one journal record)', async () => {
    const _ = db.command;
    await db.runTransaction(async (t) => {
      await t.collection('accounts').doc('alice').update({ data: { balance: _.inc(-30) } });
      await t.collection('accounts').doc('bob').update({ data: { balance: _.inc(30) } });
      await t.collection('ledger').add({ data: { _id: 'move-1', from: 'alice', to: 'bob', amount: 30 } });
    });
    expect([await balance('alice'), await balance('bob')]).toEqual([70, 30]);
    expect(local.find('ledger')).toHaveLength(1);
  });

  it('concurrent increments of one document: conflicts are retried, none is lost, the rest fail with the conflict', async () => {
    const outcomes = await Promise.allSettled(
      Array.from({ length: 20 }, () =>
        db.runTransaction(async (t) => {
          const { data } = await t.collection('accounts').doc('bob').get();
          await new Promise((resolve) => setTimeout(resolve, 1));
          await t.collection('accounts').doc('bob').update({ data: { balance: (data?.balance as number) + 1 } });
          await new Promise((resolve) => setTimeout(resolve, 1));
        }),
      ),
    );
    const succeeded = outcomes.filter((outcome) => outcome.status === 'fulfilled').length;
    const failed = outcomes.filter((outcome): outcome is PromiseRejectedResult => outcome.status === 'rejected');
    expect(succeeded).toBeGreaterThan(0);
    // Twenty writers of one document within a few milliseconds: CloudBase too gives up on some (with the conflict).
    for (const failure of failed) expect((failure.reason as { code?: string }).code).toBe('DATABASE_TRANSACTION_CONFLICT');
    expect(await balance('bob')).toBe(succeeded);
  });

  it('a write to a document another open transaction holds fails at once; the callback runs times + 1 times', async () => {
    const holder = await db.startTransaction();
    await holder.collection('accounts').doc('bob').update({ data: { balance: 1 } });
    let runs = 0;
    const error = await rejectionOf(
      db.runTransaction(async (t) => {
        runs++;
        await t.collection('accounts').doc('bob').update({ data: { balance: 2 } });
      }),
    );
    // @cloudbase/database 1.4.3: times defaults to 3, and the callback runs up to times + 1 times.
    expect(runs).toBe(4);
    expect((error as { code?: string }).code).toBe('DATABASE_TRANSACTION_CONFLICT');
    expect(error.errCode).toBe(-501001);
    // Reads do not block: the committed value is seen while the holder is open.
    expect(await balance('bob')).toBe(0);
    await holder.commit();
    expect(await balance('bob')).toBe(1);
  });

  it('a retry after the holder committed succeeds, on what the holder wrote', async () => {
    const _ = db.command;
    const holder = await db.startTransaction();
    await holder.collection('accounts').doc('bob').update({ data: { balance: 10 } });
    let runs = 0;
    await db.runTransaction(async (t) => {
      runs++;
      if (runs === 2) await holder.commit();
      await t.collection('accounts').doc('bob').update({ data: { balance: _.inc(5) } });
    });
    // Run 1 met the lock; run 2 began before the holder's commit, so its write conflicts too; run 3 succeeds.
    expect(runs).toBe(3);
    expect(await balance('bob')).toBe(15);
  });

  it('transactions on different documents run side by side', async () => {
    const first = await db.startTransaction();
    await first.collection('accounts').doc('alice').update({ data: { balance: 1 } });
    await db.runTransaction(async (t) => {
      expect((await t.collection('accounts').doc('alice').get()).data?.balance).toBe(100);
      await t.collection('accounts').doc('bob').update({ data: { balance: 2 } });
    });
    await first.commit();
    expect([await balance('alice'), await balance('bob')]).toEqual([1, 2]);
  });

  it('a plain write to a document an open transaction holds waits for it, then applies on top', async () => {
    const _ = db.command;
    const holder = await db.startTransaction();
    await holder.collection('accounts').doc('alice').update({ data: { balance: 42 } });
    let done = false;
    const plain = db
      .collection('accounts')
      .doc('alice')
      .update({ data: { balance: _.inc(1) } })
      .then(() => {
        done = true;
      });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(done).toBe(false);
    await holder.commit();
    await plain;
    expect(await balance('alice')).toBe(43);
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
        await t.collection('accounts').doc('bob').update({ data: { balance: -1 } });
      }, 2),
    );
    expect(runs).toBe(3);
    expect(error.errCode).toBe(-501001);
    expect(error.message).toMatch(/DATABASE_TRANSACTION_CONFLICT/);
    expect((error as { code?: string }).code).toBe('DATABASE_TRANSACTION_CONFLICT');
    expect(await balance('bob')).toBe(3);
  });

  it('other errors are not retried', async () => {
    let runs = 0;
    await expect(
      db.runTransaction(async () => {
        runs++;
        throw new Error('not a conflict');
      }),
    ).rejects.toThrow('not a conflict');
    expect(runs).toBe(1);
  });

  it('startTransaction(): a conflicting write rejects, and so does the commit; the plain write stands', async () => {
    const t = await db.startTransaction();
    await t.collection('accounts').doc('bob').get();
    await db.collection('accounts').doc('bob').update({ data: { balance: 7 } });
    const write = await rejectionOf(t.collection('accounts').doc('bob').update({ data: { balance: 1 } }));
    expect((write as { code?: string }).code).toBe('DATABASE_TRANSACTION_CONFLICT');
    const error = await rejectionOf(t.commit());
    expect((error as { code?: string }).code).toBe('DATABASE_TRANSACTION_CONFLICT');
    expect(await balance('bob')).toBe(7);
    expect(await db.runTransaction(async (t2) => (await t2.collection('accounts').doc('bob').get()).data?.balance)).toBe(7);
  });

  it('a transaction inside a transaction is a transaction of its own', async () => {
    const value = await db.runTransaction(async (outer) => {
      await outer.collection('accounts').doc('alice').update({ data: { balance: 1 } });
      return db.runTransaction(async (inner) => {
        await inner.collection('accounts').doc('bob').update({ data: { balance: 2 } });
        return 'both';
      });
    });
    expect(value).toBe('both');
    expect([await balance('alice'), await balance('bob')]).toEqual([1, 2]);
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

  it('rolls back a transaction left open past the timeout and lets others proceed', async () => {
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    const short = openTestDatabase({ transactionTimeoutMs: 50 });
    await short.api.collection('c').add({ data: { _id: 'k', v: 1 } });
    const forgotten = await short.api.startTransaction();
    await forgotten.collection('c').doc('k').update({ data: { v: 2 } });
    const value = await short.api.runTransaction(async (t) => (await t.collection('c').doc('k').get()).data?.v);
    expect(value).toBe(1);
    // A plain write waits for the lock, which the timeout frees.
    await short.api.collection('c').doc('k').update({ data: { v: 3 } });
    await rejectionOf(forgotten.commit());
    expect(warn).toHaveBeenCalled();
    expect((await short.api.collection('c').doc('k').get()).data?.v).toBe(3);
    warn.mockRestore();
  });
});
