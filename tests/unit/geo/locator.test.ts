import { generateCity, mulberry32 } from '@domain/geo/generate-city';
import { haversineMeters, METERS_PER_DEGREE, pointToPolygonBoundaryMeters } from '@domain/geo/geometry';
import { createLinearLocator, createLocator } from '@domain/geo/locator';
import type { Area, LatLng, Ring } from '@domain/geo/types';

const at = (longitude: number, latitude: number): LatLng => ({ latitude, longitude });
/** 1/128° ≈ 870 m north–south, ≈ 750 m east–west here; binary fractions keep edge points exact. */
const S = 1 / 128;
const X = 120;
const Y = 30;
const square = (west: number, south: number, size = S): Ring => [at(west, south), at(west + size, south), at(west + size, south + size), at(west, south + size)];
const kx = (latitude: number) => METERS_PER_DEGREE * Math.cos((latitude * Math.PI) / 180);

/**
 *   c-north │ d-park (hole, with f-enclave inside it)
 *   ────────┼────────
 *   b-west  │ a-east         (gap)     e-island
 * Ids are chosen so that the smaller id is not always the first or the western one.
 */
const AREAS: Area[] = [
  { id: 'b-west', polygon: { outer: square(X, Y) } },
  { id: 'a-east', polygon: { outer: square(X + S, Y) } },
  { id: 'c-north', polygon: { outer: square(X, Y + S) } },
  { id: 'd-park', polygon: { outer: square(X + S, Y + S), holes: [[...square(X + S + S / 4, Y + S + S / 4, S / 2)].reverse()] } },
  { id: 'f-enclave', polygon: { outer: square(X + S + (3 * S) / 8, Y + S + (3 * S) / 8, S / 4) } },
  { id: 'e-island', polygon: { outer: square(X + 3 * S, Y) } },
];

const centre = (west: number, south: number, size = S) => at(west + size / 2, south + size / 2);

/** Resolutions from "everything in one cell" to "cells much smaller than an area". */
const RESOLUTIONS = [0.01, 1, 64, 4096];

describe.each(RESOLUTIONS)('locate (cellsPerArea %p)', (cellsPerArea) => {
  const locator = createLocator(AREAS, { cellsPerArea });

  test('inside each area', () => {
    expect(locator.locate(centre(X, Y))).toBe('b-west');
    expect(locator.locate(centre(X + S, Y))).toBe('a-east');
    expect(locator.locate(centre(X, Y + S))).toBe('c-north');
    expect(locator.locate(at(X + S + S / 8, Y + S + S / 8))).toBe('d-park');
    expect(locator.locate(centre(X + S + (3 * S) / 8, Y + S + (3 * S) / 8, S / 4))).toBe('f-enclave');
    expect(locator.locate(centre(X + 3 * S, Y))).toBe('e-island');
  });

  test('outside every area, in the gap, and nonsense input', () => {
    expect(locator.locate(at(116.4, 39.9))).toBeUndefined();
    expect(locator.locate(at(X + 2.5 * S, Y + S / 2))).toBeUndefined(); // the gap
    expect(locator.locate(at(X + 3.5 * S, Y + 1.5 * S))).toBeUndefined(); // inside the bounds, no area
    expect(locator.locate(at(Number.NaN, Y))).toBeUndefined();
    expect(locator.locate(at(X, Number.POSITIVE_INFINITY))).toBeUndefined();
  });

  test('in a hole: no area; in an enclave inside the hole: the enclave', () => {
    expect(locator.locate(at(X + S + S / 4 + S / 32, Y + 1.5 * S))).toBeUndefined();
    expect(locator.locate(at(X + 1.5 * S, Y + 1.5 * S))).toBe('f-enclave');
  });

  test('exactly on an edge or a vertex is inside', () => {
    expect(locator.locate(at(X + S / 2, Y))).toBe('b-west'); // south edge (horizontal)
    expect(locator.locate(at(X, Y + S / 3))).toBe('b-west'); // west edge (vertical)
    expect(locator.locate(at(X + 3 * S + S, Y + S / 2))).toBe('e-island'); // east edge, the maximum of the bounds
    expect(locator.locate(at(X + 4 * S, Y + S))).toBe('e-island'); // the north-east corner of all bounds
    expect(locator.locate(at(X, Y))).toBe('b-west'); // vertex
    expect(locator.locate(at(X + S + S / 4, Y + 1.5 * S))).toBe('d-park'); // on the hole's ring
    expect(locator.locate(at(X + S + (3 * S) / 8, Y + 1.5 * S))).toBe('f-enclave'); // on the enclave's edge
  });

  test('on an edge or vertex shared by several areas: the smallest id, whatever the input order', () => {
    const shuffled = createLocator([...AREAS].reverse(), { cellsPerArea });
    for (const candidate of [locator, shuffled]) {
      expect(candidate.locate(at(X + S, Y + S / 2))).toBe('a-east'); // b-west | a-east
      expect(candidate.locate(at(X + S / 2, Y + S))).toBe('b-west'); // b-west / c-north (horizontal)
      expect(candidate.locate(at(X + 1.5 * S, Y + S))).toBe('a-east'); // a-east / d-park
      expect(candidate.locate(at(X + S, Y + S))).toBe('a-east'); // the vertex of four
      expect(candidate.locate(at(X + S, Y + 1.5 * S))).toBe('c-north'); // c-north | d-park
    }
  });

  test('near but outside', () => {
    const tiny = 1e-12;
    expect(locator.locate(at(X - tiny, Y + S / 2))).toBeUndefined();
    expect(locator.locate(at(X + S / 2, Y - tiny))).toBeUndefined();
    expect(locator.locate(at(X + 2 * S + tiny, Y + S / 2))).toBeUndefined();
    expect(locator.locate(at(X + 2 * S - tiny, Y + S / 2))).toBe('a-east');
    expect(locator.locate(at(X + S + S / 4 + tiny, Y + 1.5 * S))).toBeUndefined(); // just inside the hole
  });

  test('agrees with the naive scan on every vertex, edge midpoint and nearby point', () => {
    const linear = createLinearLocator(AREAS);
    const probes: LatLng[] = [];
    for (const { polygon } of AREAS) {
      for (const ring of [polygon.outer, ...(polygon.holes ?? [])]) {
        ring.forEach((a, i) => {
          const b = ring[(i + 1) % ring.length]!;
          probes.push(a, at((a.longitude + b.longitude) / 2, (a.latitude + b.latitude) / 2));
          for (const dx of [-1e-12, 0, 1e-12]) for (const dy of [-1e-12, 0, 1e-12]) probes.push(at(a.longitude + dx, a.latitude + dy));
        });
      }
    }
    for (const probe of probes) expect(locator.locate(probe)).toBe(linear.locate(probe));
  });
});

describe('boundary proximity', () => {
  const locator = createLocator(AREAS);
  const middle = Y + S / 2;
  /** A point in b-west, `meters` west of the edge it shares with a-east. */
  const westOfSharedEdge = (meters: number) => at(X + S - meters / kx(middle), middle);

  test('a point 60 m from the neighbour is flagged at 100 m, not at 50 m', () => {
    const point = westOfSharedEdge(60);
    expect(locator.locate(point)).toBe('b-west');
    const near = locator.nearbyAreas(point, 100);
    expect(near.map((n) => n.id)).toEqual(['a-east']);
    expect(near[0]!.distanceMeters).toBeCloseTo(60, 6);
    expect(locator.nearbyAreas(point, 50)).toEqual([]);
  });

  test('distances agree with haversine within 1% at ~100 m', () => {
    const point = westOfSharedEdge(100);
    const foot = at(X + S, middle);
    const truth = haversineMeters(point, foot);
    const [near] = locator.nearbyAreas(point, 150);
    expect(Math.abs(near!.distanceMeters - truth) / truth).toBeLessThan(0.01);
    const own = locator.distanceToOwnBoundary(point)!;
    expect(Math.abs(own - truth) / truth).toBeLessThan(0.01);
  });

  test('nearest first; the containing area is never listed; a point in a gap lists every area near it', () => {
    const cornerPoint = at(X + S - 30 / kx(Y + S), Y + S - 40 / METERS_PER_DEGREE); // in b-west, near the vertex of four
    const near = locator.nearbyAreas(cornerPoint, 100);
    expect(near.map((n) => n.id)).toEqual(['a-east', 'c-north', 'd-park']);
    expect(near.map((n) => Math.round(n.distanceMeters))).toEqual([30, 40, 50]);

    const inGap = at(X + 2 * S + 40 / kx(middle), middle);
    expect(locator.locate(inGap)).toBeUndefined();
    expect(locator.nearbyAreas(inGap, 100).map((n) => n.id)).toEqual(['a-east']);
    expect(locator.distanceToOwnBoundary(inGap)).toBeUndefined();

    const outsideTheCity = at(X - 50 / kx(middle), middle); // west of every area's bounds
    expect(locator.locate(outsideTheCity)).toBeUndefined();
    expect(locator.nearbyAreas(outsideTheCity, 100)).toEqual([{ id: 'b-west', distanceMeters: expect.closeTo(50, 6) }]);
  });

  test('in a park hole: the park (its hole ring) and the enclave are near', () => {
    const holeWest = X + S + S / 4;
    const point = at(holeWest + 30 / kx(Y + 1.5 * S), Y + 1.5 * S);
    expect(locator.locate(point)).toBeUndefined();
    const near = locator.nearbyAreas(point, 100);
    expect(near.map((n) => n.id)).toEqual(['d-park', 'f-enclave']);
    expect(near[0]!.distanceMeters).toBeCloseTo(30, 6);
  });

  test('on a shared edge: the other area is at 0 m', () => {
    const onEdge = at(X + S, middle);
    expect(locator.locate(onEdge)).toBe('a-east');
    expect(locator.nearbyAreas(onEdge, 0)).toEqual([{ id: 'b-west', distanceMeters: 0 }]);
    expect(locator.distanceToOwnBoundary(onEdge)).toBe(0);
  });

  test('a radius spanning the whole city lists every other area', () => {
    const near = locator.nearbyAreas(centre(X, Y), 50_000);
    expect(near.map((n) => n.id).sort()).toEqual(['a-east', 'c-north', 'd-park', 'e-island', 'f-enclave']);
    const distances = near.map((n) => n.distanceMeters);
    expect(distances).toEqual([...distances].sort((a, b) => a - b));
  });

  test('negative or NaN radius, or a point far away, gives nothing', () => {
    expect(locator.nearbyAreas(centre(X, Y), -1)).toEqual([]);
    expect(locator.nearbyAreas(centre(X, Y), Number.NaN)).toEqual([]);
    expect(locator.nearbyAreas(at(116.4, 39.9), 1000)).toEqual([]);
  });
});

test('an empty directory locates nothing', () => {
  const locator = createLocator([]);
  expect(locator.locate(at(X, Y))).toBeUndefined();
  expect(locator.nearbyAreas(at(X, Y), 1000)).toEqual([]);
  expect(locator.distanceToOwnBoundary(at(X, Y))).toBeUndefined();
  expect(createLinearLocator([]).locate(at(X, Y))).toBeUndefined();
});

test('an area with a non-finite vertex is refused', () => {
  expect(() => createLocator([{ id: 'bad', polygon: { outer: [at(X, Y), at(Number.NaN, Y), at(X, Y + S)] } }])).toThrow(RangeError);
});

describe('generated city (property tests)', () => {
  const city = generateCity({ seed: 20241123, communities: 300, stations: 20, districts: 3 });
  const { south, west, north, east } = city.bbox;
  const random = mulberry32(7);
  const uniform = (): LatLng => at(west + random() * (east - west), south + random() * (north - south));

  /** Random points, plus points exactly on vertices, edges and the straight (exactly horizontal/vertical) streets. */
  const probes = (count: number): LatLng[] => {
    const points: LatLng[] = [];
    const vertices = city.communities.flatMap((c) => [...c.polygon.outer, ...(c.polygon.holes ?? []).flat()]);
    while (points.length < count) {
      const kind = random();
      if (kind < 0.8) points.push(uniform());
      else if (kind < 0.9) points.push(vertices[Math.floor(random() * vertices.length)]!);
      else {
        const a = vertices[Math.floor(random() * vertices.length)]!;
        const b = vertices[Math.floor(random() * vertices.length)]!;
        // same latitude or longitude as a vertex: rays along horizontal edges, points on vertical ones
        points.push(random() < 0.5 ? at(b.longitude, a.latitude) : at(a.longitude, b.latitude));
      }
    }
    return points;
  };

  test('the indexed locator agrees with the naive scan on 20,000 points', () => {
    const linear = createLinearLocator(city.communities);
    const indexed = createLocator(city.communities);
    const coarse = createLocator(city.communities, { cellsPerArea: 2 });
    let located = 0;
    let mismatches = 0;
    for (const point of probes(20_000)) {
      const expected = linear.locate(point);
      if (expected !== undefined) located += 1;
      if (indexed.locate(point) !== expected || coarse.locate(point) !== expected) mismatches += 1;
    }
    expect(mismatches).toBe(0);
    expect(located).toBeGreaterThan(10_000); // most points are in a community, some are not
    expect(located).toBeLessThan(20_000);
  });

  test('nearbyAreas and distanceToOwnBoundary agree with brute force', () => {
    const locator = createLocator(city.communities);
    const byId = new Map(city.communities.map((c) => [c.id, c]));
    for (const point of probes(400)) {
      const meters = random() * 300;
      const own = locator.locate(point);
      const expected = city.communities
        .filter((c) => c.id !== own)
        .map((c) => ({ id: c.id, distanceMeters: pointToPolygonBoundaryMeters(point, c.polygon) }))
        .filter((n) => n.distanceMeters <= meters)
        .sort((a, b) => a.distanceMeters - b.distanceMeters || (a.id < b.id ? -1 : 1));
      expect(locator.nearbyAreas(point, meters)).toEqual(expected);
      const ownDistance = locator.distanceToOwnBoundary(point);
      if (own === undefined) expect(ownDistance).toBeUndefined();
      else expect(ownDistance).toBe(pointToPolygonBoundaryMeters(point, byId.get(own)!.polygon));
    }
  });
});
