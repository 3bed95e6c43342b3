import { Text, View } from '@tarojs/components';
import Button from '@nutui/nutui-react-taro/dist/es/packages/button';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import type { StationView } from '@domain/actions';
import { Chip } from '@/components/chip';
import { callPhone } from '@/utils/call-phone';

/** One station's service hall: where, when, what it handles, its front-desk number, and the way to book. */
export function StationCard({ station, onBook }: { station: StationView; onBook?: () => void }) {
  return (
    <View className="station-card">
      <View className="station-card__head" onClick={onBook}>
        <Text className="station-card__name">{station.name}</Text>
      </View>
      <Text className="station-card__address">{station.address}</Text>
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
      <View className="station-card__phone" hoverClass="station-card__phone--pressed" onClick={() => callPhone(station.phone)}>
        <Text>咨询电话 {station.phone}</Text>
        <Text className="station-card__phone-action">拨打</Text>
      </View>
      {onBook && (
        <Button className="station-card__book" type="primary" block onClick={onBook}>
          在这里预约办证
        </Button>
      )}
    </View>
  );
}
