import { Text, View } from '@tarojs/components';
import type { StationMapProps } from './station-map';

export type { StationMapProps } from './station-map';

/**
 * H5 (local mode): no map service is reachable from the local cloud, so a plain panel stands in
 * for WeChat's native map; 导航 still offers the address.
 */
export function StationMap({ latitude, longitude, name }: StationMapProps) {
  return (
    <View className="station-map station-map--static" aria-label={`${name}的位置`}>
      <Text className="station-map__pin">{name}的位置</Text>
      <Text className="station-map__coords">
        北纬 {latitude.toFixed(4)}°，东经 {longitude.toFixed(4)}°（在微信里打开可看地图）
      </Text>
    </View>
  );
}
