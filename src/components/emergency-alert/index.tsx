import { Text, View } from '@tarojs/components';
import { callPhone } from '@/utils/call-phone';
import { roleProps } from '../a11y';
import './index.scss';

export interface EmergencyAlertProps {
  /** What the cloud said, e.g. "这可能是紧急情况，请立即拨打 110。…". */
  prompt: string;
}

/** Full-width red alert for a question that looks like an emergency: call 110 now, do not wait here. */
export function EmergencyAlert({ prompt }: EmergencyAlertProps) {
  return (
    <View className="emergency-alert" {...roleProps('alert')}>
      <Text className="emergency-alert__title">可能是紧急情况</Text>
      <Text className="emergency-alert__prompt">{prompt}</Text>
      <View className="emergency-alert__call" {...roleProps('button')} aria-label="拨打 110 报警电话" hoverClass="emergency-alert__call--pressed" onClick={() => callPhone('110')}>
        <Text>拨打 110</Text>
      </View>
    </View>
  );
}

export default EmergencyAlert;
