import { useEffect, useState } from 'react';
import { Input, Text, View } from '@tarojs/components';
import { accountActions } from '@domain/actions/account';
import { directoryActions } from '@domain/actions/directory';
import { feedActions, type GroupLandingView } from '@domain/actions/feed';
import { roleProps } from '@/components/a11y';
import { Chip } from '@/components/chip';
import { FieldError, inputFieldProps, invalidProps } from '@/components/field-error';
import { FormError, fieldMessage } from '@/components/form-error';
import { useAction } from '@/hooks/use-action';
import { useSubmit } from '@/hooks/use-submit';
import { callAction } from '@/platform/cloud-call';
import { cardOpening, enableShareTickets } from '@/platform/share-ticket';

/**
 * A card opened from a neighbourhood group counts for that group; an officer who opens a card
 * from a group nobody has named yet names it here, once (the group's id only WeChat knows).
 */
export function GroupLanding({ articleId }: { articleId: string }) {
  const [landing, setLanding] = useState<GroupLandingView>();
  useEffect(() => {
    enableShareTickets();
    void cardOpening().then(async (opening) => {
      if (!opening) return;
      const answer = await callAction(feedActions.recordGroupLanding, { articleId, ...(opening.cloudId ? { shareCloudId: opening.cloudId } : {}) });
      if (answer.ok) setLanding(answer.data);
    });
  }, [articleId]);
  if (!landing?.group || landing.group.name) return null;
  return <NameGroup />;
}

function NameGroup() {
  const me = useAction(accountActions.me, {}, { isEmpty: () => false });
  const stationId = me.data?.station?.id;
  const communities = useAction(directoryActions.listCommunities, { stationId: stationId ?? '' }, { enabled: Boolean(stationId) });
  const name = useSubmit(feedActions.nameGroup);
  const [groupName, setGroupName] = useState('');
  const [communityId, setCommunityId] = useState<string>();
  const [named, setNamed] = useState<string>();
  if (!stationId) return null;
  if (named) return <Text className="article-page__group-named">已记下：{named}。以后从这个群打开的人数会算在它名下。</Text>;
  return (
    <View className="article-page__group" role="region" aria-label="给这个群起名字">
      <Text className="section-title">这个群还没有名字</Text>
      <Text className="muted">起个名字、选好社区，以后就能看到每条信息在这个群有多少人看过。</Text>
      <Input className="article-page__group-input" value={groupName} maxlength={30} placeholder="例如 西罗园二区3号楼群" {...inputFieldProps('group-name', '群名称', fieldMessage(name.error, 'name'))} onInput={(event) => setGroupName(event.detail.value)} />
      <FieldError fieldId="group-name" message={fieldMessage(name.error, 'name')} />
      <View className="article-page__group-chips" role="group" aria-label="这个群属于哪个社区" {...invalidProps('group-community', fieldMessage(name.error, 'communityId'))}>
        {communities.data?.map((community) => (
          <Chip key={community.id} label={community.name} selected={communityId === community.id} onClick={() => setCommunityId(community.id)} />
        ))}
      </View>
      <FieldError fieldId="group-community" message={fieldMessage(name.error, 'communityId')} />
      <FormError error={name.error} shownAtFields={['name', 'communityId']} />
      <View
        className="article-page__group-save"
        {...roleProps('button')}
        onClick={async () => {
          // A cloudID is short-lived: take a fresh one for the naming.
          const opening = await cardOpening();
          if (!opening?.cloudId || !communityId) return;
          const saved = await name.submit({ stationId, shareCloudId: opening.cloudId, name: groupName.trim(), communityId });
          if (saved) setNamed(saved.name);
        }}
      >
        <Text>{name.pending ? '正在保存…' : '保存群名称'}</Text>
      </View>
    </View>
  );
}
