import { addDays, type IsoDate } from '../timescale/dates';
import type { WorkItemStatus } from '../rag/rag';
import { noun, plural as pluralOf } from '../words/plural';

/** A work item due within this many days (and not finished) is "due soon" on the home page. */
export const DUE_SOON_DAYS = 14;
/** With no board meeting since, an open item with no progress update in this many weeks needs one. */
export const PROGRESS_UPDATE_WEEKS = 6;
/** Reports ready (or failed) within this many days are shown on the home page. */
export const RECENT_REPORT_DAYS = 14;

/** "1 work item", "3 work items", "no work items": a count in words with the right plural. */
export function countOf(count: number, singular: string, plural = `${singular}s`): string {
  return count === 0 ? `no ${plural}` : pluralOf(count, singular, plural);
}

/** "is" or "are", to agree with a count. */
export function isAre(count: number): 'is' | 'are' {
  return noun(count, 'is', 'are') as 'is' | 'are';
}

const finished = (status: WorkItemStatus) => status === 'complete' || status === 'deferred';

/** When an open work item falls due: overdue (its target passed), due soon (within `DUE_SOON_DAYS`), or neither. */
export function dueState(status: WorkItemStatus, dueOn: IsoDate | null, today: IsoDate, soonDays = DUE_SOON_DAYS): 'overdue' | 'due_soon' | null {
  if (finished(status) || !dueOn) return null;
  if (dueOn < today) return 'overdue';
  return dueOn <= addDays(today, soonDays) ? 'due_soon' : null;
}

/**
 * The day from which an open item's progress update counts as fresh: the later of the last board meeting held (on or
 * before today) and `weeks` weeks ago — an item needs an update when it has none since the board, or none in that time.
 */
export function progressFreshFrom(
  lastBoard: IsoDate | null,
  today: IsoDate,
  weeks = PROGRESS_UPDATE_WEEKS,
): { from: IsoDate; since: 'board' | 'weeks' } {
  const weeksAgo = addDays(today, -7 * weeks);
  return lastBoard && lastBoard > weeksAgo ? { from: lastBoard, since: 'board' } : { from: weeksAgo, since: 'weeks' };
}

/** Whether an open item needs a progress update: its latest is before `freshFrom` (or it has none). */
export function needsProgressUpdate(status: WorkItemStatus, latestOn: IsoDate | null, freshFrom: IsoDate): boolean {
  if (finished(status)) return false;
  return latestOn === null || latestOn < freshFrom;
}
