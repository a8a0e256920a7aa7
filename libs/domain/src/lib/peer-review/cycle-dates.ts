import { addDays, daysBetween, formatFinancialYear, quarterRange, type FinancialQuarterNumber, type IsoDate } from '../timescale';
import { isSubmissionOpen, type SubmissionState } from './vocabulary';

/** A cycle runs for whole NHS financial years: at least one, at most this many. */
export const REVIEW_CYCLE_MAX_YEARS = 5;
/** Reminders before a due date, by default: 14 days and 3 days before (each cycle may choose its own). */
export const DEFAULT_REMINDER_DAYS: readonly number[] = [14, 3];
export const REMINDER_DAYS_MAX = 60;
export const REMINDERS_MAX = 4;

/** `'2024/25'` → 2024; null for anything else (`'2024/26'`, `'2024-25'`, `'24/25'`). */
export function parseFinancialYearLabel(label: string): number | null {
  const m = /^(\d{4})\/(\d{2})$/.exec(label);
  if (!m) return null;
  const start = Number(m[1]);
  if (start < 1990 || start > 2099) return null;
  return formatFinancialYear(start) === label ? start : null;
}

/** The start years of a cycle's financial years, first to last: `cycleYears(2024, 2025)` → `[2024, 2025]`. */
export function cycleYears(firstStartYear: number, lastStartYear: number): number[] {
  const years: number[] = [];
  for (let y = firstStartYear; y <= lastStartYear; y++) years.push(y);
  return years;
}

/** The first and last day of a cycle: 1 April of its first year to 31 March after its last. */
export function cycleRange(firstStartYear: number, lastStartYear: number): { start: IsoDate; end: IsoDate } {
  return { start: quarterRange(firstStartYear, 1).start, end: quarterRange(lastStartYear, 4).end };
}

/** An activity's default due date: the last day of its quarter (seed 002: "by the end of Q1 (30 June)"). */
export function quarterDueDate(fyStartYear: number, quarter: FinancialQuarterNumber): IsoDate {
  return quarterRange(fyStartYear, quarter).end;
}

/** Whether a day lies within a cycle's financial years. */
export function isWithinCycle(date: IsoDate, firstStartYear: number, lastStartYear: number): boolean {
  const { start, end } = cycleRange(firstStartYear, lastStartYear);
  return date >= start && date <= end;
}

/** An open submission (awaited, or more information asked for) whose due date has passed (UK days: due today is not overdue). */
export function isSubmissionOverdue(state: SubmissionState, dueDate: IsoDate, today: IsoDate): boolean {
  return isSubmissionOpen(state) && today > dueDate;
}

/** A chaser's step: `before-14d` (14 days before the due date) or `overdue`. */
export type ChaserStep = `before-${number}d` | 'overdue';

/**
 * The notice that the network asked for more information about a submission, after its version N was uploaded:
 * `information-v2`. One per version (a request follows an upload), so it is sent once however often it is tried.
 */
export type InformationRequestStep = `information-v${number}`;
/** What the organisation's contributors are emailed about a submission: a chaser, or a request for more information. */
export type SubmissionNoticeStep = ChaserStep | InformationRequestStep;

export function informationRequestStep(version: number): InformationRequestStep {
  return `information-v${Math.max(1, Math.trunc(version))}`;
}

/** "Reminder 14 days before", "Overdue reminder", "More information asked for" (version 2). */
export function noticeStepLabel(step: string): string {
  if (step === 'overdue') return 'Overdue reminder';
  const before = /^before-(\d+)d$/.exec(step);
  if (before) return `Reminder ${before[1]} day${before[1] === '1' ? '' : 's'} before`;
  const information = /^information-v(\d+)$/.exec(step);
  if (information) return `More information asked for (version ${information[1]})`;
  return step;
}

/**
 * The chaser due for an open submission today (Europe/London days), or null: past the due date, `overdue`; on or
 * after `dueDate − N` days for a reminder N, `before-Nd` for the smallest such N (the most urgent reached). Only the
 * latest step reached is due: a submission added 2 days before its date is reminded once (before-3d), not also for
 * the 14-day step it never had. Each step is sent once (the caller records it).
 */
export function dueChaserStep(dueDate: IsoDate, today: IsoDate, reminderDays: readonly number[] = DEFAULT_REMINDER_DAYS): ChaserStep | null {
  if (today > dueDate) return 'overdue';
  const left = daysBetween(today, dueDate);
  const reached = reminderDays.filter((n) => left <= n);
  if (!reached.length) return null;
  return `before-${Math.min(...reached)}d`;
}

/** Reminder days as a cycle keeps them: whole days, each once, largest first. */
export function normaliseReminderDays(days: readonly number[]): number[] {
  return [...new Set(days)].sort((a, b) => b - a);
}

/** Whole days from `today` to `dueDate` (negative once past). */
export function daysUntilDue(dueDate: IsoDate, today: IsoDate): number {
  return daysBetween(today, dueDate);
}

/** The day a reminder N days before `dueDate` falls on. */
export function reminderDate(dueDate: IsoDate, days: number): IsoDate {
  return addDays(dueDate, -days);
}
