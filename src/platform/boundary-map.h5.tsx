import { View } from '@tarojs/components';
import type { LatLng } from '@domain/geo/types';
import type { BoundaryMapProps } from './boundary-map';

export type { BoundaryMapProps } from './boundary-map';

const SIZE = 300;

/** H5 (local mode): no map tiles are reachable, so the shapes are drawn to scale on a plain panel. */
export function BoundaryMap({ boundary, overlaps }: BoundaryMapProps) {
  const all = [...boundary, ...overlaps.flatMap((overlap) => overlap.boundary)];
  const south = Math.min(...all.map((p) => p.latitude));
  const north = Math.max(...all.map((p) => p.latitude));
  const west = Math.min(...all.map((p) => p.longitude));
  const east = Math.max(...all.map((p) => p.longitude));
  const span = Math.max(north - south, (east - west) * Math.cos((((south + north) / 2) * Math.PI) / 180), 1e-9);
  const xy = (p: LatLng) => `${(((p.longitude - west) * Math.cos((((south + north) / 2) * Math.PI) / 180)) / span) * (SIZE - 20) + 10},${((north - p.latitude) / span) * (SIZE - 20) + 10}`;
  const path = (points: readonly LatLng[]) => points.map(xy).join(' ');
  const label = overlaps.length ? `新边界（蓝色）与${overlaps.map((overlap) => overlap.name).join('、')}（灰色）重叠的部分（红色）` : '新导入的社区边界';
  return (
    <View className="boundary-map" aria-label={label} role="img">
      <svg width="100%" viewBox={`0 0 ${SIZE} ${SIZE}`} aria-hidden="true">
        <polygon points={path(boundary)} fill="#1a4fa322" stroke="#1a4fa3" strokeWidth="2" />
        {overlaps.map((overlap) => (
          <polygon key={`n-${overlap.name}`} points={path(overlap.boundary)} fill="#86909c22" stroke="#86909c" strokeWidth="1" />
        ))}
        {overlaps.map((overlap) => (
          <polygon key={`o-${overlap.name}`} className="boundary-map__overlap" points={path(overlap.outline)} fill="#c9353f88" stroke="#c9353f" strokeWidth="2" />
        ))}
      </svg>
    </View>
  );
}
