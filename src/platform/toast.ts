import Taro from '@tarojs/taro';

/** weapp: WeChat's own toast (text only, read by its screen reader). */
export function showNotice(text: string, durationMs = 2500): void {
  void Taro.showToast({ title: text, icon: 'none', duration: durationMs });
}
