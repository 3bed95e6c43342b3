import { useState } from 'react';
import { Image, Text, View } from '@tarojs/components';
import { accountActions } from '@domain/actions/account';
import { directoryActions, type ContactCardCodeView } from '@domain/actions/directory';
import { roleProps } from '@/components/a11y';
import { Chip } from '@/components/chip';
import { FormError } from '@/components/form-error';
import { PageRoot } from '@/components/page-root';
import { PageState } from '@/components/page-state';
import { useAction } from '@/hooks/use-action';
import { useSubmit } from '@/hooks/use-submit';
import { canPrint, printPage } from '@/platform/print-page';
import { saveDownloadedFile } from '@/platform/save-file';
import { CAN_OPEN_SETTINGS, openPermissionSettings, SAVE_PICTURE_LABEL, savePicture, type SavePictureOutcome } from '@/platform/save-picture';
import { posterPicture } from './poster-picture';
import './index.scss';

/**
 * The A4 poster for a community's notice board and neighbourhood group: who the beat officer is,
 * the post's phone, the code, and 110 first. Drawn with the app's own tokens; printed from H5.
 */
function Poster({ code }: { code: ContactCardCodeView }) {
  const { card } = code;
  return (
    <View className="card-poster" role="img" aria-label={`${card.community.name}警民联系卡海报`}>
      <Text className="card-poster__badge">警民联系卡</Text>
      <Text className="card-poster__community">{card.community.name}</Text>
      <Text className="card-poster__station">
        {card.station.name} · {card.post.name}
      </Text>
      {card.officer && (
        <View className="card-poster__officer">
          {card.officer.photoUrl && <Image className="card-poster__photo" src={card.officer.photoUrl} mode="aspectFill" />}
          <Text className="card-poster__officer-title">社区民警 {card.officer.title}</Text>
        </View>
      )}
      <Text className="card-poster__phone">警务室电话 {card.post.phone}</Text>
      <Image className="card-poster__code" src={code.codeUrl} mode="aspectFit" />
      <Text className="card-poster__motto">扫码问片警 · 紧急情况请拨打110</Text>
    </View>
  );
}

/**
 * Keeping the poster: the whole poster as one picture (drawn on a canvas: the phone's album on
 * weapp, a download on H5), printing on H5, or the bare code. What happened is said on the page;
 * a refused album permission comes with the way to turn it back on.
 */
function PosterActions({ code }: { code: ContactCardCodeView }) {
  const [saving, setSaving] = useState(false);
  const [outcome, setOutcome] = useState<SavePictureOutcome>();
  async function savePoster() {
    if (saving) return;
    setSaving(true);
    setOutcome(undefined);
    const answer = await savePicture(posterPicture(code));
    setSaving(false);
    setOutcome(answer);
  }
  return (
    <View className="contact-cards__actions">
      <View className="contact-cards__button" {...roleProps('button')} aria-disabled={saving} onClick={() => void savePoster()}>
        <Text>{saving ? '正在生成海报…' : SAVE_PICTURE_LABEL}</Text>
      </View>
      <View role="status" aria-live="polite">
        {outcome && <Text className={`contact-cards__outcome contact-cards__outcome--${outcome.saved ? 'done' : 'failed'}`}>{outcome.saved ? `✓ ${outcome.message}` : outcome.message}</Text>}
      </View>
      {outcome && !outcome.saved && outcome.denied && CAN_OPEN_SETTINGS && (
        <View className="contact-cards__button contact-cards__button--plain" {...roleProps('button')} onClick={openPermissionSettings}>
          <Text>去设置里打开“添加到相册”</Text>
        </View>
      )}
      {canPrint && (
        <View className="contact-cards__button contact-cards__button--plain" {...roleProps('button')} onClick={printPage}>
          <Text>打印海报（可存为 PDF）</Text>
        </View>
      )}
      <View className="contact-cards__button contact-cards__button--plain" {...roleProps('button')} onClick={() => void saveDownloadedFile(code.codeUrl, `${code.card.community.name}警民联系卡.png`)}>
        <Text>只保存小程序码</Text>
      </View>
    </View>
  );
}

function Cards({ stationId }: { stationId: string }) {
  const communities = useAction(directoryActions.listCommunities, { stationId });
  const generate = useSubmit(directoryActions.contactCardCode);
  const [chosen, setChosen] = useState<string>();
  const [code, setCode] = useState<ContactCardCodeView>();

  async function choose(communityId: string) {
    setChosen(communityId);
    setCode(undefined);
    const made = await generate.submit({ stationId, communityId });
    if (made) setCode(made);
  }

  return (
    <View className="page">
      <View className="contact-cards__controls">
        <Text className="page-title">警民联系卡</Text>
        <Text className="page-intro">每个社区一张小程序码：贴在楼门口、发到社区群。居民扫码就能看到负责的民警、登记自己住的社区、问片警。</Text>
        <Text className="section-title" id="card-communities">选择社区</Text>
        <PageState status={communities.status} error={communities.error} onRetry={communities.reload}>
          <View className="contact-cards__chips" role="group" aria-labelledby="card-communities">
            {communities.data?.map((community) => (
              <Chip key={community.id} label={community.name} selected={chosen === community.id} onClick={() => void choose(community.id)} />
            ))}
          </View>
        </PageState>
        <View aria-live="polite">
          {generate.pending && <Text className="muted">正在生成…</Text>}
          <FormError error={generate.error} />
          {code && (
            <Text className="contact-cards__scans">
              已被扫 {code.scans} 次，{code.uniqueScanners} 人
            </Text>
          )}
        </View>
      </View>
      {code && (
        <View>
          <Poster code={code} />
          <PosterActions code={code} />
        </View>
      )}
    </View>
  );
}

export default function ContactCardsPage() {
  const me = useAction(accountActions.me, {}, { isEmpty: () => false });
  const stationId = me.data?.station?.id;
  return (
    <PageRoot className="contact-cards">
      <PageState status={me.status} error={me.error} onRetry={me.reload}>
        {stationId ? <Cards stationId={stationId} /> : <Text className="muted">警民联系卡由派出所民警生成。</Text>}
      </PageState>
    </PageRoot>
  );
}
