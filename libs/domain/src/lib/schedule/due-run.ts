/**
 * When a running system should act on a recurrence. The worker wakes on a BullMQ job scheduler whose cron
 * pattern (`candidateCron`, read in Europe/London) fires at every instant the recurrence can run — and on a few
 * where it does not (a working-day rule wakes on each day that could be the one) — then asks `dueRunAt` for the
 * run that is due. The answer is the latest run at or before now within a catch-up window, so a wake-up a little
 * late (a busy worker, a restart, a clock change) still finds its run, and the run's period key makes acting on
 * it twice impossible.
 */
import { nextRuns, type RecurrenceOptions } from './next-runs';
import { Recurrence, parseRecurrence, parseTimeOfDay } from './recurrence';

/** How late a run may still be started: a worker down for longer sends the latest missed run only, when it is back within this. */
export const DEFAULT_CATCH_UP_MS = 6 * 3600_000;

const QUARTER_FIRST_MONTHS = [4, 7, 10, 1];

function dayField(on: 'first_working_day' | 'last_working_day' | number): string {
  // The first working day is on the 1st–7th (1 January a Saturday: Tuesday 4th; Easter can push April's to the 5th);
  // the last is on the 22nd or later; a day past a month's end means its last day (28th–31st).
  if (on === 'first_working_day') return '1-7';
  if (on === 'last_working_day') return '22-31';
  return on >= 28 ? '28-31' : String(on);
}

function monthField(months: readonly number[] | undefined): string {
  return months && months.length < 12 ? [...months].sort((a, b) => a - b).join(',') : '*';
}

/**
 * A five-field cron pattern (Europe/London) that fires at every run of the recurrence: the cron expression itself,
 * or the run's time of day on every day that can hold a run. The worker confirms each wake-up with `dueRunAt`.
 */
export function candidateCron(recurrence: Recurrence): string {
  const r = parseRecurrence(recurrence);
  if (r.kind === 'cron') return r.expression;
  const { hour, minute } = parseTimeOfDay(r.time);
  const at = `${minute} ${hour}`;
  switch (r.kind) {
    case 'monthly_on_day':
      return `${at} ${dayField(r.day)} * *`;
    case 'first_working_day':
    case 'last_working_day':
      return `${at} ${dayField(r.kind)} ${monthField(r.months)} *`;
    case 'quarterly':
      return `${at} ${dayField(r.on)} ${monthField(QUARTER_FIRST_MONTHS.map((m) => m + (r.monthOfQuarter ?? 1) - 1))} *`;
    case 'twice_yearly':
      return `${at} ${dayField(r.on)} ${monthField(r.months)} *`;
    case 'after_board_meeting':
      return `${at} * * *`;
  }
}

/**
 * The run that is due at `now`: the latest run instant at or before `now` and no older than `catchUpMs`, or null.
 * `notBefore` (the schedule's creation) keeps a new schedule from acting on a run that fell before it existed.
 */
export function dueRunAt(recurrence: Recurrence, now: Date, options: RecurrenceOptions & { catchUpMs?: number; notBefore?: Date } = {}): Date | null {
  const window = options.catchUpMs ?? DEFAULT_CATCH_UP_MS;
  const from = new Date(Math.max(now.getTime() - window, (options.notBefore?.getTime() ?? 0) - 1));
  let latest: Date | null = null;
  let cursor = new Date(from.getTime() - 1);
  const size = recurrence.kind === 'cron' ? 400 : 4;
  // Take the runs in the window a batch at a time (a cron every minute has 360 in six hours), keeping the last one.
  for (let guard = 0; guard < 20; guard++) {
    const batch = nextRuns(recurrence, cursor, size, options);
    const inWindow = batch.filter((d) => d.getTime() <= now.getTime());
    if (inWindow.length) latest = inWindow[inWindow.length - 1];
    if (inWindow.length < batch.length || batch.length < size) break;
    cursor = batch[batch.length - 1];
  }
  return latest;
}
