import { Text, View } from '@tarojs/components';
import { roleProps } from '../a11y';
import { CountBadge } from '../count-badge';
import './index.scss';

export interface EntryRowProps {
  title: string;
  description?: string;
  /** A count that needs attention (unread messages); hidden at 0. */
  badge?: number;
  onClick: () => void;
}

/** A full-width row that leads somewhere, sized for a thumb. */
export function EntryRow({ title, description, badge = 0, onClick }: EntryRowProps) {
  return (
    <View
      className="entry-row"
      {...roleProps('button')}
      aria-label={[title, description, badge > 0 ? `${badge}条未读` : ''].filter(Boolean).join('，')}
      hoverClass="entry-row--pressed"
      onClick={onClick}
    >
      <View className="entry-row__body">
        <Text className="entry-row__title">{title}</Text>
        {description && <Text className="entry-row__description">{description}</Text>}
      </View>
      <CountBadge count={badge} />
      <Text className="entry-row__arrow" aria-hidden>
        ›
      </Text>
    </View>
  );
}

export default EntryRow;
