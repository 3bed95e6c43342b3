import { Text, View } from '@tarojs/components';
import type { CommunityView } from '@domain/actions/directory';
import { roleProps } from '@/components/a11y';

/** "西罗园派出所 · 西罗园北警务区": where a community belongs, as a resident reads it. */
export const whereOf = (community: CommunityView): string => `${community.stationName} · ${community.postName}`;

/** "A", "A 和 B", "A、B 和 C". */
export function namesOf(communities: readonly CommunityView[]): string {
  const names = communities.map((community) => community.name);
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join('、')} 和 ${names[names.length - 1]}`;
}

export interface CommunityOptionProps {
  community: CommunityView;
  selected: boolean;
  /** The community the resident has registered now, when they came here to change it. */
  current?: boolean;
  onSelect: (community: CommunityView) => void;
}

/** One community to choose, a full-width row well over 60px tall. */
export function CommunityOption({ community, selected, current = false, onSelect }: CommunityOptionProps) {
  return (
    <View
      className={`community-option${selected ? ' community-option--selected' : ''}`}
      {...roleProps('radio')}
      aria-checked={selected}
      hoverClass="community-option--pressed"
      onClick={() => onSelect(community)}
    >
      <View className="community-option__body">
        <View className="community-option__name-row">
          <Text className="community-option__name">{community.name}</Text>
          {current && <Text className="community-option__current">现在登记的</Text>}
        </View>
        <Text className="community-option__where">{whereOf(community)}</Text>
      </View>
      <View className="community-option__mark" aria-hidden>
        {selected && <Text>✓</Text>}
      </View>
    </View>
  );
}

export interface CommunityOptionsProps {
  communities: readonly CommunityView[];
  selectedId?: string;
  currentId?: string;
  onSelect: (community: CommunityView) => void;
}

export function CommunityOptions({ communities, selectedId, currentId, onSelect }: CommunityOptionsProps) {
  return (
    <View className="community-options" {...roleProps('radiogroup')} aria-label="选择社区">
      {communities.map((community) => (
        <CommunityOption
          key={community.id}
          community={community}
          selected={community.id === selectedId}
          current={community.id === currentId}
          onSelect={onSelect}
        />
      ))}
    </View>
  );
}
