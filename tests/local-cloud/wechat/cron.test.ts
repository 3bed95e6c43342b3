import { CronExpressionError, nextCronTime, parseCron } from '@local-cloud/wechat';

/** Times are written in China Standard Time, where WeChat runs timers. */
const cst = (wall: string) => new Date(`${wall}+08:00`);
const next = (expression: string, afterWall: string) => nextCronTime(parseCron(expression), cst(afterWall));
/** Successive fire times, as China wall-clock strings. */
function fireTimes(expression: string, fromWall: string, count: number): string[] {
  const schedule = parseCron(expression);
  const times: string[] = [];
  let at = cst(fromWall);
  for (let i = 0; i < count; i += 1) {
    const time = nextCronTime(schedule, at);
    if (!time) break;
    times.push(new Date(time.getTime() + 8 * 3600_000).toISOString().slice(0, 19));
    at = time;
  }
  return times;
}

describe('parseCron: the documented 7-field grammar', () => {
  it.each([
    ['0 30 3 * * *', /7 fields/],
    ['0 30 3 * * * * *', /7 fields/],
    ['60 * * * * * *', /second 60 is outside 0-59/],
    ['* * 24 * * * *', /hour 24/],
    ['* * * 0 * * *', /day-of-month 0/],
    ['* * * * 13 * *', /month 13/],
    ['* * * * * 7 *', /day-of-week 7 is outside 0-6/],
    ['* * * * * * 2100', /year 2100/],
    ['* * * * * * 1969', /year 1969/],
    ['* * * ? * MON *', /characters other than/],
    ['* * * L * * *', /"L" is not a valid day-of-month/],
    ['* 30-10 * * * * *', /runs backwards/],
    ['*/0 * * * * * *', /step "0"/],
    ['1,,2 * * * * * *', /empty list item/],
    ['* * * * FOO * *', /"FOO" is not a valid month/],
  ])('refuses %j', (expression, reason) => {
    expect(() => parseCron(expression)).toThrow(CronExpressionError);
    expect(() => parseCron(expression)).toThrow(reason);
  });

  it('reads lists, ranges, steps and names (case-insensitive)', () => {
    const schedule = parseCron('0,30 1/20 9-17/4 1-3,15 jan-MAR mon-fri *');
    expect([...schedule.seconds]).toEqual([0, 30]);
    expect([...schedule.minutes]).toEqual([1, 21, 41]);
    expect([...schedule.hours]).toEqual([9, 13, 17]);
    expect([...schedule.daysOfMonth]).toEqual([1, 2, 3, 15]);
    expect([...schedule.months]).toEqual([1, 2, 3]);
    expect([...schedule.daysOfWeek]).toEqual([1, 2, 3, 4, 5]);
    expect(schedule.years.size).toBe(2099 - 1970 + 1);
  });

  it('counts weekdays from 0 = Sunday, as WeChat documents', () => {
    expect([...parseCron('0 0 0 * * SUN,SAT *').daysOfWeek]).toEqual([0, 6]);
  });
});

describe('nextCronTime in UTC+8', () => {
  it("fires the account function's daily 03:30 purge at 03:30 China time", () => {
    expect(next('0 30 3 * * * *', '2024-05-01T00:00:00')).toEqual(cst('2024-05-01T03:30:00'));
    expect(next('0 30 3 * * * *', '2024-05-01T03:30:00')).toEqual(cst('2024-05-02T03:30:00'));
    expect(cst('2024-05-01T03:30:00').toISOString()).toBe('2024-04-30T19:30:00.000Z');
  });

  it('is strictly after the given time, from the next whole second', () => {
    expect(next('*/5 * * * * * *', '2024-05-01T10:00:04.900')).toEqual(cst('2024-05-01T10:00:05'));
    expect(next('*/5 * * * * * *', '2024-05-01T10:00:05')).toEqual(cst('2024-05-01T10:00:10'));
  });

  it('follows the documented examples', () => {
    expect(fireTimes('0 0 2 1 * * *', '2024-01-15T00:00:00', 3)).toEqual(['2024-02-01T02:00:00', '2024-03-01T02:00:00', '2024-04-01T02:00:00']);
    // 2024-05-04 is a Saturday.
    expect(fireTimes('0 15 10 * * MON-FRI *', '2024-05-04T00:00:00', 2)).toEqual(['2024-05-06T10:15:00', '2024-05-07T10:15:00']);
    expect(fireTimes('0 0 10,14,16 * * * *', '2024-05-01T12:00:00', 3)).toEqual(['2024-05-01T14:00:00', '2024-05-01T16:00:00', '2024-05-02T10:00:00']);
    expect(fireTimes('0 */30 9-17 * * * *', '2024-05-01T16:45:00', 3)).toEqual(['2024-05-01T17:00:00', '2024-05-01T17:30:00', '2024-05-02T09:00:00']);
    expect(fireTimes('0 0 12 * * WED *', '2024-05-01T12:00:00', 1)).toEqual(['2024-05-08T12:00:00']);
  });

  it('ORs day-of-month and day-of-week when both are given, as documented', () => {
    // The 13th, or any Friday. May 2024: Fri 3, 10, 17; the 13th is a Monday.
    expect(fireTimes('0 0 0 13 * FRI *', '2024-05-01T00:00:00', 4)).toEqual(['2024-05-03T00:00:00', '2024-05-10T00:00:00', '2024-05-13T00:00:00', '2024-05-17T00:00:00']);
  });

  it('handles month lengths and leap years', () => {
    expect(fireTimes('0 0 12 31 * * *', '2024-04-01T00:00:00', 2)).toEqual(['2024-05-31T12:00:00', '2024-07-31T12:00:00']);
    expect(next('0 0 12 29 2 * *', '2025-01-01T00:00:00')).toEqual(cst('2028-02-29T12:00:00'));
  });

  it('honours the year field and ends when no time is left', () => {
    expect(next('0 0 0 1 1 * 2030', '2024-05-01T00:00:00')).toEqual(cst('2030-01-01T00:00:00'));
    expect(next('0 0 0 1 1 * 2030', '2030-01-01T00:00:00')).toBeUndefined();
    const started = Date.now();
    expect(next('0 0 0 31 4 * *', '2024-01-01T00:00:00')).toBeUndefined(); // April has 30 days
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('can use another UTC offset', () => {
    const schedule = parseCron('0 0 9 * * * *');
    expect(nextCronTime(schedule, new Date('2024-05-01T00:00:00Z'), 0)).toEqual(new Date('2024-05-01T09:00:00Z'));
    expect(nextCronTime(schedule, new Date('2024-05-01T00:00:00Z'))).toEqual(new Date('2024-05-01T01:00:00Z'));
  });
});
