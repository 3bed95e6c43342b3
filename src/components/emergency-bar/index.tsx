import { Text, View } from '@tarojs/components';
import { callPhone } from '@/utils/call-phone';
import { roleProps } from '../a11y';
import './index.scss';

/** A slim bar that stays on top of the page: this app is never a substitute for 110. */
export function EmergencyBar() {
  return (
    <View className="emergency-bar">
      <Text className="emergency-bar__text">紧急情况请拨打 110，不要在这里留言</Text>
      <View className="emergency-bar__call" {...roleProps('button')} aria-label="拨打 110 报警电话" hoverClass="emergency-bar__call--pressed" onClick={() => callPhone('110')}>
        <Text>拨打 110</Text>
      </View>
    </View>
  );
}

export default EmergencyBar;
