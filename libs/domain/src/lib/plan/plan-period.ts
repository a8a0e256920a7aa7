/**
 * What a work plan's period may be: it starts before it ends, both ends fall in the years 2000 to 2100, and it
 * lasts at most five years (a strategy period is one to five years; anything longer is a typing slip such as
 * 2205 for 2025). Used by the request schemas, by the API when an update moves one end, and to keep plans with
 * an absurd period (older rows) from ever being the default plan of a report.
 */
export const PLAN_PERIOD_LIMITS = { firstYear: 2000, lastYear: 2100, maxYears: 5 } as const;

export interface PlanPeriodProblem {
  field: 'periodStart' | 'periodEnd';
  message: string;
}

const yearOf = (iso: string) => Number(iso.slice(0, 4));

/** The latest day a period starting on `start` may end: five years on, less a day. */
export function latestPlanPeriodEnd(start: string): string {
  const d = new Date(`${start}T00:00:00Z`);
  d.setUTCFullYear(d.getUTCFullYear() + PLAN_PERIOD_LIMITS.maxYears);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

/** The first thing wrong with a period (ISO dates, already each valid), or null when it is sensible. */
export function planPeriodProblem(start: string, end: string): PlanPeriodProblem | null {
  const { firstYear, lastYear, maxYears } = PLAN_PERIOD_LIMITS;
  const range = `between ${firstYear} and ${lastYear}`;
  if (yearOf(start) < firstYear || yearOf(start) > lastYear)
    return { field: 'periodStart', message: `The start of the period must be in a year ${range}` };
  if (yearOf(end) < firstYear || yearOf(end) > lastYear) return { field: 'periodEnd', message: `The end of the period must be in a year ${range}` };
  if (end <= start) return { field: 'periodEnd', message: 'The end of the period must be after its start' };
  if (end > latestPlanPeriodEnd(start)) return { field: 'periodEnd', message: `A plan's period can be at most ${maxYears} years long` };
  return null;
}
