import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { mediationActions } from '@domain/actions/mediation';
import { MEDIATION_TEMPLATES } from '@domain/mediation';
import { FormError } from '@/components/form-error';
import { Button, Card, RESPONSE_LABELS } from '@/components/mediation';
import { PageRoot } from '@/components/page-root';
import { PageState } from '@/components/page-state';
import { useAction } from '@/hooks/use-action';
import { useSubmit } from '@/hooks/use-submit';
import { requestSubscription } from '@/platform/subscribe';
import { mediationCasePath } from '@/routes';
import { formatDateTime } from '@/utils/format-date';

/**
 * The participant pass: the one round table this person is invited to, nothing else of the case.
 * No officer account is needed; the first person to open the card holds it.
 */
function Pass({ token }: { token: string }) {
  const pass = useAction(mediationActions.openPass, { token }, { isEmpty: () => false });
  const respond = useSubmit(mediationActions.respondToInvitation);
  const view = pass.data;
  async function answer(response: 'accepted' | 'declined') {
    // Inside the tap: WeChat only asks for a subscription there. It allows the reminder the day before.
    if (response === 'accepted') await requestSubscription([MEDIATION_TEMPLATES.session]).catch(() => undefined);
    const next = await respond.submit({ token, response });
    if (next) pass.setData(next);
  }
  return (
    <PageState status={pass.status} error={pass.error} onRetry={pass.reload}>
      {view && (
        <View>
          <Card title={`${view.myName}，邀请您参加圆桌调解会`} level={1}>
            <Text className="md-line">身份：{view.myRole}</Text>
            <Text className="md-line">事由：{view.caseTitle}</Text>
            <Text className="md-line">时间：{formatDateTime(view.at)}</Text>
            <Text className="md-line">地点：{view.place}</Text>
            {view.agenda && <Text className="md-line">议题：{view.agenda}</Text>}
            <Text className="md-line">召集人：{view.convenedBy}</Text>
          </Card>
          <Card title="参加的人">
            {view.participants.map((participant, index) => (
              <Text key={index} className="md-line">
                {participant.roleLabel} {participant.name}
                {participant.phone ? ` ${participant.phone}` : ''} · {RESPONSE_LABELS[participant.response]}
              </Text>
            ))}
          </Card>
          <View aria-live="polite">
            {view.response === 'accepted' && <Text className="md-notice">✓ 您已确认参加，开会前一天会提醒您</Text>}
            {view.response === 'declined' && <Text className="md-notice">您已回复不能参加，民警会另行联系您</Text>}
          </View>
          {view.status === 'scheduled' && (
            <View>
              {view.response !== 'accepted' && <Button label="确认参加" pending={respond.pending} onClick={() => void answer('accepted')} />}
              {view.response !== 'declined' && <Button label="不能参加" tone="plain" pending={respond.pending} onClick={() => void answer('declined')} />}
            </View>
          )}
          <FormError error={respond.error} />
          {view.caseId && <Button label="查看我的调解案件" tone="plain" onClick={() => void Taro.navigateTo({ url: mediationCasePath(view.caseId as string) })} />}
        </View>
      )}
    </PageState>
  );
}

export default function MediationPassPage() {
  const { params } = useRouter();
  const token = params.token ?? '';
  return <PageRoot className="mediation-pass">{token ? <Pass token={token} /> : <Text>邀请链接不完整，请向民警要一份新的</Text>}</PageRoot>;
}
