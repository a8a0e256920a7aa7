import { addDays, type IsoDate } from '../timescale/dates';
import type { WorkItemStatus } from '../rag/rag';

/**
 * Nudges to leads: what a round asks each lead to update. Pure rules, shared by the worker (who is nudged about
 * what) and the web app (the words on the page).
 */

/** Without a board meeting to go by, an item "needs an update" when it has had none in this many days. */
export const NUDGE_STALE_DAYS = 28;

/** Statuses that need no more updates: finished or put off. */
const SETTLED: ReadonlySet<WorkItemStatus> = new Set(['complete', 'deferred']);

/**
 * The day an item's last update must be on or after, for a round sent on `sendDay`: the last board meeting before
 * that day (the update the board has not yet seen), else {@link NUDGE_STALE_DAYS} days before it.
 */
export function nudgeCutoff(sendDay: IsoDate, meetingDates: readonly IsoDate[]): IsoDate {
  const before = meetingDates.filter((d) => d < sendDay).sort();
  return before.length ? before[before.length - 1] : addDays(sendDay, -NUDGE_STALE_DAYS);
}

/** An item of the current approved plan needs an update when it is still open and has had none since the cutoff. */
export function itemNeedsUpdate(item: { status: WorkItemStatus; statusOn: IsoDate | null }, cutoff: IsoDate): boolean {
  if (SETTLED.has(item.status)) return false;
  return item.statusOn === null || item.statusOn < cutoff;
}

/**
 * An open risk needs a review when its next review is due by the round's horizon (the board meeting the round is for,
 * else the day it is sent), or it has no review date at all.
 */
export function riskNeedsReview(risk: { status: 'open' | 'closed'; nextReviewDue: IsoDate | null }, horizon: IsoDate): boolean {
  if (risk.status !== 'open') return false;
  return risk.nextReviewDue === null || risk.nextReviewDue <= horizon;
}

/** "2 items and 1 risk", "1 item", "3 risks". */
export function nudgeListSummary(items: number, risks: number): string {
  const part = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  const parts = [items ? part(items, 'item') : '', risks ? part(risks, 'risk') : ''].filter(Boolean);
  return parts.join(' and ') || 'nothing';
}
