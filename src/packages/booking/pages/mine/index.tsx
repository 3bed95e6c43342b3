import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import Button from '@nutui/nutui-react-taro/dist/es/packages/button';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import { bookingActions, type BookingView, type MyBookingsView } from '@domain/actions/booking';
import { FormError } from '@/components/form-error';
import { PageRoot } from '@/components/page-root';
import { PageState } from '@/components/page-state';
import { useAction } from '@/hooks/use-action';
import { useSubmit } from '@/hooks/use-submit';
import { ROUTES } from '@/routes';
import { BookingCard } from '../../parts/booking-card';
import { dayLabel } from '../../parts/dates';
import { ReschedulePanel } from './reschedule-panel';
import { WaitlistList } from './waitlist-list';
import './index.scss';
import { askToConfirm } from '@/components/confirm-dialog';

interface UpcomingProps {
  booking: BookingView;
  /** After a change, with the sentence that says what happened (shown on the page, not a toast). */
  onChanged: (done: string) => void;
}

/** An upcoming booking with its code, and the ways to cancel it or change its time. */
function Upcoming({ booking, onChanged }: UpcomingProps) {
  const [rescheduling, setRescheduling] = useState(false);
  const cancel = useSubmit(bookingActions.cancel);

  async function askCancel() {
    const confirm = await askToConfirm({
      title: '取消这个预约？',
      content: `${dayLabel(booking.day)} ${booking.time} ${booking.serviceLabel}。取消后名额会让给别人。`,
      confirmText: '取消预约',
      cancelText: '不取消',
      danger: true,
    });
    if (!confirm) return;
    const cancelled = await cancel.submit({ bookingId: booking.id });
    if (!cancelled) return;
    onChanged(`已取消 ${dayLabel(booking.day)} ${booking.time} 的${booking.serviceLabel}预约。`);
  }

  return (
    <BookingCard booking={booking}>
      <FormError error={cancel.error} />
      {booking.status === 'booked' &&
        (rescheduling ? (
          <ReschedulePanel
            booking={booking}
            onCancel={() => setRescheduling(false)}
            onDone={(changed) => {
              setRescheduling(false);
              onChanged(
                `${changed.serviceLabel}已改到 ${dayLabel(changed.day)} ${changed.time}，` +
                  (changed.previousCheckInCode ? `签到码换成了 ${changed.checkInCode}，原来的 ${changed.previousCheckInCode} 不再使用。` : `签到码不变，还是 ${changed.checkInCode}。`),
              );
            }}
          />
        ) : (
          <View className="mine__actions">
            <Button className="mine__action" loading={cancel.pending} onClick={() => void askCancel()}>
              取消
            </Button>
            <Button className="mine__action" type="primary" disabled={cancel.pending} onClick={() => setRescheduling(true)}>
              改时间
            </Button>
          </View>
        ))}
    </BookingCard>
  );
}

const nothing = (view: MyBookingsView) => view.upcoming.length === 0 && view.past.length === 0;

export default function MyBookingsPage() {
  const mine = useAction(bookingActions.myBookings, {}, { pullDownRefresh: true, isEmpty: nothing });
  // What the last change did: stays on the page (and is read out) until the next one, no toast to catch.
  const [done, setDone] = useState<string>();
  const changed = (what: string) => {
    setDone(what);
    void mine.reload();
    void Taro.pageScrollTo({ scrollTop: 0, duration: 0 });
  };

  return (
    <PageRoot className="mine">
      <Text className="page-title">我的预约</Text>
      <Text className="page-intro">到大厅后，把签到码给工作人员看，或报出6位数字。</Text>
      <View role="status" aria-live="polite">
        {done && (
          <View className="mine__done">
            <Text className="mine__done-text">✓ {done}</Text>
          </View>
        )}
      </View>
      {/* Outside the bookings' state: someone may only be waiting, with no booking yet. */}
      <WaitlistList onChanged={changed} />
      <PageState
        status={mine.status}
        error={mine.error}
        onRetry={mine.reload}
        loadingRows={5}
        emptyTitle="还没有预约"
        emptyDescription="选一个派出所和要办的业务，挑一个时间就行"
        emptyAction={{ label: '去预约办证', onClick: () => void Taro.switchTab({ url: ROUTES.booking }) }}
      >
        {mine.data && (
          <View>
            <Text className="section-title">待办理（{mine.data.upcoming.length}）</Text>
            {mine.data.upcoming.length === 0 && <Text className="muted">没有待办理的预约。</Text>}
            {mine.data.upcoming.map((booking) => (
              <Upcoming key={booking.id} booking={booking} onChanged={changed} />
            ))}
            {mine.data.past.length > 0 && (
              <View>
                <Text className="section-title">以前的预约</Text>
                {mine.data.past.map((booking) => (
                  <BookingCard key={booking.id} booking={booking} showCode={false} />
                ))}
              </View>
            )}
          </View>
        )}
      </PageState>
    </PageRoot>
  );
}
