import { Text, View } from '@tarojs/components';
import Button from '@nutui/nutui-react-taro/dist/es/packages/button';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import { bookingActions, type WaitlistEntryView } from '@domain/actions/booking';
import { FormError } from '@/components/form-error';
import { useAction } from '@/hooks/use-action';
import { useSubmit } from '@/hooks/use-submit';
import { personLabel } from '../../parts/booking-card';
import { dayLabel } from '../../parts/dates';
import { askToConfirm } from '@/components/confirm-dialog';

/** 'HH:mm' Beijing of an ISO time, whatever the phone's time zone. */
const beijingTime = (iso: string): string => new Date(new Date(iso).getTime() + 8 * 3_600_000).toISOString().slice(11, 16);

function WaitlistEntry({ entry, onChanged }: { entry: WaitlistEntryView; onChanged: (done: string) => void }) {
  const claim = useSubmit(bookingActions.claimWaitlistHold);
  const leave = useSubmit(bookingActions.leaveWaitlist);
  const holding = entry.status === 'holding';

  async function take() {
    const booking = await claim.submit({ slotId: entry.slotId, entryId: entry.id });
    if (!booking) return;
    onChanged(`预约成功：${dayLabel(booking.day)} ${booking.time} ${booking.serviceLabel}，签到码在下面。`);
  }

  async function giveUp() {
    const confirm = await askToConfirm({
      title: holding ? '不要这个名额了？' : '不再候补了？',
      content: holding ? '名额会让给下一位候补的人。' : '退出后就不再排队了。',
      confirmText: holding ? '不要了' : '不等了',
      cancelText: '再想想',
      danger: true,
    });
    if (!confirm) return;
    if (await leave.submit({ slotId: entry.slotId, entryId: entry.id })) onChanged(holding ? '已放弃保留的名额，让给下一位。' : `已退出 ${dayLabel(entry.day)} ${entry.time} 的候补。`);
  }

  return (
    <View className={`waitlist-entry${holding ? ' waitlist-entry--holding' : ''}`}>
      <Text className="waitlist-entry__title">{entry.serviceLabel}</Text>
      <Text className="waitlist-entry__when">
        {dayLabel(entry.day)} {entry.time} · {entry.stationName}
      </Text>
      <Text className="waitlist-entry__detail">办理人：{personLabel({ person: entry.person })}</Text>
      <Text className="waitlist-entry__status">
        {holding && entry.holdUntil ? `有名额了！为您保留到 ${beijingTime(entry.holdUntil)}，过时顺延给下一位` : `候补第${entry.position ?? 1}位，有人取消会通知您`}
      </Text>
      <FormError error={claim.error ?? leave.error} />
      <View className="mine__actions">
        <Button className="mine__action" loading={leave.pending} disabled={claim.pending} onClick={() => void giveUp()}>
          {holding ? '不要了' : '不等了'}
        </Button>
        {holding && (
          <Button className="mine__action" type="primary" loading={claim.pending} onClick={() => void take()}>
            预约这个名额
          </Button>
        )}
      </View>
    </View>
  );
}

/** 我的候补: the places waited for, and one held now (take it or let it pass on). */
export function WaitlistList({ onChanged }: { onChanged: (done: string) => void }) {
  const entries = useAction(bookingActions.myWaitlist, {}, { pullDownRefresh: true });
  if (!entries.data || entries.data.length === 0) return null;
  return (
    <View>
      <Text className="section-title">候补（{entries.data.length}）</Text>
      {entries.data.map((entry) => (
        <WaitlistEntry
          key={entry.id}
          entry={entry}
          onChanged={(done) => {
            void entries.reload();
            onChanged(done);
          }}
        />
      ))}
    </View>
  );
}
