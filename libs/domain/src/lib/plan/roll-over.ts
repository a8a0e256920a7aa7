import type { WorkItemStatus } from '../rag/rag';
import { addDays, daysBetween, lastDayOfMonth, parseIsoDate, type IsoDate } from '../timescale/dates';
import { financialYearStartOf, formatFinancialYear } from '../timescale/financial-year';

/**
 * The year-end roll-over: from an approved plan, the next period's plan starts as a draft with the open items carried
 * forward. These rules are shared by the API (what it does), the web (what the wizard proposes) and the tests.
 */

export interface Period {
  start: IsoDate;
  end: IsoDate;
}

/** Whether an item carries forward unless the manager says otherwise: everything not complete (deferred work too). */
export function carriesForwardByDefault(status: WorkItemStatus): boolean {
  return status !== 'complete';
}

/**
 * The period after `period`, as long as it: a period of whole months (1 April 2024 – 31 March 2025) is followed by as
 * many whole months (1 April 2025 – 31 March 2026; two years stay two years); any other by as many days.
 */
export function nextPeriod(period: Period): Period {
  const start = addDays(period.end, 1);
  const from = parseIsoDate(period.start);
  const to = parseIsoDate(period.end);
  const next = parseIsoDate(start);
  if (from && to && next && from.day === 1 && next.day === 1) {
    const months = (to.year - from.year) * 12 + (to.month - from.month) + 1;
    const endMonthIndex = next.year * 12 + (next.month - 1) + months - 1;
    const year = Math.floor(endMonthIndex / 12);
    const month = (endMonthIndex % 12) + 1;
    return { start, end: lastDayOfMonth(year, month) };
  }
  return { start, end: addDays(start, daysBetween(period.start, period.end)) };
}

/**
 * The next plan's title: every year in the title moves on by the years between the two periods' starts
 * ("Work plan 2024/25" → "Work plan 2025/26", "2023–25" → "2025–27"); a title without a year gains the new period's
 * financial year ("Work plan" → "Work plan 2025/26").
 */
export function rollOverTitle(title: string, from: Period, to: Period): string {
  const shift = Number(to.start.slice(0, 4)) - Number(from.start.slice(0, 4));
  const years = /\b(20\d\d)(?:([/–—-])(\d\d(?:\d\d)?))?\b/g;
  if (!years.test(title)) return `${title} ${formatFinancialYear(financialYearStartOf(to.start))}`;
  return title.replace(years, (_match, first: string, sep: string | undefined, second: string | undefined) => {
    const moved = String(Number(first) + shift);
    if (!sep || !second) return moved;
    let secondYear = second.length === 2 ? Number(first.slice(0, 2) + second) : Number(second);
    if (secondYear < Number(first)) secondYear += 100;
    const movedSecond = String(secondYear + shift);
    return `${moved}${sep}${second.length === 2 ? movedSecond.slice(2) : movedSecond}`;
  });
}

/** Two periods share a day. */
export function periodsOverlap(a: Period, b: Period): boolean {
  return a.start <= b.end && b.start <= a.end;
}

/** Whether a carried item's target lies before the new period: it then needs a new one (flagged for the manager). */
export function targetBeforePeriod(dueOn: IsoDate | null, period: Period): boolean {
  return dueOn !== null && dueOn < period.start;
}

export const ROLL_OVER_FLAG = 'Carried forward with a target before this plan’s period: set a new target';
