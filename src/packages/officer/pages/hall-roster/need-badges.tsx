import { Text, View } from '@tarojs/components';
import type { BookingNeedsView } from '@domain/actions';
import { NEED_KINDS } from '@domain/booking';

/** Accessibility needs, large and coloured: the window gets the ramp, interpreter or guide ready. */
export function NeedBadges({ needs }: { needs: BookingNeedsView }) {
  if (needs.kinds.length === 0) return null;
  // labels come in NEED_KINDS order (needLabels), the green-channel one with its reason.
  const kinds = NEED_KINDS.filter((kind) => needs.kinds.includes(kind));
  return (
    <View className="need-badges">
      {kinds.map((kind, index) => (
        <Text key={kind} className={`need-badge need-badge--${kind}`}>
          {needs.labels[index]}
        </Text>
      ))}
    </View>
  );
}
