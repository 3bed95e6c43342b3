import { Image, Text, View } from '@tarojs/components';
import type { BeatCardView } from '@domain/actions/directory';
import { openHomeCommunityPage } from '@/components/home-community';
import { PhoneLine } from '@/components/phone-line';
import { roleProps } from '@/components/a11y';
import './index.scss';

/** The officer's initial on a round badge, when the directory has no photo: "赵警官" → 赵. */
const initialOf = (title: string): string => Array.from(title.trim())[0] ?? '警';

/**
 * 警民联系牌: the digital version of the plate on the building door — the community, its
 * station and post, the beat officer, and the two numbers a resident may call.
 */
export function BeatCard({ card, officerNote = '负责您的社区', changeable = true }: { card: BeatCardView; officerNote?: string; changeable?: boolean }) {
  const { community, station, post, officer } = card;
  return (
    <View className="beat-card">
      <View className="beat-card__header">
        <Text className="beat-card__badge">警民联系牌</Text>
        <Text className="beat-card__community">{community.name}</Text>
        <Text className="beat-card__where">
          {station.name} · {post.name}
        </Text>
      </View>

      {officer ? (
        <View className="beat-card__officer">
          {officer.photoUrl ? (
            <Image className="beat-card__photo" src={officer.photoUrl} mode="aspectFill" {...roleProps('img')} aria-label={`${officer.title}的照片`} />
          ) : (
            <View className="beat-card__initial" aria-hidden>
              <Text>{initialOf(officer.title)}</Text>
            </View>
          )}
          <View className="beat-card__officer-body">
            <Text className="beat-card__officer-title">{officer.title}</Text>
            <Text className="beat-card__officer-kinds">{officer.kindsLabel} · {officerNote}</Text>
          </View>
        </View>
      ) : (
        <View className="beat-card__officer beat-card__officer--none">
          <Text>这个社区的片儿警还没有登记，有事请先打警务室电话。</Text>
        </View>
      )}

      <View className="beat-card__phones">
        <PhoneLine title="警务室电话" number={post.phone} description={post.name} />
        <PhoneLine title="派出所电话" number={station.phone} description={station.address} />
      </View>

      {changeable && (
        <View className="beat-card__change" {...roleProps('button')} aria-label="更换社区：登记另一个住址社区" hoverClass="beat-card__change--pressed" onClick={openHomeCommunityPage}>
          <Text>更换社区</Text>
          <Text className="beat-card__change-arrow" aria-hidden>
            ›
          </Text>
        </View>
      )}
    </View>
  );
}

export default BeatCard;
