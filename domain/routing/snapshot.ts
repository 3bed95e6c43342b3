/**
 * The directory, roster and rules, indexed once so each routing decision is a handful of map
 * look-ups and O(log n) duty checks — never a scan of all officers or shifts.
 *
 * Build a new snapshot whenever the directory, roster or rules change (they change by the
 * minute at most; questions arrive far more often). Duplicate ids: the first entry wins.
 */
import type { OfficerKind } from '../roles';
import { DutyIndex } from './duty';
import type { Community, District, Officer, Post, RoutingData, RoutingRules, Station } from './model';

export interface RoutingSnapshot {
  readonly districts: ReadonlyMap<string, District>;
  readonly stations: ReadonlyMap<string, Station>;
  readonly posts: ReadonlyMap<string, Post>;
  readonly communities: ReadonlyMap<string, Community>;
  readonly officers: ReadonlyMap<string, Officer>;
  /** Beat officers of each community, best first: fewest communities, then id. */
  readonly beatOfficersByCommunity: ReadonlyMap<string, readonly Officer[]>;
  /** Officers of each post (by postId, or by the communities they cover), beat first, then duty, then others; then id. */
  readonly officersByPost: ReadonlyMap<string, readonly Officer[]>;
  /** Key `${stationId}|${kind}`, sorted by id. */
  readonly officersByStationKind: ReadonlyMap<string, readonly Officer[]>;
  /** Key `${districtId}|${kind}`, sorted by station id, then id. */
  readonly officersByDistrictKind: ReadonlyMap<string, readonly Officer[]>;
  readonly rulesByStation: ReadonlyMap<string, RoutingRules>;
  readonly duty: DutyIndex;
  /** The only district, when the directory has exactly one (the fallback for "no idea where"). */
  readonly soleDistrictId?: string;
}

export const stationKindKey = (stationId: string, kind: OfficerKind) => `${stationId}|${kind}`;
export const districtKindKey = (districtId: string, kind: OfficerKind) => `${districtId}|${kind}`;

const byCodeUnits = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function indexById<T extends { id: string }>(items: readonly T[] | undefined): Map<string, T> {
  const map = new Map<string, T>();
  for (const item of items ?? []) if (item && typeof item.id === 'string' && !map.has(item.id)) map.set(item.id, item);
  return map;
}

function push<T>(map: Map<string, T[]>, key: string, value: T) {
  const list = map.get(key);
  if (list) {
    if (!list.includes(value)) list.push(value);
  } else {
    map.set(key, [value]);
  }
}

function sortAll<T>(map: Map<string, T[]>, compare: (a: T, b: T) => number): Map<string, readonly T[]> {
  for (const list of map.values()) list.sort(compare);
  return map;
}

const kindRank = (officer: Officer) => (officer.kinds.includes('beat') ? 0 : officer.kinds.includes('duty') ? 1 : 2);

export function createRoutingSnapshot(data: RoutingData): RoutingSnapshot {
  const directory = data.directory;
  const districts = indexById(directory.districts);
  const stations = indexById(directory.stations);
  const posts = indexById(directory.posts);
  const communities = indexById(directory.communities);
  // Officers with malformed lists are repaired rather than dropped.
  const officers = indexById(
    (directory.officers ?? []).map((o) => ({ ...o, kinds: Array.isArray(o.kinds) ? o.kinds : [], communityIds: Array.isArray(o.communityIds) ? o.communityIds : [] })),
  );

  const beat = new Map<string, Officer[]>();
  const byPost = new Map<string, Officer[]>();
  const byStationKind = new Map<string, Officer[]>();
  const byDistrictKind = new Map<string, Officer[]>();

  for (const officer of officers.values()) {
    if (officer.kinds.includes('beat')) for (const communityId of officer.communityIds) push(beat, communityId, officer);

    if (officer.postId !== undefined) push(byPost, officer.postId, officer);
    for (const communityId of officer.communityIds) {
      const postId = communities.get(communityId)?.postId;
      if (postId !== undefined) push(byPost, postId, officer);
    }

    const districtId = stations.get(officer.stationId)?.districtId;
    for (const kind of new Set(officer.kinds)) {
      push(byStationKind, stationKindKey(officer.stationId, kind), officer);
      if (districtId !== undefined) push(byDistrictKind, districtKindKey(districtId, kind), officer);
    }
  }

  const rulesByStation = new Map<string, RoutingRules>();
  for (const rules of data.rules ?? []) if (rules && !rulesByStation.has(rules.stationId)) rulesByStation.set(rules.stationId, rules);

  const [soleDistrictId] = districts.size === 1 ? districts.keys() : [];

  return {
    districts,
    stations,
    posts,
    communities,
    officers,
    beatOfficersByCommunity: sortAll(beat, (a, b) => a.communityIds.length - b.communityIds.length || byCodeUnits(a.id, b.id)),
    officersByPost: sortAll(byPost, (a, b) => kindRank(a) - kindRank(b) || byCodeUnits(a.id, b.id)),
    officersByStationKind: sortAll(byStationKind, (a, b) => byCodeUnits(a.id, b.id)),
    officersByDistrictKind: sortAll(byDistrictKind, (a, b) => byCodeUnits(a.stationId, b.stationId) || byCodeUnits(a.id, b.id)),
    rulesByStation,
    duty: DutyIndex.build(data.roster ?? { shifts: [], leave: [] }),
    soleDistrictId,
  };
}
