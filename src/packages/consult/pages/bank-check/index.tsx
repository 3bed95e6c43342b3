import { useState } from 'react';
import { Input, Text, View } from '@tarojs/components';
import { Textarea } from '@/platform/form-components';
import Taro from '@tarojs/taro';
import { accountActions } from '@domain/actions/account';
import type { RaisedBankCheckView } from '@domain/actions/bank-partners';
import { consultActions } from '@domain/actions/consult';
import { CONTACT_CHANNEL_LABELS, CONTACT_CHANNELS, PAYEE_KIND_LABELS, PAYEE_KINDS, type ContactChannel, type PayeeKind } from '@domain/anti-fraud/warning-signs';
import { CONSULT_TEMPLATES } from '@domain/consult';
import { roleProps } from '@/components/a11y';
import { BankCheckList } from '@/components/bank-check-list';
import { Chip } from '@/components/chip';
import { EmergencyBar } from '@/components/emergency-bar';
import { FieldError, inputFieldProps, invalidProps } from '@/components/field-error';
import { fieldMessage, FormError } from '@/components/form-error';
import { NoticeCard } from '@/components/notice-card';
import { PageRoot } from '@/components/page-root';
import { PageState } from '@/components/page-state';
import { useAction } from '@/hooks/use-action';
import { useSubmit } from '@/hooks/use-submit';
import { requestSubscription } from '@/platform/subscribe';
import { consultThreadPath } from '@/routes';
import { validateInput } from '@/utils/validate-input';
import '../fraud-check/index.scss';
import './index.scss';

const FIELDS = ['amount', 'payeeKind', 'channel', 'customerName', 'customerPhone'] as const;

const fieldIdOf = (field: (typeof FIELDS)[number]) => `bank-check-${field}`;

/**
 * A bank clerk with a customer about to transfer money: three taps (amount, payee, how the
 * customer was contacted), the customer's name and phone if they agree, and the station's
 * anti-fraud officer has it at once.
 */
function RaiseForm({ onRaised }: { onRaised: (raised: RaisedBankCheckView) => void }) {
  const [amountText, setAmountText] = useState('');
  const [payeeKind, setPayeeKind] = useState<PayeeKind>();
  const [channel, setChannel] = useState<ContactChannel>();
  const [customerName, setCustomerName] = useState('');
  const [customerPhone, setCustomerPhone] = useState('');
  const [note, setNote] = useState('');
  const raise = useSubmit(consultActions.raiseBankCheck);
  const problem = (field: (typeof FIELDS)[number]) => fieldMessage(raise.error, field);
  const errorOf = (field: (typeof FIELDS)[number]) => <FieldError fieldId={fieldIdOf(field)} message={problem(field)} />;

  async function submit() {
    const input = {
      amount: Number(amountText) || 0,
      payeeKind: payeeKind ?? ('' as PayeeKind),
      channel: channel ?? ('' as ContactChannel),
      ...(customerName.trim() ? { customerName: customerName.trim() } : {}),
      ...(customerPhone.trim() ? { customerPhone: customerPhone.trim() } : {}),
      ...(note.trim() ? { note: note.trim() } : {}),
    };
    // The reply reminder is asked inside the tap, and only when the check is about to go.
    if (!validateInput(consultActions.raiseBankCheck, input)) void requestSubscription([CONSULT_TEMPLATES.reply]).catch(() => undefined);
    const raised = await raise.submit(input);
    if (raised) onRaised(raised);
  }

  return (
    <View className="fraud-check__form">
      <Text className="section-title">1. 客户准备转多少钱（元）</Text>
      <Input className="fraud-check__amount" type="digit" value={amountText} placeholder="例如 90000" {...inputFieldProps(fieldIdOf('amount'), '客户准备转多少钱，单位元', problem('amount'))} onInput={(event) => setAmountText(event.detail.value)} />
      {errorOf('amount')}

      <Text className="section-title" id="bank-check-payee">2. 钱转到哪里</Text>
      <View className="fraud-check__chips" role="group" aria-labelledby="bank-check-payee" {...invalidProps(fieldIdOf('payeeKind'), problem('payeeKind'))}>
        {PAYEE_KINDS.map((key) => (
          <Chip key={key} label={PAYEE_KIND_LABELS[key]} selected={payeeKind === key} onClick={() => setPayeeKind(key)} />
        ))}
      </View>
      {errorOf('payeeKind')}

      <Text className="section-title" id="bank-check-channel">3. 对方怎么联系客户的</Text>
      <View className="fraud-check__chips" role="group" aria-labelledby="bank-check-channel" {...invalidProps(fieldIdOf('channel'), problem('channel'))}>
        {CONTACT_CHANNELS.map((key) => (
          <Chip key={key} label={CONTACT_CHANNEL_LABELS[key]} selected={channel === key} onClick={() => setChannel(key)} />
        ))}
      </View>
      {errorOf('channel')}

      <Text className="section-title">4. 客户姓名和电话（客户同意时填写，只有反诈民警能看到）</Text>
      <Input className="bank-check-page__input" value={customerName} maxlength={20} placeholder="客户姓名（可以不填）" {...inputFieldProps(fieldIdOf('customerName'), '客户姓名（可以不填）', problem('customerName'))} onInput={(event) => setCustomerName(event.detail.value)} />
      {errorOf('customerName')}
      <Input className="bank-check-page__input" type="number" value={customerPhone} maxlength={13} placeholder="客户电话（可以不填）" {...inputFieldProps(fieldIdOf('customerPhone'), '客户电话（可以不填）', problem('customerPhone'))} onInput={(event) => setCustomerPhone(event.detail.value)} />
      {errorOf('customerPhone')}

      <Text className="section-title">5. 补充说明（可以不写）</Text>
      <Textarea className="fraud-check__note" value={note} maxlength={200} placeholder="例如：客户说是投资App客服让转的" aria-label="补充说明（可以不写）" nativeProps={{ 'aria-label': '补充说明（可以不写）' }} onInput={(event) => setNote(event.detail.value)} />

      <FormError error={raise.error} shownAtFields={FIELDS} />
      <View
        className={`fraud-check__submit ${raise.pending ? 'fraud-check__submit--pending' : ''}`}
        hoverClass="fraud-check__submit--pressed"
        {...roleProps('button')}
        aria-disabled={raise.pending}
        onClick={() => !raise.pending && void submit()}
      >
        <Text>{raise.pending ? '正在通知民警…' : '立即请反诈民警核实'}</Text>
      </View>
    </View>
  );
}

export default function BankCheckPage() {
  const me = useAction(accountActions.me, {}, { isEmpty: () => false });
  const partner = me.data?.partner;
  const checks = useAction(consultActions.listBranchChecks, {}, { enabled: Boolean(partner), pullDownRefresh: true });
  const [raised, setRaised] = useState<RaisedBankCheckView>();

  return (
    <PageRoot className="fraud-check bank-check-page">
      <EmergencyBar />
      <View className="page">
        <PageState status={me.status} error={me.error} onRetry={me.reload}>
          {partner ? (
            <View>
              <Text className="page-title">{partner.branchName}</Text>
              <Text className="page-intro">客户可能被骗、正要转账时，填这里：{partner.stationName}的反诈民警马上会收到，5 分钟没有回复会同时通知值班民警。</Text>
              <View aria-live="polite">
                {raised && (
                  <View className="fraud-check__sent">
                    <Text className="fraud-check__sent-title">{raised.expectation}</Text>
                    <View className="fraud-check__open" hoverClass="fraud-check__submit--pressed" {...roleProps('button')} onClick={() => void Taro.navigateTo({ url: consultThreadPath(raised.threadId) })}>
                      <Text>查看民警回复</Text>
                    </View>
                    <View className="bank-check-page__again" {...roleProps('button')} onClick={() => setRaised(undefined)}>
                      <Text>再发起一次核实</Text>
                    </View>
                  </View>
                )}
              </View>
              {!raised && <RaiseForm onRaised={(next) => { setRaised(next); void checks.reload({ quiet: true }); }} />}
              <Text className="section-title">本网点的核实</Text>
              <PageState status={checks.status} error={checks.error} onRetry={checks.reload} emptyTitle="还没有发起过核实" emptyDescription="发起后，民警的回复会在这里和微信提醒里看到">
                {checks.data && <BankCheckList checks={checks.data} onOpen={(check) => void Taro.navigateTo({ url: consultThreadPath(check.threadId) })} />}
              </PageState>
            </View>
          ) : (
            <NoticeCard title="警银联动只供合作银行网点使用" tone="warning">
              <Text>请向派出所反诈民警要邀请码，在“我的”页面输入后即可使用。</Text>
            </NoticeCard>
          )}
        </PageState>
      </View>
    </PageRoot>
  );
}
