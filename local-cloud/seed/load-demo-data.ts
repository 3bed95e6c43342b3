import { userIdFor } from '@platform/cloud/identity';
import { COLLECTIONS, type OfficerRecord, type UserRecord } from '@platform/cloud/collections';
import { DEMO_HALL_CONFIGS } from './demo-hall-config';
import type { LocalDatabase } from '../database';
import { demoArticles } from './demo-articles';
import { DEMO_COMMUNITIES, DEMO_DISTRICTS, DEMO_OFFICERS, DEMO_PERSONAS, DEMO_POSTS, DEMO_STATIONS } from './demo-data';
import { isFunctionsDatabase } from '../wx-server-sdk/engine';
import { loadDemoPartners } from './demo-partners';
import { demoShifts } from './demo-roster';

/** Marker document: present once the demo data has been loaded into a data directory. */
const SEED_MARKER = { collection: '_local_meta', id: 'demo-data' };

export function demoUsers(now: Date): UserRecord[] {
  return DEMO_PERSONAS.map((persona) => ({
    _id: userIdFor(persona.openid),
    openid: persona.openid,
    nickname: persona.nickname,
    role: persona.role,
    officerKinds: [...persona.officerKinds],
    ...(persona.stationId ? { stationId: persona.stationId } : {}),
    ...(persona.districtId ? { districtId: persona.districtId } : {}),
    ...(persona.homeCommunityId ? { homeCommunityId: persona.homeCommunityId } : {}),
    createdAt: now,
    updatedAt: now,
    ...(persona.role !== 'resident' ? { roleGrantedAt: now } : {}),
  }));
}

/** Officers, linked to the accounts of the personas that sign in as them. */
function demoOfficers(): OfficerRecord[] {
  return DEMO_OFFICERS.map(({ persona: personaKey, ...officer }) => {
    const persona = DEMO_PERSONAS.find((candidate) => candidate.key === personaKey);
    return persona ? { ...officer, userId: userIdFor(persona.openid) } : officer;
  });
}

/** Bumped when the stored shape of the demo articles changes (v2: targeting and filter keys for the feed's indexes). */
const ARTICLES_MARKER = { collection: '_local_meta', id: 'demo-articles-v2' };

/** A data directory loaded before the feed's current shape gets the demo articles rewritten (nothing else). */
async function upgradeDemoArticles(engine: LocalDatabase, now: Date): Promise<void> {
  if (engine.find(ARTICLES_MARKER.collection, { _id: ARTICLES_MARKER.id }).length > 0) return;
  for (const { _id, ...data } of demoArticles(now)) await engine.api.collection(COLLECTIONS.articles).doc(_id).set({ data });
  await engine.api.collection(ARTICLES_MARKER.collection).doc(ARTICLES_MARKER.id).set({ data: { loadedAt: now } });
}

/** Loads the demo data unless already loaded (or `force`, which wipes first); true when it loaded. */
export async function loadDemoData(engine: LocalDatabase, options: { force?: boolean; now?: Date } = {}): Promise<boolean> {
  const now = options.now ?? new Date();
  if (options.force) await engine.clear();
  else if (engine.find(SEED_MARKER.collection, { _id: SEED_MARKER.id }).length > 0) {
    await upgradeDemoArticles(engine, now);
    return false;
  }

  const db = engine.api;
  const batches: [string, Record<string, unknown>[]][] = [
    [COLLECTIONS.districts, DEMO_DISTRICTS as unknown as Record<string, unknown>[]],
    [COLLECTIONS.stations, DEMO_STATIONS as unknown as Record<string, unknown>[]],
    [COLLECTIONS.posts, DEMO_POSTS as unknown as Record<string, unknown>[]],
    [COLLECTIONS.communities, DEMO_COMMUNITIES as unknown as Record<string, unknown>[]],
    [COLLECTIONS.officers, demoOfficers() as unknown as Record<string, unknown>[]],
    [COLLECTIONS.dutyShifts, demoShifts(now) as unknown as Record<string, unknown>[]],
    [COLLECTIONS.users, demoUsers(now) as unknown as Record<string, unknown>[]],
    [COLLECTIONS.articles, demoArticles(now) as unknown as Record<string, unknown>[]],
    [COLLECTIONS.hallConfigs, Object.values(DEMO_HALL_CONFIGS).map(({ stationId, ...config }) => ({ _id: stationId, ...config }))],
  ];
  for (const [collection, docs] of batches) {
    // set() rather than add(): loading again after an interrupted start overwrites, never fails.
    for (const { _id, ...data } of docs) await db.collection(collection).doc(String(_id)).set({ data });
  }
  // A fresh version makes warm function instances drop any directory they cached from before.
  // (The random part keeps two data directories loaded at the same clock apart, as tests with a pinned clock do.)
  await db.collection(COLLECTIONS.meta).doc('directory').set({ data: { version: now.getTime() * 1000 + Math.floor(Math.random() * 1000), updatedAt: now } });
  await db.collection(ARTICLES_MARKER.collection).doc(ARTICLES_MARKER.id).set({ data: { loadedAt: now } });
  // Set up through the functions' own actions: only when they write to this very database
  // (a database opened on its own, as some tests do, gets the rest of the demo without them).
  if (isFunctionsDatabase(engine)) await loadDemoPartners();
  // Written last: a start killed halfway through loading loads again next time.
  await db.collection(SEED_MARKER.collection).doc(SEED_MARKER.id).set({ data: { loadedAt: now } });
  return true;
}

/**
 * The demo roster is generated for two weeks around the day the data was loaded; a local
 * cloud left running (or restarted) later gets the coming days added, so someone is on duty.
 */
export async function topUpDemoRoster(engine: LocalDatabase, now: Date): Promise<number> {
  const wanted = demoShifts(now, { before: 0, after: 7 });
  const known = new Set(engine.find(COLLECTIONS.dutyShifts, { _id: { $in: wanted.map((shift) => shift._id) } }).map((doc) => String(doc._id)));
  const missing = wanted.filter((shift) => !known.has(shift._id));
  for (const { _id, ...data } of missing) await engine.api.collection(COLLECTIONS.dutyShifts).doc(_id).set({ data });
  return missing.length;
}
