import { useEffect, useState } from 'react';
import { Text, View } from '@tarojs/components';
import { accountActions } from '@domain/actions/account';
import { directoryActions } from '@domain/actions/directory';
import { mediationActions } from '@domain/actions/mediation';
import { MEDIATION_FORCE_LABELS, MEDIATION_FORCES, type MediationForce } from '@domain/mediation';
import { Chip } from '@/components/chip';
import { FormError } from '@/components/form-error';
import { Button, Card, LabeledInput } from '@/components/mediation';
import { PageRoot } from '@/components/page-root';
import { PageState } from '@/components/page-state';
import { useAction } from '@/hooks/use-action';
import { useSubmit } from '@/hooks/use-submit';

interface MemberDraft {
  id?: string;
  force: MediationForce;
  name: string;
  phone: string;
  building: string;
  org: string;
}

function RosterEditor({ stationId, communityId }: { stationId: string; communityId: string }) {
  const roster = useAction(mediationActions.getRoster, { stationId, communityId }, { isEmpty: () => false });
  const save = useSubmit(mediationActions.saveRoster);
  const [members, setMembers] = useState<MemberDraft[]>([]);
  const [saved, setSaved] = useState(false);
  // A late answer (the first load, a refresh when the page shows again) must never wipe rows being typed.
  const [dirty, setDirty] = useState(false);
  useEffect(() => {
    if (roster.data && !dirty) setMembers(roster.data.members.map((member) => ({ id: member.id, force: member.force, name: member.name, phone: member.phone ?? '', building: member.building ?? '', org: member.org ?? '' })));
  }, [roster.data, dirty]);
  // Functional updates: two quick inputs (a name, then a phone) before a re-render must not let the
  // second write back the rows as they were before the first.
  const edit = (index: number, change: Partial<MemberDraft>) => {
    setMembers((rows) => rows.map((member, i) => (i === index ? { ...member, ...change } : member)));
    setDirty(true);
    setSaved(false);
  };
  return (
    <PageState status={roster.status} error={roster.error} onRetry={roster.reload}>
      {roster.data && roster.data.missingForces.length > 0 && (
        <Text className="md-hint">还没有：{roster.data.missingForces.map((force) => MEDIATION_FORCE_LABELS[force]).join('、')}</Text>
      )}
      {members.map((member, index) => (
        <Card key={member.id ?? `new-${index}`} title={`${MEDIATION_FORCE_LABELS[member.force]} ${member.name}`} level={3}>
          <View className="md-chips">
            {MEDIATION_FORCES.map((force) => (
              <Chip key={force} label={MEDIATION_FORCE_LABELS[force]} selected={member.force === force} onClick={() => edit(index, { force })} />
            ))}
          </View>
          <LabeledInput label="姓名" value={member.name} onInput={(value) => edit(index, { name: value })} />
          <LabeledInput label="电话" value={member.phone} onInput={(value) => edit(index, { phone: value })} />
          {member.force === 'buildingHead' && <LabeledInput label="负责的楼" value={member.building} onInput={(value) => edit(index, { building: value })} placeholder="5号楼" />}
          {(member.force === 'lawyer' || member.force === 'property' || member.force === 'other') && <LabeledInput label="单位" value={member.org} onInput={(value) => edit(index, { org: value })} />}
          <Button label={`从名单删除 ${member.name || '这一位'}`} tone="plain" onClick={() => {
              setMembers((rows) => rows.filter((_, i) => i !== index));
              setDirty(true);
            }} />
        </Card>
      ))}
      <Button
        label="+ 添加一位"
        tone="plain"
        onClick={() => {
          // The next standing force nobody fills yet, then 其他.
          setMembers((rows) => {
            const force = MEDIATION_FORCES.find((candidate) => candidate !== 'other' && !rows.some((member) => member.force === candidate)) ?? 'other';
            return [...rows, { force, name: '', phone: '', building: '', org: '' }];
          });
          setDirty(true);
          setSaved(false);
        }}
      />
      <FormError error={save.error} />
      {saved && <Text className="md-notice">✓ 名单已保存</Text>}
      <Button
        label="保存名单"
        pending={save.pending}
        onClick={async () => {
          const answer = await save.submit({
            stationId,
            communityId,
            members: members
              .filter((member) => member.name.trim())
              .map((member) => ({
                ...(member.id ? { id: member.id } : {}),
                force: member.force,
                name: member.name.trim(),
                ...(member.phone.trim() ? { phone: member.phone.trim() } : {}),
                ...(member.building.trim() ? { building: member.building.trim() } : {}),
                ...(member.org.trim() ? { org: member.org.trim() } : {}),
              })),
          });
          if (answer) {
            setDirty(false);
            roster.setData(answer);
            setSaved(true);
          }
        }}
      />
    </PageState>
  );
}

function Rosters({ stationId }: { stationId: string }) {
  const communities = useAction(directoryActions.listCommunities, { stationId });
  const [communityId, setCommunityId] = useState<string>();
  const chosen = communityId ?? communities.data?.[0]?.id;
  return (
    <PageState status={communities.status} error={communities.error} onRetry={communities.reload}>
      <Text className="md-hint">每个社区的居委会、楼门长、司法员、居民代表、律师、物业。召集圆桌调解会时从这里选人。</Text>
      <View className="md-chips">
        {communities.data?.map((community) => (
          <Chip key={community.id} label={community.name} selected={chosen === community.id} onClick={() => setCommunityId(community.id)} />
        ))}
      </View>
      {chosen && <RosterEditor key={chosen} stationId={stationId} communityId={chosen} />}
    </PageState>
  );
}

export default function MediationRosterPage() {
  const me = useAction(accountActions.me, {}, { isEmpty: () => false });
  const stationId = me.data?.station?.id;
  return (
    <PageRoot className="mediation-roster">
      <PageState status={me.status} error={me.error} onRetry={me.reload}>
        {stationId ? <Rosters stationId={stationId} /> : <Text>仅供派出所民警使用</Text>}
      </PageState>
    </PageRoot>
  );
}
