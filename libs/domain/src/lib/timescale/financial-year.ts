/**
 * NHS financial years run 1 April – 31 March and are written `2023/24`.
 * Quarters: Q1 = Apr–Jun, Q2 = Jul–Sep, Q3 = Oct–Dec, Q4 = Jan–Mar (so Q4 2023/24 ends 31 March 2024).
 */
import { IsoDate, isoDateInZone, lastDayOfMonth, parseIsoDate, toIsoDate } from './dates';

export type FinancialQuarterNumber = 1 | 2 | 3 | 4;

export interface FinancialYear {
  /** `'2023/24'` */
  fy: string;
  /** The calendar year in which it starts (1 April): 2023 for 2023/24. */
  startYear: number;
  start: IsoDate;
  end: IsoDate;
}

export interface FinancialQuarter {
  /** `'2023/24'` */
  fy: string;
  fyStartYear: number;
  quarter: FinancialQuarterNumber;
  start: IsoDate;
  end: IsoDate;
  /** `'Q4 2023/24'` */
  label: string;
}

export interface DateRange {
  start: IsoDate;
  end: IsoDate;
}

function assertYear(startYear: number): void {
  if (!Number.isInteger(startYear) || startYear < 1 || startYear > 9998) {
    throw new RangeError(`Not a financial year start: ${startYear}`);
  }
}

export function isFinancialQuarterNumber(value: unknown): value is FinancialQuarterNumber {
  return value === 1 || value === 2 || value === 3 || value === 4;
}

/** `formatFinancialYear(2023)` → `'2023/24'`. */
export function formatFinancialYear(startYear: number): string {
  assertYear(startYear);
  return `${startYear}/${String((startYear + 1) % 100).padStart(2, '0')}`;
}

/** 1 April `startYear` – 31 March `startYear + 1`. */
export function financialYearRange(startYear: number): DateRange {
  assertYear(startYear);
  return { start: toIsoDate(startYear, 4, 1), end: toIsoDate(startYear + 1, 3, 31) };
}

function toYmd(date: IsoDate | Date): { year: number; month: number; day: number } {
  if (date instanceof Date) date = isoDateInZone(date);
  const ymd = parseIsoDate(date);
  if (!ymd) throw new RangeError(`Expected a date as YYYY-MM-DD, got ${JSON.stringify(date)}`);
  return ymd;
}

/** The calendar year in which the financial year containing `date` started. */
export function financialYearStartOf(date: IsoDate | Date): number {
  const { year, month } = toYmd(date);
  return month >= 4 ? year : year - 1;
}

/**
 * The financial year containing a day. A `Date` is read as the calendar day it falls on in
 * Europe/London.
 */
export function financialYearOf(date: IsoDate | Date): FinancialYear {
  const startYear = financialYearStartOf(date);
  return { fy: formatFinancialYear(startYear), startYear, ...financialYearRange(startYear) };
}

/** `quarterRange(2023, 4)` → `{ start: '2024-01-01', end: '2024-03-31' }`. */
export function quarterRange(fyStartYear: number, quarter: FinancialQuarterNumber): DateRange {
  assertYear(fyStartYear);
  if (!isFinancialQuarterNumber(quarter)) throw new RangeError(`There is no quarter ${quarter}; quarters are 1–4`);
  const firstMonth = (((quarter - 1) * 3 + 3) % 12) + 1; // 4, 7, 10, 1
  const year = quarter === 4 ? fyStartYear + 1 : fyStartYear;
  return { start: toIsoDate(year, firstMonth, 1), end: lastDayOfMonth(year, firstMonth + 2) };
}

/** `formatFinancialQuarter(2023, 4)` or `formatFinancialQuarter({ fyStartYear: 2023, quarter: 4 })` → `'Q4 2023/24'`. */
export function formatFinancialQuarter(fyStartYear: number, quarter: FinancialQuarterNumber): string;
export function formatFinancialQuarter(q: { fyStartYear: number; quarter: FinancialQuarterNumber }): string;
export function formatFinancialQuarter(a: number | { fyStartYear: number; quarter: FinancialQuarterNumber }, b?: FinancialQuarterNumber): string {
  const [fyStartYear, quarter] = typeof a === 'number' ? [a, b] : [a.fyStartYear, a.quarter];
  if (!isFinancialQuarterNumber(quarter)) throw new RangeError(`There is no quarter ${quarter}; quarters are 1–4`);
  return `Q${quarter} ${formatFinancialYear(fyStartYear)}`;
}

export function financialQuarter(fyStartYear: number, quarter: FinancialQuarterNumber): FinancialQuarter {
  return {
    fy: formatFinancialYear(fyStartYear),
    fyStartYear,
    quarter,
    ...quarterRange(fyStartYear, quarter),
    label: formatFinancialQuarter(fyStartYear, quarter),
  };
}

/** The financial quarter containing a day: `'2024-02-10'` → Q4 2023/24 (1 Jan – 31 Mar 2024). */
export function financialQuarterOf(date: IsoDate | Date): FinancialQuarter {
  const { month } = toYmd(date);
  const quarter = (Math.floor(((month + 8) % 12) / 3) + 1) as FinancialQuarterNumber; // Apr→1 … Jan→4
  return financialQuarter(financialYearStartOf(date), quarter);
}
