import { canReopen, dueAt, queuePosition, queueRank, replyExpectation, waitLevel } from '@domain/consult';

const at = (clock: string, day = '2026-11-25') => new Date(`${day}T${clock}:00+08:00`);

describe('response targets', () => {
  test('due by priority, coloured by how much of the target is left', () => {
    const since = at('10:00');
    const due = dueAt(since, 'normal');
    expect(due).toEqual(at('14:00'));
    expect(waitLevel(since, due, at('11:00'))).toBe('ok');
    expect(waitLevel(since, due, at('13:30'))).toBe('soon');
    expect(waitLevel(since, due, at('14:00'))).toBe('overdue');
    expect(dueAt(since, 'urgent', { urgent: 5, high: 30, normal: 60 })).toEqual(at('10:05'));
  });

  test('what the resident is told to expect', () => {
    const now = at('10:02');
    expect(replyExpectation({ who: '赵警官', isDesk: false, onDutyUntil: at('18:00'), due: at('14:02'), now })).toBe('赵警官 今天 14:05 前回复');
    expect(replyExpectation({ who: '赵警官', isDesk: false, onDutyUntil: at('12:00'), due: at('14:02'), now })).toBe('赵警官 今天 12:00 前回复');
    expect(replyExpectation({ who: '赵警官', isDesk: false, due: at('02:00', '2026-11-26'), now })).toBe('赵警官 现在不在岗，值班民警会在 明天 02:00 前回复');
    expect(replyExpectation({ who: '西罗园派出所 综合服务大厅', isDesk: true, due: at('09:00', '2026-11-28'), now })).toBe('西罗园派出所 综合服务大厅 会在 11月28日 09:00 前回复');
  });

  test('urgent waiting threads come first, answered ones last', () => {
    expect([queueRank('normal', 'officer'), queueRank('urgent', 'officer'), queueRank('urgent', 'resident'), queueRank('high', 'officer')]).toEqual([2, 0, 3, 1]);
  });

  test('a closed thread reopens within 7 days', () => {
    expect(canReopen(at('10:00', '2026-11-18'), at('10:00', '2026-11-25'))).toBe(true);
    expect(canReopen(at('10:00', '2026-11-18'), at('10:01', '2026-11-25'))).toBe(false);
  });
});

test('the inbox sort key orders by rank, then the longest wait', () => {
  const older = queuePosition('normal', 'officer', new Date('2026-11-25T01:00:00Z'));
  const newer = queuePosition('normal', 'officer', new Date('2026-11-25T02:00:00Z'));
  const urgent = queuePosition('urgent', 'officer', new Date('2026-11-25T03:00:00Z'));
  const answered = queuePosition('urgent', 'resident', new Date('2026-11-24T00:00:00Z'));
  expect([newer, answered, older, urgent].map((p) => p.inboxOrder).sort()).toEqual([urgent, older, newer, answered].map((p) => p.inboxOrder));
});
