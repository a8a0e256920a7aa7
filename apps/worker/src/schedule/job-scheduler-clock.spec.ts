import { candidateCron, dueRunAt, periodKey, type Recurrence } from '@plexus/domain';
import { getNextMillis } from 'bullmq';

/**
 * BullMQ's own next-time function (what a job scheduler with `pattern` and `tz` uses) stepped through the years,
 * each wake-up checked with `dueRunAt` as the worker does: every run fires exactly once, clock changes included.
 */
function wakeUps(recurrence: Recurrence, from: string, to: string): Date[] {
  const opts = { pattern: candidateCron(recurrence), tz: 'Europe/London' };
  const out: Date[] = [];
  let at = new Date(from).getTime();
  const end = new Date(to).getTime();
  for (;;) {
    const next = getNextMillis(at, opts);
    if (next === undefined || next > end) return out;
    out.push(new Date(next));
    at = next;
  }
}

function runsFired(recurrence: Recurrence, from: string, to: string): string[] {
  const keys: string[] = [];
  for (const wake of wakeUps(recurrence, from, to)) {
    const due = dueRunAt(recurrence, wake);
    if (due) keys.push(`${periodKey(recurrence, due)} ${due.toISOString()}`);
  }
  return keys;
}

describe('job schedulers and the clock', () => {
  it('wakes a 07:00 schedule once on each clock-change Sunday, at 07:00 London time', () => {
    const daily: Recurrence = { kind: 'cron', expression: '0 7 * * *' };
    expect(wakeUps(daily, '2026-03-28T12:00:00Z', '2026-03-30T12:00:00Z').map((d) => d.toISOString())).toEqual([
      '2026-03-29T06:00:00.000Z',
      '2026-03-30T06:00:00.000Z',
    ]);
    expect(wakeUps(daily, '2026-10-24T12:00:00Z', '2026-10-26T12:00:00Z').map((d) => d.toISOString())).toEqual([
      '2026-10-25T07:00:00.000Z',
      '2026-10-26T07:00:00.000Z',
    ]);
  });

  it('fires each run of "first working day of April and October at 07:00" exactly once, 2024 to 2030', () => {
    const fired = runsFired({ kind: 'first_working_day', months: [4, 10], time: '07:00' }, '2024-01-01T00:00:00Z', '2030-12-31T23:59:00Z');
    expect(fired).toHaveLength(14);
    expect(new Set(fired.map((f) => f.split(' ')[0])).size).toBe(14);
    // Easter Monday 1 April 2024: the 2nd; 1 October 2028 is a Sunday: the 2nd.
    expect(fired).toContain('2024-04 2024-04-02T06:00:00.000Z');
    expect(fired).toContain('2028-10 2028-10-02T06:00:00.000Z');
  });

  it('fires the last working day of each quarter once, and a 29 February monthly schedule in leap years only on the 29th', () => {
    const quarterly = runsFired(
      { kind: 'quarterly', on: 'last_working_day', monthOfQuarter: 3, time: '16:00' },
      '2025-01-01T00:00:00Z',
      '2026-12-31T23:59:00Z',
    );
    expect(quarterly.map((f) => f.split(' ')[0])).toEqual([
      '2024/25-Q4',
      '2025/26-Q1',
      '2025/26-Q2',
      '2025/26-Q3',
      '2025/26-Q4',
      '2026/27-Q1',
      '2026/27-Q2',
      '2026/27-Q3',
    ]);
    const monthly = runsFired({ kind: 'monthly_on_day', day: 31, time: '07:00' }, '2028-01-15T00:00:00Z', '2028-04-15T00:00:00Z');
    expect(monthly).toEqual(['2028-01 2028-01-31T07:00:00.000Z', '2028-02 2028-02-29T07:00:00.000Z', '2028-03 2028-03-31T06:00:00.000Z']);
  });
});
