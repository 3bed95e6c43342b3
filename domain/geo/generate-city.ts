/**
 * A synthetic city for benchmarks and property tests, deterministic from a seed: communities that
 * tile a square region (default 40 km × 40 km around Hangzhou, 30.27N 120.16E) like a jittered grid
 * of street blocks, grouped into stations (派出所) and districts (分局).
 *
 * - Grid vertices are jittered by up to ±0.25 cell; every 8th grid line is left straight (exactly
 *   horizontal / vertical edges, collinear vertices), the rest of the edges wiggle.
 * - Each grid edge is subdivided once and the same vertex objects are used by the communities on
 *   both sides, so neighbours share edges exactly: no overlaps, no slivers of gap.
 * - Gaps: a river (one missing cell per column, meandering across the city) and the outskirts
 *   (cells farthest from the centre are dropped until exactly `communities` remain), plus a few
 *   communities with a park hole (an octagon of ~0.1 cell radius).
 * - Stations: `stations` seed communities; every community joins the nearest seed. Districts: the
 *   same over station seeds. Every station and district is non-empty.
 * - A community's `centre` is its centroid, or a point inside it when the centroid falls in its park.
 */
import { pointInRing, polygonInteriorPoint } from './geometry';
import type { Area, BBox, LatLng, Polygon, Ring } from './types';

export interface CityOptions {
  seed: number;
  districts?: number;
  stations?: number;
  communities?: number;
  /** Vertices of each community's outer ring, rounded to a multiple of 4 (one share per side). */
  verticesPerPolygon?: number;
  centre?: LatLng;
  sizeKm?: number;
  /** Communities with a park hole (default: one per 200 communities, at least one). */
  parks?: number;
}

export interface GeneratedCommunity extends Area {
  name: string;
  stationId: string;
  districtId: string;
  centre: LatLng;
}

export interface GeneratedStation {
  id: string;
  name: string;
  districtId: string;
  centre: LatLng;
  communityIds: string[];
}

export interface GeneratedDistrict {
  id: string;
  name: string;
  stationIds: string[];
}

export interface GeneratedCity {
  /** Usable directly as locator areas. */
  communities: GeneratedCommunity[];
  stations: GeneratedStation[];
  districts: GeneratedDistrict[];
  /** Bounding box of all communities. */
  bbox: BBox;
}

/** mulberry32: a tiny seeded PRNG with uniform output in [0, 1). */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const KM_PER_DEGREE = 111.19508;
const JITTER = 0.25;
const WIGGLE = 0.04;
const PARK_RADIUS = 0.1;
const STRAIGHT_EVERY = 8;

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

export function generateCity(options: CityOptions): GeneratedCity {
  const random = mulberry32(options.seed);
  const wanted = Math.max(1, Math.floor(options.communities ?? 4000));
  const stationCount = Math.max(1, Math.min(wanted, Math.floor(options.stations ?? 250)));
  const districtCount = Math.max(1, Math.min(stationCount, Math.floor(options.districts ?? 15)));
  const segments = Math.max(1, Math.round((options.verticesPerPolygon ?? 40) / 4));
  const centre = options.centre ?? { latitude: 30.27, longitude: 120.16 };
  const sizeKm = options.sizeKm ?? 40;
  const parkCount = Math.min(wanted, Math.max(1, Math.floor(options.parks ?? wanted / 200)));

  // n × n cells minus one river cell per column still leaves ≥ wanted cells.
  const n = Math.ceil(Math.sqrt(wanted)) + 1;
  const cellKm = sizeKm / n;
  const cellLat = cellKm / KM_PER_DEGREE;
  const cellLon = cellKm / (KM_PER_DEGREE * Math.cos((centre.latitude * Math.PI) / 180));
  const south = centre.latitude - (n / 2) * cellLat;
  const west = centre.longitude - (n / 2) * cellLon;
  const toLatLng = (x: number, y: number): LatLng => ({ latitude: south + y * cellLat, longitude: west + x * cellLon });

  // Grid vertices in cell units, (n+1) × (n+1).
  const vx: number[] = [];
  const vy: number[] = [];
  for (let j = 0; j <= n; j += 1) {
    for (let i = 0; i <= n; i += 1) {
      const jitterX = (random() * 2 - 1) * JITTER;
      const jitterY = (random() * 2 - 1) * JITTER;
      vx.push(i + (i % STRAIGHT_EVERY === 0 ? 0 : jitterX));
      vy.push(j + (j % STRAIGHT_EVERY === 0 ? 0 : jitterY));
    }
  }
  const vertex = (i: number, j: number): number => j * (n + 1) + i;

  const corner: LatLng[] = vx.map((x, v) => toLatLng(x, vy[v]!));

  /** The points of one grid edge from its start vertex up to (excluding) its end vertex. */
  const subdivide = (from: number, to: number, straight: boolean): LatLng[] => {
    const ax = vx[from]!, ay = vy[from]!, bx = vx[to]!, by = vy[to]!;
    const length = Math.hypot(bx - ax, by - ay);
    const normalX = -(by - ay) / length, normalY = (bx - ax) / length;
    const points: LatLng[] = [corner[from]!];
    for (let s = 1; s < segments; s += 1) {
      const t = s / segments;
      const offset = straight ? 0 : (random() * 2 - 1) * WIGGLE * Math.sin(Math.PI * t);
      points.push(toLatLng(ax + t * (bx - ax) + offset * normalX, ay + t * (by - ay) + offset * normalY));
    }
    return points;
  };
  // Horizontal edges (i, j)→(i+1, j) and vertical edges (i, j)→(i, j+1); exact grid lines stay straight.
  const horizontal: LatLng[][] = [];
  const vertical: LatLng[][] = [];
  for (let j = 0; j <= n; j += 1) {
    for (let i = 0; i < n; i += 1) horizontal.push(subdivide(vertex(i, j), vertex(i + 1, j), j % STRAIGHT_EVERY === 0 || random() < 0.1));
  }
  for (let j = 0; j < n; j += 1) {
    for (let i = 0; i <= n; i += 1) vertical.push(subdivide(vertex(i, j), vertex(i, j + 1), i % STRAIGHT_EVERY === 0 || random() < 0.1));
  }
  const hEdge = (i: number, j: number): LatLng[] => horizontal[j * n + i]!;
  const vEdge = (i: number, j: number): LatLng[] => vertical[j * (n + 1) + i]!;

  /** Counter-clockwise outer ring of cell (i, j): the neighbours' vertex objects, each once. */
  const cellRing = (i: number, j: number): LatLng[] => [
    ...hEdge(i, j), // bottom, west → east
    ...vEdge(i + 1, j), // right, south → north
    corner[vertex(i + 1, j + 1)]!,
    ...hEdge(i, j + 1).slice(1).reverse(), // top, east → west
    corner[vertex(i, j + 1)]!,
    ...vEdge(i, j).slice(1).reverse(), // left, north → south
  ];

  // The river: one cell per column, meandering.
  const river = new Set<number>();
  let riverRow = Math.floor(n / 2);
  for (let i = 0; i < n; i += 1) {
    river.add(riverRow * n + i);
    const step = Math.floor(random() * 3) - 1;
    riverRow = Math.min(n - 1, Math.max(0, riverRow + step));
  }
  // Keep the `wanted` cells nearest the centre (with a little noise), dropping the river.
  const candidates: { cell: number; rank: number }[] = [];
  for (let cell = 0; cell < n * n; cell += 1) {
    if (river.has(cell)) continue;
    const i = cell % n, j = Math.floor(cell / n);
    const dx = i + 0.5 - n / 2, dy = j + 0.5 - n / 2;
    candidates.push({ cell, rank: Math.hypot(dx, dy) + random() * 1.5 });
  }
  candidates.sort((a, b) => a.rank - b.rank || a.cell - b.cell);
  const kept = candidates.slice(0, wanted).map((c) => c.cell).sort((a, b) => a - b);

  const parkCells = new Set<number>();
  const shuffled = [...kept];
  for (let k = shuffled.length - 1; k > 0; k -= 1) {
    const swap = Math.floor(random() * (k + 1));
    [shuffled[k], shuffled[swap]] = [shuffled[swap]!, shuffled[k]!];
  }
  for (const cell of shuffled.slice(0, parkCount)) parkCells.add(cell);

  const idWidth = String(wanted).length;
  const communities: GeneratedCommunity[] = kept.map((cell, index) => {
    const i = cell % n, j = Math.floor(cell / n);
    const outer = cellRing(i, j);
    const polygon: { outer: Ring; holes?: Ring[] } = { outer };
    if (parkCells.has(cell)) {
      const corners = [vertex(i, j), vertex(i + 1, j), vertex(i + 1, j + 1), vertex(i, j + 1)];
      const cx = corners.reduce((sum, v) => sum + vx[v]!, 0) / 4;
      const cy = corners.reduce((sum, v) => sum + vy[v]!, 0) / 4;
      const park: LatLng[] = [];
      for (let k = 0; k < 8; k += 1) {
        const angle = (-k * Math.PI) / 4; // clockwise, as holes usually are
        park.push(toLatLng(cx + PARK_RADIUS * Math.cos(angle), cy + PARK_RADIUS * Math.sin(angle)));
      }
      if (park.every((p) => pointInRing(p, outer))) polygon.holes = [park];
    }
    const id = `c${pad(index + 1, idWidth)}`;
    return { id, name: `社区${pad(index + 1, idWidth)}`, polygon: polygon as Polygon, stationId: '', districtId: '', centre: polygonInteriorPoint(polygon) };
  });

  // Stations: nearest of `stationCount` seed communities (a seed is nearest to itself, so none is empty).
  const seedOrder = communities.map((_, index) => index);
  for (let k = seedOrder.length - 1; k > 0; k -= 1) {
    const swap = Math.floor(random() * (k + 1));
    [seedOrder[k], seedOrder[swap]] = [seedOrder[swap]!, seedOrder[k]!];
  }
  const stationSeeds = seedOrder.slice(0, stationCount).sort((a, b) => a - b);
  const position = (index: number): [number, number] => {
    const cell = kept[index]!;
    return [cell % n, Math.floor(cell / n)];
  };
  const nearest = (from: [number, number], seeds: readonly [number, number][]): number => {
    let best = 0, bestDistance = Infinity;
    seeds.forEach(([sx, sy], k) => {
      const d = (sx - from[0]) ** 2 + (sy - from[1]) ** 2;
      if (d < bestDistance) { bestDistance = d; best = k; }
    });
    return best;
  };
  const stationPositions = stationSeeds.map(position);
  const districtSeeds = stationSeeds.map((_, k) => k);
  for (let k = districtSeeds.length - 1; k > 0; k -= 1) {
    const swap = Math.floor(random() * (k + 1));
    [districtSeeds[k], districtSeeds[swap]] = [districtSeeds[swap]!, districtSeeds[k]!];
  }
  const districtPositions = districtSeeds.slice(0, districtCount).sort((a, b) => a - b).map((k) => stationPositions[k]!);

  const districts: GeneratedDistrict[] = districtPositions.map((_, k) => ({ id: `d${pad(k + 1, 2)}`, name: `第${k + 1}分局`, stationIds: [] }));
  const stations: GeneratedStation[] = stationSeeds.map((seed, k) => {
    const district = districts[nearest(stationPositions[k]!, districtPositions)]!;
    const id = `s${pad(k + 1, 3)}`;
    district.stationIds.push(id);
    return { id, name: `第${k + 1}派出所`, districtId: district.id, centre: communities[seed]!.centre, communityIds: [] };
  });
  communities.forEach((community, index) => {
    const station = stations[nearest(position(index), stationPositions)]!;
    community.stationId = station.id;
    community.districtId = station.districtId;
    station.communityIds.push(community.id);
  });

  let bboxSouth = Infinity, bboxWest = Infinity, bboxNorth = -Infinity, bboxEast = -Infinity;
  for (const community of communities) {
    for (const { latitude, longitude } of community.polygon.outer) {
      if (latitude < bboxSouth) bboxSouth = latitude;
      if (latitude > bboxNorth) bboxNorth = latitude;
      if (longitude < bboxWest) bboxWest = longitude;
      if (longitude > bboxEast) bboxEast = longitude;
    }
  }
  return { communities, stations, districts, bbox: { south: bboxSouth, west: bboxWest, north: bboxNorth, east: bboxEast } };
}
