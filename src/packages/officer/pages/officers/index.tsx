import { useState } from 'react';
import { Image, Text, View } from '@tarojs/components';
import { directoryActions } from '@domain/actions/directory';
import { stationActions, type OfficerAdminView, type StationOverviewView } from '@domain/actions/station';
import { OFFICER_KINDS, OFFICER_KIND_LABELS, type OfficerKind } from '@domain/roles';
import { roleProps } from '@/components/a11y';
import { FormError, fieldMessage } from '@/components/form-error';
import { PageRoot } from '@/components/page-root';
import { PageState } from '@/components/page-state';
import { useAction } from '@/hooks/use-action';
import { useSubmit } from '@/hooks/use-submit';
import { ActionButton, Choice, Choices, Done, Section } from '../../components/admin-kit';
import { useMyStation } from '../../components/use-my-station';

const toggle = <T,>(list: readonly T[], item: T): T[] => (list.includes(item) ? list.filter((other) => other !== item) : [...list, item]);

function AssignForm({ stationId, officer, overview, onSaved }: { stationId: string; officer: OfficerAdminView; overview: StationOverviewView; onSaved: (done: string) => void }) {
  const assign = useSubmit(stationActions.assignOfficer);
  const [postId, setPostId] = useState(officer.postId);
  const [communityIds, setCommunityIds] = useState(officer.communityIds);
  const [kinds, setKinds] = useState<OfficerKind[]>(officer.kinds);
  return (
    <View className="admin-row">
      <Choices label={`${officer.title}的警种`} fieldId={`officer-${officer.id}-kinds`} error={fieldMessage(assign.error, 'kinds')}>
        {OFFICER_KINDS.map((kind) => (
          <Choice key={kind} label={OFFICER_KIND_LABELS[kind]} selected={kinds.includes(kind)} onToggle={() => setKinds(toggle(kinds, kind))} />
        ))}
      </Choices>
      <Choices label={`${officer.title}所在警务区`} fieldId={`officer-${officer.id}-post`} error={fieldMessage(assign.error, 'postId')}>
        {overview.posts.map((post) => (
          <Choice key={post.id} radio label={post.name} selected={postId === post.id} onToggle={() => setPostId(postId === post.id ? undefined : post.id)} />
        ))}
      </Choices>
      <Choices label={`${officer.title}负责的社区`} fieldId={`officer-${officer.id}-communities`} error={fieldMessage(assign.error, 'communityIds')}>
        {overview.communities.map((community) => (
          <Choice
            key={community.id}
            label={community.name}
            selected={communityIds.includes(community.id)}
            onToggle={() => {
              setCommunityIds(toggle(communityIds, community.id));
              if (!kinds.includes('beat')) setKinds([...kinds, 'beat']);
            }}
          />
        ))}
      </Choices>
      <FormError error={assign.error} shownAtFields={['kinds', 'postId', 'communityIds']} />
      <ActionButton
        label={`保存${officer.title}的安排`}
        pending={assign.pending}
        onClick={async () => {
          const answer = await assign.submit({ stationId, officerId: officer.id, ...(postId ? { postId } : {}), communityIds, kinds });
          if (answer) onSaved(`已保存 ${answer.title} 的安排：${answer.communityNames.join('、') || '不负责社区'}`);
        }}
      />
    </View>
  );
}

function DeactivateForm({ stationId, officer, colleagues, onDone }: { stationId: string; officer: OfficerAdminView; colleagues: OfficerAdminView[]; onDone: (done: string) => void }) {
  const deactivate = useSubmit(stationActions.deactivateOfficer);
  const stations = useAction(directoryActions.listStations, {});
  const [successorId, setSuccessorId] = useState<string>();
  const [moveTo, setMoveTo] = useState<string>();
  return (
    <View className="admin-row">
      <Text className="admin-row__text">{officer.title}手上未办完的提问、调解案件、以后的值班和负责的社区，会在同一步交给下面选的同事。</Text>
      <Choices label="交给哪位同事" fieldId={`officer-${officer.id}-successor`} error={fieldMessage(deactivate.error, 'successorId')}>
        {colleagues.map((colleague) => (
          <Choice key={colleague.id} radio label={colleague.title} selected={successorId === colleague.id} onToggle={() => setSuccessorId(colleague.id)} />
        ))}
      </Choices>
      <Choices label="调往其他派出所（不选就是停用）" fieldId={`officer-${officer.id}-move-to`} error={fieldMessage(deactivate.error, 'moveToStationId')}>
        {(stations.data ?? [])
          .filter((station) => station.id !== stationId)
          .map((station) => (
            <Choice key={station.id} radio label={station.name} selected={moveTo === station.id} onToggle={() => setMoveTo(moveTo === station.id ? undefined : station.id)} />
          ))}
      </Choices>
      <FormError error={deactivate.error} shownAtFields={['successorId', 'moveToStationId']} />
      <ActionButton
        tone="danger"
        label={moveTo ? `调走${officer.title}并交接` : `停用${officer.title}并交接`}
        pending={deactivate.pending}
        onClick={async () => {
          const answer = await deactivate.submit({ stationId, officerId: officer.id, successorId: successorId ?? '', ...(moveTo ? { moveToStationId: moveTo } : {}) });
          if (answer)
            onDone(`${officer.title}已${answer.outcome === 'moved' ? '调走' : '停用'}：${answer.threads} 个提问、${answer.cases} 个调解案件、${answer.shifts} 个班次、${answer.communities} 个社区已交给 ${answer.successorTitle}`);
        }}
      />
    </View>
  );
}

/** An unsuitable photo comes off at once (the officer can put up another); its file is deleted. */
function RemovePhoto({ stationId, officer, onDone }: { stationId: string; officer: OfficerAdminView; onDone: (done: string) => void }) {
  const remove = useSubmit(stationActions.removeOfficerPhoto);
  return (
    <>
      {!officer.photoUrl && <Text className="admin-row__text">照片没有通过微信安全检查或还在检查中，居民看不到。</Text>}
      <ActionButton
        tone="plain"
        label={`去掉${officer.title}的照片`}
        pending={remove.pending}
        onClick={async () => {
          if (await remove.submit({ stationId, officerId: officer.id })) onDone(`已去掉${officer.title}的照片，照片文件已删除`);
        }}
      />
      <FormError error={remove.error} />
    </>
  );
}

function Officers({ stationId }: { stationId: string }) {
  const officers = useAction(stationActions.listOfficers, { stationId });
  const overview = useAction(stationActions.stationOverview, { stationId }, { isEmpty: () => false });
  const [open, setOpen] = useState<{ id: string; form: 'assign' | 'deactivate' }>();
  const [done, setDone] = useState<string>();
  const finished = (text: string) => {
    setDone(text);
    setOpen(undefined);
    void officers.reload({ quiet: true });
    void overview.reload({ quiet: true });
  };
  return (
    <PageState status={officers.status} error={officers.error} onRetry={officers.reload} emptyTitle="还没有民警" emptyDescription="在工作台生成邀请码，民警登记后会出现在这里">
      <Done text={done} />
      {overview.data && overview.data.gaps.filter((gap) => gap.kind === 'community').map((gap) => <Text key={gap.text} className="admin-warning">{gap.text}</Text>)}
      {(officers.data ?? []).map((officer) => (
        <Section key={officer.id} title={`${officer.title}（${officer.name}）`}>
          {officer.photoUrl && <Image className="admin-photo" src={officer.photoUrl} mode="aspectFill" {...roleProps('img')} aria-label={`${officer.title}的照片`} />}
          <Text className="admin-row__text">
            {officer.kinds.map((kind) => OFFICER_KIND_LABELS[kind]).join('、')} · {officer.postName ?? '未分警务区'} · {officer.onDutyNow ? '现在在岗' : '现在不在岗'}
          </Text>
          <Text className="admin-row__text">负责社区：{officer.communityNames.join('、') || '无'} · 工作电话：{officer.phone ?? '未填'}</Text>
          {officer.hasPhoto && <RemovePhoto stationId={stationId} officer={officer} onDone={finished} />}
          <ActionButton tone="plain" label={`安排${officer.title}`} onClick={() => setOpen(open?.id === officer.id && open.form === 'assign' ? undefined : { id: officer.id, form: 'assign' })} />
          <ActionButton tone="danger" label={`停用或调走${officer.title}`} onClick={() => setOpen(open?.id === officer.id && open.form === 'deactivate' ? undefined : { id: officer.id, form: 'deactivate' })} />
          {open?.id === officer.id && open.form === 'assign' && overview.data && <AssignForm stationId={stationId} officer={officer} overview={overview.data} onSaved={finished} />}
          {open?.id === officer.id && open.form === 'deactivate' && (
            <DeactivateForm stationId={stationId} officer={officer} colleagues={(officers.data ?? []).filter((other) => other.id !== officer.id)} onDone={finished} />
          )}
        </Section>
      ))}
    </PageState>
  );
}

export default function OfficersPage() {
  const { me, stationId, isAdmin } = useMyStation();
  return (
    <PageRoot className="admin-page">
      <PageState status={me.status} error={me.error} onRetry={me.reload}>
        {stationId && isAdmin ? <Officers stationId={stationId} /> : <Text>仅供派出所管理员使用</Text>}
      </PageState>
    </PageRoot>
  );
}
