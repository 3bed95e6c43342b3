import { tellInDialog } from '@/components/confirm-dialog/state';
import type { Place } from './open-location';

export type { Place } from './open-location';

/** H5 (local mode): no map app to hand over to; show the address to read or copy. */
export function openPlace(place: Place): void {
  void tellInDialog({ title: place.name, content: `地址：${place.address}\n在微信里打开可直接导航。`, confirmText: '知道了' });
}
