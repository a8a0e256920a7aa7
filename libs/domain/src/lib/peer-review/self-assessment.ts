import { answerInfo, isAnswerOf, type AssessmentAnswer, type AssessmentScaleId } from '../standards/assessment-scales';

/**
 * A member organisation's self-assessment against a standard set (issue 9, item 4): one per self-assessment activity
 * of a cycle and organisation in its scope. It is written as a draft (saved as often as wanted) and submitted once
 * every applicable criterion is rated and every answer carried forward from the previous cycle is confirmed; the
 * network's managers may reopen it to draft.
 */
export const SELF_ASSESSMENT_STATES = ['not_started', 'draft', 'submitted'] as const;
export type SelfAssessmentState = (typeof SELF_ASSESSMENT_STATES)[number];
export const SELF_ASSESSMENT_STATE_LABELS: Record<SelfAssessmentState, string> = {
  not_started: 'Not started',
  draft: 'In progress',
  submitted: 'Submitted',
};

/** The answer being checked before a self-assessment is submitted. */
export interface SelfAssessmentAnswerCheck {
  criterionNumber: string;
  rating: AssessmentAnswer | null;
  carriedForward: boolean;
}

/** What stops a submission: the numbers of the criteria not rated yet and of the carried-forward answers not confirmed. */
export function submissionBlockers(answers: readonly SelfAssessmentAnswerCheck[]): { unrated: string[]; unconfirmed: string[] } {
  return {
    unrated: answers.filter((a) => a.rating === null).map((a) => a.criterionNumber),
    unconfirmed: answers.filter((a) => a.rating !== null && a.carriedForward).map((a) => a.criterionNumber),
  };
}

/** `34 of 52 answered` */
export function answeredText(answered: number, total: number): string {
  return `${answered} of ${total} answered`;
}

/** The rating carried into a new self-assessment: kept when the set's scale still takes it, else dropped (null). */
export function carriedRating(scale: AssessmentScaleId, rating: string | null): AssessmentAnswer | null {
  return rating !== null && isAnswerOf(scale, rating) ? rating : null;
}

/** `G`, `PM`… for a heat map cell or a compact list; '' for none. */
export function ratingLetter(scale: AssessmentScaleId, rating: AssessmentAnswer | null): string {
  return rating === null ? '' : answerInfo(scale, rating).letter;
}
