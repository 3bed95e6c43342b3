import { Image, Text, View } from '@tarojs/components';
import type { RoutingPreviewView } from '@domain/actions/directory';
import { PRIORITY_LABELS } from '@domain/routing';
import { roleProps } from '@/components/a11y';
import { EmergencyAlert } from '@/components/emergency-alert';
import { RegisterCommunityButton } from './register-community';

/**
 * The cloud words its reason for the decision once the question is sent ("已转给 …"); before
 * sending, the resident reads it as what will happen.
 */
const asPreview = (reason: string): string => reason.replace(/已转(给|到)/g, '会转$1');

/** Who a question would go to, and why — or, for an emergency, only the way to 110. */
export function RoutingPreview({ preview }: { preview: RoutingPreviewView }) {
  if (preview.emergency) return <EmergencyAlert prompt={preview.emergency.prompt} />;
  if (preview.placeNeeded) {
    return (
      <View className="routing-preview routing-preview--place-needed" {...roleProps('alert')}>
        <Text className="routing-preview__assignee">还不能确定交给谁</Text>
        <Text className="routing-preview__reason">{preview.reason}</Text>
        <RegisterCommunityButton />
      </View>
    );
  }
  const where = [preview.stationName, preview.postName].filter(Boolean).join(' · ');
  return (
    <View className="routing-preview">
      <View className="routing-preview__who">
        {preview.officerPhotoUrl && (
          <Image className="routing-preview__photo" src={preview.officerPhotoUrl} mode="aspectFill" aria-label={`${preview.assigneeLabel}的照片`} nativeProps={{ alt: `${preview.assigneeLabel}的照片` }} />
        )}
        <Text className="routing-preview__assignee">会交给：{preview.assigneeLabel}</Text>
      </View>
      {where && <Text className="routing-preview__where">{where}</Text>}
      {preview.priority !== 'normal' && <Text className="routing-preview__priority">{PRIORITY_LABELS[preview.priority]}处理</Text>}
      <Text className="routing-preview__reason">{asPreview(preview.reason)}</Text>
      {preview.expectation && <Text className="routing-preview__expect">{preview.expectation}</Text>}
      {preview.boundaryCommunities.length > 0 && (
        <Text className="routing-preview__boundary">
          您可能在相邻辖区：{preview.boundaryCommunities.map((community) => `${community.name}（${community.stationName}）`).join('、')}
          。如果事情归那边管，民警会帮您转过去。
        </Text>
      )}
      <Text className="routing-preview__note">这只是预览，您的问题还没有发出去。</Text>
    </View>
  );
}

export default RoutingPreview;
