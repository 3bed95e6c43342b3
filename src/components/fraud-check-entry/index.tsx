import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { fraudCheckPath } from '@/routes';
import { roleProps } from '../a11y';
import './index.scss';

/**
 * 转账前问一问: the way out for a resident who is about to send money. Big, warm-coloured and
 * worded as what they are doing, because they will not be reading carefully at that moment.
 */
export function FraudCheckEntry({ articleId }: { articleId?: string }) {
  return (
    <View
      className="fraud-check-entry"
      {...roleProps('button')}
      hoverClass="fraud-check-entry--pressed" onClick={() => void Taro.navigateTo({ url: fraudCheckPath(articleId) })}>
      <View className="fraud-check-entry__body">
        <Text className="fraud-check-entry__title">转账前问一问</Text>
        <Text className="fraud-check-entry__text">有人让您转钱？先别转。填几句话，反诈民警马上帮您看</Text>
      </View>
      <Text className="fraud-check-entry__arrow" aria-hidden>
        ›
      </Text>
    </View>
  );
}

export default FraudCheckEntry;
