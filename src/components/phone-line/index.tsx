import { Text, View } from '@tarojs/components';
import { callPhone } from '@/utils/call-phone';
import { roleProps } from '../a11y';
import './index.scss';

export type PhoneLineTone = 'default' | 'urgent';

export interface PhoneLineProps {
  /** What the number is for, e.g. "全国反诈专线". */
  title: string;
  number: string;
  description?: string;
  tone?: PhoneLineTone;
}

/** One phone number a resident may need, with a large one-tap call button. */
export function PhoneLine({ title, number, description, tone = 'default' }: PhoneLineProps) {
  return (
    <View className={`phone-line phone-line--${tone}`}>
      <View className="phone-line__body">
        <Text className="phone-line__title">{title}</Text>
        <Text className="phone-line__number">{number}</Text>
        {description && <Text className="phone-line__description">{description}</Text>}
      </View>
      <View
        className="phone-line__call"
        {...roleProps('button')}
        aria-label={`拨打${title} ${number}`}
        hoverClass="phone-line__call--pressed"
        onClick={() => callPhone(number)}
      >
        <Text>拨打</Text>
      </View>
    </View>
  );
}

export default PhoneLine;

/** A phone number inside running text: never split across lines ("010-6721 / 0121" misleads). */
export function PhoneNumber({ number }: { number: string }) {
  return <Text className="phone-number">{number}</Text>;
}
