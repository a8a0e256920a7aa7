import { assessRag, type Rag, type WorkItemStatus } from '../rag/rag';

/**
 * A work item at the end of a year, from its dated progress updates: the status of the latest update on or before the
 * day (not started without one), its colour that day (past its target and not complete is at least Amber, as on every
 * other page), and where it stands in the annual report's delivery table.
 */
export interface DatedStatus {
  onDate: string;
  status: WorkItemStatus;
  /** When it was written: orders two updates of one day. */
  createdAt?: Date | string;
}

export type YearEndStanding = 'completed_in_year' | 'completed_before' | 'on_track' | 'at_risk' | 'slipped' | 'not_started' | 'deferred';

export const YEAR_END_STANDING_LABELS: Readonly<Record<YearEndStanding, string>> = {
  completed_in_year: 'Completed in the year',
  completed_before: 'Completed before the year',
  on_track: 'On track',
  at_risk: 'At risk or off track',
  slipped: 'Slipped or overdue',
  not_started: 'Not started',
  deferred: 'Deferred',
};

const time = (v: Date | string | undefined) => (v === undefined ? 0 : new Date(v).getTime());

/** The latest update on or before `date`, or null. */
export function updateAsAt<U extends DatedStatus>(updates: readonly U[], date: string): U | null {
  let best: U | null = null;
  for (const u of updates) {
    if (u.onDate > date) continue;
    if (!best || u.onDate > best.onDate || (u.onDate === best.onDate && time(u.createdAt) >= time(best.createdAt))) best = u;
  }
  return best;
}

export interface YearEnd {
  status: WorkItemStatus;
  rag: Rag;
  standing: YearEndStanding;
  /** Past its (current) target at year end and not complete, or its target moved later than the original. */
  slipped: boolean;
}

/**
 * Where an item stood at the end of a year (`year.end`): complete in the year (its completing update dated in it) or
 * before; slipped (past target and not finished, or target moved later); otherwise by its status.
 */
export function yearEndOf(
  item: { dueOn: string | null; originalDueOn: string | null; updates: readonly DatedStatus[] },
  year: { start: string; end: string },
): YearEnd {
  const latest = updateAsAt(item.updates, year.end);
  const status: WorkItemStatus = latest?.status ?? 'not_started';
  const assessed = assessRag(status, item.dueOn, year.end);
  const moved = item.originalDueOn !== null && item.dueOn !== null && item.dueOn > item.originalDueOn;
  let standing: YearEndStanding;
  if (status === 'complete') standing = latest && latest.onDate >= year.start ? 'completed_in_year' : 'completed_before';
  else if (status === 'deferred') standing = 'deferred';
  else if (assessed.slipped || moved) standing = 'slipped';
  else if (status === 'not_started') standing = 'not_started';
  else if (status === 'on_track') standing = 'on_track';
  else standing = 'at_risk';
  return { status, rag: assessed.rag, standing, slipped: standing === 'slipped' };
}
