import { useMemo, useState } from 'react';
import { Input, Text, View } from '@tarojs/components';
import { Textarea } from '@/platform/form-components';
import Taro, { useRouter } from '@tarojs/taro';
import { accountActions } from '@domain/actions/account';
import { consultActions, type FraudCheckView } from '@domain/actions/consult';
import {
  CONTACT_CHANNEL_LABELS,
  CONTACT_CHANNELS,
  PAYEE_KIND_LABELS,
  PAYEE_KINDS,
  warningSignsFor,
  type ContactChannel,
  type PayeeKind,
} from '@domain/anti-fraud/warning-signs';
import { CONSULT_TEMPLATES } from '@domain/consult';
import { roleProps } from '@/components/a11y';
import { Chip } from '@/components/chip';
import { EmergencyBar } from '@/components/emergency-bar';
import { FieldError, inputFieldProps, invalidProps } from '@/components/field-error';
import { fieldMessage, FormError } from '@/components/form-error';
import { PageRoot } from '@/components/page-root';
import { useAction } from '@/hooks/use-action';
import { useSubmit } from '@/hooks/use-submit';
import { requestSubscription } from '@/platform/subscribe';
import { consultThreadPath } from '@/routes';
import { callPhone } from '@/utils/call-phone';
import { validateInput } from '@/utils/validate-input';
import './index.scss';

function WarningSigns({ amount, payeeKind, channel }: { amount: number; payeeKind?: PayeeKind; channel?: ContactChannel }) {
  const signs = useMemo(() => warningSignsFor({ amount, payeeKind: payeeKind ?? 'unknown', channel: channel ?? 'other' }), [amount, payeeKind, channel]);
  return (
    <View className="fraud-check__signs" aria-live="polite">
      <Text className="fraud-check__signs-title">先停一停，看看这三条</Text>
      {signs.map((sign, index) => (
        <View key={sign.key} className="fraud-check__sign">
          <Text className="fraud-check__sign-title">
            {index + 1}. {sign.title}
          </Text>
          <Text className="fraud-check__sign-detail">{sign.detail}</Text>
        </View>
      ))}
    </View>
  );
}

function Sent({ result }: { result: FraudCheckView }) {
  return (
    <View className="fraud-check__sent">
      <Text className="fraud-check__sent-title">已经紧急转给 {result.routing.assigneeLabel}</Text>
      <Text className="fraud-check__sent-line">{result.routing.reason}</Text>
      <Text className="fraud-check__sent-expect">{result.routing.expectation}</Text>
      <Text className="fraud-check__sent-line">民警回复前，请不要转账。</Text>
      <View className="fraud-check__open" hoverClass="fraud-check__open--pressed" {...roleProps('button')} onClick={() => void Taro.navigateTo({ url: consultThreadPath(result.threadId) })}>
        <Text>查看民警回复</Text>
      </View>
    </View>
  );
}

export default function FraudCheckPage() {
  const { params } = useRouter();
  const articleId = params.articleId && /^[A-Za-z0-9_-]{1,64}$/.test(params.articleId) ? params.articleId : undefined;
  const [amountText, setAmountText] = useState('');
  const [payeeKind, setPayeeKind] = useState<PayeeKind>();
  const [channel, setChannel] = useState<ContactChannel>();
  const [note, setNote] = useState('');
  const [result, setResult] = useState<FraudCheckView>();
  const start = useSubmit(consultActions.startFraudCheck);
  const me = useAction(accountActions.me, {}, { isEmpty: () => false });
  const amount = Number(amountText) || 0;

  async function submit() {
    const input = {
      amount,
      payeeKind: payeeKind ?? ('' as PayeeKind),
      channel: channel ?? ('' as ContactChannel),
      ...(note.trim() ? { note: note.trim() } : {}),
      ...(articleId ? { articleId } : {}),
    };
    // The reply reminder is asked inside the tap (WeChat's rule), and only when the check will go:
    // the form is complete and the station is known (else the cloud points to 96110 instead).
    if (!validateInput(consultActions.startFraudCheck, input) && me.data?.homeCommunity) void requestSubscription([CONSULT_TEMPLATES.reply]).catch(() => undefined);
    const answer = await start.submit(input);
    if (answer) setResult(answer);
  }

  return (
    <PageRoot className="fraud-check">
      <EmergencyBar />
      <View className="page">
        <Text className="page-title">转账前，先问问民警</Text>
        <Text className="page-intro">告诉我们要转多少钱、转给谁、对方怎么联系您的。本所反诈民警会优先回复您；下面的提醒现在就可以看。</Text>

        <WarningSigns amount={amount} payeeKind={payeeKind} channel={channel} />

        {/* Sending swaps the form for what happens next: read out when it appears. */}
        <View aria-live="polite">{result && <Sent result={result} />}</View>
        {!result && (
          <View className="fraud-check__form">
            <Text className="section-title">1. 准备转多少钱（元）</Text>
            <Input
              className="fraud-check__amount"
              type="digit"
              value={amountText}
              placeholder="例如 5000"
              {...inputFieldProps('fraud-check-amount', '准备转多少钱，单位元', fieldMessage(start.error, 'amount'))}
              onInput={(event) => setAmountText(event.detail.value)}
            />
            <FieldError fieldId="fraud-check-amount" message={fieldMessage(start.error, 'amount')} />

            <Text className="section-title" id="fraud-check-payee">2. 钱转到哪里</Text>
            <View className="fraud-check__chips" role="group" aria-labelledby="fraud-check-payee" {...invalidProps('fraud-check-payeeKind', fieldMessage(start.error, 'payeeKind'))}>
              {PAYEE_KINDS.map((key) => (
                <Chip key={key} label={PAYEE_KIND_LABELS[key]} selected={payeeKind === key} onClick={() => setPayeeKind(key)} />
              ))}
            </View>
            <FieldError fieldId="fraud-check-payeeKind" message={fieldMessage(start.error, 'payeeKind')} />

            <Text className="section-title" id="fraud-check-channel">3. 对方是怎么联系您的</Text>
            <View className="fraud-check__chips" role="group" aria-labelledby="fraud-check-channel" {...invalidProps('fraud-check-channel', fieldMessage(start.error, 'channel'))}>
              {CONTACT_CHANNELS.map((key) => (
                <Chip key={key} label={CONTACT_CHANNEL_LABELS[key]} selected={channel === key} onClick={() => setChannel(key)} />
              ))}
            </View>
            <FieldError fieldId="fraud-check-channel" message={fieldMessage(start.error, 'channel')} />

            <Text className="section-title">4. 还想说的（可以不写）</Text>
            <Textarea className="fraud-check__note" value={note} maxlength={200} placeholder="例如：对方说是公安局的，让我保密" aria-label="还想说的（可以不写）" nativeProps={{ 'aria-label': '还想说的（可以不写）' }} onInput={(event) => setNote(event.detail.value)} />

            <FormError error={start.error} shownAtFields={['amount', 'payeeKind', 'channel']} />
            <View
              className={`fraud-check__submit ${start.pending ? 'fraud-check__submit--pending' : ''}`}
              hoverClass="fraud-check__submit--pressed"
              {...roleProps('button')}
              aria-disabled={start.pending}
              onClick={() => !start.pending && void submit()}>
              <Text>{start.pending ? '正在发送…' : '请民警帮我核实'}</Text>
            </View>
          </View>
        )}

        <View className="fraud-check__hotline" {...roleProps('button')} aria-label="拨打全国反诈专线 96110" onClick={() => callPhone('96110')}>
          <Text>全国反诈专线 96110（点这里拨打）</Text>
        </View>
      </View>
    </PageRoot>
  );
}
