import type { SubmissionCountsDto } from '@plexus/contracts';
import {
  REVIEW_ACTIVITY_KIND_LABELS,
  REVIEW_CYCLE_STATUS_LABELS,
  SUBMISSION_STATE_LABELS,
  type ReviewActivityKind,
  type ReviewCycleStatus,
  type SubmissionState,
} from '@plexus/domain';

const DAY = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
const SHORT_DAY = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' });

/** `2025-06-30` → "30 June 2025" (a calendar day: no time zone moves it). */
export function formatDay(day: string | null | undefined): string {
  if (!day) return '';
  const time = Date.parse(`${day}T00:00:00Z`);
  return Number.isNaN(time) ? day : DAY.format(new Date(time));
}

/** `2025-06-30` → "30 Jun". */
export function formatShortDay(day: string): string {
  const time = Date.parse(`${day}T00:00:00Z`);
  return Number.isNaN(time) ? day : SHORT_DAY.format(new Date(time));
}

/** NHS tag colours by state: what the organisation owes stands out. */
export function submissionStateTag(state: SubmissionState, overdue = false): { text: string; tagClass: string } {
  if (overdue) return { text: `${SUBMISSION_STATE_LABELS[state]} – overdue`, tagClass: 'nhsuk-tag--red' };
  switch (state) {
    case 'accepted':
      return { text: SUBMISSION_STATE_LABELS.accepted, tagClass: 'nhsuk-tag--green' };
    case 'submitted':
      return { text: SUBMISSION_STATE_LABELS.submitted, tagClass: 'nhsuk-tag--blue' };
    case 'more_information_requested':
      return { text: SUBMISSION_STATE_LABELS.more_information_requested, tagClass: 'nhsuk-tag--orange' };
    default:
      return { text: SUBMISSION_STATE_LABELS.awaited, tagClass: 'nhsuk-tag--grey' };
  }
}

export function cycleStatusTag(status: ReviewCycleStatus): { text: string; tagClass: string } {
  return {
    text: REVIEW_CYCLE_STATUS_LABELS[status],
    tagClass: status === 'active' ? 'nhsuk-tag--green' : status === 'draft' ? 'nhsuk-tag--yellow' : 'nhsuk-tag--grey',
  };
}

export function activityKindLabel(kind: ReviewActivityKind): string {
  return REVIEW_ACTIVITY_KIND_LABELS[kind];
}

/** "Due today", "Due in 3 days", "Due tomorrow", "1 day overdue", "12 days overdue". */
export function dueText(daysUntilDue: number): string {
  if (daysUntilDue === 0) return 'Due today';
  if (daysUntilDue === 1) return 'Due tomorrow';
  if (daysUntilDue > 1) return `Due in ${daysUntilDue} days`;
  const late = -daysUntilDue;
  return `${late} day${late === 1 ? '' : 's'} overdue`;
}

/** "4 of 12 accepted, 3 submitted, 2 more information requested, 3 awaited (2 overdue)"; "No submissions" when there are none. */
export function countsSummary(c: SubmissionCountsDto): string {
  if (!c.total) return 'No submissions';
  const parts = [`${c.accepted} of ${c.total} accepted`];
  if (c.submitted) parts.push(`${c.submitted} submitted`);
  if (c.moreInformationRequested) parts.push(`${c.moreInformationRequested} more information requested`);
  if (c.awaited) parts.push(`${c.awaited} awaited`);
  return `${parts.join(', ')}${c.overdue ? ` (${c.overdue} overdue)` : ''}`;
}

/** "1.2 MB", "340 KB", "800 bytes". */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} bytes`;
}
