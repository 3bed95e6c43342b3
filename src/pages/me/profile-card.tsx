import { Text, View } from '@tarojs/components';
import type { MeView } from '@domain/actions/account';
import { OFFICER_KIND_LABELS, ROLE_LABELS } from '@domain/roles';
import { roleProps } from '@/components/a11y';

/** Who the app thinks you are: nickname, role and where you belong. */
export function ProfileCard({ me, onEditNickname }: { me: MeView; onEditNickname?: () => void }) {
  const kinds = me.officerKinds.map((kind) => OFFICER_KIND_LABELS[kind]).join('、');
  return (
    <View className="profile-card">
      <View className="profile-card__main">
        <View className="profile-card__avatar" aria-hidden>
          <Text>{Array.from(me.nickname.trim())[0] ?? '我'}</Text>
        </View>
        <View className="profile-card__body">
          <View className="profile-card__name-row">
            <Text className="profile-card__nickname">{me.nickname}</Text>
            <Text className="profile-card__role">{ROLE_LABELS[me.role]}</Text>
          </View>
          {kinds && <Text className="profile-card__line">{kinds}</Text>}
          {me.station && (
            <Text className="profile-card__line">
              {me.station.name}
              {me.station.districtName ? ` · ${me.station.districtName}` : ''}
            </Text>
          )}
          {me.homeCommunity && (
            <Text className="profile-card__line">
              {me.homeCommunity.name} · {me.homeCommunity.stationName}
            </Text>
          )}
        </View>
      </View>
      {onEditNickname && (
        <View className="profile-card__edit" {...roleProps('button')} hoverClass="profile-card__edit--pressed" onClick={onEditNickname}>
          <Text>修改昵称</Text>
          <Text className="profile-card__edit-arrow" aria-hidden>
            ›
          </Text>
        </View>
      )}
    </View>
  );
}
