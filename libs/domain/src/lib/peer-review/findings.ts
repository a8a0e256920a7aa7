/**
 * The words and rules of a peer review's findings, its report and the action plan that follows (issue 9, items 5 and
 * 6). Findings are classified by the trauma peer review convention, immediate risks first; the report is drafted,
 * agreed with the organisation's lead, then issued (and then read-only); each recommendation becomes an action whose
 * progress is recorded exactly as a work item's (status, BRAG and dated updates: see `../rag`).
 */
import { assessRag, type RagAssessment, type WorkItemStatus } from '../rag';
import type { IsoDate } from '../timescale/dates';

/** How a finding is classified, in the order a report lists them: immediate risks first, good practice last. */
export const FINDING_CLASSIFICATIONS = ['immediate_risk', 'serious_concern', 'concern', 'good_practice'] as const;
export type FindingClassification = (typeof FINDING_CLASSIFICATIONS)[number];

export const FINDING_CLASSIFICATION_LABELS: Readonly<Record<FindingClassification, string>> = {
  immediate_risk: 'Immediate risk',
  serious_concern: 'Serious concern',
  concern: 'Concern',
  good_practice: 'Good practice',
};

/** What each class means, in the words of the domain (for hints beside the choice and the report's key). */
export const FINDING_CLASSIFICATION_MEANINGS: Readonly<Record<FindingClassification, string>> = {
  immediate_risk: 'A risk to patients or staff that needs action now; the organisation’s chief executive is told within days',
  serious_concern: 'A significant risk to the quality of care that is not immediate',
  concern: 'An issue that should be addressed',
  good_practice: 'Worth sharing across the network',
};

export function isFindingClassification(value: unknown): value is FindingClassification {
  return typeof value === 'string' && (FINDING_CLASSIFICATIONS as readonly string[]).includes(value);
}

/** Sort key: immediate risk 0 … good practice 3. */
export function findingRank(classification: FindingClassification): number {
  const rank = FINDING_CLASSIFICATIONS.indexOf(classification);
  if (rank < 0) throw new RangeError(`Unknown finding classification: ${String(classification)}`);
  return rank;
}

/** Findings in report order: by class (immediate risks first), then as given (their own position). */
export function orderFindings<T extends { classification: FindingClassification; position: number }>(findings: readonly T[]): T[] {
  return [...findings].sort((a, b) => findingRank(a.classification) - findingRank(b.classification) || a.position - b.position);
}

/** Only an immediate risk goes to the network's risk register from a review. */
export function canRaiseToRiskRegister(classification: FindingClassification): boolean {
  return classification === 'immediate_risk';
}

/** A review report is drafted, agreed with the organisation's lead, then issued. */
export const REVIEW_REPORT_STATES = ['draft', 'agreed', 'issued'] as const;
export type ReviewReportState = (typeof REVIEW_REPORT_STATES)[number];
export const REVIEW_REPORT_STATE_LABELS: Readonly<Record<ReviewReportState, string>> = {
  draft: 'Draft',
  agreed: 'Agreed with the organisation',
  issued: 'Issued',
};

/** What moves a report on (or back): agree (draft → agreed), reopen (agreed → draft), issue (agreed → issued). */
export const REVIEW_REPORT_TRANSITIONS = {
  agree: { from: 'draft', to: 'agreed' },
  reopen: { from: 'agreed', to: 'draft' },
  issue: { from: 'agreed', to: 'issued' },
} as const satisfies Record<string, { from: ReviewReportState; to: ReviewReportState }>;
export type ReviewReportTransition = keyof typeof REVIEW_REPORT_TRANSITIONS;

/** Null when the move is allowed; otherwise why not, in words. */
export function reportTransitionProblem(state: ReviewReportState, transition: ReviewReportTransition): string | null {
  const rule = REVIEW_REPORT_TRANSITIONS[transition];
  if (state === rule.from) return null;
  if (state === 'issued') return 'The report has been issued: it can no longer change';
  if (transition === 'issue') return 'Agree the report with the organisation’s lead before issuing it';
  if (transition === 'agree') return 'The report has already been agreed with the organisation';
  return 'Only an agreed report goes back to draft';
}

/** Findings and recommendations change only while the report is a draft (agreed: reopen it first; issued: never). */
export function isReportEditable(state: ReviewReportState): boolean {
  return state === 'draft';
}

/** Who may see a report: the network's team always; the organisation's contributors once it is issued, theirs only. */
export function contributorMaySeeReport(state: ReviewReportState): boolean {
  return state === 'issued';
}

// ---- the action plan ------------------------------------------------------------------------------------------------

/**
 * An action is open until it is complete: open actions carry forward into the organisation's next cycle (deferred
 * ones too — deferred is not done).
 */
export function isActionOpen(status: WorkItemStatus): boolean {
  return status !== 'complete';
}

/** The colour an action shows today: the work plan's rule (past its due date and not complete is at least Amber). */
export function actionRag(status: WorkItemStatus, dueDate: IsoDate | null, today: IsoDate): RagAssessment {
  return assessRag(status, dueDate, today);
}
