import { Text } from '@tarojs/components';
import './index.scss';

/** A red count (unread messages); nothing at 0. */
export function CountBadge({ count }: { count: number }) {
  if (count <= 0) return null;
  return <Text className="count-badge" aria-label={`${count}条未读`}>{count > 99 ? '99+' : count}</Text>;
}

export default CountBadge;
