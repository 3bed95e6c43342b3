import {
  haversineMeters,
  METERS_PER_DEGREE,
  pointInPolygon,
  pointInRing,
  pointToPolygonBoundaryMeters,
  pointToSegmentMeters,
  polygonBBox,
  polygonCentroid,
  polygonInteriorPoint,
} from '@domain/geo/geometry';
import type { LatLng, Polygon, Ring } from '@domain/geo/types';

const at = (longitude: number, latitude: number): LatLng => ({ latitude, longitude });
/** Binary-fraction sizes keep midpoints and edge points exactly representable. */
const S = 1 / 128;
const square = (west: number, south: number, size = S): Ring => [at(west, south), at(west + size, south), at(west + size, south + size), at(west, south + size)];

describe('pointInRing / pointInPolygon', () => {
  const ring = square(120, 30);

  test('inside, outside, and the boundary counts as inside', () => {
    expect(pointInRing(at(120 + S / 2, 30 + S / 2), ring)).toBe(true);
    expect(pointInRing(at(120 - S / 2, 30 + S / 2), ring)).toBe(false);
    expect(pointInRing(at(120 + S / 2, 30 + 2 * S), ring)).toBe(false);
    expect(pointInRing(at(120 + S, 30 + S / 2), ring)).toBe(true); // on the east edge
    expect(pointInRing(at(120 + S / 2, 30), ring)).toBe(true); // on the (horizontal) south edge
    expect(pointInRing(at(120 + S / 2, 30 + S), ring)).toBe(true); // on the north edge
    for (const vertex of ring) expect(pointInRing(vertex, ring)).toBe(true);
  });

  test('just outside an edge is outside', () => {
    const tiny = 1e-12;
    expect(pointInRing(at(120 + S + tiny, 30 + S / 2), ring)).toBe(false);
    expect(pointInRing(at(120 + S / 2, 30 - tiny), ring)).toBe(false);
    expect(pointInRing(at(120 + S - tiny, 30 + S / 2), ring)).toBe(true);
  });

  test('orientation does not matter', () => {
    const reversed = [...ring].reverse();
    expect(pointInRing(at(120 + S / 2, 30 + S / 2), reversed)).toBe(true);
    expect(pointInRing(at(120 + S, 30 + S / 2), reversed)).toBe(true);
    expect(pointInRing(at(120 + 2 * S, 30 + S / 2), reversed)).toBe(false);
  });

  test('a slanted edge: exact points on it are inside', () => {
    const triangle: Ring = [at(120, 30), at(120.5, 30.5), at(120, 30.5)];
    expect(pointInRing(at(120.25, 30.25), triangle)).toBe(true);
    expect(pointInRing(at(120.125, 30.25), triangle)).toBe(true);
    expect(pointInRing(at(120.375, 30.25), triangle)).toBe(false);
  });

  test('a ray through vertices and along horizontal edges counts correctly (staircase)', () => {
    // ┌──┐
    // │  └──┐      the ray from a point left of the step runs along the step's horizontal edge
    // └─────┘
    const stairs: Ring = [at(0, 0), at(2, 0), at(2, 1), at(1, 1), at(1, 2), at(0, 2)];
    expect(pointInRing(at(0.5, 1), stairs)).toBe(true); // same latitude as the step, inside
    expect(pointInRing(at(-0.5, 1), stairs)).toBe(false); // left of everything, same latitude
    expect(pointInRing(at(1.5, 1), stairs)).toBe(true); // on the step
    expect(pointInRing(at(2.5, 1), stairs)).toBe(false);
    expect(pointInRing(at(1.5, 1.5), stairs)).toBe(false); // in the notch
    expect(pointInRing(at(-1, 0), stairs)).toBe(false); // ray along the bottom edge
    expect(pointInRing(at(-1, 2), stairs)).toBe(false); // ray along the top edge
    // a ray through a vertex where the boundary only touches the latitude (a spike)
    const diamond: Ring = [at(1, 0), at(2, 1), at(1, 2), at(0, 1)];
    expect(pointInRing(at(-1, 1), diamond)).toBe(false);
    expect(pointInRing(at(0.5, 1), diamond)).toBe(true);
    expect(pointInRing(at(-1, 2), diamond)).toBe(false);
    expect(pointInRing(at(-1, 0), diamond)).toBe(false);
    expect(pointInRing(at(1, 2), diamond)).toBe(true);
  });

  test('collinear vertices are just more edges', () => {
    const withMidpoints: Ring = [at(0, 0), at(0.5, 0), at(1, 0), at(1, 0.5), at(1, 1), at(0.5, 1), at(0, 1), at(0, 0.5)];
    expect(pointInRing(at(0.5, 0.5), withMidpoints)).toBe(true);
    expect(pointInRing(at(0.5, 0), withMidpoints)).toBe(true);
    expect(pointInRing(at(0.25, 0), withMidpoints)).toBe(true);
    expect(pointInRing(at(-0.25, 0.5), withMidpoints)).toBe(false); // ray through two collinear-vertex levels
    expect(pointInRing(at(1.25, 0), withMidpoints)).toBe(false);
  });

  test('holes: inside the hole is outside the polygon; the hole ring itself is boundary', () => {
    const polygon: Polygon = { outer: square(0, 0, 1), holes: [square(0.25, 0.25, 0.5)] };
    expect(pointInPolygon(at(0.1, 0.1), polygon)).toBe(true);
    expect(pointInPolygon(at(0.5, 0.5), polygon)).toBe(false);
    expect(pointInPolygon(at(0.25, 0.5), polygon)).toBe(true);
    expect(pointInPolygon(at(0.75, 0.75), polygon)).toBe(true);
    expect(pointInPolygon(at(1.5, 0.5), polygon)).toBe(false);
  });
});

describe('distances', () => {
  test('haversine: one degree of latitude and a known city pair', () => {
    expect(haversineMeters(at(120, 30), at(120, 31))).toBeCloseTo(METERS_PER_DEGREE, 3);
    // 杭州 (30.27, 120.16) → 上海 (31.23, 121.47): 164.516 km by the spherical law of cosines
    expect(haversineMeters(at(120.16, 30.27), at(121.47, 31.23))).toBeCloseTo(164_516.1, 0);
    expect(haversineMeters(at(120.16, 30.27), at(120.16, 30.27))).toBe(0);
  });

  /** The true distance to the segment on the sphere, by dense sampling along it. */
  const sampledMinimum = (point: LatLng, a: LatLng, b: LatLng): number => {
    let best = Infinity;
    for (let i = 0; i <= 20000; i += 1) {
      const t = i / 20000;
      best = Math.min(best, haversineMeters(point, at(a.longitude + t * (b.longitude - a.longitude), a.latitude + t * (b.latitude - a.latitude))));
    }
    return best;
  };

  test.each([0, 30.27, 45, 60])('point→segment within 1%% of haversine at ~100 m (latitude %p)', (latitude) => {
    const kx = METERS_PER_DEGREE * Math.cos((latitude * Math.PI) / 180);
    const a = at(120.16, latitude);
    const b = at(120.16 + 400 / kx, latitude + 300 / METERS_PER_DEGREE); // a 500 m slanted segment
    // perpendicular offset of ~100 m from the middle, and a point beyond the end (clamped case)
    const middle = at((a.longitude + b.longitude) / 2 - 60 / kx, (a.latitude + b.latitude) / 2 + 80 / METERS_PER_DEGREE);
    const beyond = at(b.longitude + 70 / kx, b.latitude + 70 / METERS_PER_DEGREE);
    for (const point of [middle, beyond]) {
      const expected = sampledMinimum(point, a, b);
      expect(expected).toBeGreaterThan(90);
      expect(expected).toBeLessThan(110);
      expect(Math.abs(pointToSegmentMeters(point, a, b) - expected) / expected).toBeLessThan(0.01);
    }
  });

  test('distance to a polygon boundary includes holes and is 0 on the boundary', () => {
    const polygon: Polygon = { outer: square(120, 30, S), holes: [square(120 + S / 4, 30 + S / 4, S / 2)] };
    expect(pointToPolygonBoundaryMeters(at(120 + S / 2, 30), polygon)).toBe(0);
    const inHole = at(120 + S / 2, 30 + S / 2);
    // the hole's east and west edges are nearest (a degree of longitude is shorter)
    const expected = (S / 4) * METERS_PER_DEGREE * Math.cos((inHole.latitude * Math.PI) / 180);
    expect(pointToPolygonBoundaryMeters(inHole, polygon)).toBeCloseTo(expected, 6);
  });
});

describe('bbox and centroid', () => {
  test('square, with and without a hole placed off-centre', () => {
    expect(polygonBBox({ outer: square(120, 30, 1) })).toEqual({ south: 30, west: 120, north: 31, east: 121 });
    const centre = polygonCentroid({ outer: square(120, 30, 1) });
    expect(centre.longitude).toBeCloseTo(120.5, 12);
    expect(centre.latitude).toBeCloseTo(30.5, 12);
    // a hole in the east half moves the centroid west
    const holed = polygonCentroid({ outer: square(0, 0, 1), holes: [square(0.5, 0.25, 0.5)] });
    expect(holed.longitude).toBeCloseTo((0.5 * 1 - 0.75 * 0.25) / 0.75, 12);
    expect(holed.latitude).toBeCloseTo(0.5, 12);
  });

  test('a degenerate polygon gives the mean of its vertices', () => {
    expect(polygonCentroid({ outer: [at(1, 1), at(2, 2), at(3, 3)] })).toEqual({ longitude: 2, latitude: 2 });
  });
});

describe('polygonInteriorPoint', () => {
  test('the centroid when inside, otherwise a point inside (around a central hole, in a U shape)', () => {
    const plain: Polygon = { outer: square(120, 30, 1) };
    expect(polygonInteriorPoint(plain)).toEqual(polygonCentroid(plain));
    const ring: Polygon = { outer: square(0, 0, 1), holes: [square(0.25, 0.25, 0.5)] };
    const inRing = polygonInteriorPoint(ring);
    expect(pointInPolygon(inRing, ring)).toBe(true);
    expect(inRing.longitude === 0.125 || inRing.longitude === 0.875).toBe(true);
    const u: Polygon = { outer: [at(0, 0), at(3, 0), at(3, 3), at(2, 3), at(2, 1), at(1, 1), at(1, 3), at(0, 3)] };
    expect(pointInPolygon(polygonCentroid(u), u)).toBe(false);
    expect(pointInPolygon(polygonInteriorPoint(u), u)).toBe(true);
  });
});
