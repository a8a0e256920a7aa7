import { Recurrence, RecurrenceError, isoDateInZone, nextRuns } from '../../index';

const iso = (dates: Date[]) => dates.map((d) => d.toISOString().replace(':00.000Z', 'Z'));
const from = (instant: string) => new Date(instant);

describe('nextRuns', () => {
  describe('monthly_on_day', () => {
    it('runs on the day at the London time, in GMT and in BST', () => {
      expect(iso(nextRuns({ kind: 'monthly_on_day', day: 15, time: '09:30' }, from('2026-01-01T00:00:00Z'), 5))).toEqual([
        '2026-01-15T09:30Z',
        '2026-02-15T09:30Z',
        '2026-03-15T09:30Z',
        '2026-04-15T08:30Z',
        '2026-05-15T08:30Z',
      ]);
    });

    it('takes a day past the month’s end as its last day, 29 February in a leap year', () => {
      expect(iso(nextRuns({ kind: 'monthly_on_day', day: 31, time: '07:00' }, from('2027-12-31T12:00:00Z'), 5))).toEqual([
        '2028-01-31T07:00Z',
        '2028-02-29T07:00Z',
        '2028-03-31T06:00Z',
        '2028-04-30T06:00Z',
        '2028-05-31T06:00Z',
      ]);
      expect(iso(nextRuns({ kind: 'monthly_on_day', day: 30, time: '07:00' }, from('2027-02-01T00:00:00Z'), 1))).toEqual(['2027-02-28T07:00Z']);
      expect(iso(nextRuns({ kind: 'monthly_on_day', day: 29, time: '07:00' }, from('2028-02-01T00:00:00Z'), 1))).toEqual(['2028-02-29T07:00Z']);
    });

    it('runs on a weekend or bank holiday too: a day is a day', () => {
      expect(iso(nextRuns({ kind: 'monthly_on_day', day: 25, time: '10:00' }, from('2026-12-01T00:00:00Z'), 1))).toEqual(['2026-12-25T10:00Z']);
    });
  });

  describe('first and last working day', () => {
    it('first working day of April and October at 07:00 (BST both times)', () => {
      expect(iso(nextRuns({ kind: 'first_working_day', months: [4, 10], time: '07:00' }, from('2026-01-01T00:00:00Z'), 6))).toEqual([
        '2026-04-01T06:00Z',
        '2026-10-01T06:00Z',
        '2027-04-01T06:00Z',
        '2027-10-01T06:00Z',
        '2028-04-03T06:00Z', // Saturday 1 April
        '2028-10-02T06:00Z', // Sunday 1 October
      ]);
    });

    it('skips Easter Monday on 1 April 2024', () => {
      expect(iso(nextRuns({ kind: 'first_working_day', months: [4], time: '07:00' }, from('2024-03-01T00:00:00Z'), 1))).toEqual([
        '2024-04-02T06:00Z',
      ]);
    });

    it('every month, when the 1st is a bank holiday or a weekend', () => {
      expect(iso(nextRuns({ kind: 'first_working_day', time: '07:00' }, from('2025-12-15T00:00:00Z'), 2))).toEqual([
        '2026-01-02T07:00Z', // Thursday 1 January is New Year's Day
        '2026-02-02T07:00Z', // Sunday 1 February
      ]);
      expect(iso(nextRuns({ kind: 'first_working_day', time: '07:00' }, from('2027-12-15T00:00:00Z'), 5))).toEqual([
        '2028-01-04T07:00Z', // Sat 1, Sun 2, Mon 3 the New Year substitute
        '2028-02-01T07:00Z',
        '2028-03-01T07:00Z', // after 29 February
        '2028-04-03T06:00Z',
        '2028-05-02T06:00Z', // Monday 1 May is the early May bank holiday
      ]);
    });

    it('last working day, stepping back over the summer bank holiday and weekends', () => {
      expect(iso(nextRuns({ kind: 'last_working_day', months: [5, 8], time: '17:00' }, from('2026-01-01T00:00:00Z'), 4))).toEqual([
        '2026-05-29T16:00Z',
        '2026-08-28T16:00Z', // Monday 31 August is the summer bank holiday
        '2027-05-28T16:00Z', // Monday 31 May is the spring bank holiday
        '2027-08-31T16:00Z',
      ]);
      expect(iso(nextRuns({ kind: 'last_working_day', months: [2], time: '12:00' }, from('2027-03-01T00:00:00Z'), 1))).toEqual(['2028-02-29T12:00Z']);
    });
  });

  describe('quarterly by NHS financial quarter', () => {
    it('first working day of April, July, October and January', () => {
      expect(iso(nextRuns({ kind: 'quarterly', on: 'first_working_day', time: '07:00' }, from('2026-03-01T00:00:00Z'), 5))).toEqual([
        '2026-04-01T06:00Z',
        '2026-07-01T06:00Z',
        '2026-10-01T06:00Z',
        '2027-01-04T07:00Z', // Friday 1 January is New Year's Day, then a weekend
        '2027-04-01T06:00Z',
      ]);
    });

    it('on a day of the quarter’s second or third month', () => {
      expect(iso(nextRuns({ kind: 'quarterly', on: 'last_working_day', monthOfQuarter: 3, time: '07:00' }, from('2026-04-01T00:00:00Z'), 4))).toEqual(
        ['2026-06-30T06:00Z', '2026-09-30T06:00Z', '2026-12-31T07:00Z', '2027-03-31T06:00Z'],
      );
      expect(iso(nextRuns({ kind: 'quarterly', on: 15, monthOfQuarter: 2, time: '10:00' }, from('2026-04-01T00:00:00Z'), 4))).toEqual([
        '2026-05-15T09:00Z',
        '2026-08-15T09:00Z',
        '2026-11-15T10:00Z',
        '2027-02-15T10:00Z',
      ]);
    });
  });

  describe('twice_yearly', () => {
    it('in two chosen months, on the first working day or a day', () => {
      expect(
        iso(nextRuns({ kind: 'twice_yearly', months: [10, 4], on: 'first_working_day', time: '07:00' }, from('2026-05-01T00:00:00Z'), 3)),
      ).toEqual(['2026-10-01T06:00Z', '2027-04-01T06:00Z', '2027-10-01T06:00Z']);
      expect(iso(nextRuns({ kind: 'twice_yearly', months: [2, 8], on: 31, time: '08:00' }, from('2027-09-01T00:00:00Z'), 2))).toEqual([
        '2028-02-29T08:00Z',
        '2028-08-31T07:00Z',
      ]);
    });
  });

  describe('after_board_meeting', () => {
    const meetings = ['2026-05-14', '2026-03-26', '2026-07-16', '2026-05-14', '2026-04-02'];

    it('runs the next working day after each meeting given, in order, without repeats', () => {
      expect(iso(nextRuns({ kind: 'after_board_meeting', time: '09:00' }, from('2026-03-01T00:00:00Z'), 10, { boardMeetings: meetings }))).toEqual([
        '2026-03-27T09:00Z', // Friday, still GMT
        '2026-04-07T08:00Z', // Thursday 2 April: over Good Friday, the weekend and Easter Monday
        '2026-05-15T08:00Z',
        '2026-07-17T08:00Z',
      ]);
    });

    it('honours workingDaysAfter and the count, and skips runs already past', () => {
      const r: Recurrence = { kind: 'after_board_meeting', workingDaysAfter: 0, time: '18:00' };
      expect(iso(nextRuns(r, from('2026-03-26T18:00:00Z'), 2, { boardMeetings: meetings }))).toEqual(['2026-04-02T17:00Z', '2026-05-14T17:00Z']);
      const three: Recurrence = { kind: 'after_board_meeting', workingDaysAfter: 3, time: '09:00' };
      expect(iso(nextRuns(three, from('2026-05-01T00:00:00Z'), 1, { boardMeetings: meetings }))).toEqual(['2026-05-19T08:00Z']);
      expect(nextRuns(r, from('2027-01-01T00:00:00Z'), 5, { boardMeetings: meetings })).toEqual([]);
    });

    it('needs the meeting dates, well formed', () => {
      const r: Recurrence = { kind: 'after_board_meeting', time: '09:00' };
      expect(() => nextRuns(r, from('2026-01-01T00:00:00Z'), 1)).toThrow(expect.objectContaining({ field: 'boardMeetings' }));
      expect(() => nextRuns(r, from('2026-01-01T00:00:00Z'), 1, { boardMeetings: ['2026-05-14', '14/05/2026'] })).toThrow(
        expect.objectContaining({ field: 'boardMeetings[1]', message: expect.stringMatching(/YYYY-MM-DD/) }),
      );
    });
  });

  describe('cron', () => {
    it('runs on London wall-clock time', () => {
      expect(iso(nextRuns({ kind: 'cron', expression: '0 7 * * 1' }, from('2026-03-20T00:00:00Z'), 3))).toEqual([
        '2026-03-23T07:00Z',
        '2026-03-30T06:00Z', // first Monday in BST
        '2026-04-06T06:00Z', // cron knows nothing of bank holidays
      ]);
    });

    it('lists, ranges and steps', () => {
      expect(iso(nextRuns({ kind: 'cron', expression: '0 8-10/2 * * MON-FRI' }, from('2026-01-01T23:00:00Z'), 4))).toEqual([
        '2026-01-02T08:00Z',
        '2026-01-02T10:00Z',
        '2026-01-05T08:00Z',
        '2026-01-05T10:00Z',
      ]);
      expect(iso(nextRuns({ kind: 'cron', expression: '15,45 9 1,15 * *' }, from('2026-06-01T08:20:00Z'), 4))).toEqual([
        '2026-06-01T08:45Z',
        '2026-06-15T08:15Z',
        '2026-06-15T08:45Z',
        '2026-07-01T08:15Z',
      ]);
    });

    it('29 February, every four years', () => {
      expect(iso(nextRuns({ kind: 'cron', expression: '0 9 29 2 *' }, from('2026-01-01T00:00:00Z'), 2))).toEqual([
        '2028-02-29T09:00Z',
        '2032-02-29T09:00Z',
      ]);
    });

    it('reaches sparse schedules far ahead: 29 February skips 2100', () => {
      const years = nextRuns({ kind: 'cron', expression: '0 12 29 2 *' }, from('2026-01-01T00:00:00Z'), 20).map((d) => d.getUTCFullYear());
      expect(years.slice(16)).toEqual([2092, 2096, 2104, 2108]);
    });

    it('every minute, strictly after the instant given', () => {
      expect(iso(nextRuns({ kind: 'cron', expression: '* * * * *' }, from('2026-06-01T12:00:00Z'), 2))).toEqual([
        '2026-06-01T12:01Z',
        '2026-06-01T12:02Z',
      ]);
      expect(iso(nextRuns({ kind: 'cron', expression: '* * * * *' }, from('2026-06-01T12:00:30Z'), 1))).toEqual(['2026-06-01T12:01Z']);
    });
  });

  describe('clock changes in 2026 (29 March, 25 October)', () => {
    const daily7: Recurrence = { kind: 'cron', expression: '0 7 * * *' };

    it('a 07:00 schedule fires exactly once on each change day: 06:00Z in summer, 07:00Z in winter', () => {
      expect(iso(nextRuns(daily7, from('2026-03-28T00:00:00Z'), 3))).toEqual(['2026-03-28T07:00Z', '2026-03-29T06:00Z', '2026-03-30T06:00Z']);
      expect(iso(nextRuns(daily7, from('2026-10-24T00:00:00Z'), 3))).toEqual(['2026-10-24T06:00Z', '2026-10-25T07:00Z', '2026-10-26T07:00Z']);
      // Counted by London day over the whole year: one run a day, 365 days.
      const year = nextRuns(daily7, from('2025-12-31T12:00:00Z'), 365);
      expect(new Set(year.map((d) => isoDateInZone(d))).size).toBe(365);
      expect(isoDateInZone(year[364])).toBe('2026-12-31');
    });

    it('the same for the calendar kinds landing on a change day', () => {
      expect(iso(nextRuns({ kind: 'monthly_on_day', day: 29, time: '07:00' }, from('2026-03-01T00:00:00Z'), 1))).toEqual(['2026-03-29T06:00Z']);
      expect(iso(nextRuns({ kind: 'monthly_on_day', day: 25, time: '07:00' }, from('2026-10-01T00:00:00Z'), 1))).toEqual(['2026-10-25T07:00Z']);
    });

    it('a time that does not exist (01:30 on 29 March) moves to the first valid instant after it', () => {
      expect(iso(nextRuns({ kind: 'monthly_on_day', day: 29, time: '01:30' }, from('2026-03-01T00:00:00Z'), 2))).toEqual([
        '2026-03-29T01:00Z', // the jump: 02:00 BST
        '2026-04-29T00:30Z',
      ]);
      expect(iso(nextRuns({ kind: 'cron', expression: '30 1 * * *' }, from('2026-03-27T12:00:00Z'), 3))).toEqual([
        '2026-03-28T01:30Z',
        '2026-03-29T01:00Z',
        '2026-03-30T00:30Z',
      ]);
      // Every wall time in the missing hour lands on the jump: it fires once, not four times.
      expect(iso(nextRuns({ kind: 'cron', expression: '*/15 1 * * *' }, from('2026-03-28T12:00:00Z'), 3))).toEqual([
        '2026-03-29T01:00Z',
        '2026-03-30T00:00Z',
        '2026-03-30T00:15Z',
      ]);
    });

    it('a time that happens twice (01:30 on 25 October) fires once, the first time', () => {
      expect(iso(nextRuns({ kind: 'monthly_on_day', day: 25, time: '01:30' }, from('2026-10-01T00:00:00Z'), 2))).toEqual([
        '2026-10-25T00:30Z',
        '2026-11-25T01:30Z',
      ]);
      expect(iso(nextRuns({ kind: 'cron', expression: '30 1 * * *' }, from('2026-10-24T12:00:00Z'), 2))).toEqual([
        '2026-10-25T00:30Z',
        '2026-10-26T01:30Z',
      ]);
      // From inside the first pass of the repeated hour: the second pass is not run again.
      expect(iso(nextRuns({ kind: 'cron', expression: '*/30 1 * * *' }, from('2026-10-25T00:00:00Z'), 2))).toEqual([
        '2026-10-25T00:30Z',
        '2026-10-26T01:00Z',
      ]);
      expect(iso(nextRuns({ kind: 'cron', expression: '30 1 * * *' }, from('2026-10-25T00:30:00Z'), 1))).toEqual(['2026-10-26T01:30Z']);
    });
  });

  it('gives strictly increasing instants for every kind', () => {
    const kinds: Recurrence[] = [
      { kind: 'monthly_on_day', day: 31, time: '00:30' },
      { kind: 'first_working_day', time: '01:30' },
      { kind: 'last_working_day', months: [3, 10], time: '01:30' },
      { kind: 'quarterly', on: 'first_working_day', time: '07:00' },
      { kind: 'twice_yearly', months: [3, 10], on: 25, time: '01:30' },
      { kind: 'cron', expression: '*/20 0-2 * * SUN' },
    ];
    for (const r of kinds) {
      const runs = nextRuns(r, from('2026-01-01T00:00:00Z'), 60).map((d) => d.getTime());
      expect(runs).toHaveLength(60);
      for (let i = 1; i < runs.length; i++) expect(runs[i]).toBeGreaterThan(runs[i - 1]);
      expect(runs[0]).toBeGreaterThan(Date.parse('2026-01-01T00:00:00Z'));
    }
  });

  it('excludes a run at exactly the instant given', () => {
    expect(iso(nextRuns({ kind: 'first_working_day', months: [4], time: '07:00' }, from('2026-04-01T06:00:00Z'), 1))).toEqual(['2027-04-01T06:00Z']);
  });

  it('refuses bad arguments, naming them', () => {
    const r: Recurrence = { kind: 'monthly_on_day', day: 1, time: '07:00' };
    expect(nextRuns(r, from('2026-01-01T00:00:00Z'), 0)).toEqual([]);
    for (const count of [-1, 1.5, 1001, NaN])
      expect(() => nextRuns(r, from('2026-01-01T00:00:00Z'), count)).toThrow(expect.objectContaining({ field: 'count' }));
    expect(() => nextRuns(r, new Date('not a date'), 1)).toThrow(expect.objectContaining({ field: 'fromInstant' }));
    expect(() => nextRuns({ ...r, time: '7am' }, from('2026-01-01T00:00:00Z'), 1)).toThrow(RecurrenceError);
    expect(() => nextRuns({ kind: 'monthly_on_day', day: 40, time: '07:00' }, from('2026-01-01T00:00:00Z'), 1)).toThrow(
      expect.objectContaining({ field: 'day' }),
    );
  });
});
