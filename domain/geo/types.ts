/**
 * Plain geographic types for the community locator. Coordinates are WeChat `getLocation`
 * gcj02 degrees; every polygon of one directory must use the same datum (mixing gcj02 and
 * wgs84 shifts boundaries by several hundred metres).
 */
export interface LatLng {
  latitude: number;
  longitude: number;
}

/** A ring of vertices, implicitly closed (the first point is not repeated). Orientation does not matter. */
export type Ring = readonly LatLng[];

/** An outer ring with optional holes (parks, lakes) that belong to no one. */
export interface Polygon {
  outer: Ring;
  holes?: readonly Ring[];
}

/** A jurisdiction: a community (社区), or any other area with an id. */
export interface Area {
  id: string;
  polygon: Polygon;
}

/** An axis-aligned box in degrees. */
export interface BBox {
  south: number;
  west: number;
  north: number;
  east: number;
}
