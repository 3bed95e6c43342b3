import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { stationActions, type BoundaryCheckView, type CommunityAdminView } from '@domain/actions/station';
import { FormError, fieldMessage } from '@/components/form-error';
import { PageRoot } from '@/components/page-root';
import { PageState } from '@/components/page-state';
import { useAction } from '@/hooks/use-action';
import { useSubmit } from '@/hooks/use-submit';
import { BoundaryMap } from '@/platform/boundary-map';
import { pickTextFile } from '@/platform/text-file';
import { ActionButton, Choice, Choices, Done, Field, Section } from '../../components/admin-kit';
import { useMyStation } from '../../components/use-my-station';

function PostForm({ stationId, onSaved }: { stationId: string; onSaved: () => void }) {
  const save = useSubmit(stationActions.savePost);
  const [name, setName] = useState('');
  const [phone, setPhone] = useState('');
  const [done, setDone] = useState<string>();
  return (
    <Section title="新建警务区/警务室">
      <Field fieldId="post-name" error={fieldMessage(save.error, 'name')} label="警务区名称" value={name} onChange={setName} placeholder="例如 桃源警务室" />
      <Field fieldId="post-phone" error={fieldMessage(save.error, 'phone')} label="警务区电话（印在警民联系牌上）" value={phone} onChange={setPhone} />
      <FormError error={save.error} shownAtFields={['name', 'phone']} />
      <ActionButton
        label="保存警务区"
        pending={save.pending}
        onClick={async () => {
          const answer = await save.submit({ stationId, name, phone });
          if (!answer) return;
          setDone(`已保存 ${answer.name}`);
          setName('');
          setPhone('');
          onSaved();
        }}
      />
      <Done text={done} />
    </Section>
  );
}

function CommunityForm({ stationId, posts, onSaved }: { stationId: string; posts: { id: string; name: string }[]; onSaved: (community: CommunityAdminView) => void }) {
  const check = useSubmit(stationActions.checkBoundary);
  const save = useSubmit(stationActions.saveCommunity);
  const [name, setName] = useState('');
  const [aliases, setAliases] = useState('');
  const [postId, setPostId] = useState<string>();
  const [file, setFile] = useState<{ name: string; text: string }>();
  const [checked, setChecked] = useState<BoundaryCheckView>();
  const [fileProblem, setFileProblem] = useState<string>();
  const [done, setDone] = useState<string>();

  async function importBoundary() {
    const picked = await pickTextFile(['geojson', 'json']);
    if (!picked.ok) return setFileProblem(picked.message || undefined);
    setFileProblem(undefined);
    setFile(picked);
    setChecked((await check.submit({ stationId, geojson: picked.text })) ?? undefined);
  }

  return (
    <Section title="新建社区">
      <Field fieldId="community-name" error={fieldMessage(save.error, 'name')} label="社区名称" value={name} onChange={setName} placeholder="例如 桃源里社区" />
      <Field fieldId="community-aliases" error={fieldMessage(save.error, 'aliases')} label="别名（居民写地址时的叫法，用逗号分开）" value={aliases} onChange={setAliases} placeholder="例如 桃源里,桃源小区" />
      <Choices label="所属警务区" fieldId="community-postId" error={fieldMessage(save.error, 'postId')}>
        {posts.map((post) => (
          <Choice key={post.id} radio label={post.name} selected={postId === post.id} onToggle={() => setPostId(post.id)} />
        ))}
      </Choices>
      {posts.length === 0 && <Text className="admin-warning">请先在上面新建一个警务区</Text>}
      <ActionButton tone="plain" label={file ? `重新选择边界文件（当前：${file.name}）` : '导入社区边界（GeoJSON 文件）'} onClick={() => void importBoundary()} pending={check.pending} />
      {fileProblem && <Text className="admin-warning">{fileProblem}</Text>}
      <FormError error={check.error} />
      {checked && (
        <View aria-live="polite">
          {checked.ok ? <Text className="admin-done">✓ 边界可以使用：{checked.outline.length} 个点，没有与相邻社区重叠</Text> : <Text className="admin-warning">{checked.problem}</Text>}
          {checked.outline.length > 0 && <BoundaryMap boundary={checked.outline} overlaps={checked.overlaps} />}
        </View>
      )}
      <FormError error={save.error} shownAtFields={['name', 'aliases', 'postId']} />
      <ActionButton
        label="保存社区"
        pending={save.pending}
        onClick={async () => {
          const answer = await save.submit({
            stationId,
            name,
            aliases: aliases.split(/[,，、\s]+/).map((alias) => alias.trim()).filter(Boolean),
            postId: postId ?? '',
            ...(file ? { geojson: file.text } : {}),
          });
          if (!answer) return;
          setDone(`已保存 ${answer.name}`);
          setName('');
          setAliases('');
          setFile(undefined);
          setChecked(undefined);
          onSaved(answer);
        }}
      />
      <Done text={done} />
    </Section>
  );
}

function Communities({ stationId }: { stationId: string }) {
  const overview = useAction(stationActions.stationOverview, { stationId }, { isEmpty: () => false });
  return (
    <PageState status={overview.status} error={overview.error} onRetry={overview.reload}>
      {overview.data && (
        <View>
          <Section title="本所社区">
            {overview.data.communities.length === 0 && <Text className="admin-row__text">还没有社区。新建警务区后，在下面新建社区并导入边界。</Text>}
            {overview.data.communities.map((community) => (
              <View key={community.id} className="admin-row">
                <Text className="admin-row__title">{community.name}</Text>
                <Text className="admin-row__text">
                  {community.postName} · 社区民警：{community.beatOfficers.join('、') || '暂无'} · {community.hasBoundary ? '已有边界' : '没有边界'}
                </Text>
                {community.beatOfficers.length === 0 && <Text className="admin-warning">没有社区民警：居民的提问会转给警务区同事或值班室。请在“民警管理”里安排。</Text>}
              </View>
            ))}
          </Section>
          <PostForm stationId={stationId} onSaved={() => void overview.reload({ quiet: true })} />
          <CommunityForm stationId={stationId} posts={overview.data.posts} onSaved={() => void overview.reload({ quiet: true })} />
        </View>
      )}
    </PageState>
  );
}

export default function CommunitiesPage() {
  const { me, stationId, isAdmin } = useMyStation();
  return (
    <PageRoot className="admin-page">
      <PageState status={me.status} error={me.error} onRetry={me.reload}>
        {stationId && isAdmin ? <Communities stationId={stationId} /> : <Text>仅供派出所管理员使用</Text>}
      </PageState>
    </PageRoot>
  );
}
