import { generateCity, mulberry32 } from '@domain/geo/generate-city';
import { pointInPolygon, pointInRing } from '@domain/geo/geometry';
import { createLocator } from '@domain/geo/locator';
import type { LatLng, Ring } from '@domain/geo/types';

const key = (p: LatLng) => `${p.longitude},${p.latitude}`;

test('mulberry32 is deterministic and roughly uniform', () => {
  const a = mulberry32(1);
  const b = mulberry32(1);
  const values = Array.from({ length: 10_000 }, () => a());
  expect(values.slice(0, 5)).toEqual(Array.from({ length: 5 }, () => b()));
  expect(Math.min(...values)).toBeGreaterThanOrEqual(0);
  expect(Math.max(...values)).toBeLessThan(1);
  const mean = values.reduce((sum, v) => sum + v, 0) / values.length;
  expect(mean).toBeCloseTo(0.5, 1);
});

describe('the benchmark city (15 districts, 250 stations, 4,000 communities)', () => {
  const city = generateCity({ seed: 1, districts: 15, stations: 250, communities: 4000, verticesPerPolygon: 40 });

  test('sizes, ids and the district → station → community hierarchy', () => {
    expect(city.communities).toHaveLength(4000);
    expect(city.stations).toHaveLength(250);
    expect(city.districts).toHaveLength(15);
    expect(new Set(city.communities.map((c) => c.id)).size).toBe(4000);
    expect(city.communities.filter((c) => c.polygon.outer.length !== 40)).toEqual([]);

    const stations = new Map(city.stations.map((s) => [s.id, s]));
    const misfiled = city.communities.filter((c) => {
      const station = stations.get(c.stationId);
      return !station || !station.communityIds.includes(c.id) || station.districtId !== c.districtId;
    });
    expect(misfiled).toEqual([]);
    expect(city.stations.reduce((sum, s) => sum + s.communityIds.length, 0)).toBe(4000);
    expect(city.stations.filter((s) => s.communityIds.length === 0)).toEqual([]);
    expect(city.districts.filter((d) => d.stationIds.length === 0)).toEqual([]);
    expect(city.districts.filter((d) => d.stationIds.some((id) => stations.get(id)?.districtId !== d.id))).toEqual([]);
    expect(city.districts.flatMap((d) => d.stationIds).sort()).toEqual(city.stations.map((s) => s.id).sort());
  });

  test('about 40 km across, around Hangzhou', () => {
    const { south, west, north, east } = city.bbox;
    expect((south + north) / 2).toBeCloseTo(30.27, 1);
    expect((west + east) / 2).toBeCloseTo(120.16, 1);
    expect((north - south) * 111.2).toBeGreaterThan(35);
    expect((north - south) * 111.2).toBeLessThan(42);
  });

  test('neighbours share edges exactly: every edge is either shared with one neighbour (reversed) or borders a gap', () => {
    const owner = new Map<string, string>();
    const ringEdges = (ring: Ring) => ring.map((a, i) => [a, ring[(i + 1) % ring.length]!] as const);
    let repeated = 0; // the same directed edge twice would be an overlap
    for (const community of city.communities) {
      for (const [a, b] of ringEdges(community.polygon.outer)) {
        const directed = `${key(a)}>${key(b)}`;
        if (owner.has(directed)) repeated += 1;
        owner.set(directed, community.id);
      }
    }
    let shared = 0;
    let withItself = 0;
    for (const [directed, id] of owner) {
      const [a, b] = directed.split('>');
      const neighbour = owner.get(`${b}>${a}`);
      if (neighbour === id) withItself += 1;
      else if (neighbour !== undefined) shared += 1;
    }
    expect(repeated).toBe(0);
    expect(withItself).toBe(0);
    expect(shared / owner.size).toBeGreaterThan(0.9); // most edges are between two communities
    expect(shared).toBeLessThan(owner.size); // …and some border the river, parks' outskirts or the city edge
  });

  test('has parks (holes inside their community) and gaps (points in the bbox outside every community)', () => {
    const parks = city.communities.filter((c) => (c.polygon.holes ?? []).length > 0);
    expect(parks.length).toBeGreaterThanOrEqual(10);
    expect(parks.filter((park) => !park.polygon.holes![0]!.every((p) => pointInRing(p, park.polygon.outer)))).toEqual([]);

    const locator = createLocator(city.communities);
    const random = mulberry32(3);
    const { south, west, north, east } = city.bbox;
    let outside = 0;
    for (let i = 0; i < 5000; i += 1) {
      if (locator.locate({ latitude: south + random() * (north - south), longitude: west + random() * (east - west) }) === undefined) outside += 1;
    }
    expect(outside).toBeGreaterThan(5000 * 0.03);
    expect(outside).toBeLessThan(5000 * 0.4);
    const inPark = parks[0]!.polygon.holes![0]!;
    const parkCentre = { latitude: inPark.reduce((s, p) => s + p.latitude, 0) / inPark.length, longitude: inPark.reduce((s, p) => s + p.longitude, 0) / inPark.length };
    expect(locator.locate(parkCentre)).toBeUndefined();
    // a community's centre is inside it, even when its centroid falls in its park
    expect(city.communities.filter((c) => locator.locate(c.centre) !== c.id).map((c) => c.id)).toEqual([]);
  });

  test('the same seed gives the same city; another seed another one', () => {
    const again = generateCity({ seed: 1 });
    expect(again.communities[1234]).toEqual(city.communities[1234]);
    expect(again.stations).toEqual(city.stations);
    expect(generateCity({ seed: 2 }).communities[1234]!.polygon.outer[5]).not.toEqual(city.communities[1234]!.polygon.outer[5]);
  });
});

describe('a small city', () => {
  const city = generateCity({ seed: 99, communities: 120, stations: 9, districts: 2, verticesPerPolygon: 24 });

  test('every community is a simple polygon (no self-intersections)', () => {
    const cross = (o: LatLng, a: LatLng, b: LatLng) => (a.longitude - o.longitude) * (b.latitude - o.latitude) - (a.latitude - o.latitude) * (b.longitude - o.longitude);
    let crossings = 0;
    for (const community of city.communities) {
      const ring = community.polygon.outer;
      expect(ring).toHaveLength(24);
      const n = ring.length;
      for (let i = 0; i < n; i += 1) {
        for (let j = i + 2; j < n; j += 1) {
          if (i === 0 && j === n - 1) continue; // adjacent through the closing edge
          const [a, b, c, d] = [ring[i]!, ring[(i + 1) % n]!, ring[j]!, ring[(j + 1) % n]!];
          if (cross(a, b, c) * cross(a, b, d) < 0 && cross(c, d, a) * cross(c, d, b) < 0) crossings += 1;
        }
      }
    }
    expect(crossings).toBe(0);
  });

  test('no two communities overlap (sampled)', () => {
    const random = mulberry32(5);
    const { south, west, north, east } = city.bbox;
    let overlaps = 0;
    for (let i = 0; i < 3000; i += 1) {
      const point = { latitude: south + random() * (north - south), longitude: west + random() * (east - west) };
      if (city.communities.filter((c) => pointInPolygon(point, c.polygon)).length > 1) overlaps += 1;
    }
    expect(overlaps).toBe(0);
  });
});
