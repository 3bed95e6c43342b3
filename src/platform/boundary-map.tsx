import { Map } from '@tarojs/components';
import type { LatLng } from '@domain/geo/types';

export interface BoundaryMapProps {
  /** The boundary being imported. */
  boundary: readonly LatLng[];
  /** Neighbours it overlaps, and the overlapping part of each. */
  overlaps: readonly { name: string; boundary: readonly LatLng[]; outline: readonly LatLng[] }[];
}

const centreOf = (points: readonly LatLng[]) => ({
  latitude: points.reduce((sum, point) => sum + point.latitude, 0) / Math.max(1, points.length),
  longitude: points.reduce((sum, point) => sum + point.longitude, 0) / Math.max(1, points.length),
});

/** weapp: WeChat's map with the new boundary (blue), neighbours (grey) and each overlap (red). */
export function BoundaryMap({ boundary, overlaps }: BoundaryMapProps) {
  const centre = centreOf(boundary);
  const polygons = [
    { points: [...boundary], strokeColor: '#1a4fa3', fillColor: '#1a4fa322', strokeWidth: 2 },
    ...overlaps.map((overlap) => ({ points: [...overlap.boundary], strokeColor: '#86909c', fillColor: '#86909c22', strokeWidth: 1 })),
    ...overlaps.map((overlap) => ({ points: [...overlap.outline], strokeColor: '#c9353f', fillColor: '#c9353f66', strokeWidth: 2 })),
  ];
  return <Map className="boundary-map" latitude={centre.latitude} longitude={centre.longitude} scale={15} polygons={polygons as never} aria-label="社区边界地图" onError={() => undefined} />;
}
