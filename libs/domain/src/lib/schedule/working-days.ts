/**
 * Working days in England & Wales: Monday to Friday, except bank holidays.
 */
import { IsoDate, addDays, daysInMonth, isIsoDate, isoWeekday, toIsoDate } from '../timescale';
import { isBankHoliday } from './bank-holidays';

function assertMonth(year: number, month: number): void {
  if (!Number.isInteger(month) || month < 1 || month > 12) throw new RangeError(`month must be a whole number from 1 to 12 (got ${month})`);
  if (!Number.isInteger(year)) throw new RangeError(`year must be a whole number (got ${year})`);
}

/** Saturday or Sunday. */
export function isWeekend(date: IsoDate): boolean {
  return isoWeekday(date) >= 6;
}

/** A weekday that is not an England & Wales bank holiday. */
export function isWorkingDay(date: IsoDate): boolean {
  return !isWeekend(date) && !isBankHoliday(date);
}

/** The first working day on or after `date`. */
export function workingDayOnOrAfter(date: IsoDate): IsoDate {
  while (!isWorkingDay(date)) date = addDays(date, 1);
  return date;
}

/** The last working day on or before `date`. */
export function workingDayOnOrBefore(date: IsoDate): IsoDate {
  while (!isWorkingDay(date)) date = addDays(date, -1);
  return date;
}

/** `firstWorkingDay(2024, 4)` → `'2024-04-02'` (1 April 2024 was Easter Monday). */
export function firstWorkingDay(year: number, month: number): IsoDate {
  assertMonth(year, month);
  return workingDayOnOrAfter(toIsoDate(year, month, 1));
}

/** `lastWorkingDay(2026, 5)` → `'2026-05-29'` (Friday; Monday 25 May is the spring bank holiday, 30–31 May a weekend). */
export function lastWorkingDay(year: number, month: number): IsoDate {
  assertMonth(year, month);
  return workingDayOnOrBefore(toIsoDate(year, month, daysInMonth(year, month)));
}

/**
 * The day `days` working days after `date` (before it, when negative). Each step moves to the next
 * (previous) working day, so from a Saturday one working day later is the Monday, or the Tuesday after a
 * bank holiday Monday. `days` = 0 returns `date` itself, working day or not.
 */
export function addWorkingDays(date: IsoDate, days: number): IsoDate {
  if (!isIsoDate(date)) throw new RangeError(`Expected date as YYYY-MM-DD, got ${JSON.stringify(date)}`);
  if (!Number.isInteger(days)) throw new RangeError(`days must be a whole number (got ${days})`);
  const step = days < 0 ? -1 : 1;
  for (let left = Math.abs(days); left > 0; left--) {
    do date = addDays(date, step);
    while (!isWorkingDay(date));
  }
  return date;
}
