import Taro from '@tarojs/taro';

export interface Place {
  latitude: number;
  longitude: number;
  name: string;
  address: string;
}

/** weapp: WeChat's map page for the place, from which the phone's navigation apps open. */
export function openPlace(place: Place): void {
  Taro.openLocation({ latitude: place.latitude, longitude: place.longitude, name: place.name, address: place.address, scale: 17 }).catch(() => undefined);
}
