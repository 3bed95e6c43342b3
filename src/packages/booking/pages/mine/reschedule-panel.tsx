import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import Button from '@nutui/nutui-react-taro/dist/es/packages/button';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import { bookingActions, type BookingView } from '@domain/actions/booking';
import { FormError } from '@/components/form-error';
import { PageState } from '@/components/page-state';
import { useAction } from '@/hooks/use-action';
import { useSubmit } from '@/hooks/use-submit';
import { dayLabel } from '../../parts/dates';
import { DayGrid, SlotList } from '../../parts/slot-picker';

export interface ReschedulePanelProps {
  booking: BookingView;
  onDone: (booking: BookingView) => void;
  onCancel: () => void;
}

/** 改时间 with the flow's day and slot steps; the old time stays booked until the new one is taken. */
export function ReschedulePanel({ booking, onDone, onCancel }: ReschedulePanelProps) {
  const availability = useAction(bookingActions.availability, { stationId: booking.stationId, service: booking.service }, { isEmpty: (view) => view.days.length === 0 });
  const reschedule = useSubmit(bookingActions.reschedule);
  const [day, setDay] = useState<string>();
  const [slotId, setSlotId] = useState<string>();
  const chosenDay = availability.data?.days.find((d) => d.day === day);
  const chosenSlot = chosenDay?.slots.find((slot) => slot.slotId === slotId);

  async function save() {
    if (!slotId) return;
    const changed = await reschedule.submit({ bookingId: booking.id, slotId });
    if (changed) onDone(changed);
    else {
      setSlotId(undefined);
      void availability.reload();
    }
  }

  return (
    <View className="reschedule">
      <Text className="reschedule__title">改到哪一天？</Text>
      <PageState status={availability.status} error={availability.error} onRetry={availability.reload} loadingRows={3} emptyTitle="近期没有可预约的日子">
        {availability.data && (
          <DayGrid
            days={availability.data.days}
            selected={day}
            onSelect={(chosen) => {
              setDay(chosen.day);
              setSlotId(undefined);
              reschedule.clearError();
            }}
          />
        )}
      </PageState>
      {chosenDay && (
        <View>
          <Text className="reschedule__title">{dayLabel(chosenDay.day)} 哪个时间？</Text>
          <SlotList
            day={chosenDay}
            selected={slotId}
            onSelect={(chosen) => {
              setSlotId(chosen);
              reschedule.clearError();
            }}
          />
        </View>
      )}
      <FormError error={reschedule.error} />
      <Text className="reschedule__hint">新时间约上以后，原来的时间才会让出来；约不上原预约不变。</Text>
      <View className="mine__actions">
        <Button className="mine__action" onClick={onCancel} disabled={reschedule.pending}>
          不改了
        </Button>
        <Button className="mine__action" type="primary" disabled={!chosenSlot} loading={reschedule.pending} onClick={() => void save()}>
          {chosenSlot ? `改到 ${chosenSlot.time}` : '请选时间'}
        </Button>
      </View>
    </View>
  );
}
