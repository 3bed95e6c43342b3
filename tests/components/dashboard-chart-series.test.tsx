import type { DashboardDayPoint } from '@domain/actions/dashboard';
import { addDays, emptyStationDay, sumDays } from '@domain/dashboard/figures';
import { categorySeries, dailySeries } from '@/packages/figures/pages/dashboard/chart-series';

const days = (from: string, counts: number[]): DashboardDayPoint[] => counts.map((questions, index) => ({ day: addDays(from, index), questions, bookings: questions * 2 }));

test('a week is drawn day by day, each day beside the same weekday of the week before', () => {
  const view = dailySeries(days('2026-11-23', [3, 0, 5]), days('2026-11-16', [1, 2, 7]), 'questions');
  expect(view.unit).toBe('按天');
  expect(view.points).toEqual([
    { label: '11/23', current: 3, previous: 1 },
    { label: '11/24', current: 0, previous: 2 },
    { label: '11/25', current: 5, previous: 7 },
  ]);
  expect(view.columns).toEqual(['本期', '数量', '上期同位置', '数量']);
  expect(view.rows[0]).toEqual({ label: '11月23日 周一', cells: ['3', '11月16日 周一', '1'] });
  expect(dailySeries(days('2026-11-23', [3]), days('2026-11-16', [1]), 'bookings').points[0]).toEqual({ label: '11/23', current: 6, previous: 2 });
});

test('a previous period shorter than this one (a month after a shorter month) shows its missing days as "—"', () => {
  const view = dailySeries(days('2026-03-01', [1, 1, 1]), days('2026-02-01', [4, 4]), 'questions');
  expect(view.points.at(-1)).toEqual({ label: '03/03', current: 1, previous: null });
  expect(view.rows.at(-1)).toEqual({ label: '3月3日 周二', cells: ['1', '—', '—'] });
});

test('a quarter is drawn in runs of seven days, and a short last run is not compared with a longer one', () => {
  const current = days('2026-10-01', Array.from({ length: 40 }, () => 1));
  const previous = days('2026-07-01', Array.from({ length: 38 }, () => 2));
  const view = dailySeries(current, previous, 'questions');
  expect(view.unit).toBe('每 7 天一段');
  expect(view.points).toHaveLength(6);
  expect(view.points[0]).toEqual({ label: '第1段', current: 7, previous: 14 });
  // The last run: 5 days now, 3 days before: not comparable.
  expect(view.points[5]).toEqual({ label: '第6段', current: 5, previous: null });
  expect(view.rows[0]).toEqual({ label: '10月1日–10月7日', cells: ['7', '7月1日–7月7日', '14'] });
  expect(view.rows[5]?.cells).toEqual(['5', '8月5日–8月7日', '—']);
  expect(view.points.reduce((sum, point) => sum + (point.current ?? 0), 0)).toBe(40);
});

test('questions by category list only categories asked in either period', () => {
  const day = (questions: Partial<Record<'household' | 'dispute', number>>, date: string) => ({ ...emptyStationDay('s', date), consult: { ...emptyStationDay('s', date).consult, byCategory: questions } });
  const view = categorySeries(sumDays([day({ household: 3 }, '2026-11-08')]), sumDays([day({ dispute: 2, household: 1 }, '2026-11-01')]));
  expect(view.points).toEqual([
    { label: '户籍/身份证', current: 3, previous: 1 },
    { label: '纠纷调解', current: 0, previous: 2 },
  ]);
  expect(view.rows[1]).toEqual({ label: '纠纷调解', cells: ['0', '2'] });
});
