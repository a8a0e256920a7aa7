import { z } from 'zod';

/**
 * Every calendar date the API accepts lies in this range: wide enough for any network's history and plans,
 * narrow enough that a typo (year 0000, 20266) is caught here rather than by the database or a PDF.
 */
export const DATE_MIN = '1990-01-01';
export const DATE_MAX = '2100-12-31';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** True for a real calendar day written YYYY-MM-DD (no 31 February). */
export function isRealDate(value: string): boolean {
  if (!ISO_DATE.test(value)) return false;
  const time = Date.parse(`${value}T00:00:00Z`);
  return !Number.isNaN(time) && new Date(time).toISOString().startsWith(value);
}

export interface DateFieldOptions {
  /** An example day, `YYYY-MM-DD`; the format message shows it in UK order (`like 31/03/2026`), as the web app's date boxes take it. */
  example?: string;
  /** A day that has happened (registered, reviewed, approved): past DATE_MAX it says so; the API checks today. */
  notInFuture?: boolean;
}

/** `2026-03-31` → `31/03/2026`: dates are written in UK order in every message. */
function ukExample(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
}

/**
 * A date field, `YYYY-MM-DD` on the wire (the web app's date boxes take day/month/year and send this): a real day from
 * DATE_MIN to DATE_MAX.
 */
export function isoDate(label: string, options: DateFieldOptions = {}) {
  const range = `The ${label} must be between ${DATE_MIN.slice(0, 4)} and ${DATE_MAX.slice(0, 4)}`;
  return z
    .string({ error: `Enter the ${label}` })
    .regex(ISO_DATE, {
      error: `Enter the ${label} as a date, like ${ukExample(options.example ?? '2026-03-31')} (${options.example ?? '2026-03-31'} through the API)`,
      abort: true,
    })
    .refine(isRealDate, { error: `The ${label} is not a real date`, abort: true })
    .refine((v) => v >= DATE_MIN, { error: range, abort: true })
    .refine((v) => v <= DATE_MAX, { error: options.notInFuture ? `The ${label} cannot be in the future` : range });
}
