import type { AssessmentScaleDto, ComplianceDto, SelfAssessmentAnswerDto, SelfAssessmentSummaryDto } from '@plexus/contracts';
import {
  ASSESSMENT_SCALES,
  answeredText,
  complianceSummary,
  type AssessmentAnswer,
  type AssessmentScaleId,
  type ComplianceSummary,
} from '@plexus/domain';
import {
  applicableSections,
  type AssessmentFrame,
  type MemberOrganisation,
  type ReviewActivity,
  type ReviewCycle,
  type SelfAssessment,
  type SelfAssessmentAnswer,
  type StandardCriterion,
} from '@plexus/server';
import { personRefOf } from '../peer-review-scope';

/** The frame and its applicable criteria now live with the standard sets' repository (the worker's documents read them too). */
export { applicableSections, type AssessmentFrame };

export function toComplianceDto(c: ComplianceSummary): ComplianceDto {
  return {
    met: c.met,
    partiallyMet: c.partiallyMet,
    notMet: c.notMet,
    notApplicable: c.notApplicable,
    unanswered: c.unanswered,
    applicable: c.applicable,
    percent: c.percent,
    text: c.text,
  };
}

/** Compliance over these criteria with these answers (by criterion id); unanswered ones count against it. */
export function complianceOf(scale: AssessmentScaleId, criteria: StandardCriterion[], answers: Map<string, SelfAssessmentAnswer>): ComplianceSummary {
  return complianceSummary(
    scale,
    criteria.map((c) => answers.get(c.id)?.rating ?? null),
  );
}

export function toScaleDto(scale: AssessmentScaleId): AssessmentScaleDto {
  const s = ASSESSMENT_SCALES[scale];
  return {
    id: s.id,
    label: s.label,
    answers: s.answers.map((a) => ({ value: a.value, label: a.label, letter: a.letter, meaning: a.meaning })),
  };
}

export const versionRefOf = (frame: AssessmentFrame | null) =>
  frame
    ? {
        id: frame.version.id,
        setId: frame.set.id,
        code: frame.set.code,
        name: frame.set.name,
        version: frame.version.version,
        national: frame.set.networkId === null,
      }
    : null;

export function toAnswerDto(a: SelfAssessmentAnswer, names: Map<string, string>): SelfAssessmentAnswerDto {
  return {
    rating: a.rating as AssessmentAnswer | null,
    evidence: a.evidence,
    gaps: a.gaps,
    comments: a.comments,
    carriedForward: a.carriedForward,
    answeredBy: personRefOf(a.answeredBy, names),
    answeredAt: a.answeredAt?.toISOString() ?? null,
  };
}

/** One organisation's self-assessment for an activity (or, not started, `assessment` null), with its progress and compliance. */
export function toSelfAssessmentSummaryDto(input: {
  cycle: ReviewCycle;
  activity: ReviewActivity;
  organisation: MemberOrganisation;
  assessment: SelfAssessment | null;
  frame: AssessmentFrame | null;
  answers: SelfAssessmentAnswer[];
  names: Map<string, string>;
  today: string;
}): SelfAssessmentSummaryDto {
  const { cycle, activity, organisation, assessment, frame } = input;
  const criteria = frame ? applicableSections(frame, organisation.type).flatMap((s) => s.criteria) : [];
  const byCriterion = new Map(input.answers.map((a) => [a.criterionId, a]));
  const applicable = criteria;
  const answered = applicable.filter((c) => byCriterion.get(c.id)?.rating).length;
  const carried = applicable.filter((c) => byCriterion.get(c.id)?.carriedForward).length;
  const compliance = complianceSummary(
    frame?.scale ?? 'met',
    applicable.map((c) => byCriterion.get(c.id)?.rating ?? null),
  );
  const state = assessment ? assessment.state : 'not_started';
  return {
    id: assessment?.id ?? null,
    cycle: { id: cycle.id, name: cycle.name, status: cycle.status },
    activity: { id: activity.id, title: activity.title, fy: activity.fy, quarter: activity.quarter, dueDate: activity.dueDate },
    organisation: { id: organisation.id, name: organisation.name, type: organisation.type },
    state,
    standardSetVersion: versionRefOf(frame),
    answered,
    applicable: applicable.length,
    carriedForward: carried,
    progressText: answeredText(answered, applicable.length),
    compliance: toComplianceDto(compliance),
    overdue: state !== 'submitted' && activity.dueDate < input.today,
    submittedAt: assessment?.submittedAt?.toISOString() ?? null,
    submittedBy: personRefOf(assessment?.submittedBy ?? null, input.names),
    updatedAt: assessment?.updatedAt.toISOString() ?? null,
  };
}
