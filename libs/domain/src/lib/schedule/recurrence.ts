/**
 * When a scheduled report is sent: a discriminated union on `kind`, every time of day in Europe/London.
 *
 * Plain TypeScript types with a hand-written validator (`parseRecurrence`): this lib does not use zod.
 * The wire schema belongs in `libs/contracts` and should call `parseRecurrence` (or mirror it).
 */
import { CronError, parseCron } from './cron';

export type MonthNumber = 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 | 10 | 11 | 12;

/** `HH:MM`, 24-hour, in Europe/London, e.g. `07:00`. */
export type TimeOfDay = string;

/**
 * Which day of a month: its first or last working day, or a day number 1–31 (a day past the month's
 * end means its last day: 31 is 30 April, 28 or 29 February).
 */
export type DayInMonth = 'first_working_day' | 'last_working_day' | number;

/** Every month on a day number 1–31 (past the month's end: its last day), working day or not. */
export interface MonthlyOnDayRecurrence {
  kind: 'monthly_on_day';
  day: number;
  time: TimeOfDay;
}

/** The first working day of the chosen months; every month when `months` is left out. */
export interface FirstWorkingDayRecurrence {
  kind: 'first_working_day';
  months?: MonthNumber[];
  time: TimeOfDay;
}

/** The last working day of the chosen months; every month when `months` is left out. */
export interface LastWorkingDayRecurrence {
  kind: 'last_working_day';
  months?: MonthNumber[];
  time: TimeOfDay;
}

/**
 * Once per NHS financial quarter (Q1 Apr–Jun, Q2 Jul–Sep, Q3 Oct–Dec, Q4 Jan–Mar), on a day of the
 * quarter's first month, or of its second or third with `monthOfQuarter`.
 */
export interface QuarterlyRecurrence {
  kind: 'quarterly';
  on: DayInMonth;
  monthOfQuarter?: 1 | 2 | 3;
  time: TimeOfDay;
}

/** In two chosen months of every year. */
export interface TwiceYearlyRecurrence {
  kind: 'twice_yearly';
  months: [MonthNumber, MonthNumber];
  on: DayInMonth;
  time: TimeOfDay;
}

/**
 * After each board meeting (the dates are given to `nextRuns`): `workingDaysAfter` working days after the
 * meeting's day (1, the next working day, unless told; 0 is the meeting's own day).
 */
export interface AfterBoardMeetingRecurrence {
  kind: 'after_board_meeting';
  workingDaysAfter?: number;
  time: TimeOfDay;
}

/** A five-field cron expression read in Europe/London wall-clock time. */
export interface CronRecurrence {
  kind: 'cron';
  expression: string;
}

export type Recurrence =
  | MonthlyOnDayRecurrence
  | FirstWorkingDayRecurrence
  | LastWorkingDayRecurrence
  | QuarterlyRecurrence
  | TwiceYearlyRecurrence
  | AfterBoardMeetingRecurrence
  | CronRecurrence;

export type RecurrenceKind = Recurrence['kind'];

export const RECURRENCE_KINDS: readonly RecurrenceKind[] = [
  'monthly_on_day',
  'first_working_day',
  'last_working_day',
  'quarterly',
  'twice_yearly',
  'after_board_meeting',
  'cron',
];

/** The most working days an after-board schedule may wait. */
export const MAX_WORKING_DAYS_AFTER_MEETING = 60;

/** Thrown for a recurrence (or an argument about one) that is not valid; `field` names the field at fault. */
export class RecurrenceError extends RangeError {
  override readonly name = 'RecurrenceError';
  readonly code = 'RECURRENCE_INVALID';
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

function show(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (typeof value === 'number') return String(value);
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

function isWholeIn(value: unknown, min: number, max: number): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max;
}

/** `'07:30'` → `{ hour: 7, minute: 30 }`; throws a `RecurrenceError` on `time` for anything but `HH:MM` 00:00–23:59. */
export function parseTimeOfDay(time: unknown, field = 'time'): { hour: number; minute: number } {
  const m = typeof time === 'string' ? TIME.exec(time) : null;
  if (!m) throw new RecurrenceError(field, `${field} must be HH:MM, 24-hour, from 00:00 to 23:59 (got ${show(time)})`);
  return { hour: Number(m[1]), minute: Number(m[2]) };
}

function checkDay(value: unknown, field: string): number {
  if (!isWholeIn(value, 1, 31)) throw new RecurrenceError(field, `${field} must be a whole number from 1 to 31 (got ${show(value)})`);
  return value;
}

function checkDayInMonth(value: unknown, field: string): DayInMonth {
  if (value === 'first_working_day' || value === 'last_working_day') return value;
  if (typeof value === 'number') return checkDay(value, field);
  throw new RecurrenceError(field, `${field} must be "first_working_day", "last_working_day" or a day from 1 to 31 (got ${show(value)})`);
}

function checkMonths(value: unknown, field: string, exactly?: number): MonthNumber[] {
  if (!Array.isArray(value)) throw new RecurrenceError(field, `${field} must be a list of month numbers 1–12 (got ${show(value)})`);
  if (exactly !== undefined && value.length !== exactly) {
    throw new RecurrenceError(field, `${field} must name exactly ${exactly} different months (got ${value.length})`);
  }
  if (value.length === 0) throw new RecurrenceError(field, `${field} must name at least one month, or be left out for every month`);
  value.forEach((month, i) => {
    if (!isWholeIn(month, 1, 12))
      throw new RecurrenceError(`${field}[${i}]`, `${field}[${i}] must be a month number from 1 to 12 (got ${show(month)})`);
  });
  if (new Set(value).size !== value.length) throw new RecurrenceError(field, `${field} must not name a month twice (got ${show(value)})`);
  return [...(value as MonthNumber[])].sort((a, b) => a - b);
}

function checkKeys(input: Record<string, unknown>, allowed: readonly string[]): void {
  for (const key of Object.keys(input)) {
    if (!allowed.includes(key)) throw new RecurrenceError(key, `${key} is not a field of a ${String(input['kind'])} recurrence`);
  }
}

function checkTime(input: Record<string, unknown>): TimeOfDay {
  parseTimeOfDay(input['time']);
  return input['time'] as TimeOfDay;
}

/**
 * Checks an untrusted value and returns it as a `Recurrence`, normalised (months in calendar order, the
 * cron expression with single spaces). Throws a `RecurrenceError` whose `field` and message name what is
 * wrong, e.g. `time must be HH:MM…`, `day must be a whole number from 1 to 31…`, `months[1] must be a
 * month number from 1 to 12…`, `expression: cron minute field: 60 is out of range (0–59)`.
 */
export function parseRecurrence(input: unknown): Recurrence {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw new RecurrenceError('recurrence', `recurrence must be an object with a kind (got ${show(input)})`);
  }
  const r = input as Record<string, unknown>;
  switch (r['kind']) {
    case 'monthly_on_day':
      checkKeys(r, ['kind', 'day', 'time']);
      return { kind: 'monthly_on_day', day: checkDay(r['day'], 'day'), time: checkTime(r) };
    case 'first_working_day':
    case 'last_working_day': {
      checkKeys(r, ['kind', 'months', 'time']);
      const time = checkTime(r);
      return r['months'] === undefined ? { kind: r['kind'], time } : { kind: r['kind'], months: checkMonths(r['months'], 'months'), time };
    }
    case 'quarterly': {
      checkKeys(r, ['kind', 'on', 'monthOfQuarter', 'time']);
      const on = checkDayInMonth(r['on'], 'on');
      const monthOfQuarter = r['monthOfQuarter'];
      if (monthOfQuarter !== undefined && monthOfQuarter !== 1 && monthOfQuarter !== 2 && monthOfQuarter !== 3) {
        throw new RecurrenceError('monthOfQuarter', `monthOfQuarter must be 1, 2 or 3 (got ${show(monthOfQuarter)})`);
      }
      const time = checkTime(r);
      return monthOfQuarter === undefined ? { kind: 'quarterly', on, time } : { kind: 'quarterly', on, monthOfQuarter, time };
    }
    case 'twice_yearly': {
      checkKeys(r, ['kind', 'months', 'on', 'time']);
      const months = checkMonths(r['months'], 'months', 2) as [MonthNumber, MonthNumber];
      return { kind: 'twice_yearly', months, on: checkDayInMonth(r['on'], 'on'), time: checkTime(r) };
    }
    case 'after_board_meeting': {
      checkKeys(r, ['kind', 'workingDaysAfter', 'time']);
      const after = r['workingDaysAfter'];
      if (after !== undefined && !isWholeIn(after, 0, MAX_WORKING_DAYS_AFTER_MEETING)) {
        throw new RecurrenceError(
          'workingDaysAfter',
          `workingDaysAfter must be a whole number from 0 to ${MAX_WORKING_DAYS_AFTER_MEETING} (got ${show(after)})`,
        );
      }
      const time = checkTime(r);
      return after === undefined ? { kind: 'after_board_meeting', time } : { kind: 'after_board_meeting', workingDaysAfter: after, time };
    }
    case 'cron': {
      checkKeys(r, ['kind', 'expression']);
      if (typeof r['expression'] !== 'string')
        throw new RecurrenceError('expression', `expression must be a cron expression string (got ${show(r['expression'])})`);
      try {
        return { kind: 'cron', expression: parseCron(r['expression']).expression };
      } catch (error) {
        if (error instanceof CronError) throw new RecurrenceError('expression', `expression: ${error.message}`);
        throw error;
      }
    }
    default:
      throw new RecurrenceError('kind', `kind must be one of ${RECURRENCE_KINDS.join(', ')} (got ${show(r['kind'])})`);
  }
}
