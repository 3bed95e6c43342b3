export type { Area, BBox, LatLng, Polygon, Ring } from './types';
export {
  EARTH_RADIUS_METERS,
  METERS_PER_DEGREE,
  haversineMeters,
  pointInPolygon,
  pointInRing,
  pointToPolygonBoundaryMeters,
  pointToRingMeters,
  pointToSegmentMeters,
  polygonBBox,
  polygonCentroid,
  polygonInteriorPoint,
  ringBBox,
} from './geometry';
export { createLinearLocator, createLocator } from './locator';
export type { BoundaryProximity, IndexedLocator, Locator, LocatorOptions, LocatorStats } from './locator';
export { generateCity, mulberry32 } from './generate-city';
export type { CityOptions, GeneratedCity, GeneratedCommunity, GeneratedDistrict, GeneratedStation } from './generate-city';
