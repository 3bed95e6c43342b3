/**
 * A city-scale routing world for the benchmark: the generated city (15 districts, 250 stations,
 * 4,000 communities) staffed with posts, officers and a week of shifts, plus a stream of
 * residents' questions. Deterministic from its seed.
 */
import { createLocator, generateCity, mulberry32, type LatLng } from '../../domain/geo';
export { route } from '../../domain/routing';
import { CONSULT_CATEGORIES, createRoutingSnapshot, dayShift, nightShift, type ConsultCategory, type DirectorySnapshot, type Leave, type Shift } from '../../domain/routing';

const CITY = { seed: 20240601, districts: 15, stations: 250, communities: 4000, verticesPerPolygon: 40 };
const COMMUNITIES_PER_POST = 4;
const WEEK = ['2026-11-23', '2026-11-24', '2026-11-25', '2026-11-26', '2026-11-27', '2026-11-28', '2026-11-29'];

export interface RoutingQuestion {
  communityId?: string;
  location?: LatLng;
  category: ConsultCategory;
  at: Date;
}

export function buildRoutingWorld() {
  const city = generateCity(CITY);
  const random = mulberry32(CITY.seed ^ 0xbeef);
  const directory: DirectorySnapshot & { posts: { id: string; name: string; stationId: string; communityIds: string[]; phone: string }[] } = {
    districts: city.districts.map((district) => ({ id: district.id, name: district.name, generalQueueName: '综合受理' })),
    stations: city.stations.map((station) => ({ id: station.id, name: station.name, districtId: station.districtId, hallDeskName: '综合服务大厅', dutyDeskName: '值班室' })),
    posts: [],
    communities: [],
    officers: [],
  };
  const communities: { id: string; name: string; postId: string; stationId: string }[] = [];
  const officers: DirectorySnapshot['officers'][number][] = [];
  const shifts: Shift[] = [];
  const leave: Leave[] = [];

  for (const station of city.stations) {
    for (let start = 0; start < station.communityIds.length; start += COMMUNITIES_PER_POST) {
      const postId = `${station.id}-p${start / COMMUNITIES_PER_POST}`;
      const covered = station.communityIds.slice(start, start + COMMUNITIES_PER_POST);
      directory.posts.push({ id: postId, name: `${station.name}第${start / COMMUNITIES_PER_POST + 1}警务区`, stationId: station.id, communityIds: covered, phone: '0571-0000 0000' });
      for (const communityId of covered) communities.push({ id: communityId, name: communityId, postId, stationId: station.id });
      // Two beat officers share a post's communities; one holds the post's night duty.
      for (const [index, slice] of [covered.slice(0, 2), covered.slice(2)].entries()) {
        if (!slice.length) continue;
        const id = `${postId}-beat${index}`;
        officers.push({ id, name: id, stationId: station.id, postId, kinds: ['beat'], communityIds: slice });
        WEEK.forEach((day, weekday) => weekday !== (index + start) % 7 && shifts.push(dayShift(id, day)));
      }
      const dutyId = `${postId}-duty`;
      officers.push({ id: dutyId, name: dutyId, stationId: station.id, postId, kinds: ['duty'], communityIds: [] });
      WEEK.forEach((day) => shifts.push(nightShift(dutyId, day)));
    }
    for (const kind of ['hall', 'antiFraud'] as const) {
      const id = `${station.id}-${kind}`;
      officers.push({ id, name: id, stationId: station.id, kinds: [kind], communityIds: [] });
      WEEK.forEach((day) => shifts.push(dayShift(id, day)));
    }
  }
  // About one officer in twenty is on leave for two days.
  for (const officer of officers) {
    if (random() < 0.05) leave.push({ officerId: officer.id, from: new Date('2026-11-25T00:00:00+08:00'), to: new Date('2026-11-27T00:00:00+08:00') });
  }

  const snapshot = createRoutingSnapshot({ directory: { ...directory, communities, officers }, roster: { shifts, leave } });
  const locator = createLocator(city.communities);
  const stationOf = new Map(city.communities.map((community) => [community.id, community.stationId]));
  const weekStart = new Date('2026-11-23T00:00:00+08:00').getTime();

  /** Half the residents have a bound community, half send a location (some of it in gaps). */
  function questions(count: number): RoutingQuestion[] {
    return Array.from({ length: count }, () => {
      const category = CONSULT_CATEGORIES[Math.floor(random() * CONSULT_CATEGORIES.length)]!;
      const at = new Date(weekStart + random() * 7 * 86_400_000);
      if (random() < 0.5) return { communityId: city.communities[Math.floor(random() * city.communities.length)]!.id, category, at };
      const { south, west, north, east } = city.bbox;
      return { location: { latitude: south + random() * (north - south), longitude: west + random() * (east - west) }, category, at };
    });
  }

  return { city, snapshot, locator, stationOf, questions, officers: officers.length, shifts: shifts.length };
}
