import { RecurrenceError, describeRecurrence, ordinal } from '../../index';

describe('describeRecurrence', () => {
  it.each([
    [{ kind: 'first_working_day', months: [4, 10], time: '07:00' }, 'First working day of April and October at 07:00'],
    [{ kind: 'first_working_day', months: [10, 4], time: '07:00' }, 'First working day of April and October at 07:00'],
    [{ kind: 'first_working_day', time: '07:00' }, 'First working day of every month at 07:00'],
    [{ kind: 'last_working_day', months: [1, 4, 7], time: '16:30' }, 'Last working day of January, April and July at 16:30'],
    [{ kind: 'last_working_day', months: [3], time: '16:30' }, 'Last working day of March at 16:30'],
    [{ kind: 'monthly_on_day', day: 15, time: '09:30' }, 'Monthly on the 15th at 09:30'],
    [{ kind: 'monthly_on_day', day: 1, time: '09:30' }, 'Monthly on the 1st at 09:30'],
    [{ kind: 'monthly_on_day', day: 31, time: '09:30' }, "Monthly on the 31st (or the month's last day) at 09:30"],
    [{ kind: 'quarterly', on: 'first_working_day', time: '07:00' }, 'Quarterly (NHS financial quarters), first working day, at 07:00'],
    [{ kind: 'quarterly', on: 10, time: '07:00' }, 'Quarterly (NHS financial quarters), on the 10th, at 07:00'],
    [
      { kind: 'quarterly', on: 'last_working_day', monthOfQuarter: 3, time: '07:00' },
      "Quarterly (NHS financial quarters), last working day of the quarter's third month, at 07:00",
    ],
    [{ kind: 'twice_yearly', months: [4, 10], on: 'first_working_day', time: '07:00' }, 'First working day of April and October at 07:00'],
    [{ kind: 'twice_yearly', months: [3, 9], on: 'last_working_day', time: '07:00' }, 'Last working day of March and September at 07:00'],
    [{ kind: 'twice_yearly', months: [4, 10], on: 2, time: '07:00' }, 'On the 2nd of April and October at 07:00'],
    [{ kind: 'twice_yearly', months: [2, 8], on: 30, time: '07:00' }, "On the 30th of February and August (or the month's last day) at 07:00"],
    [{ kind: 'after_board_meeting', time: '09:00' }, 'After each board meeting, the next working day, at 09:00'],
    [{ kind: 'after_board_meeting', workingDaysAfter: 0, time: '09:00' }, 'After each board meeting, on the day of the meeting, at 09:00'],
    [{ kind: 'after_board_meeting', workingDaysAfter: 3, time: '09:00' }, 'After each board meeting, 3 working days later, at 09:00'],
    [{ kind: 'cron', expression: '0 7 * * 1' }, 'Cron 0 7 * * 1 (Europe/London)'],
    [{ kind: 'cron', expression: ' 0  7 * * 1 ' }, 'Cron 0 7 * * 1 (Europe/London)'],
  ])('%j → %s', (recurrence, words) => {
    expect(describeRecurrence(recurrence as never)).toBe(words);
  });

  it('refuses an invalid recurrence', () => {
    expect(() => describeRecurrence({ kind: 'monthly_on_day', day: 15, time: '9:30' })).toThrow(RecurrenceError);
  });

  it('writes ordinals', () => {
    expect([1, 2, 3, 4, 11, 12, 13, 21, 22, 23, 24, 30, 31, 101, 111].map(ordinal)).toEqual([
      '1st',
      '2nd',
      '3rd',
      '4th',
      '11th',
      '12th',
      '13th',
      '21st',
      '22nd',
      '23rd',
      '24th',
      '30th',
      '31st',
      '101st',
      '111th',
    ]);
  });
});
