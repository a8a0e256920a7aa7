import { CronError, cronMatches, cronMatchesDay, parseCron } from '../../index';

const fails = (expression: string) => {
  try {
    parseCron(expression);
  } catch (error) {
    expect(error).toBeInstanceOf(CronError);
    return { field: (error as CronError).field, message: (error as Error).message };
  }
  throw new Error(`${expression} was accepted`);
};

describe('parseCron', () => {
  it('reads a plain expression', () => {
    expect(parseCron('0 7 * * 1')).toEqual({
      expression: '0 7 * * 1',
      minutes: [0],
      hours: [7],
      daysOfMonth: Array.from({ length: 31 }, (_, i) => i + 1),
      months: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12],
      daysOfWeek: [1],
      dayOfMonthRestricted: false,
      dayOfWeekRestricted: true,
    });
  });

  it('reads steps, ranges, lists and their mixtures', () => {
    expect(parseCron('*/15 * * * *').minutes).toEqual([0, 15, 30, 45]);
    expect(parseCron('10-30/10 * * * *').minutes).toEqual([10, 20, 30]);
    expect(parseCron('5/20 * * * *').minutes).toEqual([5, 25, 45]); // a/n: from a to the end
    expect(parseCron('0,30 8,12,16 * * *')).toMatchObject({ minutes: [0, 30], hours: [8, 12, 16] });
    expect(parseCron('0 9-17/4 * * *').hours).toEqual([9, 13, 17]);
    expect(parseCron('0 0 1,15-17,31 * *').daysOfMonth).toEqual([1, 15, 16, 17, 31]);
    expect(parseCron('0 0 * */3 *').months).toEqual([1, 4, 7, 10]);
    expect(parseCron('0 0 * 4,10 *').months).toEqual([4, 10]);
    expect(parseCron('30,0,30 * * * *').minutes).toEqual([0, 30]); // sorted, without repeats
    expect(parseCron('0 0 * * 1-5').daysOfWeek).toEqual([1, 2, 3, 4, 5]);
  });

  it('takes month and weekday names in any case, and 7 as Sunday', () => {
    expect(parseCron('0 7 * JAN,jul *').months).toEqual([1, 7]);
    expect(parseCron('0 7 * apr-JUN *').months).toEqual([4, 5, 6]);
    expect(parseCron('0 7 * * MON-FRI').daysOfWeek).toEqual([1, 2, 3, 4, 5]);
    expect(parseCron('0 7 * * sun').daysOfWeek).toEqual([0]);
    expect(parseCron('0 7 * * 7').daysOfWeek).toEqual([0]);
    expect(parseCron('0 7 * * 5-7').daysOfWeek).toEqual([0, 5, 6]);
    expect(parseCron('0 7 * * */2').daysOfWeek).toEqual([0, 2, 4, 6]);
  });

  it('normalises spacing', () => {
    expect(parseCron('  0   7 * *\t1 ').expression).toBe('0 7 * * 1');
  });

  it.each([
    ['0 7 * *', 'expression', /must have 5 fields .* got 4/],
    ['0 7 * * 1 2026', 'expression', /must have 5 fields .* got 6/],
    ['', 'expression', /got 0/],
    ['60 7 * * *', 'minute', /cron minute field: 60 is out of range \(0–59\)/],
    ['0 24 * * *', 'hour', /cron hour field: 24 is out of range \(0–23\)/],
    ['0 7 0 * *', 'day-of-month', /cron day-of-month field: 0 is out of range \(1–31\)/],
    ['0 7 32 * *', 'day-of-month', /32 is out of range/],
    ['0 7 * 13 *', 'month', /cron month field: 13 is out of range \(1–12\)/],
    ['0 7 * 0 *', 'month', /0 is out of range/],
    ['0 7 * * 8', 'day-of-week', /cron day-of-week field: 8 is out of range \(0–7\)/],
    ['*/0 * * * *', 'minute', /step .* at least 1/],
    ['*/x * * * *', 'minute', /step/],
    ['0 5-1 * * *', 'hour', /range "5-1" runs backwards/],
    ['0 1-2-3 * * *', 'hour', /not understood/],
    ['1,,2 * * * *', 'minute', /empty list item/],
    ['0 7 L * *', 'day-of-month', /"L" is not understood/],
    ['0 7 ? * *', 'day-of-month', /not understood/],
    ['0 7 * * MON#2', 'day-of-week', /not understood/],
    ['0 7 * FOO *', 'month', /"FOO" is not understood/],
    ['-5 7 * * *', 'minute', /not understood/],
    ['0 0 30 2 *', 'day-of-month', /never occurs .* never run/],
    ['0 0 31 4,6,9,11 *', 'day-of-month', /never/],
  ])('rejects %j (%s)', (expression, field, message) => {
    const error = fails(expression);
    expect(error.field).toBe(field);
    expect(error.message).toMatch(message);
  });

  it('accepts 29 February and the 31st where some month has it', () => {
    expect(parseCron('0 9 29 2 *').daysOfMonth).toEqual([29]);
    expect(parseCron('0 0 31 2,3 *').months).toEqual([2, 3]);
    // Restricted by weekday as well: runs on those weekdays, so it is not "never".
    expect(parseCron('0 0 30 2 1').dayOfWeekRestricted).toBe(true);
  });
});

describe('matching', () => {
  it('matches a day on month, day of month and day of week', () => {
    const mondays = parseCron('0 7 * * 1');
    expect(cronMatchesDay(mondays, '2026-03-30')).toBe(true);
    expect(cronMatchesDay(mondays, '2026-03-31')).toBe(false);
    const aprilOctober = parseCron('0 7 1 4,10 *');
    expect(cronMatchesDay(aprilOctober, '2026-04-01')).toBe(true);
    expect(cronMatchesDay(aprilOctober, '2026-05-01')).toBe(false);
    expect(cronMatchesDay(aprilOctober, '2026-04-02')).toBe(false);
    expect(cronMatchesDay(parseCron('0 9 29 2 *'), '2028-02-29')).toBe(true);
  });

  it('ORs day of month and day of week when both are restricted (as cron does)', () => {
    const firstOrMonday = parseCron('0 7 1 * 1');
    expect(cronMatchesDay(firstOrMonday, '2026-06-01')).toBe(true); // Monday the 1st
    expect(cronMatchesDay(firstOrMonday, '2026-06-08')).toBe(true); // a Monday
    expect(cronMatchesDay(firstOrMonday, '2026-07-01')).toBe(true); // a Wednesday, the 1st
    expect(cronMatchesDay(firstOrMonday, '2026-06-02')).toBe(false);
  });

  it('ANDs them when either starts with * (so */2 with a weekday means odd days that are that weekday)', () => {
    expect(cronMatchesDay(parseCron('0 7 1 * *'), '2026-06-08')).toBe(false);
    const oddMondays = parseCron('0 7 */2 * 1');
    expect(cronMatchesDay(oddMondays, '2026-06-01')).toBe(true);
    expect(cronMatchesDay(oddMondays, '2026-06-08')).toBe(false); // Monday, even day
    expect(cronMatchesDay(oddMondays, '2026-06-03')).toBe(false); // odd day, Wednesday
  });

  it('matches a wall-clock minute', () => {
    const weekdayMornings = parseCron('*/30 8-9 * * MON-FRI');
    expect(cronMatches(weekdayMornings, '2026-03-30', 8, 30)).toBe(true);
    expect(cronMatches(weekdayMornings, '2026-03-30', 9, 0)).toBe(true);
    expect(cronMatches(weekdayMornings, '2026-03-30', 10, 0)).toBe(false);
    expect(cronMatches(weekdayMornings, '2026-03-30', 8, 15)).toBe(false);
    expect(cronMatches(weekdayMornings, '2026-03-29', 8, 30)).toBe(false); // Sunday
    expect(() => cronMatchesDay(weekdayMornings, '2026-13-01')).toThrow(RangeError);
  });
});
