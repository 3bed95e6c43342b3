import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import Input from '@nutui/nutui-react-taro/dist/es/packages/input';
import '@nutui/nutui-react-taro/dist/es/packages/input/style/css';
import { directoryActions, type CommunityView } from '@domain/actions/directory';
import { PageState } from '@/components/page-state';
import { useAction } from '@/hooks/use-action';
import { CommunityOptions } from './community-option';
import { useDebouncedValue } from './use-debounced-value';

const SEARCH_DELAY_MS = 300;

interface StationGroup {
  stationId: string;
  stationName: string;
  communities: CommunityView[];
}

/** The cloud lists communities in directory order; consecutive ones of a station form its group. */
function groupByStation(communities: readonly CommunityView[]): StationGroup[] {
  const groups: StationGroup[] = [];
  const byStation = new Map<string, StationGroup>();
  for (const community of communities) {
    let group = byStation.get(community.stationId);
    if (!group) {
      group = { stationId: community.stationId, stationName: community.stationName, communities: [] };
      byStation.set(community.stationId, group);
      groups.push(group);
    }
    group.communities.push(community);
  }
  return groups;
}

export interface ListModeProps {
  selectedId?: string;
  currentId?: string;
  onSelect: (community: CommunityView) => void;
}

/** 从列表选: every community, grouped by station, narrowed by a name search as the resident types. */
export function ListMode({ selectedId, currentId, onSelect }: ListModeProps) {
  const [keyword, setKeyword] = useState('');
  const wanted = useDebouncedValue(keyword.trim(), SEARCH_DELAY_MS);
  const list = useAction(directoryActions.listCommunities, wanted ? { keyword: wanted } : {});

  return (
    <View className="list-mode">
      <Input
        className="home-community__search"
        value={keyword}
        placeholder="搜社区名字，例如：西罗园"
        maxLength={20}
        clearable
        onChange={setKeyword}
      />
      <PageState
        status={list.status}
        error={list.error}
        onRetry={list.reload}
        loadingRows={5}
        emptyTitle="没有找到这个社区"
        emptyDescription="少写几个字试试，比如只写“西罗园”；也可以改用“输入地址”或“发送位置”"
      >
        {list.data &&
          groupByStation(list.data).map((group) => (
            <View key={group.stationId} className="list-mode__group">
              <Text className="list-mode__station">{group.stationName}</Text>
              <CommunityOptions communities={group.communities} selectedId={selectedId} currentId={currentId} onSelect={onSelect} />
            </View>
          ))}
      </PageState>
    </View>
  );
}
