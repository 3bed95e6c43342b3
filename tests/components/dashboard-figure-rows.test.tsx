import { emptyStationDay, sumDays } from '@domain/dashboard/figures';
import { figureSections } from '@domain/dashboard/figure-rows';

test('every row says its change in words and arrows, and a figure with nothing to count reads "—"', () => {
  const before = sumDays([{ ...emptyStationDay('s', '2026-11-01'), consult: { ...emptyStationDay('s', '2026-11-01').consult, questions: 4, firstResponseMinutes: [10, 30], withinTarget: 1 } }]);
  const now = sumDays([{ ...emptyStationDay('s', '2026-11-08'), consult: { ...emptyStationDay('s', '2026-11-08').consult, questions: 7, firstResponseMinutes: [10, 20], withinTarget: 2 } }]);
  const consult = figureSections(now, before).find((section) => section.title === '问片警')!;
  expect(consult.rows.find((row) => row.label === '提问数')).toEqual({ label: '提问数', current: '7', previous: '4', change: '↑ 增加 3', format: 'count', currentValue: 7, previousValue: 4 });
  expect(consult.rows.find((row) => row.label === '按时回复率')).toMatchObject({ label: '按时回复率', current: '100%', previous: '50%', change: '↑ 增加 50 个百分点' });
  expect(consult.rows.find((row) => row.label === '平均评分')).toMatchObject({ label: '平均评分', current: '—', previous: '—', change: '—' });
  const mediation = figureSections(now, before).find((section) => section.title === '圆桌调解')!;
  expect(mediation.rows.find((row) => row.label === '受理案件')?.change).toBe('持平');
});
