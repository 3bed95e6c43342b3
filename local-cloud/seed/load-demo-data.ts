import { COLLECTIONS } from '@platform/cloud/collections';
import type { LocalDatabase } from '../database';
import { publishDemoArticles } from './demo-articles';
import { isFunctionsDatabase } from '../wx-server-sdk/engine';
import { loadDemoPartners } from './demo-partners';
import { repeatDemoRosterUntil, setUpDemoStations } from './demo-station-setup';

/** Marker document: present once the demo data has been loaded into a data directory. */
const SEED_MARKER = { collection: '_local_meta', id: 'demo-data' };

/** Loads the demo data unless already loaded (or `force`, which wipes first); true when it loaded. */
export async function loadDemoData(engine: LocalDatabase, options: { force?: boolean; now?: Date } = {}): Promise<boolean> {
  const now = options.now ?? new Date();
  if (!options.force && engine.find(SEED_MARKER.collection, { _id: SEED_MARKER.id }).length > 0) return false;
  if (!isFunctionsDatabase(engine)) throw new Error('demo data is loaded through the cloud functions: open the database with localDatabase()');
  // Also after a start killed halfway through loading: the actions refuse to open a station twice.
  await engine.clear();
  const db = engine.api;
  // The directory's version counts up from a random start: warm function instances holding a
  // directory of another data directory (tests start many) never mistake it for this one's.
  await db.collection(COLLECTIONS.meta).doc('directory').set({ data: { version: Math.floor(Math.random() * 2 ** 48), updatedAt: now } });
  // One sync at the end rather than one per commit: an interrupted load starts over (marker below).
  await engine.bulkLoad(async () => {
    // Set up through the functions' own actions, as the people who would do it in the app.
    await setUpDemoStations(engine, now);
    // Each article by its officer, at the moment it was published.
    await publishDemoArticles(now);
    await loadDemoPartners();
  });
  // Written last: a start killed halfway through loading loads again next time.
  await db.collection(SEED_MARKER.collection).doc(SEED_MARKER.id).set({ data: { loadedAt: now } });
  return true;
}

/**
 * The demo roster covers three weeks from the day the data was loaded; a local cloud left running
 * (or restarted) later has each station's latest week repeated, as its admin would, so someone is
 * on duty. Returns how many weeks were repeated.
 */
export async function topUpDemoRoster(engine: LocalDatabase, now: Date): Promise<number> {
  return repeatDemoRosterUntil(engine, now);
}
