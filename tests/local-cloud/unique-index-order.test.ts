/**
 * A data directory an earlier version wrote: bookings without `place` / `placed` / `codeKey` (a
 * unique index counts each missing field as null). As CloudBase refuses to create
 * bookings.place_unique and code_unique over them, the local database does not put them in force;
 * the local start then does what `npm run deploy` does — runs the booking function's
 * hallHousekeeping (its timer's event) until the migration reports finished, then creates them —
 * and from then on a write repeating a place or a code is refused.
 */
import fs from 'node:fs';
import path from 'node:path';
import { shanghaiDay } from '@domain/booking';
import { openLocalDatabase } from '@local-cloud/database';
import { startLocalCloud } from '@local-cloud/start-local-cloud';
import { closeLocalDatabase, DECLARED_INDEXES, localDatabase } from '@local-cloud/wx-server-sdk/engine';
import { startHarness } from '../support/cloud-harness';

const DAY_MS = 24 * 60 * 60 * 1000;
const withoutId = ({ _id: _omitted, ...doc }: Record<string, unknown>) => doc;

/** What an earlier version stored: a booking with no place fields. */
function oldBooking(id: string, daysFromNow: number, status: string, slotTime = '0900', code = id.slice(-4)) {
  const start = new Date(Date.now() + daysFromNow * DAY_MS);
  const day = shanghaiDay(start);
  return {
    _id: id,
    accountId: `acc-${id}`,
    stationId: 'changqing',
    service: 'idRenewal',
    slotId: `changqing:idRenewal:${day}:${slotTime}`,
    day,
    start,
    end: new Date(start.getTime() + 30 * 60_000),
    status,
    checkInCode: code,
    person: { self: true, name: '王' },
    createdAt: new Date(Date.now() - 20 * DAY_MS),
    updatedAt: new Date(Date.now() - 20 * DAY_MS),
  };
}

/** A data directory with the demo data and `bookings` written as an earlier version did (no unique indexes to stop it). */
async function earlierVersionData(bookings: Record<string, unknown>[]): Promise<string> {
  const harness = await startHarness();
  await closeLocalDatabase();
  const earlier = openLocalDatabase({ dir: path.join(harness.dataDir, 'database'), fsync: false, indexes: DECLARED_INDEXES.filter((index) => !index.unique) });
  for (const booking of bookings) await earlier.api.collection('bookings').doc(String(booking._id)).set({ data: withoutId(booking) });
  await earlier.close();
  return harness.dataDir;
}

const quietly = () => ({ log: jest.spyOn(console, 'log').mockImplementation(() => undefined), warn: jest.spyOn(console, 'warn').mockImplementation(() => undefined) });
afterEach(() => jest.restoreAllMocks());

test('old-shape bookings: the unique indexes are not in force; the start runs the migration, then creates them, and they are enforced', async () => {
  const dataDir = await earlierVersionData([
    oldBooking('bk-ahead-1', 3, 'booked'),
    oldBooking('bk-ahead-2', 3, 'booked'),
    oldBooking('bk-ahead-3', 4, 'booked', '1000'),
    oldBooking('bk-past-1', -10, 'checkedIn'),
    oldBooking('bk-gone-1', 5, 'cancelled'),
  ]);
  const { log, warn } = quietly();
  try {
    const engine = localDatabase();
    expect(engine.pendingUniqueIndexes().map((index) => `${index.collection}.${index.name}`)).toEqual(['bookings.place_unique', 'bookings.code_unique']);
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('unique index bookings.place_unique is not in force: 4 stored document(s) repeat a key, so CloudBase would refuse to create it'));
    // Not in force, as in CloudBase before the index exists: one more booking lacking place is stored.
    await engine.api.collection('bookings').doc('bk-past-2').set({ data: withoutId(oldBooking('bk-past-2', -12, 'checkedIn')) });

    const cloud = await startLocalCloud({ dataDir, h5Dir: path.join(dataDir, 'no-h5'), port: 0, timers: false });
    try {
      const lines = log.mock.calls.map((call) => String(call[0]));
      const announced = lines.findIndex((line) => line.includes('stored data keeps bookings.place_unique, bookings.code_unique from being created: running booking.hallHousekeeping:places'));
      const finished = lines.findIndex((line) => /booking\.hallHousekeeping:places run \d+: .*"finished":true/.test(line));
      const created = lines.indexOf('[local-cloud] created bookings.place_unique, bookings.code_unique');
      expect(announced).toBeGreaterThanOrEqual(0);
      expect(finished).toBeGreaterThan(announced);
      expect(created).toBe(finished + 1);
      expect(engine.pendingUniqueIndexes()).toEqual([]);

      // The migration gave every booking its fields: the ones ahead a place of their slot each.
      const bookings = engine.find('bookings');
      expect(bookings).toHaveLength(6);
      expect(bookings.every((booking) => typeof booking.placed === 'boolean' && typeof booking.place === 'string' && typeof booking.codeKey === 'string')).toBe(true);
      const ahead = (id: string) => bookings.find((booking) => booking._id === id)!;
      expect(ahead('bk-ahead-1')).toMatchObject({ placed: true, place: expect.stringMatching(/:0900#\d$/) });
      expect(ahead('bk-ahead-2').place).not.toBe(ahead('bk-ahead-1').place);
      expect(ahead('bk-gone-1')).toMatchObject({ placed: false, place: 'free:bk-gone-1' });

      // Enforced now: a write repeating a place, or a code claim, is refused.
      const second = withoutId(ahead('bk-ahead-2'));
      await expect(engine.api.collection('bookings').doc('bk-ahead-2').set({ data: { ...second, place: ahead('bk-ahead-1').place } })).rejects.toMatchObject({
        code: 'DATABASE_DUPLICATE_WRITE',
        errMsg: expect.stringContaining('index: place_unique'),
      });
      await expect(engine.api.collection('bookings').doc('bk-new').set({ data: { ...second, place: 'free:bk-new' } })).rejects.toMatchObject({ errMsg: expect.stringContaining('index: code_unique') });
    } finally {
      await cloud.stop();
    }
  } finally {
    await closeLocalDatabase();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}, 90_000);

test('stored duplicates the migration does not resolve: the start stops and says what to do, the index stays out of force', async () => {
  const twice = { place: 'changqing:idRenewal:2026-01-05:0900#0', placed: true };
  const dataDir = await earlierVersionData([
    { ...oldBooking('bk-one', -30, 'checkedIn', '0900', '1111'), ...twice, codeKey: 'free:bk-one' },
    { ...oldBooking('bk-two', -30, 'checkedIn', '0900', '2222'), ...twice, codeKey: 'free:bk-two' },
  ]);
  quietly();
  try {
    const refusal = await startLocalCloud({ dataDir, h5Dir: path.join(dataDir, 'no-h5'), port: 0, timers: false }).then(
      async (cloud) => {
        await cloud.stop();
        return undefined;
      },
      (error: Error) => error.message,
    );
    expect(refusal).toMatch(
      /the unique index bookings\.place_unique cannot be created: E11000 duplicate key error collection: bookings index: place_unique .*Correct or remove the documents of bookings that share place .*npm run reset/,
    );
    expect(localDatabase().pendingUniqueIndexes().map((index) => index.name)).toEqual(['place_unique']);
  } finally {
    await closeLocalDatabase();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}, 90_000);
