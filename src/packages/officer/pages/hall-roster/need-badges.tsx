import { Text, View } from '@tarojs/components';
import type { BookingNeedsView } from '@domain/actions/booking';
import { NEED_KINDS } from '@domain/booking';

/**
 * Accessibility needs, large and framed under a 需要帮助 heading: the window gets the ramp,
 * interpreter or guide ready. In 长辈模式 (an officer with big text) one need a line, never cut.
 */
export function NeedBadges({ needs }: { needs: BookingNeedsView }) {
  if (needs.kinds.length === 0) return null;
  // labels come in NEED_KINDS order (needLabels), the green-channel one with its reason.
  const kinds = NEED_KINDS.filter((kind) => needs.kinds.includes(kind));
  return (
    <View className="need-badges" role="group" aria-label="需要帮助">
      <Text className="need-badges__title">需要帮助：</Text>
      {kinds.map((kind, index) => (
        <View key={kind} className={`need-badge need-badge--${kind}`}>
          <Text className="need-badge__label">{needs.labels[index]}</Text>
        </View>
      ))}
    </View>
  );
}
