import type { ReactNode } from 'react';
import { Text, View } from '@tarojs/components';
import type { BookingView } from '@domain/actions/booking';
import { CheckInQr } from './check-in-qr';
import { dayLabel } from './dates';
import './parts.scss';

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <View className="booking-card__row">
      <Text className="booking-card__label">{label}</Text>
      <Text className="booking-card__value">{children}</Text>
    </View>
  );
}

export const personLabel = (booking: Pick<BookingView, 'person'>): string =>
  booking.person.self ? '本人' : [booking.person.name, booking.person.idNumberMasked].filter(Boolean).join('  ');

export interface BookingCardProps {
  booking: BookingView;
  /** The check-in code is shown only while it can still be used. */
  showCode?: boolean;
  children?: ReactNode;
}

/**
 * One booking: where, what, when, for whom, and the code to show at the hall. The card is a named
 * group in the focus order: a list of past bookings has no buttons, and a keyboard or switch user
 * still has to reach (and scroll to) every one of them.
 */
export function BookingCard({ booking, showCode = booking.status === 'booked', children }: BookingCardProps) {
  return (
    <View
      className={`booking-card booking-card--${booking.status}`}
      role="group"
      aria-label={`${booking.serviceLabel}，${dayLabel(booking.day)} ${booking.time}，${booking.statusLabel}`}
      {...{ tabIndex: 0 }}
    >
      <View className="booking-card__head">
        <Text className="booking-card__service">{booking.serviceLabel}</Text>
        <Text className={`booking-card__status booking-card__status--${booking.status}`}>{booking.statusLabel}</Text>
      </View>
      <Text className="booking-card__when">
        {dayLabel(booking.day)} {booking.time}
      </Text>
      <Row label="派出所">{booking.stationName}</Row>
      {booking.windows && booking.windows.length > 0 && <Row label="办理窗口">{booking.windows.join('或')}</Row>}
      <Row label="办理人">{personLabel(booking)}</Row>
      {booking.needs.labels.length > 0 && <Row label="需要帮助">{booking.needs.labels.join('、')}</Row>}
      {booking.closure && booking.status === 'booked' && (
        <Text className="booking-card__closure">
          大厅临时停办这个时间（{booking.closure.reason}），请点“改时间”换一个时间，或取消预约。
        </Text>
      )}
      {showCode && (
        <View className="booking-card__code-box">
          <Text className="booking-card__code-label">到大厅后出示签到码</Text>
          <CheckInQr payload={booking.checkInPayload} code={booking.checkInCode} />
          <Text className="booking-card__code-label">或报出6位数字</Text>
          <Text className="booking-card__code" userSelect>
            {booking.checkInCode}
          </Text>
        </View>
      )}
      {children}
    </View>
  );
}
