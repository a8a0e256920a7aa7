/**
 * Five-field cron expressions — minute, hour, day of month, month, day of week — read and matched against
 * wall-clock time. Each field takes `*`, a number, a range `a-b`, a step `*\/n`, `a-b/n` or `a/n`
 * (from a to the field's end), and comma-separated lists of those. Months take JAN–DEC and days of the
 * week SUN–SAT too; day of week 0 and 7 are both Sunday.
 *
 * As in Vixie cron and its descendants, when both day of month and day of week are restricted (neither
 * starts with `*`), a day matches if either matches: `0 7 1 * 1` is "the 1st of each month, and every
 * Monday".
 */
import { IsoDate, isoWeekday, parseIsoDate } from '../timescale';

export type CronFieldName = 'minute' | 'hour' | 'day-of-month' | 'month' | 'day-of-week';

export const CRON_FIELDS: readonly CronFieldName[] = ['minute', 'hour', 'day-of-month', 'month', 'day-of-week'];

export interface CronSchedule {
  /** The expression with single spaces between fields. */
  expression: string;
  minutes: readonly number[];
  hours: readonly number[];
  daysOfMonth: readonly number[];
  months: readonly number[];
  /** 0 = Sunday … 6 = Saturday (7 is read as 0). */
  daysOfWeek: readonly number[];
  dayOfMonthRestricted: boolean;
  dayOfWeekRestricted: boolean;
}

/** Thrown for an expression that cannot be read; `field` names the cron field at fault, or `expression` for its shape. */
export class CronError extends RangeError {
  override readonly name = 'CronError';
  constructor(
    readonly field: CronFieldName | 'expression',
    message: string,
  ) {
    super(message);
  }
}

interface FieldSpec {
  name: CronFieldName;
  min: number;
  max: number;
  names?: readonly string[];
  /** Added to a name's index to give its number. */
  nameBase?: number;
}

const SPECS: readonly FieldSpec[] = [
  { name: 'minute', min: 0, max: 59 },
  { name: 'hour', min: 0, max: 23 },
  { name: 'day-of-month', min: 1, max: 31 },
  { name: 'month', min: 1, max: 12, names: ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'], nameBase: 1 },
  { name: 'day-of-week', min: 0, max: 7, names: ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'], nameBase: 0 },
];

/** Longest month lengths, February counted as 29. */
const MAX_DAYS = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function readValue(text: string, spec: FieldSpec, part: string): number {
  let value: number;
  if (/^\d+$/.test(text)) value = Number(text);
  else {
    const index = spec.names?.indexOf(text.toUpperCase()) ?? -1;
    if (index < 0) throw new CronError(spec.name, `cron ${spec.name} field: ${JSON.stringify(part)} is not understood`);
    value = index + (spec.nameBase ?? 0);
  }
  if (value < spec.min || value > spec.max) {
    throw new CronError(spec.name, `cron ${spec.name} field: ${value} is out of range (${spec.min}–${spec.max})`);
  }
  return value;
}

function readField(text: string, spec: FieldSpec): number[] {
  const values = new Set<number>();
  for (const part of text.split(',')) {
    if (part === '') throw new CronError(spec.name, `cron ${spec.name} field: empty list item in ${JSON.stringify(text)}`);
    const m = /^([^/]+)(?:\/(.*))?$/.exec(part);
    if (!m) throw new CronError(spec.name, `cron ${spec.name} field: ${JSON.stringify(part)} is not understood`);
    const [, range, stepText] = m;
    let step = 1;
    if (stepText !== undefined) {
      if (!/^\d+$/.test(stepText) || Number(stepText) < 1) {
        throw new CronError(spec.name, `cron ${spec.name} field: the step in ${JSON.stringify(part)} must be a whole number of at least 1`);
      }
      step = Number(stepText);
    }
    let start: number;
    let end: number;
    if (range === '*') [start, end] = [spec.min, spec.max];
    else if (range.includes('-')) {
      const bounds = range.split('-');
      if (bounds.length !== 2) throw new CronError(spec.name, `cron ${spec.name} field: ${JSON.stringify(part)} is not understood`);
      [start, end] = [readValue(bounds[0], spec, part), readValue(bounds[1], spec, part)];
      if (start > end) throw new CronError(spec.name, `cron ${spec.name} field: the range ${JSON.stringify(range)} runs backwards`);
    } else {
      start = readValue(range, spec, part);
      end = stepText === undefined ? start : spec.max;
    }
    for (let v = start; v <= end; v += step) values.add(spec.name === 'day-of-week' && v === 7 ? 0 : v);
  }
  return [...values].sort((a, b) => a - b);
}

/** Reads a five-field cron expression; throws a `CronError` naming the field at fault. */
export function parseCron(expression: string): CronSchedule {
  if (typeof expression !== 'string') throw new CronError('expression', 'cron expression must be a string');
  const fields = expression.trim().split(/\s+/).filter(Boolean);
  if (fields.length !== 5) {
    throw new CronError(
      'expression',
      `cron expression must have 5 fields (minute hour day-of-month month day-of-week), got ${fields.length}: ${JSON.stringify(expression)}`,
    );
  }
  const [minutes, hours, daysOfMonth, months, daysOfWeek] = fields.map((text, i) => readField(text, SPECS[i]));
  const schedule: CronSchedule = {
    expression: fields.join(' '),
    minutes,
    hours,
    daysOfMonth,
    months,
    daysOfWeek,
    dayOfMonthRestricted: !fields[2].startsWith('*'),
    dayOfWeekRestricted: !fields[4].startsWith('*'),
  };
  if (!schedule.dayOfWeekRestricted && !months.some((month) => daysOfMonth.some((day) => day <= MAX_DAYS[month - 1]))) {
    throw new CronError('day-of-month', `cron day-of-month field: ${fields[2]} never occurs in month(s) ${fields[3]}, so it would never run`);
  }
  return schedule;
}

/** Whether a calendar day is one the schedule runs on (month, day of month, day of week). */
export function cronMatchesDay(cron: CronSchedule, date: IsoDate): boolean {
  const ymd = parseIsoDate(date);
  if (!ymd) throw new RangeError(`Expected date as YYYY-MM-DD, got ${JSON.stringify(date)}`);
  if (!cron.months.includes(ymd.month)) return false;
  const domMatch = cron.daysOfMonth.includes(ymd.day);
  const dowMatch = cron.daysOfWeek.includes(isoWeekday(date) % 7);
  if (cron.dayOfMonthRestricted && cron.dayOfWeekRestricted) return domMatch || dowMatch;
  return domMatch && dowMatch;
}

/** Whether the schedule runs at a wall-clock minute. */
export function cronMatches(cron: CronSchedule, date: IsoDate, hour: number, minute: number): boolean {
  return cron.hours.includes(hour) && cron.minutes.includes(minute) && cronMatchesDay(cron, date);
}
