import { Map } from '@tarojs/components';
import type { MapProps } from '@tarojs/components/types/Map';

export interface StationMapProps {
  latitude: number;
  longitude: number;
  name: string;
}

/** weapp: WeChat's native map with the station marked (GCJ-02, as the station's location is stored). */
export function StationMap({ latitude, longitude, name }: StationMapProps) {
  return (
    <Map
      className="station-map"
      latitude={latitude}
      longitude={longitude}
      scale={16}
      // No iconPath: WeChat draws its default red pin (Taro's type insists on one).
      markers={[{ id: 1, latitude, longitude, title: name, width: 28, height: 36 } as unknown as MapProps.marker]}
      onError={() => undefined}
    />
  );
}
