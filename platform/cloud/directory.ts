import type { CommunityView } from '@domain/actions/directory';
import { createAddressResolver, type AddressResolver } from '@domain/address';
import { createLocator, type Locator } from '@domain/geo';
import { createRoutingSnapshot, type RoutingSnapshot } from '@domain/routing';
import {
  COLLECTIONS,
  type CommunityRecord,
  type DistrictRecord,
  type DutyLeaveRecord,
  type DutyShiftRecord,
  type OfficerRecord,
  type PostRecord,
  type RoutingRulesRecord,
  type StationRecord,
} from './collections';
import { findById, findMany, type StoredDoc } from './documents';
import { database } from './wx';

/**
 * Everything routing needs, read from the database once and indexed: the locator (location →
 * community), the address resolver, and the routing snapshot (rules, officers, who is on duty).
 * A warm function instance keeps it; any directory write bumps `meta/directory.version`, and the
 * roster window moves on, so a stale copy is rebuilt.
 */
export interface Directory {
  version: number;
  builtAt: Date;
  districts: Map<string, DistrictRecord>;
  stations: Map<string, StationRecord>;
  posts: Map<string, PostRecord>;
  communities: Map<string, CommunityRecord>;
  officers: Map<string, OfficerRecord>;
  locator: Locator;
  addresses: AddressResolver;
  routing: RoutingSnapshot;
}

const DIRECTORY_VERSION_DOC = 'directory';
/** Shifts are loaded for this window around now; the cache is rebuilt well before it runs out. */
const ROSTER_WINDOW_MS = { before: 24 * 3_600_000, after: 48 * 3_600_000 };
const MAX_CACHE_AGE_MS = 10 * 60_000;
/** Server get() returns at most 1000 documents: read bigger collections page by page. */
const PAGE = 1000;

/**
 * Reads a collection page by page: all of it in `_id` order, or what `where` matches in the order
 * of `rangeField` (the field its range condition is on, so the declared index serves the read).
 */
async function readAll<T extends StoredDoc>(collection: string, where?: Record<string, unknown>, rangeField?: string): Promise<T[]> {
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

export async function buildDirectory(now: Date, version: number): Promise<Directory> {
  const _ = database().command;
  const [districts, stations, posts, communities, allOfficers, shifts, leave, rules] = await Promise.all([
    readAll<DistrictRecord>(COLLECTIONS.districts),
    readAll<StationRecord>(COLLECTIONS.stations),
    readAll<PostRecord>(COLLECTIONS.posts),
    readAll<CommunityRecord>(COLLECTIONS.communities),
    readAll<OfficerRecord>(COLLECTIONS.officers),
    readAll<DutyShiftRecord>(
      COLLECTIONS.dutyShifts,
      {
        end: _.gt(new Date(now.getTime() - ROSTER_WINDOW_MS.before)),
        start: _.lt(new Date(now.getTime() + ROSTER_WINDOW_MS.after)),
      },
      'end',
    ),
    readAll<DutyLeaveRecord>(COLLECTIONS.dutyLeave, { to: _.gt(new Date(now.getTime() - ROSTER_WINDOW_MS.before)) }, 'to'),
    readAll<RoutingRulesRecord>(COLLECTIONS.routingRules),
  ]);

  // A deactivated officer is never routed, offered as a transfer target or shown to residents.
  const officers = allOfficers.filter((officer) => officer.active !== false);
  const routing = createRoutingSnapshot({
    directory: {
      districts: districts.map((district) => ({ id: district._id, name: district.name, generalQueueName: district.generalQueueName })),
      stations: stations.map((station) => ({ id: station._id, name: station.name, districtId: station.districtId, hallDeskName: '综合服务大厅', dutyDeskName: '值班室' })),
      posts: posts.map((post) => ({ id: post._id, name: post.name, stationId: post.stationId, communityIds: post.communityIds, phone: post.phone })),
      communities: communities.map((community) => ({ id: community._id, name: community.name, postId: community.postId, stationId: community.stationId })),
      officers: officers.map((officer) => ({
        id: officer._id,
        name: officer.name,
        title: officer.title,
        stationId: officer.stationId,
        ...(officer.postId ? { postId: officer.postId } : {}),
        kinds: officer.kinds,
        communityIds: officer.communityIds,
        // Nobody signs in as a record without an account: routing skips it for urgent checks.
        reachable: Boolean(officer.userId),
      })),
    },
    roster: {
      shifts: shifts.map((shift) => ({ officerId: shift.officerId, start: shift.start, end: shift.end })),
      leave: leave.map((entry) => ({ officerId: entry.officerId, from: entry.from, to: entry.to })),
    },
    rules: rules.map((rule) => ({ stationId: rule._id, byCategory: rule.byCategory, updatedAt: rule.updatedAt, updatedBy: rule.updatedBy })),
  });

  return {
    version,
    builtAt: now,
    districts: byId(districts),
    stations: byId(stations),
    posts: byId(posts),
    communities: byId(communities),
    officers: byId(officers),
    locator: createLocator(communities.map((community) => ({ id: community._id, polygon: community.boundary }))),
    addresses: createAddressResolver(communities.map((community) => ({ communityId: community._id, name: community.name, ...community.address }))),
    routing,
  };
}

let cached: Directory | undefined;

/** The current directory: the warm copy when nothing changed, else a fresh one. */
export async function currentDirectory(now: Date): Promise<Directory> {
  const version = await directoryVersion();
  const fresh = cached && cached.version === version && now.getTime() - cached.builtAt.getTime() < MAX_CACHE_AGE_MS && now >= cached.builtAt;
  if (!fresh) cached = await buildDirectory(now, version);
  return cached!;
}

export function communityView(directory: Directory, communityId: string): CommunityView | undefined {
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

export const communityViews = (directory: Directory, ids: readonly string[]): CommunityView[] =>
  ids.map((id) => communityView(directory, id)).filter((view): view is CommunityView => view !== undefined);
