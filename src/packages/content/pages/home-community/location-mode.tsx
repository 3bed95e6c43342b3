import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import Button from '@nutui/nutui-react-taro/dist/es/packages/button';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import { directoryActions, type CommunityView, type LocationView } from '@domain/actions/directory';
import { FormError } from '@/components/form-error';
import { NoticeCard } from '@/components/notice-card';
import { useSubmit } from '@/hooks/use-submit';
import { getCurrentLocation } from '@/platform/location';
import { CommunityOptions, namesOf } from './community-option';
import type { BindMode } from './modes';

export interface LocationModeProps {
  selectedId?: string;
  currentId?: string;
  /** undefined: a new lookup started, the earlier pick no longer stands. */
  onSelect: (community: CommunityView | undefined) => void;
  onSwitch: (mode: BindMode) => void;
}

function Switches({ onSwitch }: { onSwitch: (mode: BindMode) => void }) {
  return (
    <View className="home-community__switches">
      <Button className="home-community__switch" onClick={() => onSwitch('list')}>
        从列表选
      </Button>
      <Button className="home-community__switch" onClick={() => onSwitch('address')}>
        输入地址
      </Button>
    </View>
  );
}

/** 发送位置: the phone's position → the community it lies in, and any neighbour within 100 m. */
export function LocationMode({ selectedId, currentId, onSelect, onSwitch }: LocationModeProps) {
  const [locating, setLocating] = useState(false);
  const [refusal, setRefusal] = useState<string>();
  const [found, setFound] = useState<LocationView>();
  const locate = useSubmit(directoryActions.locate);

  async function send() {
    setRefusal(undefined);
    setFound(undefined);
    onSelect(undefined);
    locate.clearError();
    setLocating(true);
    const position = await getCurrentLocation();
    if (!position.ok) {
      setLocating(false);
      setRefusal(position.message);
      return;
    }
    const answer = await locate.submit({ latitude: position.latitude, longitude: position.longitude });
    setLocating(false);
    if (!answer) return;
    setFound(answer);
    // Well inside one community: that is the answer, ready to confirm.
    if (answer.community && answer.nearby.length === 0) onSelect(answer.community);
  }

  const choices = found ? [...(found.community ? [found.community] : []), ...found.nearby] : [];
  const atBoundary = found !== undefined && found.nearby.length > 0;

  return (
    <View className="location-mode">
      <View className="location-mode__intro">
        <Text className="location-mode__text">请在家里（或家门口）时点下面的按钮，我们按手机定位找到您住的社区。位置只用来查找社区，不会保存。</Text>
        <Button type="primary" block className="home-community__big-button" loading={locating} onClick={() => void send()}>
          {locating ? '正在定位…' : '发送我现在的位置'}
        </Button>
        <FormError error={locate.error} />
      </View>

      {refusal && (
        <NoticeCard title="没能用上位置" tone="building">
          <Text>{refusal}</Text>
          <Switches onSwitch={onSwitch} />
        </NoticeCard>
      )}

      {found && !atBoundary && found.community && (
        <View>
          <Text className="home-community__question">您现在在：</Text>
          <CommunityOptions communities={choices} selectedId={selectedId} currentId={currentId} onSelect={onSelect} />
        </View>
      )}

      {found && atBoundary && (
        <View>
          <Text className="home-community__question">
            {choices.length > 1 ? `您在 ${namesOf(choices)} 的交界处附近，请确认您住在哪个社区：` : `您在 ${namesOf(choices)} 附近，请确认是不是住在这个社区：`}
          </Text>
          <CommunityOptions communities={choices} selectedId={selectedId} currentId={currentId} onSelect={onSelect} />
        </View>
      )}

      {found && choices.length === 0 && (
        <NoticeCard title="没有找到您所在的社区" tone="building">
          <Text>可能您现在不在家附近，或者您的社区还没有开通“枫桥邻警”。可以从列表里找找看。</Text>
          <Switches onSwitch={onSwitch} />
        </NoticeCard>
      )}
    </View>
  );
}
