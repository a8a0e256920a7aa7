import type { ReviewActivityDto, ReviewCycleQuarterDto } from '@plexus/contracts';

/** One row of the timeline: an activity, with the column (quarter) it sits in and whether it is due or overdue. */
export interface TimelineRow {
  activity: ReviewActivityDto;
  /** Index of its quarter among the cycle's quarters (its column). */
  column: number;
  /** Its due date has passed (`asOf`) and, for a submission, something is still owed. */
  overdue: boolean;
  /** Its due date is today or within the next 30 days. */
  dueSoon: boolean;
}

export interface Timeline {
  quarters: ReviewCycleQuarterDto[];
  /** Financial years over their quarters, for the header's first row. */
  years: Array<{ fy: string; span: number }>;
  rows: TimelineRow[];
  /** The column of today's quarter, or -1 when today is outside the cycle. */
  currentColumn: number;
}

const DAY_MS = 86_400_000;
const daysBetween = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);

/**
 * The cycle timeline's layout: its quarters as columns (grouped by financial year), its activities as rows in plan
 * order, each placed in its quarter's column and marked overdue (a submission activity with documents still owed past
 * its date; any other activity whose date has passed is simply past) or due soon.
 */
export function buildTimeline(quarters: ReviewCycleQuarterDto[], activities: ReviewActivityDto[], asOf: string): Timeline {
  const years: Timeline['years'] = [];
  for (const q of quarters) {
    const last = years.at(-1);
    if (last && last.fy === q.fy) last.span++;
    else years.push({ fy: q.fy, span: 1 });
  }
  const column = (a: ReviewActivityDto) => quarters.findIndex((q) => q.fy === a.fy && q.quarter === a.quarter);
  const rows = activities
    .map((activity) => {
      const owed = activity.submissions ? activity.submissions.awaited + activity.submissions.moreInformationRequested : 0;
      const days = daysBetween(asOf, activity.dueDate);
      return {
        activity,
        column: column(activity),
        overdue: days < 0 && owed > 0,
        dueSoon: days >= 0 && days <= 30,
      };
    })
    .filter((row) => row.column >= 0)
    .sort((a, b) => a.column - b.column || a.activity.dueDate.localeCompare(b.activity.dueDate));
  const currentColumn = quarters.findIndex((q) => q.start <= asOf && asOf <= q.end);
  return { quarters, years, rows, currentColumn };
}
