import { RECURRENCE_KINDS, RecurrenceError, parseRecurrence, parseTimeOfDay } from '../../index';

const rejects = (input: unknown) => {
  try {
    parseRecurrence(input);
  } catch (error) {
    expect(error).toBeInstanceOf(RecurrenceError);
    expect((error as RecurrenceError).code).toBe('RECURRENCE_INVALID');
    return { field: (error as RecurrenceError).field, message: (error as Error).message };
  }
  throw new Error(`${JSON.stringify(input)} was accepted`);
};

describe('parseRecurrence', () => {
  it('accepts every kind', () => {
    const valid = [
      { kind: 'monthly_on_day', day: 15, time: '09:30' },
      { kind: 'first_working_day', months: [4, 10], time: '07:00' },
      { kind: 'first_working_day', time: '07:00' },
      { kind: 'last_working_day', months: [3], time: '16:00' },
      { kind: 'quarterly', on: 'first_working_day', time: '07:00' },
      { kind: 'quarterly', on: 20, monthOfQuarter: 3, time: '00:00' },
      { kind: 'twice_yearly', months: [4, 10], on: 'first_working_day', time: '07:00' },
      { kind: 'twice_yearly', months: [1, 7], on: 31, time: '23:59' },
      { kind: 'after_board_meeting', time: '09:00' },
      { kind: 'after_board_meeting', workingDaysAfter: 0, time: '09:00' },
      { kind: 'cron', expression: '0 7 * * 1' },
    ];
    for (const r of valid) expect(parseRecurrence(r)).toEqual(r);
    expect(new Set(valid.map((r) => r.kind))).toEqual(new Set(RECURRENCE_KINDS));
  });

  it('normalises: months in calendar order, cron spacing', () => {
    expect(parseRecurrence({ kind: 'twice_yearly', months: [10, 4], on: 1, time: '07:00' })).toEqual({
      kind: 'twice_yearly',
      months: [4, 10],
      on: 1,
      time: '07:00',
    });
    expect(parseRecurrence({ kind: 'last_working_day', months: [12, 3, 6, 9], time: '07:00' })).toMatchObject({ months: [3, 6, 9, 12] });
    expect(parseRecurrence({ kind: 'cron', expression: ' 0  7 * *  1' })).toEqual({ kind: 'cron', expression: '0 7 * * 1' });
  });

  it.each([
    [{ kind: 'monthly_on_day', day: 15, time: '7:00' }, 'time', /time must be HH:MM, 24-hour, from 00:00 to 23:59 \(got "7:00"\)/],
    [{ kind: 'monthly_on_day', day: 15, time: '24:00' }, 'time', /time must be HH:MM/],
    [{ kind: 'monthly_on_day', day: 15, time: '07:60' }, 'time', /time must be HH:MM/],
    [{ kind: 'monthly_on_day', day: 15, time: '07:00:00' }, 'time', /time must be HH:MM/],
    [{ kind: 'monthly_on_day', day: 15, time: 700 }, 'time', /got 700/],
    [{ kind: 'monthly_on_day', day: 15 }, 'time', /got nothing/],
    [{ kind: 'monthly_on_day', day: 0, time: '07:00' }, 'day', /day must be a whole number from 1 to 31 \(got 0\)/],
    [{ kind: 'monthly_on_day', day: 32, time: '07:00' }, 'day', /1 to 31 \(got 32\)/],
    [{ kind: 'monthly_on_day', day: 1.5, time: '07:00' }, 'day', /whole number/],
    [{ kind: 'monthly_on_day', day: '15', time: '07:00' }, 'day', /got "15"/],
    [{ kind: 'first_working_day', months: [], time: '07:00' }, 'months', /at least one month, or be left out for every month/],
    [{ kind: 'first_working_day', months: [4, 13], time: '07:00' }, 'months[1]', /months\[1\] must be a month number from 1 to 12 \(got 13\)/],
    [{ kind: 'last_working_day', months: [0], time: '07:00' }, 'months[0]', /from 1 to 12/],
    [{ kind: 'last_working_day', months: [4, 4], time: '07:00' }, 'months', /must not name a month twice/],
    [{ kind: 'last_working_day', months: 4, time: '07:00' }, 'months', /must be a list/],
    [{ kind: 'twice_yearly', months: [4], on: 1, time: '07:00' }, 'months', /exactly 2 different months/],
    [{ kind: 'twice_yearly', months: [4, 4], on: 1, time: '07:00' }, 'months', /twice/],
    [
      { kind: 'twice_yearly', months: [4, 10], on: 'first_monday', time: '07:00' },
      'on',
      /"first_working_day", "last_working_day" or a day from 1 to 31/,
    ],
    [{ kind: 'twice_yearly', months: [4, 10], on: 40, time: '07:00' }, 'on', /on must be a whole number from 1 to 31/],
    [{ kind: 'quarterly', on: 'first_working_day', monthOfQuarter: 4, time: '07:00' }, 'monthOfQuarter', /1, 2 or 3/],
    [{ kind: 'quarterly', time: '07:00' }, 'on', /got nothing/],
    [{ kind: 'after_board_meeting', workingDaysAfter: -1, time: '09:00' }, 'workingDaysAfter', /0 to 60/],
    [{ kind: 'after_board_meeting', workingDaysAfter: 61, time: '09:00' }, 'workingDaysAfter', /0 to 60/],
    [{ kind: 'cron', expression: '60 7 * * *' }, 'expression', /^expression: cron minute field: 60 is out of range \(0–59\)$/],
    [{ kind: 'cron', expression: '0 7 * *' }, 'expression', /5 fields/],
    [{ kind: 'cron', expression: 7 }, 'expression', /cron expression string/],
    [{ kind: 'cron', expression: '0 7 * * *', time: '07:00' }, 'time', /time is not a field of a cron recurrence/],
    [{ kind: 'first_working_day', month: [4], time: '07:00' }, 'month', /month is not a field/],
    [{ kind: 'weekly', time: '07:00' }, 'kind', /kind must be one of monthly_on_day, .*cron \(got "weekly"\)/],
    [{ time: '07:00' }, 'kind', /got nothing/],
    [null, 'recurrence', /recurrence must be an object/],
    [[], 'recurrence', /recurrence must be an object/],
  ])('rejects %j, naming %s', (input, field, message) => {
    const error = rejects(input);
    expect(error.field).toBe(field);
    expect(error.message).toMatch(message);
  });

  it('reads a time of day', () => {
    expect(parseTimeOfDay('00:00')).toEqual({ hour: 0, minute: 0 });
    expect(parseTimeOfDay('23:59')).toEqual({ hour: 23, minute: 59 });
    expect(() => parseTimeOfDay('12:5')).toThrow(RecurrenceError);
  });
});
