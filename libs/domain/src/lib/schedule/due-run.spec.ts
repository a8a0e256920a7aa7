import { Recurrence, candidateCron, cronMatches, dueRunAt, nextRuns, parseCron, wallClockAt } from '../../index';

const SAMPLES: Recurrence[] = [
  { kind: 'monthly_on_day', day: 15, time: '09:30' },
  { kind: 'monthly_on_day', day: 31, time: '07:00' },
  { kind: 'first_working_day', time: '07:00' },
  { kind: 'first_working_day', months: [4, 10], time: '07:00' },
  { kind: 'last_working_day', time: '16:45' },
  { kind: 'quarterly', on: 'first_working_day', time: '08:00' },
  { kind: 'quarterly', on: 20, monthOfQuarter: 3, time: '08:00' },
  { kind: 'twice_yearly', months: [4, 10], on: 'last_working_day', time: '07:00' },
  { kind: 'cron', expression: '0 7 * * 1-5' },
];

describe('candidateCron', () => {
  it.each(SAMPLES.map((r) => [JSON.stringify(r), r] as const))('fires at every run of %s from 2024 to 2030', (_name, recurrence) => {
    const cron = parseCron(candidateCron(recurrence));
    const runs = nextRuns(recurrence, new Date('2024-01-01T00:00:00Z'), recurrence.kind === 'cron' ? 400 : 90).filter(
      (d) => d < new Date('2031-01-01T00:00:00Z'),
    );
    expect(runs.length).toBeGreaterThan(10);
    for (const run of runs) {
      const wall = wallClockAt(run);
      expect({ run: run.toISOString(), matches: cronMatches(cron, wall.date, wall.hour, wall.minute) }).toEqual({
        run: run.toISOString(),
        matches: true,
      });
    }
  });

  it('wakes after-board schedules daily at their time, and keeps a cron expression as written', () => {
    expect(candidateCron({ kind: 'after_board_meeting', time: '07:00' })).toBe('0 7 * * *');
    expect(candidateCron({ kind: 'cron', expression: '30  6 1 *  *' })).toBe('30 6 1 * *');
    expect(candidateCron({ kind: 'first_working_day', months: [10, 4], time: '07:05' })).toBe('5 7 1-7 4,10 *');
  });
});

describe('dueRunAt', () => {
  const fwd: Recurrence = { kind: 'first_working_day', months: [4, 10], time: '07:00' };

  it('finds the run at its minute and a little after, in BST and in GMT', () => {
    // 1 April 2027 is a Thursday (BST): 07:00 London is 06:00Z.
    expect(dueRunAt(fwd, new Date('2027-04-01T06:00:00Z'))?.toISOString()).toBe('2027-04-01T06:00:00.000Z');
    expect(dueRunAt(fwd, new Date('2027-04-01T06:00:30Z'))?.toISOString()).toBe('2027-04-01T06:00:00.000Z');
    expect(dueRunAt(fwd, new Date('2027-04-01T11:59:00Z'))?.toISOString()).toBe('2027-04-01T06:00:00.000Z');
    // 1 October 2027 is a Friday (BST); 1 October 2029 a Monday.
    expect(dueRunAt(fwd, new Date('2029-10-01T06:00:00Z'))?.toISOString()).toBe('2029-10-01T06:00:00.000Z');
  });

  it('answers nothing before the run, on a day that is not the one, and after the catch-up window', () => {
    expect(dueRunAt(fwd, new Date('2027-04-01T05:59:59Z'))).toBeNull();
    expect(dueRunAt(fwd, new Date('2027-04-02T06:00:00Z'))).toBeNull();
    expect(dueRunAt(fwd, new Date('2027-04-01T12:00:01Z'))).toBeNull();
    expect(dueRunAt(fwd, new Date('2027-04-01T12:00:01Z'), { catchUpMs: 24 * 3600_000 })?.toISOString()).toBe('2027-04-01T06:00:00.000Z');
  });

  it('skips a bank holiday weekend: Easter Monday 2024 makes 2 April the first working day', () => {
    // 1 April 2024 is Easter Monday.
    expect(dueRunAt(fwd, new Date('2024-04-01T06:00:00Z'))).toBeNull();
    expect(dueRunAt(fwd, new Date('2024-04-02T06:00:00Z'))?.toISOString()).toBe('2024-04-02T06:00:00.000Z');
  });

  it('runs a 07:00 schedule once on each clock-change Sunday', () => {
    const daily: Recurrence = { kind: 'cron', expression: '0 7 * * *' };
    // 29 March 2026 (clocks forward): 07:00 BST = 06:00Z; 25 October 2026 (clocks back): 07:00 GMT = 07:00Z.
    expect(dueRunAt(daily, new Date('2026-03-29T06:00:00Z'))?.toISOString()).toBe('2026-03-29T06:00:00.000Z');
    expect(dueRunAt(daily, new Date('2026-03-29T05:59:00Z'))).toBeNull();
    expect(dueRunAt(daily, new Date('2026-03-29T05:59:00Z'), { catchUpMs: 24 * 3600_000 })?.toISOString()).toBe('2026-03-28T07:00:00.000Z');
    expect(dueRunAt(daily, new Date('2026-10-25T07:00:00Z'))?.toISOString()).toBe('2026-10-25T07:00:00.000Z');
    expect(dueRunAt(daily, new Date('2026-10-25T06:30:00Z'), { catchUpMs: 25 * 3600_000 })?.toISOString()).toBe('2026-10-24T06:00:00.000Z');
  });

  it('ignores a run from before the schedule existed', () => {
    expect(dueRunAt(fwd, new Date('2027-04-01T06:30:00Z'), { notBefore: new Date('2027-04-01T06:10:00Z') })).toBeNull();
    expect(dueRunAt(fwd, new Date('2027-04-01T06:30:00Z'), { notBefore: new Date('2027-04-01T06:00:00Z') })?.toISOString()).toBe(
      '2027-04-01T06:00:00.000Z',
    );
  });

  it('takes the latest run in the window when there are many (a cron every five minutes)', () => {
    expect(dueRunAt({ kind: 'cron', expression: '*/5 * * * *' }, new Date('2026-06-01T10:07:00Z'))?.toISOString()).toBe('2026-06-01T10:05:00.000Z');
  });

  it('runs after a board meeting on the next working day', () => {
    const after: Recurrence = { kind: 'after_board_meeting', time: '09:00' };
    // Meeting Friday 12 June 2026 → Monday 15 June 09:00 BST.
    expect(dueRunAt(after, new Date('2026-06-15T08:00:00Z'), { boardMeetings: ['2026-06-12'] })?.toISOString()).toBe('2026-06-15T08:00:00.000Z');
    expect(dueRunAt(after, new Date('2026-06-13T08:00:00Z'), { boardMeetings: ['2026-06-12'] })).toBeNull();
  });
});
