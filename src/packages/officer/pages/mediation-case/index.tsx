import { useRef, useState } from 'react';
import { Button as NativeButton, Text, View } from '@tarojs/components';
import Taro, { useRouter, useShareAppMessage } from '@tarojs/taro';
import { mediationActions, type CaseView, type InvitationView } from '@domain/actions/mediation';
import { roleProps } from '@/components/a11y';
import { FormError } from '@/components/form-error';
import { AgreementCard, Button, Card, CaseHeader, HistoryList, SessionCard } from '@/components/mediation';
import { PageRoot } from '@/components/page-root';
import { PageState } from '@/components/page-state';
import { useAction } from '@/hooks/use-action';
import { useSubmit } from '@/hooks/use-submit';
import { openPdf } from '@/platform/open-document';
import { officerThreadPath } from '@/routes';
import { ClosePanel, ConvenePanel, FollowUpPanel, PaperSignature, RecordPanel, RequestPanel, ScenePhotosPanel, TermsPanel } from './panels';
import './index.scss';

/** The pass link of one invitee: a share card in WeChat; the link itself shown and copied (for SMS, or the browser). */
function InvitationShare({ invitation, onShare }: { invitation: InvitationView; onShare: (invitation: InvitationView) => void }) {
  const [shown, setShown] = useState(false);
  const link = `/${invitation.passPath ?? ''}`;
  return (
    <View className="md-row">
      <Text className="md-row__main">
        {invitation.roleLabel} {invitation.name}
      </Text>
      <NativeButton
        className="md-share"
        openType="share"
        data-token={invitation.id}

        onClick={() => {
          onShare(invitation);
          setShown(true);
          void Taro.setClipboardData({ data: link }).catch(() => undefined);
        }}
      >
        发给{invitation.name}
      </NativeButton>
      {shown && (
        <Text className="md-link" data-pass-for={invitation.name}>
          邀请链接（已复制）：{link}
        </Text>
      )}
    </View>
  );
}

function OfficerCase({ caseId }: { caseId: string }) {
  const current = useAction(mediationActions.getCase, { caseId }, { isEmpty: () => false, pullDownRefresh: true });
  const documentAction = useSubmit(mediationActions.agreementDocument);
  const sharing = useRef<InvitationView>();
  const view = current.data;
  useShareAppMessage(() => {
    const invitation = sharing.current;
    return invitation?.passPath ? { title: `邀请您参加圆桌调解会（${invitation.roleLabel}）`, path: `/${invitation.passPath}` } : { title: '枫桥邻警', path: '/pages/feed/index' };
  });
  const done = (next: CaseView) => current.setData(next);

  return (
    <PageState status={current.status} error={current.error} onRetry={current.reload} loadingRows={5}>
      {view && (
        <View>
          <CaseHeader view={view} />
          <Card title="纠纷情况">
            <Text className="md-line">{view.description}</Text>
            {view.threadId && (
              <View {...roleProps('link')} onClick={() => void Taro.navigateTo({ url: officerThreadPath(view.threadId as string) })}>
                <Text className="md-line">查看原来的问片警对话 ›</Text>
              </View>
            )}
          </Card>
          <ScenePhotosPanel view={view} onDone={done} />
          <Card title="当事人">
            {view.parties.map((party) => (
              <Text key={party.id} className="md-line">
                {party.name}
                {party.phone ? ` ${party.phone}` : ''}
                {party.address ? ` · ${party.address}` : ''} · {party.inApp ? '用小程序' : '未用小程序'}
              </Text>
            ))}
          </Card>
          {view.status === 'requested' && <RequestPanel view={view} onDone={done} />}
          {view.sessions.map((session, index) => (
            <SessionCard key={session.id} session={session} index={index}>
              {session.status === 'scheduled' && (
                <View>
                  <Text className="md-field__label">把邀请发给每一位（每人一张，只能本人领取）</Text>
                  {session.invitations.map((invitation) => (
                    <InvitationShare key={invitation.id} invitation={invitation} onShare={(chosen) => (sharing.current = chosen)} />
                  ))}
                  <RecordPanel view={view} session={session} onDone={done} />
                </View>
              )}
            </SessionCard>
          ))}
          {view.canDo.includes('convene') && <ConvenePanel key={view.sessions.length} view={view} onDone={done} />}
          {view.agreement && (
            <AgreementCard agreement={view.agreement} parties={view.parties}>
              {view.status === 'mediating' &&
                view.parties
                  .filter((party) => !view.agreement?.confirmations.some((confirmation) => confirmation.partyId === party.id))
                  .map((party) => <PaperSignature key={party.id} view={view} partyId={party.id} partyName={party.name} onDone={done} />)}
              <Button
                label="打开调解协议书（PDF，可打印）"
                tone="plain"
                pending={documentAction.pending}
                onClick={async () => {
                  const file = await documentAction.submit({ caseId: view.id });
                  if (file) await openPdf(file.url);
                }}
              />
              <FormError error={documentAction.error} />
            </AgreementCard>
          )}
          {view.canDo.includes('proposeAgreement') && <TermsPanel key={view.agreement?.version ?? 0} view={view} onDone={done} />}
          {view.canDo.includes('followUp') && <FollowUpPanel view={view} onDone={done} />}
          {view.canDo.includes('close') && <ClosePanel view={view} onDone={done} />}
          <HistoryList history={view.history} />
        </View>
      )}
    </PageState>
  );
}

export default function OfficerMediationCasePage() {
  const { params } = useRouter();
  const caseId = params.id ?? '';
  return <PageRoot className="mediation-case">{caseId ? <OfficerCase caseId={caseId} /> : <Text>没有找到这个案件</Text>}</PageRoot>;
}
