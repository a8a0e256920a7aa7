/**
 * England & Wales bank holidays, as data: the rules that give the usual eight holidays of any year, and a
 * table of the changes made by royal proclamation (a holiday moved, an extra one added). A new
 * proclamation is one line in `BANK_HOLIDAY_PROCLAMATIONS`.
 *
 * The rules (Banking and Financial Dealings Act 1971 and the proclamations that follow it each year):
 * New Year's Day, Good Friday, Easter Monday, the early May bank holiday (first Monday of May, since
 * 1978), the spring bank holiday (last Monday of May), the summer bank holiday (last Monday of August),
 * Christmas Day and Boxing Day. A holiday that falls at a weekend is replaced by the next weekday(s) not
 * already a holiday ("substitute day"), titled as GOV.UK titles them.
 */
import { IsoDate, addDays, daysInMonth, isoWeekday, parseIsoDate, toIsoDate } from '../timescale';

/** The usual holidays, one per rule. */
export type BankHolidayRule = 'new_year' | 'good_friday' | 'easter_monday' | 'early_may' | 'spring' | 'summer' | 'christmas' | 'boxing_day';

export interface BankHoliday {
  date: IsoDate;
  /** As GOV.UK titles it, e.g. `Early May bank holiday`. */
  title: string;
  /** The rule it comes from; absent for an extra holiday. */
  rule?: BankHolidayRule;
  /** As GOV.UK notes it: `Substitute day`, `Extra bank holiday`, `Moved by proclamation`; absent for the usual day. */
  note?: string;
}

/** A change made by proclamation: a usual holiday moved to another day that year, or an extra holiday. */
export type BankHolidayProclamation =
  { change: 'moved'; rule: BankHolidayRule; year: number; to: IsoDate; title?: string } | { change: 'extra'; date: IsoDate; title: string };

/** The first year these rules describe (the early May bank holiday was first held in 1978). */
export const BANK_HOLIDAYS_FIRST_YEAR = 1978;
export const BANK_HOLIDAYS_LAST_YEAR = 9999;

/** Every change by proclamation since 1978, oldest first. */
export const BANK_HOLIDAY_PROCLAMATIONS: readonly BankHolidayProclamation[] = [
  { change: 'extra', date: '1981-07-29', title: 'Royal wedding (Prince Charles and Lady Diana Spencer)' },
  { change: 'moved', rule: 'early_may', year: 1995, to: '1995-05-08', title: 'Early May bank holiday (VE day)' },
  { change: 'extra', date: '1999-12-31', title: 'Millennium celebrations' },
  { change: 'extra', date: '2002-06-03', title: 'Queen’s Golden Jubilee' },
  { change: 'moved', rule: 'spring', year: 2002, to: '2002-06-04' },
  { change: 'extra', date: '2011-04-29', title: 'Royal wedding (Prince William and Catherine Middleton)' },
  { change: 'moved', rule: 'spring', year: 2012, to: '2012-06-04' },
  { change: 'extra', date: '2012-06-05', title: 'Queen’s Diamond Jubilee' },
  { change: 'moved', rule: 'early_may', year: 2020, to: '2020-05-08', title: 'Early May bank holiday (VE day)' },
  { change: 'moved', rule: 'spring', year: 2022, to: '2022-06-02' },
  { change: 'extra', date: '2022-06-03', title: 'Platinum Jubilee bank holiday' },
  { change: 'extra', date: '2022-09-19', title: 'Bank Holiday for the State Funeral of Queen Elizabeth II' },
  { change: 'extra', date: '2023-05-08', title: 'Bank holiday for the coronation of King Charles III' },
];

const TITLES: Readonly<Record<BankHolidayRule, string>> = {
  new_year: 'New Year’s Day',
  good_friday: 'Good Friday',
  easter_monday: 'Easter Monday',
  early_may: 'Early May bank holiday',
  spring: 'Spring bank holiday',
  summer: 'Summer bank holiday',
  christmas: 'Christmas Day',
  boxing_day: 'Boxing Day',
};

function assertYear(year: number): void {
  if (!Number.isInteger(year) || year < BANK_HOLIDAYS_FIRST_YEAR || year > BANK_HOLIDAYS_LAST_YEAR) {
    throw new RangeError(`Bank holidays are known for the years ${BANK_HOLIDAYS_FIRST_YEAR}–${BANK_HOLIDAYS_LAST_YEAR}, not ${year}`);
  }
}

/** Easter Sunday in the Gregorian calendar (the anonymous Gregorian algorithm, "Meeus/Jones/Butcher"). */
export function easterSunday(year: number): IsoDate {
  if (!Number.isInteger(year) || year < 1583 || year > 9999) throw new RangeError(`Easter is computed for Gregorian years 1583–9999, not ${year}`);
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return toIsoDate(year, month, day);
}

function firstMonday(year: number, month: number): IsoDate {
  const first = toIsoDate(year, month, 1);
  return addDays(first, (8 - isoWeekday(first)) % 7);
}

function lastMonday(year: number, month: number): IsoDate {
  const last = toIsoDate(year, month, daysInMonth(year, month));
  return addDays(last, -((isoWeekday(last) + 6) % 7));
}

/** The usual holidays of a year by rule, with weekend substitutes, before any proclamation. */
function usualHolidays(year: number): BankHoliday[] {
  const easter = easterSunday(year);
  const days: BankHoliday[] = [];
  const add = (rule: BankHolidayRule, date: IsoDate, substitute = false) =>
    days.push({ date, title: TITLES[rule], rule, ...(substitute ? { note: 'Substitute day' } : {}) });

  const newYear = toIsoDate(year, 1, 1);
  const newYearWeekday = isoWeekday(newYear);
  if (newYearWeekday === 6) add('new_year', addDays(newYear, 2), true);
  else if (newYearWeekday === 7) add('new_year', addDays(newYear, 1), true);
  else add('new_year', newYear);

  add('good_friday', addDays(easter, -2));
  add('easter_monday', addDays(easter, 1));
  add('early_may', firstMonday(year, 5));
  add('spring', lastMonday(year, 5));
  add('summer', lastMonday(year, 8));

  const christmas = toIsoDate(year, 12, 25);
  switch (isoWeekday(christmas)) {
    case 5: // Friday: Boxing Day is a Saturday, moved to Monday 28th.
      add('christmas', christmas);
      add('boxing_day', toIsoDate(year, 12, 28), true);
      break;
    case 6: // Saturday: both move, to Monday 27th and Tuesday 28th.
      add('christmas', toIsoDate(year, 12, 27), true);
      add('boxing_day', toIsoDate(year, 12, 28), true);
      break;
    case 7: // Sunday: Boxing Day stays on Monday 26th, Christmas moves to Tuesday 27th.
      add('boxing_day', toIsoDate(year, 12, 26));
      add('christmas', toIsoDate(year, 12, 27), true);
      break;
    default:
      add('christmas', christmas);
      add('boxing_day', toIsoDate(year, 12, 26));
  }
  return days;
}

const byYear = new Map<number, readonly BankHoliday[]>();

/** The bank holidays of one year in England & Wales, in date order (rules plus proclamations). */
export function bankHolidaysOf(year: number): readonly BankHoliday[] {
  assertYear(year);
  const known = byYear.get(year);
  if (known) return known;
  const days = usualHolidays(year);
  for (const p of BANK_HOLIDAY_PROCLAMATIONS) {
    if (p.change === 'moved' && p.year === year) {
      const holiday = days.find((d) => d.rule === p.rule);
      if (holiday) Object.assign(holiday, { date: p.to, title: p.title ?? holiday.title, note: 'Moved by proclamation' });
    } else if (p.change === 'extra' && p.date.startsWith(`${year}-`)) {
      days.push({ date: p.date, title: p.title, note: 'Extra bank holiday' });
    }
  }
  days.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const frozen = Object.freeze(days.map((d) => Object.freeze(d)));
  byYear.set(year, frozen);
  return frozen;
}

/** The bank holiday on a day, or undefined. Throws a RangeError for a malformed date or a year outside the known range. */
export function bankHolidayOn(date: IsoDate): BankHoliday | undefined {
  const ymd = parseIsoDate(date);
  if (!ymd) throw new RangeError(`Expected a date as YYYY-MM-DD, got ${JSON.stringify(date)}`);
  return bankHolidaysOf(ymd.year).find((d) => d.date === date);
}

export function isBankHoliday(date: IsoDate): boolean {
  return bankHolidayOn(date) !== undefined;
}
