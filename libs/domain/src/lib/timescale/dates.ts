/**
 * Calendar-day arithmetic on ISO dates (`YYYY-MM-DD`), free of time zones: every calculation works on
 * whole days through `Date.UTC`, so the same input gives the same answer in Node and in any browser.
 */

/** A calendar day written `YYYY-MM-DD`. */
export type IsoDate = string;

export interface Ymd {
  year: number;
  month: number; // 1–12
  day: number; // 1–31
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

export const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

export function isValidYmd(year: number, month: number, day: number): boolean {
  return (
    Number.isInteger(year) &&
    Number.isInteger(month) &&
    Number.isInteger(day) &&
    year >= 1 &&
    year <= 9999 &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth(year, month)
  );
}

/** `toIsoDate(2024, 2, 29)` → `'2024-02-29'`. Throws a RangeError for a day that does not exist. */
export function toIsoDate(year: number, month: number, day: number): IsoDate {
  if (!isValidYmd(year, month, day)) throw new RangeError(`Not a calendar day: ${year}-${month}-${day}`);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Reads `YYYY-MM-DD`; null for anything else, including days that do not exist (`2023-02-29`). */
export function parseIsoDate(value: string): Ymd | null {
  const m = ISO_DATE.exec(value);
  if (!m) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return isValidYmd(year, month, day) ? { year, month, day } : null;
}

export function isIsoDate(value: unknown): value is IsoDate {
  return typeof value === 'string' && parseIsoDate(value) !== null;
}

function requireIso(value: string, name = 'date'): Ymd {
  const ymd = parseIsoDate(value);
  if (!ymd) throw new RangeError(`Expected ${name} as YYYY-MM-DD, got ${JSON.stringify(value)}`);
  return ymd;
}

function dayNumber(value: IsoDate, name?: string): number {
  const { year, month, day } = requireIso(value, name);
  return Date.UTC(year, month - 1, day) / MS_PER_DAY;
}

/** The last day of a month: `lastDayOfMonth(2024, 2)` → `'2024-02-29'`. */
export function lastDayOfMonth(year: number, month: number): IsoDate {
  return toIsoDate(year, month, daysInMonth(year, month));
}

/** Adds (or with a negative number, subtracts) whole days. */
export function addDays(date: IsoDate, days: number): IsoDate {
  const d = new Date((dayNumber(date) + days) * MS_PER_DAY);
  return toIsoDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

/** The day of the week, ISO numbering: 1 = Monday … 7 = Sunday. `isoWeekday('2026-03-29')` → 7. */
export function isoWeekday(date: IsoDate): 1 | 2 | 3 | 4 | 5 | 6 | 7 {
  const weekday = new Date(dayNumber(date) * MS_PER_DAY).getUTCDay(); // 0 = Sunday
  return (weekday === 0 ? 7 : weekday) as 1 | 2 | 3 | 4 | 5 | 6 | 7;
}

/** Whole days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return dayNumber(to, 'to') - dayNumber(from, 'from');
}

/** ISO dates sort as strings; this validates both and returns -1, 0 or 1. */
export function compareIsoDates(a: IsoDate, b: IsoDate): -1 | 0 | 1 {
  requireIso(a);
  requireIso(b);
  return a < b ? -1 : a > b ? 1 : 0;
}

const dayFormats = new Map<string, Intl.DateTimeFormat>();

/**
 * The calendar day an instant falls on in a time zone (Europe/London unless told otherwise), using
 * `Intl`, which Node and browsers both provide. One formatter per zone, made once: making one costs more than using it.
 */
export function isoDateInZone(instant: Date, timeZone = 'Europe/London'): IsoDate {
  if (Number.isNaN(instant.getTime())) throw new RangeError('Invalid Date');
  let format = dayFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-GB', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    dayFormats.set(timeZone, format);
  }
  const parts = format.formatToParts(instant);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return toIsoDate(get('year'), get('month'), get('day'));
}

/** Today in Europe/London (or another zone). */
export function todayIso(timeZone = 'Europe/London', now: Date = new Date()): IsoDate {
  return isoDateInZone(now, timeZone);
}

/** `'2020-12-31'` → `'31 December 2020'`. */
export function formatIsoDateLong(date: IsoDate): string {
  const { year, month, day } = requireIso(date);
  return `${day} ${MONTH_NAMES[month - 1]} ${year}`;
}
