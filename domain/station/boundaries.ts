/**
 * Community boundaries as a station admin brings them: a GeoJSON file (exported from a mapping
 * tool or the 街道's GIS), read into the directory's polygon shape, and checked against the
 * neighbouring communities — two communities may share an edge, never an area, or a location
 * would belong to two beat officers.
 *
 * Coordinates must be GCJ-02 (what WeChat's getLocation and maps use), like every boundary of the
 * directory. GeoJSON positions are [longitude, latitude].
 */
import { pointInPolygon, polygonBBox, type LatLng, type Polygon, type Ring } from '../geo';

export const MAX_BOUNDARY_VERTICES = 2000;

export type BoundaryParse = { ok: true; polygon: Polygon } | { ok: false; problem: string };

type Position = unknown[];

function ringOf(positions: unknown, label: string): { ring?: LatLng[]; problem?: string } {
  if (!Array.isArray(positions)) return { problem: `${label}的坐标格式不对` };
  const ring: LatLng[] = [];
  for (const position of positions as Position[]) {
    const [longitude, latitude] = Array.isArray(position) ? position : [];
    if (typeof longitude !== 'number' || typeof latitude !== 'number' || !Number.isFinite(longitude) || !Number.isFinite(latitude))
      return { problem: `${label}里有无法识别的坐标` };
    if (Math.abs(latitude) > 90 || Math.abs(longitude) > 180) return { problem: `${label}的坐标超出范围（应为 [经度, 纬度]）` };
    ring.push({ latitude, longitude });
  }
  const first = ring[0];
  const last = ring[ring.length - 1];
  // GeoJSON repeats the first position at the end; the directory's rings are implicitly closed.
  if (ring.length > 1 && first && last && first.latitude === last.latitude && first.longitude === last.longitude) ring.pop();
  if (ring.length < 3) return { problem: `${label}至少要有3个不同的点` };
  return { ring };
}

function polygonOf(coordinates: unknown): BoundaryParse {
  if (!Array.isArray(coordinates) || coordinates.length === 0) return { ok: false, problem: '边界没有坐标' };
  const outer = ringOf(coordinates[0], '边界');
  if (!outer.ring) return { ok: false, problem: outer.problem ?? '边界格式不对' };
  const holes: Ring[] = [];
  for (let i = 1; i < coordinates.length; i += 1) {
    const hole = ringOf(coordinates[i], `第${i}个空洞`);
    if (!hole.ring) return { ok: false, problem: hole.problem ?? '边界格式不对' };
    holes.push(hole.ring);
  }
  const vertices = outer.ring.length + holes.reduce((sum, hole) => sum + hole.length, 0);
  if (vertices > MAX_BOUNDARY_VERTICES) return { ok: false, problem: `边界的点太多（${vertices}个，最多${MAX_BOUNDARY_VERTICES}个），请先在地图工具里简化` };
  return { ok: true, polygon: holes.length ? { outer: outer.ring, holes } : { outer: outer.ring } };
}

/** The one polygon in a GeoJSON text: a Polygon, a MultiPolygon of one part, or a Feature / FeatureCollection holding one. */
export function parseBoundaryGeoJson(text: string): BoundaryParse {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, problem: '文件不是有效的 GeoJSON（JSON 格式错误）' };
  }
  let geometry = json as { type?: unknown; coordinates?: unknown; geometry?: unknown; features?: unknown };
  if (geometry?.type === 'FeatureCollection') {
    const features = Array.isArray(geometry.features) ? geometry.features : [];
    if (features.length !== 1) return { ok: false, problem: `文件里有${features.length}个图形，请只放这一个社区的边界` };
    geometry = features[0] as typeof geometry;
  }
  if (geometry?.type === 'Feature') geometry = geometry.geometry as typeof geometry;
  if (geometry?.type === 'Polygon') return polygonOf(geometry.coordinates);
  if (geometry?.type === 'MultiPolygon') {
    const parts = Array.isArray(geometry.coordinates) ? geometry.coordinates : [];
    if (parts.length !== 1) return { ok: false, problem: '社区边界应是一块连续的区域（文件里有多块）' };
    return polygonOf(parts[0]);
  }
  return { ok: false, problem: '文件里没有找到多边形边界（应为 GeoJSON Polygon）' };
}

// ─── Overlaps ────────────────────────────────────────────────────────────────────────────────

export interface BoundaryOverlap {
  /** Approximate overlapping area, square metres. */
  areaSquareMeters: number;
  /** Outline of the overlap (convex hull of the sampled overlap), for the map. */
  outline: LatLng[];
}

/** Cells per side of the sampling grid over the two boundaries' common box. */
const GRID = 80;
/** Below this, an "overlap" is two surveys of a shared street disagreeing by a few metres. */
const MIN_OVERLAP_SQUARE_METERS = 300;
const METERS_PER_DEGREE_LATITUDE = 111_195;

function convexHull(points: LatLng[]): LatLng[] {
  const sorted = [...points].sort((a, b) => a.longitude - b.longitude || a.latitude - b.latitude);
  if (sorted.length < 3) return sorted;
  const cross = (o: LatLng, a: LatLng, b: LatLng) => (a.longitude - o.longitude) * (b.latitude - o.latitude) - (a.latitude - o.latitude) * (b.longitude - o.longitude);
  const lower: LatLng[] = [];
  for (const p of sorted) {
    while (lower.length >= 2 && cross(lower[lower.length - 2]!, lower[lower.length - 1]!, p) <= 0) lower.pop();
    lower.push(p);
  }
  const upper: LatLng[] = [];
  for (const p of [...sorted].reverse()) {
    while (upper.length >= 2 && cross(upper[upper.length - 2]!, upper[upper.length - 1]!, p) <= 0) upper.pop();
    upper.push(p);
  }
  return [...lower.slice(0, -1), ...upper.slice(0, -1)];
}

/**
 * The area two boundaries have in common, or undefined when they only touch (a shared edge) or are
 * apart. Sampled on a grid over their common box: exact enough to refuse an overlap and show
 * where it is, without a full polygon-clipping library.
 */
export function boundaryOverlap(a: Polygon, b: Polygon): BoundaryOverlap | undefined {
  const boxA = polygonBBox(a);
  const boxB = polygonBBox(b);
  const south = Math.max(boxA.south, boxB.south);
  const north = Math.min(boxA.north, boxB.north);
  const west = Math.max(boxA.west, boxB.west);
  const east = Math.min(boxA.east, boxB.east);
  if (south >= north || west >= east) return undefined;
  const dLat = (north - south) / GRID;
  const dLng = (east - west) / GRID;
  const cellSquareMeters = dLat * METERS_PER_DEGREE_LATITUDE * dLng * METERS_PER_DEGREE_LATITUDE * Math.cos(((south + north) / 2) * (Math.PI / 180));
  const inside: LatLng[] = [];
  for (let i = 0; i < GRID; i += 1) {
    for (let j = 0; j < GRID; j += 1) {
      const point = { latitude: south + (i + 0.5) * dLat, longitude: west + (j + 0.5) * dLng };
      if (pointInPolygon(point, a) && pointInPolygon(point, b)) inside.push(point);
    }
  }
  const areaSquareMeters = Math.round(inside.length * cellSquareMeters);
  if (inside.length < 2 || areaSquareMeters < MIN_OVERLAP_SQUARE_METERS) return undefined;
  return { areaSquareMeters, outline: convexHull(inside) };
}
