import { financialYearStartOf, formatFinancialYear } from '@plexus/domain';

/** The financial years a report can be started for: this one and the five before it, newest first (`2025/26`…). */
export function recentFinancialYears(today: string, count = 6): string[] {
  const start = financialYearStartOf(today);
  return Array.from({ length: count }, (_, i) => formatFinancialYear(start - i));
}

/** The year an annual report is usually written for: the last one that has ended. */
export function lastCompleteFinancialYear(today: string): string {
  return formatFinancialYear(financialYearStartOf(today) - 1);
}
