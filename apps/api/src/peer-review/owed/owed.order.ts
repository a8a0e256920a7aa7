import type { PeerReviewOwedItemDto, PeerReviewOwedKind } from '@plexus/contracts';

const KIND_ORDER: Record<PeerReviewOwedKind, number> = { submission: 0, self_assessment: 1, action: 2 };

/**
 * Soonest due first (so the overdue come first of all), those with no due date last; on one day documents, then
 * self-assessments, then actions; then by organisation and title.
 */
export function byDueDate(a: PeerReviewOwedItemDto, b: PeerReviewOwedItemDto): number {
  if (a.dueDate !== b.dueDate) {
    if (a.dueDate === null) return 1;
    if (b.dueDate === null) return -1;
    return a.dueDate < b.dueDate ? -1 : 1;
  }
  return (
    KIND_ORDER[a.kind] - KIND_ORDER[b.kind] ||
    a.organisation.name.localeCompare(b.organisation.name) ||
    a.title.localeCompare(b.title) ||
    (a.id ?? '').localeCompare(b.id ?? '')
  );
}
