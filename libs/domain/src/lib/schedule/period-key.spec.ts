import { Recurrence, nextRuns, periodKey } from '../../index';

const at = (instant: string) => new Date(instant);

describe('periodKey', () => {
  it('is the London month for the monthly kinds and twice-yearly', () => {
    expect(periodKey({ kind: 'monthly_on_day', day: 15, time: '09:30' }, at('2026-04-15T08:30:00Z'))).toBe('2026-04');
    // 00:30 BST on 1 May is 23:30Z on 30 April: the London month counts.
    expect(periodKey({ kind: 'monthly_on_day', day: 1, time: '00:30' }, at('2026-04-30T23:30:00Z'))).toBe('2026-05');
    expect(periodKey({ kind: 'first_working_day', time: '07:00' }, at('2028-01-04T07:00:00Z'))).toBe('2028-01');
    expect(periodKey({ kind: 'last_working_day', months: [2], time: '12:00' }, at('2028-02-29T12:00:00Z'))).toBe('2028-02');
    expect(periodKey({ kind: 'twice_yearly', months: [4, 10], on: 'first_working_day', time: '07:00' }, at('2026-10-01T06:00:00Z'))).toBe('2026-10');
  });

  it('is the NHS financial quarter for quarterly', () => {
    const q: Recurrence = { kind: 'quarterly', on: 'first_working_day', time: '07:00' };
    expect(periodKey(q, at('2026-04-01T06:00:00Z'))).toBe('2026/27-Q1');
    expect(periodKey(q, at('2026-10-01T06:00:00Z'))).toBe('2026/27-Q3');
    expect(periodKey(q, at('2027-01-04T07:00:00Z'))).toBe('2026/27-Q4');
    // 23:30Z on 31 March 2027 is already 1 April in London (BST): the next financial year.
    expect(periodKey(q, at('2027-03-31T23:30:00Z'))).toBe('2027/28-Q1');
  });

  it('is the meeting’s day for after-board', () => {
    const r: Recurrence = { kind: 'after_board_meeting', time: '09:00' };
    const boardMeetings = ['2026-03-26', '2026-04-02', '2026-05-14'];
    expect(periodKey(r, at('2026-04-07T08:00:00Z'), { boardMeetings })).toBe('2026-04-02');
    expect(periodKey(r, at('2026-05-15T08:00:00Z'), { boardMeetings })).toBe('2026-05-14');
    // A send between two runs belongs to the latest meeting already run for.
    expect(periodKey(r, at('2026-04-20T10:00:00Z'), { boardMeetings })).toBe('2026-04-02');
    expect(() => periodKey(r, at('2026-03-01T10:00:00Z'), { boardMeetings })).toThrow(expect.objectContaining({ field: 'runInstant' }));
    expect(() => periodKey(r, at('2026-04-07T08:00:00Z'))).toThrow(expect.objectContaining({ field: 'boardMeetings' }));
  });

  it('is the London minute for cron, so the repeated autumn hour cannot run twice', () => {
    const r: Recurrence = { kind: 'cron', expression: '30 1 * * *' };
    expect(periodKey(r, at('2026-03-29T06:00:00Z'))).toBe('2026-03-29T07:00');
    expect(periodKey(r, at('2026-10-25T00:30:00Z'))).toBe('2026-10-25T01:30');
    expect(periodKey(r, at('2026-10-25T01:30:00Z'))).toBe('2026-10-25T01:30');
    expect(periodKey(r, at('2026-10-25T00:30:59.999Z'))).toBe('2026-10-25T01:30');
  });

  it('gives each of the next runs its own key, every kind', () => {
    const boardMeetings = ['2026-01-22', '2026-03-26', '2026-05-21', '2026-07-16', '2026-09-24', '2026-11-19'];
    const kinds: Recurrence[] = [
      { kind: 'monthly_on_day', day: 31, time: '07:00' },
      { kind: 'first_working_day', time: '07:00' },
      { kind: 'last_working_day', months: [3, 6, 9, 12], time: '17:00' },
      { kind: 'quarterly', on: 'first_working_day', time: '07:00' },
      { kind: 'twice_yearly', months: [4, 6], on: 'first_working_day', time: '07:00' },
      { kind: 'after_board_meeting', time: '09:00' },
      { kind: 'cron', expression: '*/30 0-2 * * *' },
    ];
    for (const r of kinds) {
      const runs = nextRuns(r, at('2026-01-01T00:00:00Z'), 24, { boardMeetings });
      const keys = runs.map((run) => periodKey(r, run, { boardMeetings }));
      expect(new Set(keys).size).toBe(runs.length);
    }
  });

  it('refuses an invalid instant', () => {
    expect(() => periodKey({ kind: 'first_working_day', time: '07:00' }, new Date(NaN))).toThrow(expect.objectContaining({ field: 'runInstant' }));
  });
});
