import { Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { mediationActions } from '@domain/actions/mediation';
import { FormError } from '@/components/form-error';
import { AgreementCard, Button, Card, CaseHeader, HistoryList, PhotoGallery, SessionCard } from '@/components/mediation';
import { PageRoot } from '@/components/page-root';
import { PageState } from '@/components/page-state';
import { useAction } from '@/hooks/use-action';
import { useSubmit } from '@/hooks/use-submit';
import { openPdf } from '@/platform/open-document';

/** A party's own case: where it stands, the round tables, the agreement to confirm and print. */
function PartyCase({ caseId }: { caseId: string }) {
  const current = useAction(mediationActions.getCase, { caseId }, { isEmpty: () => false, pullDownRefresh: true });
  const confirm = useSubmit(mediationActions.confirmAgreement);
  const documentAction = useSubmit(mediationActions.agreementDocument);
  const view = current.data;
  return (
    <PageState status={current.status} error={current.error} onRetry={current.reload} loadingRows={4}>
      {view && (
        <View>
          <CaseHeader view={view} />
          <Card title="纠纷情况">
            <Text className="md-line">{view.description}</Text>
            <PhotoGallery photos={view.photos} label="现场照片" />
            {view.photoNotice && <Text className="md-hint">{view.photoNotice}</Text>}
          </Card>
          {view.status === 'requested' && <Text className="md-notice">已交给 {view.ownerLabel}，民警受理后会联系您。</Text>}
          {view.sessions.map((session, index) => (
            <SessionCard key={session.id} session={session} index={index} />
          ))}
          {view.agreement && (
            <AgreementCard agreement={view.agreement} parties={view.parties}>
              {view.myConfirmationPending && (
                <View>
                  <Text className="md-hint">请仔细读一遍。确认后协议生效，民警会在 {view.followUpDays} 天后回访。</Text>
                  <Button
                    label="我已阅读，确认协议"
                    pending={confirm.pending}
                    onClick={async () => {
                      const next = await confirm.submit({ caseId, version: view.agreement?.version ?? 0 });
                      if (next) current.setData(next);
                    }}
                  />
                  <FormError error={confirm.error} />
                </View>
              )}
              {view.myConfirmationPending === false && <Text className="md-notice">✓ 您已确认这份协议</Text>}
              <Button
                label="打开调解协议书（PDF，可打印）"
                tone="plain"
                pending={documentAction.pending}
                onClick={async () => {
                  const file = await documentAction.submit({ caseId });
                  if (file) await openPdf(file.url);
                }}
              />
              <FormError error={documentAction.error} />
            </AgreementCard>
          )}
          <HistoryList history={view.history} />
        </View>
      )}
    </PageState>
  );
}

export default function MediationCasePage() {
  const { params } = useRouter();
  const caseId = params.id ?? '';
  return <PageRoot className="mediation-party-case">{caseId ? <PartyCase caseId={caseId} /> : <Text>没有找到这个案件</Text>}</PageRoot>;
}
