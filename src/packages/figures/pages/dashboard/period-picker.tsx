import { Text, View } from '@tarojs/components';
import { PERIOD_KINDS, PERIOD_LABELS, addDays, daysBetween, type PeriodKind } from '@domain/dashboard/figures';
import { roleProps } from '@/components/a11y';
import { DateField } from '../../components/date-field';

/** The period a dashboard shows: one of the fixed kinds, or a custom range of days. */
export interface PeriodChoice {
  kind: PeriodKind;
  /** The custom range as typed ('YYYY-MM-DD'); used only when kind is 'custom'. */
  from: string;
  to: string;
}

/** The longest custom range the dashboard function accepts. */
const MAX_RANGE_DAYS = 366;

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The period a dashboard opens with: this week, or the one its link names
 * (`?period=month`, `?period=custom&from=2026-11-01&to=2026-11-30`).
 */
export function initialPeriodChoice(today: string, params: Partial<Record<string, string>> = {}): PeriodChoice {
  const kind = PERIOD_KINDS.find((candidate) => candidate === params.period) ?? 'thisWeek';
  const from = params.from && DAY.test(params.from) ? params.from : addDays(today, -27);
  const to = params.to && DAY.test(params.to) ? params.to : today;
  return { kind, from, to };
}

/** Why a custom range cannot be shown yet, or null when it can. */
export function customRangeProblem(choice: PeriodChoice, today: string): string | null {
  if (choice.from > choice.to) return '开始日期不能晚于结束日期';
  if (choice.to > today) return '结束日期不能晚于今天';
  if (daysBetween(choice.from, choice.to) + 1 > MAX_RANGE_DAYS) return '自定义时间段最长一年';
  return null;
}

/** The action input for a choice; a custom range with a problem is not asked for. */
export function periodInput(choice: PeriodChoice, today: string): { period: PeriodKind; from?: string; to?: string } | null {
  if (choice.kind !== 'custom') return { period: choice.kind };
  return customRangeProblem(choice, today) ? null : { period: 'custom', from: choice.from, to: choice.to };
}

export interface PeriodPickerProps {
  choice: PeriodChoice;
  today: string;
  onChange: (choice: PeriodChoice) => void;
}

/** 本周 / 上周 / 本月 / 本季度 / 自定义 as radio buttons; 自定义 opens two date fields. */
export function PeriodPicker({ choice, today, onChange }: PeriodPickerProps) {
  const problem = choice.kind === 'custom' ? customRangeProblem(choice, today) : null;
  return (
    <View>
      <View className="dashboard__periods" {...roleProps('radiogroup')} aria-label="时间段">
        {PERIOD_KINDS.map((kind) => (
          <View key={kind} className={`dashboard__period${kind === choice.kind ? ' dashboard__period--on' : ''}`} {...roleProps('radio')} aria-checked={kind === choice.kind} onClick={() => onChange({ ...choice, kind })}>
            <Text>{kind === choice.kind ? `✓ ${PERIOD_LABELS[kind]}` : PERIOD_LABELS[kind]}</Text>
          </View>
        ))}
      </View>
      {choice.kind === 'custom' && (
        <View className="dashboard__range">
          <DateField label="开始日期" value={choice.from} max={today} onChange={(from) => onChange({ ...choice, from })} />
          <DateField label="结束日期" value={choice.to} max={today} onChange={(to) => onChange({ ...choice, to })} />
          {problem && (
            <View className="dashboard__range-problem" {...roleProps('alert')}>
              <Text>{problem}</Text>
            </View>
          )}
        </View>
      )}
    </View>
  );
}
