import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import type { StationView } from '@domain/actions/directory';
import { roleProps } from '@/components/a11y';
import { Chip } from '@/components/chip';
import { PhoneNumber } from '@/components/phone-line';
import { openPlace } from '@/platform/open-location';
import { StationMap } from '@/platform/station-map';
import { callPhone } from '@/utils/call-phone';
import { Button } from '@/components/button';

/** '约800米' / '约3.2公里', for the list sorted by distance. */
export function distanceLabel(meters: number): string {
  if (meters < 1000) return `约${Math.max(100, Math.round(meters / 100) * 100)}米`;
  return `约${(meters / 1000).toFixed(meters < 10_000 ? 1 : 0)}公里`;
}

export interface StationCardProps {
  station: StationView;
  onBook?: () => void;
  /** Metres from the resident, when they shared their location. */
  distanceMeters?: number;
  /** Show the map straight away (the resident's own station); otherwise behind 看地图. */
  mapOpen?: boolean;
}

/** One station's service hall: where (map, navigation), when, what it handles, its front-desk number, and the way to book. */
export function StationCard({ station, onBook, distanceMeters, mapOpen = false }: StationCardProps) {
  const [showMap, setShowMap] = useState(mapOpen);
  const place = { ...station.location, name: station.name, address: station.address };
  return (
    <View className="station-card">
      <View className="station-card__head">
        <Text className="station-card__name" {...roleProps('heading')} aria-level={3}>
          {station.name}
        </Text>
        {distanceMeters !== undefined && <Text className="station-card__distance">{distanceLabel(distanceMeters)}</Text>}
      </View>
      <Text className="station-card__address">{station.address}</Text>
      {showMap && <StationMap latitude={station.location.latitude} longitude={station.location.longitude} name={station.name} />}
      <View className="station-card__row">
        <Text className="station-card__label">大厅时间</Text>
        <Text className="station-card__value">{station.hallHours}</Text>
      </View>
      <View className="station-card__row">
        <Text className="station-card__label">可办业务</Text>
        <View className="station-card__services">
          {station.hallServices.map((service) => (
            <Chip key={service} label={service} />
          ))}
        </View>
      </View>
      <View
        className="station-card__phone"
        hoverClass="station-card__phone--pressed"
        onClick={() => callPhone(station.phone)}
        {...roleProps('button')}
      >
        <Text>
          咨询电话 <PhoneNumber number={station.phone} />
        </Text>
        <Text className="station-card__phone-action">拨打</Text>
      </View>
      <View className="station-card__links">
        {!showMap && (
          <Text className="station-card__link" onClick={() => setShowMap(true)} {...roleProps('button')}>
            看地图
          </Text>
        )}
        <Text className="station-card__link" onClick={() => openPlace(place)} {...roleProps('button')}>
          导航去这里
        </Text>
      </View>
      {onBook && (
        <Button className="station-card__book" type="primary" block onClick={onBook}>
          在这里预约办证
        </Button>
      )}
    </View>
  );
}
