import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { accountActions } from '@domain/actions/account';
import { directoryActions } from '@domain/actions/directory';
import { MAX_PHOTOS_PER_STEP, mediationActions } from '@domain/actions/mediation';
import { MEDIATION_CATEGORIES, MEDIATION_CATEGORY_LABELS, type MediationCategory } from '@domain/mediation';
import { Chip } from '@/components/chip';
import { FormError, fieldMessage } from '@/components/form-error';
import { Button, Card, LabeledInput, PhotoPicker, type PickedPhoto } from '@/components/mediation';
import { PageRoot } from '@/components/page-root';
import { PageState } from '@/components/page-state';
import { useAction } from '@/hooks/use-action';
import { useSubmit } from '@/hooks/use-submit';
import { officerMediationCasePath } from '@/routes';

interface PartyDraft {
  name: string;
  phone: string;
  address: string;
}

function OpenForm({ stationId, threadId }: { stationId: string; threadId?: string }) {
  const communities = useAction(directoryActions.listCommunities, { stationId });
  const open = useSubmit(mediationActions.openCase);
  const [source, setSource] = useState<'thread' | 'phone' | 'walkIn'>(threadId ? 'thread' : 'phone');
  const [communityId, setCommunityId] = useState<string>();
  const [category, setCategory] = useState<MediationCategory>('neighbour');
  const [place, setPlace] = useState('');
  const [description, setDescription] = useState('');
  const [photos, setPhotos] = useState<PickedPhoto[]>([]);
  // From a thread, its resident is the first party: only the other side is asked for.
  const [parties, setParties] = useState<PartyDraft[]>(threadId ? [{ name: '', phone: '', address: '' }] : [{ name: '', phone: '', address: '' }, { name: '', phone: '', address: '' }]);
  const edit = (index: number, change: Partial<PartyDraft>) => setParties((rows) => rows.map((party, i) => (i === index ? { ...party, ...change } : party)));

  const problem = (field: string) => fieldMessage(open.error, field);
  // Parties without a name are not sent: the answer's parties.N counts only the named ones.
  const partyProblem = (index: number, key: string) =>
    parties[index]?.name.trim() ? problem(`parties.${parties.slice(0, index).filter((party) => party.name.trim()).length}.${key}`) : undefined;
  async function submit() {
    const opened = await open.submit({
      source,
      ...(threadId && source === 'thread' ? { threadId } : {}),
      ...(communityId ? { communityId } : {}),
      category,
      place: { text: place.trim() },
      description: description.trim(),
      ...(photos.length ? { photoFileIds: photos.map((photo) => photo.fileId) } : {}),
      parties: parties
        .filter((party) => party.name.trim())
        .map((party) => ({ name: party.name.trim(), ...(party.phone.trim() ? { phone: party.phone.trim() } : {}), ...(party.address.trim() ? { address: party.address.trim() } : {}) })),
    });
    if (opened) void Taro.redirectTo({ url: officerMediationCasePath(opened.id) });
  }

  return (
    <View>
      <Card title="案件来源">
        <View className="md-chips">
          {threadId && <Chip label="问片警对话转来" selected={source === 'thread'} onClick={() => setSource('thread')} />}
          <Chip label="电话反映" selected={source === 'phone'} onClick={() => setSource('phone')} />
          <Chip label="来所反映" selected={source === 'walkIn'} onClick={() => setSource('walkIn')} />
        </View>
        {threadId && source === 'thread' && <Text className="md-hint">提问的居民自动成为第一方当事人，对话会链接到案件。</Text>}
      </Card>
      <Card title="纠纷类别">
        <View className="md-chips">
          {MEDIATION_CATEGORIES.map((option) => (
            <Chip key={option} label={MEDIATION_CATEGORY_LABELS[option]} selected={category === option} onClick={() => setCategory(option)} />
          ))}
        </View>
      </Card>
      <Card title="社区和地点">
        <View className="md-chips">
          {communities.data?.map((community) => (
            <Chip key={community.id} label={community.name} selected={communityId === community.id} onClick={() => setCommunityId(communityId === community.id ? undefined : community.id)} />
          ))}
        </View>
        <LabeledInput fieldId="open-place" error={problem('place.text') ?? problem('place')} label="纠纷地点" value={place} onInput={setPlace} placeholder="如：西罗园二区5号楼3单元" />
        <Text className="md-hint">不选社区时按地点找社区；地点在两个辖区交界处的，对方派出所的社区民警会一起调解。</Text>
      </Card>
      <Card title="纠纷情况">
        <LabeledInput fieldId="open-description" error={problem('description')} label="经过和诉求" value={description} onInput={setDescription} multiline maxlength={1000} />
      </Card>
      <Card title="现场照片">
        <Text className="md-hint">拍下现场（噪音源、漏水处、堆放的杂物等），只有办案民警和当事人能看到。</Text>
        <PhotoPicker photos={photos} onChange={setPhotos} max={MAX_PHOTOS_PER_STEP} what="现场照片" />
      </Card>
      <Card title={threadId && source === 'thread' ? '另一方当事人' : '当事人'}>
        {parties.map((party, index) => (
          <View key={index}>
            <LabeledInput fieldId={`open-party-${index}-name`} error={partyProblem(index, 'name')} label={`当事人 ${index + 1} 姓名`} value={party.name} onInput={(value) => edit(index, { name: value })} />
            <LabeledInput fieldId={`open-party-${index}-phone`} error={partyProblem(index, 'phone')} label={`当事人 ${index + 1} 电话`} value={party.phone} onInput={(value) => edit(index, { phone: value })} />
            <LabeledInput fieldId={`open-party-${index}-address`} error={partyProblem(index, 'address')} label={`当事人 ${index + 1} 住址`} value={party.address} onInput={(value) => edit(index, { address: value })} />
          </View>
        ))}
        <Button label="+ 再加一位当事人" tone="plain" onClick={() => setParties([...parties, { name: '', phone: '', address: '' }])} />
      </Card>
      <FormError error={open.error} shownAtFields={['description', 'place', 'place.text', ...parties.flatMap((_, index) => ['name', 'phone', 'address'].map((key) => `parties.${index}.${key}`))]} />
      <Button label="登记并受理" pending={open.pending} onClick={() => void submit()} />
    </View>
  );
}

export default function MediationOpenPage() {
  const { params } = useRouter();
  const me = useAction(accountActions.me, {}, { isEmpty: () => false });
  const stationId = me.data?.station?.id;
  return (
    <PageRoot className="mediation-open">
      <PageState status={me.status} error={me.error} onRetry={me.reload}>
        {stationId ? <OpenForm stationId={stationId} {...(params.threadId ? { threadId: params.threadId } : {})} /> : <Text>仅供派出所民警使用</Text>}
      </PageState>
    </PageRoot>
  );
}
