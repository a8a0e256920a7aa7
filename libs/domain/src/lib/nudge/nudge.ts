import type { IsoDate } from '../timescale/dates';
import type { WorkItemStatus } from '../rag/rag';
import { needsProgressUpdate, progressFreshFrom } from '../attention/attention';
import { plural } from '../words/plural';

/**
 * Nudges to leads: what a round asks each lead to update. Pure rules, shared by the worker (who is nudged about
 * what) and the web app (the words on the page).
 */

/**
 * The day an item's last update must be on or after, for a round sent on `sendDay`: the same rule as the home page
 * ({@link progressFreshFrom}) — the later of the last board meeting before that day and `PROGRESS_UPDATE_WEEKS` weeks
 * before it — so a nudge and the home page always agree on what needs an update.
 */
export function nudgeCutoff(sendDay: IsoDate, meetingDates: readonly IsoDate[]): IsoDate {
  const before = meetingDates.filter((d) => d < sendDay).sort();
  return progressFreshFrom(before.length ? before[before.length - 1] : null, sendDay).from;
}

/** An item of the current approved plan needs an update when it is still open and has had none since the cutoff. */
export function itemNeedsUpdate(item: { status: WorkItemStatus; statusOn: IsoDate | null }, cutoff: IsoDate): boolean {
  return needsProgressUpdate(item.status, item.statusOn, cutoff);
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
  const parts = [items ? plural(items, 'item') : '', risks ? plural(risks, 'risk') : ''].filter(Boolean);
  return parts.join(' and ') || 'nothing';
}
