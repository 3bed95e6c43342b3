/**
 * The dashboard's rows: a label, how a value reads, and the value this period and the one before.
 * Shared by the dashboard page and the Excel export (the function writes the raw values as numbers).
 */
import { amountLabel } from '../anti-fraud/bank-check';
import type { PeriodFigures, ResponseGroupFigures } from './figures';

export interface FigureRow {
  label: string;
  current: string;
  previous: string;
  /** "↑ 3", "↓ 5%", "持平", "—": the change in words and arrows, never only in colour. */
  change: string;
  /** The numbers behind `current` and `previous` (null: nothing to measure), read as `format` says. */
  format: FigureFormat;
  currentValue: Value;
  previousValue: Value;
}

export type Value = number | null;
export type FigureFormat = 'count' | 'rate' | 'minutes' | 'days' | 'stars' | 'yuan';
export type Format = FigureFormat;

export const show = (value: Value, format: Format): string => {
  if (value === null) return '—';
  if (format === 'rate') return `${Math.round(value * 1000) / 10}%`;
  if (format === 'minutes') return `${value} 分钟`;
  if (format === 'days') return `${Math.round(value * 10) / 10} 天`;
  if (format === 'stars') return `${Math.round(value * 10) / 10} 星`;
  if (format === 'yuan') return amountLabel(value);
  return String(value);
};

export function changeOf(current: Value, previous: Value, format: Format): string {
  if (current === null || previous === null) return '—';
  const delta = current - previous;
  if (Math.abs(delta) < 1e-9) return '持平';
  const arrow = delta > 0 ? '↑ 增加' : '↓ 减少';
  const size = format === 'rate' ? `${Math.round(Math.abs(delta) * 1000) / 10} 个百分点` : show(Math.abs(delta), format === 'count' ? 'count' : format);
  return `${arrow} ${size}`;
}

const row = (label: string, current: Value, previous: Value, format: Format): FigureRow => ({
  label,
  current: show(current, format),
  previous: show(previous, format),
  change: changeOf(current, previous, format),
  format,
  currentValue: current,
  previousValue: previous,
});

export interface FigureSection {
  title: string;
  rows: FigureRow[];
}

function responseSection(title: string, now: readonly ResponseGroupFigures[], before: readonly ResponseGroupFigures[]): FigureSection {
  return {
    title,
    rows: now.flatMap((group) => {
      const earlier = before.find((item) => item.id === group.id);
      return [
        row(`${group.name}：中位数（${group.answered} 次回复）`, group.p50Minutes, earlier?.p50Minutes ?? null, 'minutes'),
        row(`${group.name}：90% 在此以内`, group.p90Minutes, earlier?.p90Minutes ?? null, 'minutes'),
        row(`${group.name}：按时回复率`, group.withinTargetRate, earlier?.withinTargetRate ?? null, 'rate'),
      ];
    }),
  };
}

export function figureSections(now: PeriodFigures, before: PeriodFigures): FigureSection[] {
  const sections: FigureSection[] = [
    {
      title: '问片警',
      rows: [
        row('提问数', now.consult.questions, before.consult.questions, 'count'),
        row('首次回复用时（中位数）', now.consult.firstResponseP50Minutes, before.consult.firstResponseP50Minutes, 'minutes'),
        row('首次回复用时（90% 在此以内）', now.consult.firstResponseP90Minutes, before.consult.firstResponseP90Minutes, 'minutes'),
        row('按时回复率', now.consult.withinTargetRate, before.consult.withinTargetRate, 'rate'),
        row('超时转值班', now.consult.escalations, before.consult.escalations, 'count'),
        row('评价数', now.consult.ratings, before.consult.ratings, 'count'),
        row('平均评分', now.consult.averageRating, before.consult.averageRating, 'stars'),
        row('紧急情况提示', now.consult.emergencyPrompts, before.consult.emergencyPrompts, 'count'),
      ],
    },
    {
      title: '预约办事',
      rows: [
        row('预约数', now.booking.bookings, before.booking.bookings, 'count'),
        row('名额使用率', now.booking.utilisation, before.booking.utilisation, 'rate'),
        row('爽约', now.booking.noShows, before.booking.noShows, 'count'),
        row('爽约率', now.booking.noShowRate, before.booking.noShowRate, 'rate'),
        row('有特殊需要的预约', now.booking.needsBookings, before.booking.needsBookings, 'count'),
        row('其中已到场办理', now.booking.needsServed, before.booking.needsServed, 'count'),
        row('候补补上的名额', now.booking.waitlistClaims, before.booking.waitlistClaims, 'count'),
      ],
    },
    {
      title: '反诈宣传',
      rows: [
        row('新读者（人）', now.antiFraud.newReaders, before.antiFraud.newReaders, 'count'),
        row('读者（去重人数）', now.antiFraud.uniqueReaders, before.antiFraud.uniqueReaders, 'count'),
        row('我已知晓', now.antiFraud.acknowledgements, before.antiFraud.acknowledgements, 'count'),
        row('转发次数', now.antiFraud.shares, before.antiFraud.shares, 'count'),
        row('从转发卡片打开', now.antiFraud.landings, before.antiFraud.landings, 'count'),
        row('防骗小测试（份）', now.antiFraud.quizRounds, before.antiFraud.quizRounds, 'count'),
        row('参加小测试（人）', now.antiFraud.quizParticipants, before.antiFraud.quizParticipants, 'count'),
        row('小测试平均答对率', now.antiFraud.quizCorrectRate, before.antiFraud.quizCorrectRate, 'rate'),
        row('预警订阅人数（期末）', now.antiFraud.alertSubscribers, before.antiFraud.alertSubscribers, 'count'),
      ],
    },
    {
      title: '各社区“我已知晓”（占登记居民）',
      rows: now.antiFraud.acknowledgedByCommunity.map((community) => {
        const earlier = before.antiFraud.acknowledgedByCommunity.find((item) => item.communityId === community.communityId);
        return row(`${community.name}（${community.acknowledged}/${community.residents} 人）`, community.share, earlier?.share ?? null, 'rate');
      }),
    },
    {
      title: '各群触达（打开次数）',
      rows: [
        ...now.antiFraud.groups.map((group) => {
          const earlier = before.antiFraud.groups.find((item) => item.groupId === group.groupId);
          return row(`${group.name}${group.communityName ? `（${group.communityName}）` : ''}：新读者 ${group.newReaders} 人，知晓 ${group.acknowledgements}`, group.opens, earlier?.opens ?? 0, 'count');
        }),
        row('私聊和朋友圈打开', now.antiFraud.landingsWithoutGroup, before.antiFraud.landingsWithoutGroup, 'count'),
        ...now.antiFraud.unreachedGroups.map((group) => row(`${group.name}${group.communityName ? `（${group.communityName}）` : ''}：还没有人打开`, 0, before.antiFraud.groups.find((item) => item.groupId === group.groupId)?.opens ?? 0, 'count')),
      ],
    },
    responseSection('首次回复用时（按民警）', now.consult.byOfficer, before.consult.byOfficer),
    responseSection('首次回复用时（按社区）', now.consult.byCommunity, before.consult.byCommunity),
    {
      title: '圆桌调解',
      rows: [
        row('受理案件', now.mediation.opened, before.mediation.opened, 'count'),
        row('结案', now.mediation.closed, before.mediation.closed, 'count'),
        row('化解率', now.mediation.resolutionRate, before.mediation.resolutionRate, 'rate'),
        row('矛盾不上交率', now.mediation.settledLocallyRate, before.mediation.settledLocallyRate, 'rate'),
        row('达成协议用时（中位数）', now.mediation.medianDaysToAgreement, before.mediation.medianDaysToAgreement, 'days'),
        row('回访协议履行率', now.mediation.holdingRate, before.mediation.holdingRate, 'rate'),
      ],
    },
    {
      title: '警银联动',
      rows: [
        row('网点求助', now.bankChecks.raised, before.bankChecks.raised, 'count'),
        row('止付或劝阻成功', now.bankChecks.protectedChecks, before.bankChecks.protectedChecks, 'count'),
        row('守住金额', now.bankChecks.protectedAmount, before.bankChecks.protectedAmount, 'yuan'),
      ],
    },
  ];
  // A table with no rows (no officer answered yet) says nothing: leave it out.
  return sections.filter((section) => section.rows.length > 0);
}
