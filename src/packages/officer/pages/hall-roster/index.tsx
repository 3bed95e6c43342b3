import { useEffect, useState } from 'react';
import { Text, View } from '@tarojs/components';
import { accountActions } from '@domain/actions/account';
import { bookingActions, type RosterEntryView, type RosterView } from '@domain/actions/booking';
import { roleProps } from '@/components/a11y';
import { Chip } from '@/components/chip';
import { askWithText } from '@/components/confirm-dialog';
import { NoticeCard } from '@/components/notice-card';
import { PageRoot } from '@/components/page-root';
import { PageState } from '@/components/page-state';
import { useAction } from '@/hooks/use-action';
import { callAction } from '@/platform/cloud-call';
import { CheckInBox } from './check-in-box';
import { isHallDesk } from './is-hall-desk';
import { NeedBadges } from './need-badges';
import './index.scss';


function counts(roster: RosterView) {
  const all = roster.slots.flatMap((slot) => slot.entries);
  return {
    checkedIn: all.filter((entry) => entry.status === 'checkedIn').length,
    waiting: all.filter((entry) => entry.status === 'booked').length,
    noShow: all.filter((entry) => entry.status === 'noShow').length,
  };
}

/** A mark before each status word, so the chip reads without its colour too. */
const STATUS_MARKS: Partial<Record<RosterEntryView['status'], string>> = { checkedIn: '✓ ', noShow: '✗ ', booked: '○ ' };

function RosterEntry({ entry }: { entry: RosterEntryView }) {
  return (
    <View className={`roster-entry roster-entry--${entry.status}`}>
      <View className="roster-entry__head">
        <Text className="roster-entry__name">{entry.person.name}</Text>
        <View className={`roster-entry__status roster-entry__status--${entry.status}`}>
          <Text aria-hidden>{STATUS_MARKS[entry.status] ?? ''}</Text>
          <Text>{entry.statusLabel}</Text>
        </View>
      </View>
      <Text className="roster-entry__service">{entry.serviceLabel}</Text>
      {entry.closure && entry.status === 'booked' && <Text className="roster-entry__closure">已停办：{entry.closure.reason}（已通知改约）</Text>}
      {entry.person.idNumberMasked && <Text className="roster-entry__detail">身份证 {entry.person.idNumberMasked}</Text>}
      <NeedBadges needs={entry.needs} />
    </View>
  );
}

/** Tomorrow's Shanghai day from a roster day, for the day switch. */
function nextDay(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  return new Date(date.getTime() + 86_400_000).toISOString().slice(0, 10);
}

const DEFAULT_CLOSURE_REASON = '窗口临时停办';

/** Closes one slot time (or, without `time`, the whole day) after the officer confirms; answers what happened, or nothing when they said no. */
async function askToClose(stationId: string, day: string, time: string | undefined, people: number): Promise<{ closed: boolean; message: string } | undefined> {
  const what = time ? `${day} ${time} 这个时段` : `${day} 全天`;
  // The app's own dialog (large in 长辈模式, named buttons), with the reason typed in it on both builds.
  const answer = await askWithText({
    title: `停办${what}？`,
    content: people > 0 ? `已预约的${people}人会收到通知，可以一键改约。` : '停办后居民不能再预约这个时间。',
    input: { label: '停办原因（可以不写）', placeholder: `默认：${DEFAULT_CLOSURE_REASON}`, maxLength: 40 },
    confirmText: '停办',
    cancelText: '先不停办',
    danger: true,
  });
  if (!answer.confirmed) return undefined;
  const reason = answer.text || DEFAULT_CLOSURE_REASON;
  const result = await callAction(bookingActions.closeHall, { stationId, day, ...(time ? { time } : {}), reason });
  if (!result.ok) return { closed: false, message: result.error.message };
  // A closure with many bookings is carried on by the housekeeping timer after this answer.
  const rest = result.data.continuing ? '其余已预约的居民会在几分钟内陆续收到通知。' : '';
  return { closed: true, message: `已停办${what}，通知了${result.data.notified}人。${rest}` };
}

function Roster({ stationId }: { stationId: string }) {
  const [day, setDay] = useState<string>();
  const roster = useAction(bookingActions.hallRoster, day ? { stationId, day } : { stationId }, { pullDownRefresh: true, isEmpty: () => false });
  // "Today" is the server's Beijing day from the first answer, not the phone's clock.
  const [firstDay, setFirstDay] = useState<string>();
  const answeredDay = !day ? roster.data?.day : undefined;
  useEffect(() => {
    if (answeredDay) setFirstDay(answeredDay);
  }, [answeredDay]);
  const tally = roster.data ? counts(roster.data) : undefined;
  // The last 停办's outcome, kept on the page (not a toast that fades before it is read).
  const [closing, setClosing] = useState<{ closed: boolean; message: string }>();
  const close = (time: string | undefined, people: number) =>
    void askToClose(stationId, roster.data?.day ?? '', time, people).then((outcome) => {
      if (!outcome) return;
      setClosing(outcome);
      if (outcome.closed) void roster.reload();
    });

  return (
    <View>
      <CheckInBox stationId={stationId} onCheckedIn={() => void roster.reload()} />
      {firstDay && (
        <View className="roster-days" role="group" aria-label="看哪一天">
          <Chip label="今天" selected={!day || day === firstDay} onClick={() => setDay(undefined)} />
          <Chip label="明天" selected={day === nextDay(firstDay)} onClick={() => setDay(nextDay(firstDay))} />
        </View>
      )}
      <PageState status={roster.status} error={roster.error} onRetry={roster.reload} loadingRows={5}>
        {roster.data && (
          <View>
            <Text className="section-title">
              {roster.data.day} 预约 {roster.data.total} 人
            </Text>
            {tally && roster.data.total > 0 && (
              <Text className="roster-summary">
                已签到 {tally.checkedIn} · 待签到 {tally.waiting} · 未到场 {tally.noShow}
              </Text>
            )}
            {roster.data.total === 0 && <Text className="muted">这一天还没有人预约。</Text>}
            <View role="status" aria-live="polite">
              {closing && <Text className={`roster-closing roster-closing--${closing.closed ? 'done' : 'failed'}`}>{closing.closed ? `✓ ${closing.message}` : `没能停办：${closing.message}`}</Text>}
            </View>
            <Text
              className="roster-slot__close roster-day-close"
              {...roleProps('button')}
              aria-label={`停办这一天：${roster.data.day}`}
              onClick={() => close(undefined, roster.data?.slots.flatMap((slot) => slot.entries).filter((entry) => entry.status === 'booked' && !entry.closure).length ?? 0)}
            >
              停办这一天
            </Text>
            {roster.data.slots.map((slot) => (
              <View key={slot.start} className="roster-slot">
                <View className="roster-slot__head">
                  <Text className="roster-slot__time" {...roleProps('heading')} aria-level={3}>
                    {slot.time}（{slot.entries.length}人）
                  </Text>
                  <Text
                    className="roster-slot__close"
                    {...roleProps('button')}
                    aria-label={`停办此时段：${slot.time}`}
                    onClick={() => close(slot.time, slot.entries.filter((entry) => entry.status === 'booked' && !entry.closure).length)}
                  >
                    停办此时段
                  </Text>
                </View>
                {slot.entries.map((entry) => (
                  <RosterEntry key={entry.bookingId} entry={entry} />
                ))}
              </View>
            ))}
          </View>
        )}
      </PageState>
    </View>
  );
}

export default function HallRosterPage() {
  const me = useAction(accountActions.me, {}, { isEmpty: () => false });
  return (
    <PageRoot className="hall-roster">
      <PageState status={me.status} error={me.error} onRetry={me.reload} loadingRows={4}>
        {me.data &&
          (isHallDesk(me.data) && me.data.station ? (
            <View>
              <Text className="page-title">{me.data.station.name} 服务大厅</Text>
              <Roster stationId={me.data.station.id} />
            </View>
          ) : (
            <NoticeCard title="大厅预约名单仅供窗口民警使用" tone="warning">
              <Text>请用本所窗口民警或管理员的账号查看。</Text>
            </NoticeCard>
          ))}
      </PageState>
    </PageRoot>
  );
}
