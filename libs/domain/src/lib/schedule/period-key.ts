/**
 * The period a run belongs to, as a stable string: a report run is unique per (schedule, period) in the
 * database, so a duplicated tick, a second worker or a restart finds the period already taken.
 *
 * | kind | key | example |
 * |---|---|---|
 * | monthly_on_day, first_working_day, last_working_day | the month in Europe/London | `2026-04` |
 * | quarterly | the NHS financial quarter | `2026/27-Q1` |
 * | twice_yearly | the month (the two months always differ, even in the same half-year) | `2026-10` |
 * | after_board_meeting | the meeting's day | `2026-05-14` |
 * | cron | the run's minute in Europe/London | `2026-03-29T07:00` |
 */
import { financialQuarterOf } from '../timescale';
import { boardMeetingRunDates, checkInstant, type RecurrenceOptions } from './next-runs';
import { Recurrence, RecurrenceError, parseRecurrence } from './recurrence';
import { SCHEDULE_TIME_ZONE, wallClockAt } from './zoned-time';

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * The key of the period containing `runInstant` (read in Europe/London). For `after_board_meeting` it is
 * the latest meeting whose run day is on or before the instant's day, so `options.boardMeetings` is needed.
 */
export function periodKey(recurrence: Recurrence, runInstant: Date, options: RecurrenceOptions = {}): string {
  const r = parseRecurrence(recurrence);
  const wall = wallClockAt(checkInstant(runInstant, 'runInstant'), SCHEDULE_TIME_ZONE);
  switch (r.kind) {
    case 'monthly_on_day':
    case 'first_working_day':
    case 'last_working_day':
    case 'twice_yearly':
      return wall.date.slice(0, 7);
    case 'quarterly': {
      const q = financialQuarterOf(wall.date);
      return `${q.fy}-Q${q.quarter}`;
    }
    case 'after_board_meeting': {
      const runs = boardMeetingRunDates(options.boardMeetings, r.workingDaysAfter ?? 1).filter((run) => run.runDate <= wall.date);
      if (runs.length === 0) throw new RecurrenceError('runInstant', `runInstant (${wall.date}) is before the run of any board meeting given`);
      // Sorted by meeting, and a later meeting never runs earlier: the last one is the latest meeting.
      return runs[runs.length - 1].meeting;
    }
    case 'cron':
      return `${wall.date}T${pad(wall.hour)}:${pad(wall.minute)}`;
  }
}
