/**
 * The words of a peer review programme (issue 9): a cycle of quarterly activities over NHS financial years, and the
 * documents each member organisation submits for them.
 */

/** A cycle is prepared (draft), runs (active: submissions open, chasers sent) and ends (closed). */
export const REVIEW_CYCLE_STATUSES = ['draft', 'active', 'closed'] as const;
export type ReviewCycleStatus = (typeof REVIEW_CYCLE_STATUSES)[number];
export const REVIEW_CYCLE_STATUS_LABELS: Record<ReviewCycleStatus, string> = { draft: 'Draft', active: 'Active', closed: 'Closed' };

/** What an activity of the programme is. */
export const REVIEW_ACTIVITY_KINDS = ['submission', 'self_assessment', 'review_meeting', 'report', 'action_plan_update'] as const;
export type ReviewActivityKind = (typeof REVIEW_ACTIVITY_KINDS)[number];
export const REVIEW_ACTIVITY_KIND_LABELS: Record<ReviewActivityKind, string> = {
  submission: 'Submission',
  self_assessment: 'Self-assessment',
  review_meeting: 'Review meeting',
  report: 'Report',
  action_plan_update: 'Action plan update',
};

/** A required document of one organisation moves awaited → submitted → accepted, or back to the organisation with a reason. */
export const SUBMISSION_STATES = ['awaited', 'submitted', 'accepted', 'more_information_requested'] as const;
export type SubmissionState = (typeof SUBMISSION_STATES)[number];
export const SUBMISSION_STATE_LABELS: Record<SubmissionState, string> = {
  awaited: 'Awaited',
  submitted: 'Submitted',
  accepted: 'Accepted',
  more_information_requested: 'More information requested',
};

/** States in which the organisation owes something: it is chased, and can be overdue. */
export function isSubmissionOpen(state: SubmissionState): boolean {
  return state === 'awaited' || state === 'more_information_requested';
}

/** States from which the organisation may upload (a new version while the network has not yet accepted it). */
export function canUploadInState(state: SubmissionState): boolean {
  return state !== 'accepted';
}

/** The kinds of file a submission takes, sniffed from their bytes. */
export const SUBMISSION_FILE_KINDS = ['pdf', 'docx', 'xlsx', 'doc', 'xls'] as const;
export type SubmissionFileKind = (typeof SUBMISSION_FILE_KINDS)[number];
export const SUBMISSION_FILE_KIND_LABELS: Record<SubmissionFileKind, string> = {
  pdf: 'PDF',
  docx: 'Word',
  xlsx: 'Excel',
  doc: 'Word 97–2003',
  xls: 'Excel 97–2003',
};
