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
          <View className="contact-cards__actions">
            {canPrint && (
              <View className="contact-cards__button" {...roleProps('button')} onClick={printPage}>
                <Text>打印海报（可存为 PDF）</Text>
              </View>
            )}
            <View className="contact-cards__button contact-cards__button--plain" {...roleProps('button')} onClick={() => void saveDownloadedFile(code.codeUrl, `${code.card.community.name}警民联系卡.png`)}>
              <Text>保存小程序码图片</Text>
            </View>
          </View>
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
