/** @jest-environment node */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { openLocalDatabase, type LocalDatabase, type LocalDatabaseOptions } from '../../../local-cloud/database';
import { cleanupTempDirs, tempDir } from './helpers';

const JOURNAL = 'journal.log';
const SNAPSHOT = 'snapshot.json';

const opened: LocalDatabase[] = [];
function open(dir: string, options: Partial<LocalDatabaseOptions> = {}): LocalDatabase {
  const db = openLocalDatabase({ dir, fsync: false, ...options });
  opened.push(db);
  return db;
}

afterEach(async () => {
  for (const db of opened.splice(0)) await db.close();
  cleanupTempDirs();
});

async function seed(db: LocalDatabase): Promise<void> {
  const api = db.api;
  await api.collection('users').add({ data: { _id: 'u1', name: '张三', joined: new Date('2024-05-01T08:00:00Z'), prefs: { lang: 'zh' }, score: Number.NaN, limit: Infinity } });
  await api.collection('users').add({ data: { _id: 'u2', name: 'b', tags: ['x'] } });
  await api.collection('users').doc('u1').update({ data: { visits: api.command.inc(2) } });
  await api.collection('users').add({ data: { _id: 'u3', name: 'c' } });
  await api.collection('users').doc('u2').remove();
  await api.createCollection('empty');
}

function journalLines(dir: string): string[] {
  return fs.readFileSync(path.join(dir, JOURNAL), 'utf8').split('\n').filter(Boolean);
}

describe('persistence', () => {
  it('survives close and reopen with dates, special numbers, order and empty collections', async () => {
    const dir = tempDir();
    await seed(open(dir));
    await opened.pop()?.close();
    const again = open(dir);
    expect(again.collectionNames()).toEqual(['empty', 'users']);
    const users = again.find('users');
    expect(users.map((doc) => doc._id)).toEqual(['u1', 'u3']);
    expect(users[0]).toEqual({ _id: 'u1', name: '张三', joined: new Date('2024-05-01T08:00:00Z'), prefs: { lang: 'zh' }, score: Number.NaN, limit: Infinity, visits: 2 });
    expect(users[0]?.joined).toBeInstanceOf(Date);
    expect(again.openStats.journalRecords).toBeGreaterThan(0);
  });

  it('compacts into a snapshot, empties the journal, and keeps later writes', async () => {
    const dir = tempDir();
    const db = open(dir);
    await seed(db);
    await db.compact();
    expect(fs.statSync(path.join(dir, JOURNAL)).size).toBe(0);
    expect(fs.existsSync(path.join(dir, SNAPSHOT))).toBe(true);
    await db.api.collection('users').add({ data: { _id: 'u4', at: db.api.serverDate() } });
    await opened.pop()?.close();
    const again = open(dir);
    expect(again.find('users').map((doc) => doc._id)).toEqual(['u1', 'u3', 'u4']);
    expect(again.find('users', { _id: 'u4' })[0]?.at).toBeInstanceOf(Date);
    expect(again.openStats.docs).toBe(2);
    expect(again.openStats.journalRecords).toBe(1);
  });

  it('compacts automatically while running and on open when the journal is large', async () => {
    const dir = tempDir();
    const db = open(dir, { autoCompactBytes: 4096 });
    for (let i = 0; i < 100; i++) await db.api.collection('n').add({ data: { _id: `n${i}`, payload: 'p'.repeat(100) } });
    expect(fs.statSync(path.join(dir, JOURNAL)).size).toBeLessThan(4096 * 2);
    expect(fs.existsSync(path.join(dir, SNAPSHOT))).toBe(true);
    await opened.pop()?.close();
    const again = open(dir, { openCompactBytes: 100 });
    expect(again.find('n')).toHaveLength(100);
    expect(fs.statSync(path.join(dir, JOURNAL)).size).toBe(0);
  });

  it('does not apply journal records twice if compaction stopped before emptying the journal', async () => {
    const dir = tempDir();
    const db = open(dir);
    await db.api.collection('c').add({ data: { _id: 'k', n: 1 } });
    await db.api.collection('c').doc('k').update({ data: { n: db.api.command.inc(1) } });
    const journalBefore = fs.readFileSync(path.join(dir, JOURNAL));
    await db.compact();
    await opened.pop()?.close();
    // Simulate a crash between the snapshot rename and the journal reset.
    fs.writeFileSync(path.join(dir, JOURNAL), journalBefore);
    fs.writeFileSync(path.join(dir, `${SNAPSHOT}.tmp`), 'half-written');
    const again = open(dir);
    expect(again.find('c')).toEqual([{ _id: 'k', n: 2 }]);
    expect(fs.existsSync(path.join(dir, `${SNAPSHOT}.tmp`))).toBe(false);
  });

  it('ignores a torn trailing record, truncates it, and keeps working', async () => {
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    const dir = tempDir();
    await seed(open(dir));
    await opened.pop()?.close();
    const lines = journalLines(dir);
    const validBytes = fs.statSync(path.join(dir, JOURNAL)).size;
    // Half of a real record, no newline: what a crash mid-write leaves.
    const half = lines[0]?.slice(0, 40) ?? '';
    fs.appendFileSync(path.join(dir, JOURNAL), half);
    const again = open(dir);
    expect(again.find('users').map((doc) => doc._id)).toEqual(['u1', 'u3']);
    expect(again.openStats.droppedBytes).toBe(half.length);
    expect(fs.statSync(path.join(dir, JOURNAL)).size).toBe(validBytes);
    await again.api.collection('users').add({ data: { _id: 'u5' } });
    await opened.pop()?.close();
    expect(open(dir).find('users').map((doc) => doc._id)).toEqual(['u1', 'u3', 'u5']);
    expect(warn).toHaveBeenCalled();
    warn.mockRestore();
  });

  it('ignores a complete last line whose checksum does not match', async () => {
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    const dir = tempDir();
    await seed(open(dir));
    await opened.pop()?.close();
    const lines = journalLines(dir);
    const last = lines[lines.length - 1] ?? '';
    const damaged = `${last.slice(0, -3)}XYZ`;
    fs.writeFileSync(path.join(dir, JOURNAL), [...lines.slice(0, -1), damaged].join('\n') + '\n');
    const again = open(dir);
    // The last record (createCollection 'empty') is gone, everything before it is there.
    expect(again.collectionNames()).toEqual(['users']);
    expect(again.find('users').map((doc) => doc._id)).toEqual(['u1', 'u3']);
    warn.mockRestore();
  });

  it('refuses to open when a damaged record is followed by valid ones', async () => {
    const dir = tempDir();
    await seed(open(dir));
    await opened.pop()?.close();
    const lines = journalLines(dir);
    lines[1] = `00000000${(lines[1] ?? '').slice(8)}`;
    fs.writeFileSync(path.join(dir, JOURNAL), lines.join('\n') + '\n');
    expect(() => openLocalDatabase({ dir, fsync: false })).toThrow(/damaged/);
    // A failed open releases the directory again.
    expect(fs.existsSync(path.join(dir, 'LOCK'))).toBe(false);
  });

  it('clear() removes every collection durably', async () => {
    const dir = tempDir();
    const db = open(dir);
    await seed(db);
    const removed: string[] = [];
    db.onChange((change) => removed.push(`${change.type}:${String(change.docId)}`));
    await db.clear();
    expect(db.collectionNames()).toEqual([]);
    expect(removed).toEqual(['remove:u1', 'remove:u3']);
    await db.api.collection('fresh').add({ data: { _id: 'f' } });
    await opened.pop()?.close();
    const again = open(dir);
    expect(again.collectionNames()).toEqual(['fresh']);
  });

  it('allows one open per directory and takes over a lock left by a dead process', async () => {
    const dir = tempDir();
    open(dir);
    expect(() => openLocalDatabase({ dir, fsync: false })).toThrow(/already open/);
    await opened.pop()?.close();
    fs.writeFileSync(path.join(dir, 'LOCK'), JSON.stringify({ pid: 999999999 }));
    const again = open(dir);
    expect(again.collectionNames()).toEqual([]);
  });

  it('refuses a directory locked by another live process, unless its pid was reused', async () => {
    const dir = tempDir();
    const parent = process.ppid;
    const stat = fs.readFileSync(`/proc/${parent}/stat`, 'utf8');
    const start = stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
    fs.writeFileSync(path.join(dir, 'LOCK'), JSON.stringify({ pid: parent, start }));
    expect(() => openLocalDatabase({ dir, fsync: false })).toThrow(/in use by process/);
    fs.writeFileSync(path.join(dir, 'LOCK'), JSON.stringify({ pid: parent, start: 'an-older-process' }));
    expect(open(dir).collectionNames()).toEqual([]);
  });

  it('rejects operations after close()', async () => {
    const db = openLocalDatabase({ dir: tempDir(), fsync: false });
    await db.close();
    await expect(db.api.collection('x').get()).rejects.toMatchObject({ errCode: -501001 });
  });

  it('opens ~5000 documents quickly', async () => {
    const dir = tempDir();
    const db = open(dir);
    const docs = Array.from({ length: 5000 }, (_, i) => ({
      _id: `doc${i}`,
      title: `标题 ${i}`,
      body: 'text '.repeat(40),
      createdAt: new Date(1_700_000_000_000 + i * 1000),
      tags: ['a', 'b', `t${i % 7}`],
      meta: { views: i, station: `s${i % 12}` },
    }));
    for (let i = 0; i < docs.length; i += 500) await db.api.collection('articles').add({ data: docs.slice(i, i + 500) });
    await db.compact();
    for (let i = 0; i < 200; i++) await db.api.collection('articles').doc(`doc${i}`).update({ data: { 'meta.views': db.api.command.inc(1) } });
    await opened.pop()?.close();
    const started = performance.now();
    const again = open(dir);
    const ms = performance.now() - started;
    expect(again.find('articles')).toHaveLength(5000);
    expect(again.find('articles', { _id: 'doc10' })[0]?.meta).toEqual({ views: 11, station: 's10' });
    console.log(`opened 5000 docs + 200 journal records in ${ms.toFixed(1)} ms (engine: ${again.openStats.ms.toFixed(1)} ms)`);
    expect(ms).toBeLessThan(1000);
  });
});

describe('group commit', () => {
  it('syncs once for all the commits of a tick, and acknowledges each write only after that sync', async () => {
    const db = open(tempDir(), { fsync: true });
    await db.api.collection('c').add({ data: { _id: 'first' } });
    const before = db.syncCount();
    let acknowledged = 0;
    const writes = Array.from({ length: 20 }, (_, n) =>
      db.api
        .collection('c')
        .add({ data: { _id: `w${n}` } })
        .then(() => {
          acknowledged++;
        }),
    );
    const transaction = db.api.runTransaction(async (t) => {
      await t.collection('c').doc('first').update({ data: { n: 1 } });
    });
    // Microtasks run, the tick's sync has not: nothing may be acknowledged yet.
    for (let i = 0; i < 20; i++) await Promise.resolve();
    expect(acknowledged).toBe(0);
    expect(db.syncCount()).toBe(before);
    await Promise.all([...writes, transaction]);
    expect(acknowledged).toBe(20);
    expect(db.syncCount() - before).toBeLessThanOrEqual(2);
    expect(db.syncCount() - before).toBeGreaterThanOrEqual(1);
  });

  it('a read that saw a write not yet on disk answers only after the sync', async () => {
    const db = open(tempDir(), { fsync: true });
    const before = db.syncCount();
    const write = db.api.collection('c').add({ data: { _id: 'x', v: 1 } });
    const read = db.api
      .collection('c')
      .doc('x')
      .get()
      .then((result) => ({ v: result.data?.v, syncs: db.syncCount() }));
    expect(await read).toEqual({ v: 1, syncs: before + 1 });
    await write;
  });

  it('a read of data unchanged since the last sync answers without waiting for the pending one', async () => {
    const db = open(tempDir(), { fsync: true });
    await db.api.collection('settled').add({ data: { _id: 's', v: 1 } });
    const before = db.syncCount();
    const write = db.api.collection('busy').add({ data: { _id: 'x', v: 1 } });
    // Neither the document nor the collection read changed since the last sync.
    const doc = await db.api.collection('settled').doc('s').get();
    const query = await db.api.collection('settled').where({ v: 1 }).get();
    expect({ doc: doc.data?.v, query: query.data.length, syncs: db.syncCount() }).toEqual({ doc: 1, query: 1, syncs: before });
    // A query of the collection being written waits for its sync.
    const busy = await db.api.collection('busy').where({ v: 1 }).get();
    expect({ found: busy.data.length, syncs: db.syncCount() }).toEqual({ found: 1, syncs: before + 1 });
    await write;
  });

  it('a query an index serves waits only for writes to the documents filed under the keys it walks', async () => {
    const byOwner = { collection: 'c', name: 'by_owner', fields: [{ field: 'owner', direction: 1 as const }, { field: '_id', direction: 1 as const }] };
    const db = open(tempDir(), { fsync: true, indexes: [byOwner] });
    await db.api.collection('c').add({ data: [{ _id: 'a1', owner: 'a' }, { _id: 'b1', owner: 'b' }] });
    const mine = () => db.api.collection('c').where({ owner: 'a' }).orderBy('_id', 'asc').get();
    let before = db.syncCount();
    const elsewhere = db.api.collection('c').add({ data: { _id: 'b2', owner: 'b' } });
    expect({ found: (await mine()).data.length, syncs: db.syncCount() }).toEqual({ found: 1, syncs: before });
    await elsewhere;
    // A document moving out of the walked key is a change the answer depends on (it is no longer there).
    before = db.syncCount();
    const moved = db.api.collection('c').doc('a1').update({ data: { owner: 'b' } });
    expect({ found: (await mine()).data.length, syncs: db.syncCount() }).toEqual({ found: 0, syncs: before + 1 });
    await moved;
    before = db.syncCount();
    const back = db.api.collection('c').doc('a1').update({ data: { owner: 'a' } });
    expect({ found: (await mine()).data.length, syncs: db.syncCount() }).toEqual({ found: 1, syncs: before + 1 });
    await back;
  });

  it('a transaction that read a write not yet on disk ends (rolled back or failed) only after its sync', async () => {
    const db = open(tempDir(), { fsync: true });
    await db.api.collection('c').add({ data: { _id: 'x', v: 0 } });
    const before = db.syncCount();
    const write = db.api.collection('c').doc('x').update({ data: { v: 1 } });
    const seen: unknown[] = [];
    const failed = db.api
      .runTransaction(async (t) => {
        const { data } = await t.collection('c').doc('x').get();
        // Inside, the read answers at once: the sync has not run.
        seen.push(data?.v, db.syncCount());
        throw new Error('refused');
      })
      .catch((error: Error) => ({ message: error.message, syncs: db.syncCount() }));
    expect(await failed).toEqual({ message: 'refused', syncs: before + 1 });
    expect(seen).toEqual([1, before]);
    await write;
  });

  it('writes acknowledged in one group are all there after reopening', async () => {
    const dir = tempDir();
    const db = openLocalDatabase({ dir, fsync: true });
    await Promise.all(Array.from({ length: 50 }, (_, n) => db.api.collection('c').add({ data: { _id: `g${n}`, n } })));
    await db.close();
    const reopened = open(dir);
    expect(reopened.find('c')).toHaveLength(50);
  });
});
