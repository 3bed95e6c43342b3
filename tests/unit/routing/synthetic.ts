/**
 * A large synthetic directory and a week's roster, for the performance test (and any bench that
 * wants the same shape): districts × stations × posts × communities, six officers per post plus
 * two anti-fraud officers per station, each on a day or night shift every day, a few on leave.
 * Deterministic (seeded), so numbers are comparable between runs.
 */
import {
  CONSULT_CATEGORIES,
  dayShift,
  nightShift,
  type ConsultCategory,
  type DirectorySnapshot,
  type DutyRoster,
  type Leave,
  type Officer,
  type RoutingInput,
  type Shift,
} from '@domain/routing';

export function seededRandom(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s + 0x6d2b79f5) | 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface SyntheticWorld {
  directory: DirectorySnapshot;
  roster: DutyRoster;
  days: string[];
  communityIds: string[];
  stationIds: string[];
  districtIds: string[];
}

export function syntheticWorld({ districts = 5, stationsPerDistrict = 20, postsPerStation = 5, communitiesPerPost = 4, seed = 7 } = {}): SyntheticWorld {
  const random = seededRandom(seed);
  const days = ['2026-03-09', '2026-03-10', '2026-03-11', '2026-03-12', '2026-03-13', '2026-03-14', '2026-03-15'];
  const dir = { districts: [], stations: [], posts: [], communities: [], officers: [] } as {
    [K in keyof DirectorySnapshot]: Array<DirectorySnapshot[K][number]>;
  };

  for (let d = 0; d < districts; d++) {
    const districtId = `d${d}`;
    dir.districts.push({ id: districtId, name: `第${d}分局`, generalQueueName: '综合受理' });
    for (let s = 0; s < stationsPerDistrict; s++) {
      const stationId = `${districtId}-s${s}`;
      dir.stations.push({ id: stationId, name: `第${s}派出所`, districtId, hallDeskName: '综合服务大厅', dutyDeskName: '值班室' });
      for (let a = 0; a < 2; a++) dir.officers.push({ id: `${stationId}-af${a}`, name: '反', stationId, kinds: ['antiFraud'], communityIds: [] });
      for (let p = 0; p < postsPerStation; p++) {
        const postId = `${stationId}-p${p}`;
        const communityIds = Array.from({ length: communitiesPerPost }, (_, c) => `${postId}-c${c}`);
        dir.posts.push({ id: postId, name: `第${p}警务区`, stationId, communityIds, phone: '000' });
        for (const id of communityIds) dir.communities.push({ id, name: `${id}社区`, postId, stationId });
        const officers: Officer[] = [
          ...communityIds.map((id, i) => ({ id: `${postId}-b${i}`, name: '片', stationId, postId, kinds: ['beat' as const], communityIds: random() < 0.3 ? communityIds.slice(i, i + 2) : [id] })),
          { id: `${postId}-duty`, name: '值', stationId, postId, kinds: ['duty'], communityIds: [] },
          { id: `${postId}-hall`, name: '窗', stationId, postId, kinds: ['hall'], communityIds: [] },
        ];
        dir.officers.push(...officers);
      }
    }
  }

  const shifts: Shift[] = [];
  const leave: Leave[] = [];
  for (const officer of dir.officers) {
    for (const day of days) {
      const r = random();
      if (r < 0.45) shifts.push(dayShift(officer.id, day));
      else if (r < 0.8) shifts.push(nightShift(officer.id, day));
    }
    if (random() < 0.05) {
      const day = days[Math.floor(random() * days.length)] ?? '2026-03-10';
      const from = dayShift(officer.id, day).start;
      leave.push({ officerId: officer.id, from, to: new Date(from.getTime() + 2 * 86_400_000) });
    }
  }

  return {
    directory: dir,
    roster: { shifts, leave },
    days,
    communityIds: dir.communities.map((c) => c.id),
    stationIds: dir.stations.map((s) => s.id),
    districtIds: dir.districts.map((d) => d.id),
  };
}

/** Random questions over the world: mostly with a community, some by location or district only, a few unknown ids. */
export function syntheticInputs(world: SyntheticWorld, count: number, seed = 11): RoutingInput[] {
  const random = seededRandom(seed);
  const pick = <T>(list: readonly T[], fallback: T): T => list[Math.floor(random() * list.length)] ?? fallback;
  const weekStart = new Date(`${world.days[0]}T00:00:00+08:00`).getTime();
  return Array.from({ length: count }, () => {
    const r = random();
    const category: ConsultCategory = pick(CONSULT_CATEGORIES, 'other');
    const at = new Date(weekStart + Math.floor(random() * 7 * 86_400_000));
    const boundary = random() < 0.2 ? { nearbyCommunityIds: [pick(world.communityIds, ''), pick(world.communityIds, '')] } : undefined;
    if (r < 0.75) return { communityId: pick(world.communityIds, ''), category, at, boundary };
    if (r < 0.9) return { stationIdByLocation: pick(world.stationIds, ''), category, at, boundary };
    if (r < 0.97) return { districtId: pick(world.districtIds, ''), category, at };
    return { communityId: 'nowhere', stationIdByLocation: 'nowhere', category, at };
  });
}
