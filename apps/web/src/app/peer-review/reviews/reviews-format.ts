import { FINDING_CLASSIFICATION_LABELS, REVIEW_REPORT_STATE_LABELS, type FindingClassification, type ReviewReportState } from '@plexus/domain';

/** A finding's class as an NHS tag, in words (never colour alone): immediate risk red … good practice green. */
export function findingClassTag(classification: FindingClassification): { text: string; tagClass: string } {
  const tagClass: Record<FindingClassification, string> = {
    immediate_risk: 'nhsuk-tag--red',
    serious_concern: 'nhsuk-tag--orange',
    concern: 'nhsuk-tag--yellow',
    good_practice: 'nhsuk-tag--green',
  };
  return { text: FINDING_CLASSIFICATION_LABELS[classification], tagClass: tagClass[classification] };
}

/** A review report's state as an NHS tag. */
export function reviewStateTag(state: ReviewReportState): { text: string; tagClass: string } {
  const tagClass: Record<ReviewReportState, string> = { draft: 'nhsuk-tag--grey', agreed: 'nhsuk-tag--blue', issued: 'nhsuk-tag--green' };
  return { text: REVIEW_REPORT_STATE_LABELS[state], tagClass: tagClass[state] };
}

/** `2 immediate risks, 1 concern, 3 good practice` (classes with none left out), or `No findings yet`. */
export function findingCountsText(counts: Record<FindingClassification, number>): string {
  const parts = (Object.keys(FINDING_CLASSIFICATION_LABELS) as FindingClassification[])
    .filter((c) => counts[c] > 0)
    .map((c) => {
      const label = FINDING_CLASSIFICATION_LABELS[c].toLowerCase();
      return `${counts[c]} ${c === 'good_practice' || counts[c] === 1 ? label : `${label}s`}`;
    });
  return parts.length ? parts.join(', ') : 'No findings yet';
}
