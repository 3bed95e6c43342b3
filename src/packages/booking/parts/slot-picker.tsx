import { Text, View } from '@tarojs/components';
import type { AvailabilityDayView } from '@domain/actions/booking';
import { roleProps } from '@/components/a11y';
import { monthDay, weekdayOf } from './dates';
import './parts.scss';

/** What a day cell says under its date. */
function dayMark(day: AvailabilityDayView): string {
  if (day.status === 'open') return '可约';
  if (day.status === 'full') return '约满';
  if (day.closedReason === 'holiday') return '放假';
  if (day.closedReason === 'past') return '已过';
  return '休息';
}

export interface DayGridProps {
  days: AvailabilityDayView[];
  selected?: string;
  onSelect: (day: AvailabilityDayView) => void;
  /** Full days can be chosen too (to join a slot's waitlist). */
  fullSelectable?: boolean;
}

/**
 * The booking horizon as a calendar strip, seven days a row (four in 长辈模式, so each tile stays a
 * 60px target); full and closed days can't be chosen. Every tile says its state in words.
 */
export function DayGrid({ days, selected, onSelect, fullSelectable = false }: DayGridProps) {
  return (
    <View className="day-grid" role="group" aria-label="选择日期">
      {days.map((day, index) => {
        const [, month, date] = day.day.split('-');
        // The month over the first day shown and over each 1st, so the 30th and the 1st read right.
        const showMonth = index === 0 || date === '01';
        const open = day.status === 'open' || (fullSelectable && day.status === 'full');
        const className = ['day-grid__cell', `day-grid__cell--${day.status}`, selected === day.day ? 'day-grid__cell--selected' : ''].filter(Boolean).join(' ');
        return (
          <View
            key={day.day}
            className={className}
            hoverClass={open ? 'day-grid__cell--pressed' : 'none'}
            onClick={open ? () => onSelect(day) : undefined}
            {...roleProps('button')}
            aria-disabled={!open}
            aria-pressed={selected === day.day}
            data-day={day.day}
          >
            {/* Drawn as a calendar tile, read as a sentence: "11月25日 周三，可约". */}
            <Text className="fq-visually-hidden">{`${monthDay(day.day)} ${weekdayOf(day.day)}，${dayMark(day)}`}</Text>
            <Text className="day-grid__month" aria-hidden>
              {showMonth ? `${Number(month)}月` : ' '}
            </Text>
            <Text className="day-grid__weekday" aria-hidden>
              {weekdayOf(day.day)}
            </Text>
            <Text className="day-grid__date" aria-hidden>
              {Number(date)}
            </Text>
            <Text className="day-grid__mark" aria-hidden>
              {dayMark(day)}
            </Text>
          </View>
        );
      })}
    </View>
  );
}

/** Why a closed day is closed, e.g. "11月26日 周四：元旦假期", for the line under the grid. */
export function closedNotes(days: AvailabilityDayView[]): string[] {
  return days.filter((day) => day.status === 'closed' && day.note).map((day) => `${monthDay(day.day)}${weekdayOf(day.day)}：${day.note ?? ''}`);
}

export interface SlotListProps {
  day: AvailabilityDayView;
  selected?: string;
  onSelect: (slotId: string) => void;
  /** When given, a full slot can be chosen to join its waitlist (候补). */
  onWaitlist?: (slotId: string) => void;
}

/** The chosen day's time slots with the places left; a full one is shown but can't be chosen. */
export function SlotList({ day, selected, onSelect, onWaitlist }: SlotListProps) {
  if (day.slots.length === 0) return <Text className="muted">这一天已经没有可预约的时段了，请换一天。</Text>;
  return (
    <View className="slot-list" role="group" aria-label="选择时间段">
      {day.slots.map((slot) => {
        const full = slot.left <= 0;
        const choose = full ? (onWaitlist ? () => onWaitlist(slot.slotId) : undefined) : () => onSelect(slot.slotId);
        const left = full ? (onWaitlist ? '已约满 · 可候补' : '已约满') : `剩${slot.left}个`;
        const className = ['slot-list__item', full ? 'slot-list__item--full' : '', selected === slot.slotId ? 'slot-list__item--selected' : ''].filter(Boolean).join(' ');
        return (
          <View
            key={slot.slotId}
            className={className}
            hoverClass={choose ? 'slot-list__item--pressed' : 'none'}
            onClick={choose}
            {...roleProps('button')}
            aria-disabled={!choose}
            aria-pressed={selected === slot.slotId}
          >
            <Text className="slot-list__time">{slot.time}</Text>
            <Text className="slot-list__left">{left}</Text>
          </View>
        );
      })}
    </View>
  );
}
