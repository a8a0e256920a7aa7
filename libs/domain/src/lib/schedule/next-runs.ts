/**
 * The next send times of a recurrence, as UTC instants, correct across the clock changes: a 07:00
 * schedule runs once on the last Sunday of March (06:00Z, BST) and once on the last Sunday of October
 * (07:00Z, GMT). A wall time that does not exist that day (01:30 when clocks go forward) runs at the
 * first instant after it (the jump, 01:00Z, shown as 02:00 BST); one that happens twice (01:30 when
 * clocks go back) runs once, the first time.
 */
import { IsoDate, addDays, daysInMonth, isIsoDate, toIsoDate } from '../timescale';
import { cronMatchesDay, parseCron } from './cron';
import { DayInMonth, MonthNumber, Recurrence, RecurrenceError, parseRecurrence, parseTimeOfDay } from './recurrence';
import { addWorkingDays, firstWorkingDay, lastWorkingDay } from './working-days';
import { SCHEDULE_TIME_ZONE, instantAtWallTime, wallClockAt } from './zoned-time';

export interface RecurrenceOptions {
  /** The board's meeting days, needed by `after_board_meeting` (any order; repeats ignored). */
  boardMeetings?: readonly IsoDate[];
}

/** The most runs one call gives. */
export const MAX_NEXT_RUNS = 1000;

const ALL_MONTHS: readonly MonthNumber[] = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];
/** The NHS financial quarters start in April, July, October and January. */
const QUARTER_FIRST_MONTHS: readonly number[] = [1, 4, 7, 10];
/** A valid cron expression runs at least once in any 8 years (29 February skips 2100). */
const CRON_HORIZON_DAYS = 8 * 366 + 7;

/** The day a `DayInMonth` rule gives in a month. */
export function dayInMonthDate(on: DayInMonth, year: number, month: number): IsoDate {
  if (on === 'first_working_day') return firstWorkingDay(year, month);
  if (on === 'last_working_day') return lastWorkingDay(year, month);
  return toIsoDate(year, month, Math.min(on, daysInMonth(year, month)));
}

/** The days each meeting's run falls on, checked, without repeats, in order. */
export function boardMeetingRunDates(meetings: readonly IsoDate[] | undefined, workingDaysAfter: number): { meeting: IsoDate; runDate: IsoDate }[] {
  if (meetings === undefined) throw new RecurrenceError('boardMeetings', 'boardMeetings are needed for an after_board_meeting recurrence');
  if (!Array.isArray(meetings)) throw new RecurrenceError('boardMeetings', 'boardMeetings must be a list of dates as YYYY-MM-DD');
  meetings.forEach((date, i) => {
    if (!isIsoDate(date)) {
      throw new RecurrenceError(`boardMeetings[${i}]`, `boardMeetings[${i}] must be a date as YYYY-MM-DD (got ${JSON.stringify(date)})`);
    }
  });
  return [...new Set(meetings)].sort().map((meeting) => ({ meeting, runDate: addWorkingDays(meeting, workingDaysAfter) }));
}

export function checkInstant(value: unknown, field: string): Date {
  if (!(value instanceof Date) || Number.isNaN(value.getTime())) throw new RecurrenceError(field, `${field} must be a valid Date`);
  return value;
}

function monthsOf(r: Exclude<Recurrence, { kind: 'cron' | 'after_board_meeting' }>): readonly number[] {
  switch (r.kind) {
    case 'monthly_on_day':
      return ALL_MONTHS;
    case 'first_working_day':
    case 'last_working_day':
      return r.months ?? ALL_MONTHS;
    case 'quarterly':
      return QUARTER_FIRST_MONTHS.map((m) => m + (r.monthOfQuarter ?? 1) - 1);
    case 'twice_yearly':
      return r.months;
  }
}

function dayRuleOf(r: Exclude<Recurrence, { kind: 'cron' | 'after_board_meeting' }>): DayInMonth {
  switch (r.kind) {
    case 'monthly_on_day':
      return r.day;
    case 'first_working_day':
    case 'last_working_day':
      return r.kind;
    case 'quarterly':
    case 'twice_yearly':
      return r.on;
  }
}

/**
 * The next `count` instants strictly after `fromInstant` at which the recurrence runs, earliest first.
 * For `after_board_meeting` there may be fewer: one per meeting given in `options.boardMeetings`.
 * Throws a `RecurrenceError` naming the field for an invalid recurrence, instant, count or meeting date.
 */
export function nextRuns(recurrence: Recurrence, fromInstant: Date, count: number, options: RecurrenceOptions = {}): Date[] {
  const r = parseRecurrence(recurrence);
  const from = checkInstant(fromInstant, 'fromInstant');
  if (typeof count !== 'number' || !Number.isInteger(count) || count < 0 || count > MAX_NEXT_RUNS) {
    throw new RecurrenceError('count', `count must be a whole number from 0 to ${MAX_NEXT_RUNS} (got ${String(count)})`);
  }
  const runs: Date[] = [];
  if (count === 0) return runs;
  const after = from.getTime();

  if (r.kind === 'after_board_meeting') {
    const { hour, minute } = parseTimeOfDay(r.time);
    let last = after;
    for (const { runDate } of boardMeetingRunDates(options.boardMeetings, r.workingDaysAfter ?? 1)) {
      const at = instantAtWallTime(runDate, hour, minute, SCHEDULE_TIME_ZONE);
      if (at.getTime() > last) {
        runs.push(at);
        last = at.getTime();
        if (runs.length === count) break;
      }
    }
    return runs;
  }

  if (r.kind === 'cron') {
    const cron = parseCron(r.expression);
    let date = wallClockAt(from, SCHEDULE_TIME_ZONE).date;
    let last = after;
    let horizon = addDays(date, CRON_HORIZON_DAYS);
    while (runs.length < count && date <= horizon) {
      const [year, month] = date.split('-').map(Number);
      if (!cron.months.includes(month)) {
        date = month === 12 ? toIsoDate(year + 1, 1, 1) : toIsoDate(year, month + 1, 1);
        continue;
      }
      if (cronMatchesDay(cron, date)) {
        for (const hour of cron.hours) {
          for (const minute of cron.minutes) {
            const at = instantAtWallTime(date, hour, minute, SCHEDULE_TIME_ZONE);
            // Wall times in the spring gap all map to the jump; the repeated hour in autumn maps to its first pass.
            if (at.getTime() > last && runs.length < count) {
              runs.push(at);
              last = at.getTime();
              horizon = addDays(date, CRON_HORIZON_DAYS);
            }
          }
        }
      }
      date = addDays(date, 1);
    }
    return runs;
  }

  const { hour, minute } = parseTimeOfDay(r.time);
  const months = monthsOf(r);
  const on = dayRuleOf(r);
  let [year, month] = wallClockAt(from, SCHEDULE_TIME_ZONE).date.split('-').map(Number);
  // Every kind here runs at least once a year, so this bound is never the reason to stop early.
  for (let guard = 0; runs.length < count && guard < 12 * (count + 2); guard++) {
    if (months.includes(month)) {
      const at = instantAtWallTime(dayInMonthDate(on, year, month), hour, minute, SCHEDULE_TIME_ZONE);
      if (at.getTime() > after) runs.push(at);
    }
    [year, month] = month === 12 ? [year + 1, 1] : [year, month + 1];
  }
  return runs;
}
