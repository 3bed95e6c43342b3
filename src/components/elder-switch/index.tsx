import { Text, View } from '@tarojs/components';
import { useElderMode } from '@/state/elder-mode';
import { roleProps } from '../a11y';
import './index.scss';

/**
 * The 长辈模式 switch. A whole row is the target (not a small toggle), and the state is said in
 * words as well as drawn, so colour is never the only signal.
 */
export function ElderSwitch() {
  const { elder, setElder } = useElderMode();
  return (
    <View
      className={`elder-switch${elder ? ' elder-switch--on' : ''}`}
      {...roleProps('switch')}
      aria-checked={elder}
      aria-label={`长辈模式，大字大按钮，${elder ? '已开启' : '已关闭'}`}
      hoverClass="elder-switch--pressed"
      onClick={() => setElder(!elder)}
    >
      <View className="elder-switch__text">
        <Text className="elder-switch__title">长辈模式</Text>
        <Text className="elder-switch__hint">{elder ? '大字大按钮已开启，点此恢复标准' : '字更大、按钮更大、页面更简单'}</Text>
      </View>
      <View className="elder-switch__state" aria-hidden>
        <View className="elder-switch__knob" />
        <Text className="elder-switch__state-label">{elder ? '开' : '关'}</Text>
      </View>
    </View>
  );
}

export default ElderSwitch;
