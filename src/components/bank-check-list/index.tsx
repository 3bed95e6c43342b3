import { Text, View } from '@tarojs/components';
import type { BankCheckView } from '@domain/actions/bank-partners';
import { amountLabel, BANK_CHECK_OUTCOME_LABELS } from '@domain/anti-fraud/bank-check';
import { CONTACT_CHANNEL_LABELS, PAYEE_KIND_LABELS } from '@domain/anti-fraud/warning-signs';
import { roleProps } from '@/components/a11y';
import { formatDateTime } from '@/utils/format-date';
import './index.scss';

/** "进行中 · 反诈专员已回复" / "已办结 · 止付，守住9万元": the state in words, never by colour alone. */
function stateLabel(check: BankCheckView): string {
  if (check.status === 'closed') {
    const outcome = check.outcome ? BANK_CHECK_OUTCOME_LABELS[check.outcome] : '已办结';
    return `已办结 · ${outcome}${check.protectedAmount ? `，守住${amountLabel(check.protectedAmount)}` : ''}`;
  }
  return check.answered ? `进行中 · ${check.assigneeLabel}已回复` : `等待核实 · ${check.assigneeLabel}`;
}

/** Bank checks as rows: the clerk's own list, and on top of the officer's inbox. */
export function BankCheckList({ checks, onOpen }: { checks: BankCheckView[]; onOpen: (check: BankCheckView) => void }) {
  return (
    <View className="bank-checks">
      {checks.map((check) => (
        <View
          key={check.threadId}
          className={`bank-check bank-check--${check.status === 'open' ? (check.answered ? 'answered' : 'waiting') : 'closed'}`}
          hoverClass="bank-check--pressed"
          {...roleProps('button')}
          onClick={() => onOpen(check)}
        >
          <View className="bank-check__head">
            <Text className="bank-check__tag">警银联动</Text>
            <Text className="bank-check__amount">{amountLabel(check.amount)}</Text>
          </View>
          <Text className="bank-check__line">
            {check.branchName} · {check.raisedBy} · {formatDateTime(check.raisedAt)}
          </Text>
          <Text className="bank-check__line">
            {PAYEE_KIND_LABELS[check.payeeKind]} · {CONTACT_CHANNEL_LABELS[check.channel]}
          </Text>
          {check.customer && (
            <Text className="bank-check__line">
              客户：{[check.customer.name, check.customer.phone].filter(Boolean).join(' ')}
            </Text>
          )}
          <Text className="bank-check__state">{stateLabel(check)}</Text>
        </View>
      ))}
    </View>
  );
}
