import type { CommunityView } from '@domain/actions/directory';
import { COLLECTIONS, type CommunityRecord, type DistrictRecord, type OfficerRecord, type PostRecord, type StationRecord } from './collections';
import { findById, findMany, type StoredDoc } from './documents';
import { database } from './wx';

/**
 * The directory's records, indexed by id: districts, stations, posts, communities and active
 * officers. Functions that only name places and people (feed) read this and carry none of the
 * routing machinery (locator, address resolver, duty roster) that `./directory` builds on it.
 * A warm function instance keeps it; any directory write bumps `meta/directory.version`.
 */
export interface DirectoryRecords {
  version: number;
  builtAt: Date;
  districts: Map<string, DistrictRecord>;
  stations: Map<string, StationRecord>;
  posts: Map<string, PostRecord>;
  communities: Map<string, CommunityRecord>;
  officers: Map<string, OfficerRecord>;
}

const DIRECTORY_VERSION_DOC = 'directory';
export const MAX_CACHE_AGE_MS = 10 * 60_000;
/** Server get() returns at most 1000 documents: read bigger collections page by page. */
const PAGE = 1000;

/**
 * Reads a collection page by page: all of it in `_id` order, or what `where` matches in the order
 * of `rangeField` (the field its range condition is on, so the declared index serves the read).
 */
export async function readAll<T extends StoredDoc>(collection: string, where?: Record<string, unknown>, rangeField?: string): Promise<T[]> {
  const all: T[] = [];
  for (let skip = 0; ; skip += PAGE) {
    const base = database().collection(collection);
    const filtered = where ? base.where(where) : base;
    const query = (rangeField ? filtered.orderBy(rangeField, 'asc') : filtered).orderBy('_id', 'asc').skip(skip).limit(PAGE);
    const page = await findMany<T>(query);
    all.push(...page);
    if (page.length < PAGE) return all;
  }
}

const byId = <T extends { _id: string }>(docs: T[]) => new Map(docs.map((doc) => [doc._id, doc]));

export async function directoryVersion(): Promise<number> {
  const meta = await findById<{ _id: string; version: number }>(COLLECTIONS.meta, DIRECTORY_VERSION_DOC);
  return meta?.version ?? 0;
}

/** Call after any write to the directory, roster or rules, inside or after the write. */
export async function bumpDirectoryVersion(now: Date): Promise<void> {
  const _ = database().command;
  const updated = await database().collection(COLLECTIONS.meta).doc(DIRECTORY_VERSION_DOC).update({ data: { version: _.inc(1), updatedAt: now } });
  if ((updated as unknown as { stats: { updated: number } }).stats.updated === 0) {
    await database().collection(COLLECTIONS.meta).doc(DIRECTORY_VERSION_DOC).set({ data: { version: 1, updatedAt: now } });
  }
}

/** The records as stored, officers included whether active or not (see `indexRecords`). */
export interface StoredDirectory {
  districts: DistrictRecord[];
  stations: StationRecord[];
  posts: PostRecord[];
  communities: CommunityRecord[];
  officers: OfficerRecord[];
}

export async function readDirectoryRecords(): Promise<StoredDirectory> {
  const [districts, stations, posts, communities, officers] = await Promise.all([
    readAll<DistrictRecord>(COLLECTIONS.districts),
    readAll<StationRecord>(COLLECTIONS.stations),
    readAll<PostRecord>(COLLECTIONS.posts),
    readAll<CommunityRecord>(COLLECTIONS.communities),
    readAll<OfficerRecord>(COLLECTIONS.officers),
  ]);
  return { districts, stations, posts, communities, officers };
}

/** A deactivated officer is never routed, offered as a transfer target or shown to residents. */
export const activeOfficers = (officers: OfficerRecord[]) => officers.filter((officer) => officer.active !== false);

export function indexRecords(stored: StoredDirectory, now: Date, version: number): DirectoryRecords {
  return {
    version,
    builtAt: now,
    districts: byId(stored.districts),
    stations: byId(stored.stations),
    posts: byId(stored.posts),
    communities: byId(stored.communities),
    officers: byId(activeOfficers(stored.officers)),
  };
}

/** Whether a warm copy built at `builtAt` from `version` still serves at `now`. */
export const isFresh = (copy: { version: number; builtAt: Date } | undefined, version: number, now: Date): boolean =>
  copy !== undefined && copy.version === version && now.getTime() - copy.builtAt.getTime() < MAX_CACHE_AGE_MS && now >= copy.builtAt;

let cached: DirectoryRecords | undefined;

/** The current directory records: the warm copy when nothing changed, else a fresh read. */
export async function currentDirectoryRecords(now: Date): Promise<DirectoryRecords> {
  const version = await directoryVersion();
  if (!isFresh(cached, version, now)) cached = indexRecords(await readDirectoryRecords(), now, version);
  return cached!;
}

export function communityView(directory: DirectoryRecords, communityId: string): CommunityView | undefined {
  const community = directory.communities.get(communityId);
  if (!community) return undefined;
  return {
    id: community._id,
    name: community.name,
    stationId: community.stationId,
    stationName: directory.stations.get(community.stationId)?.name ?? '',
    postName: directory.posts.get(community.postId)?.name ?? '',
  };
}

export const communityViews = (directory: DirectoryRecords, ids: readonly string[]): CommunityView[] =>
  ids.map((id) => communityView(directory, id)).filter((view): view is CommunityView => view !== undefined);
