import type { ReviewFindingDto, ReviewReportDto, ReviewReportSummaryDto } from '@plexus/contracts';
import {
  canRaiseToRiskRegister,
  FINDING_CLASSIFICATION_LABELS,
  isReportEditable,
  REVIEW_REPORT_STATE_LABELS,
  reportTransitionProblem,
} from '@plexus/domain';
import type { ReviewActivity, ReviewCycle, ReviewFinding, ReviewRecommendation, ReviewReport, StandardCriterion } from '@plexus/server';
import { personRefOf, type PeerReviewCaller } from '../peer-review-scope';
import { criterionRef } from './review-criteria';

export interface ReportContext {
  caller: PeerReviewCaller;
  cycles: Map<string, ReviewCycle>;
  organisations: Map<string, { id: string; name: string }>;
  activities: Map<string, ReviewActivity>;
  names: Map<string, string>;
  counts: Map<string, ReviewReportSummaryDto['counts']>;
  criteria: Map<string, StandardCriterion>;
  recommendations: ReviewRecommendation[];
  actionByRecommendation: Map<string, string>;
  risks: Map<string, { id: string; reference: string; status: string }>;
}

const NO_FINDINGS = { immediate_risk: 0, serious_concern: 0, concern: 0, good_practice: 0 };

export function toReportSummaryDto(r: ReviewReport, ctx: ReportContext): ReviewReportSummaryDto {
  const meeting = r.meetingActivityId ? ctx.activities.get(r.meetingActivityId) : undefined;
  return {
    id: r.id,
    cycle: { id: r.cycleId, name: ctx.cycles.get(r.cycleId)?.name ?? '' },
    organisation: ctx.organisations.get(r.organisationId) ?? { id: r.organisationId, name: '' },
    meeting: meeting ? { id: meeting.id, title: meeting.title, meetingDate: meeting.meetingDate } : null,
    state: r.state,
    stateLabel: REVIEW_REPORT_STATE_LABELS[r.state],
    agreedWith: r.agreedWith,
    agreedAt: r.agreedAt?.toISOString() ?? null,
    agreedBy: personRefOf(r.agreedBy, ctx.names),
    issuedAt: r.issuedAt?.toISOString() ?? null,
    issuedBy: personRefOf(r.issuedBy, ctx.names),
    counts: ctx.counts.get(r.id) ?? { ...NO_FINDINGS },
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  };
}

export function toFindingDto(f: ReviewFinding, report: ReviewReport, ctx: ReportContext): ReviewFindingDto {
  const risk = f.riskId ? (ctx.risks.get(f.riskId) ?? null) : null;
  return {
    id: f.id,
    position: f.position,
    classification: f.classification,
    classificationLabel: FINDING_CLASSIFICATION_LABELS[f.classification],
    criterion: criterionRef(f.criterionId ? ctx.criteria.get(f.criterionId) : undefined),
    theme: f.theme,
    text: f.text,
    recommendations: ctx.recommendations
      .filter((r) => r.findingId === f.id)
      .map((r) => ({ id: r.id, position: r.position, text: r.text, actionId: ctx.actionByRecommendation.get(r.id) ?? null })),
    risk,
    can: {
      edit: ctx.caller.canManage && isReportEditable(report.state),
      raiseRisk: ctx.caller.canManage && canRaiseToRiskRegister(f.classification) && !risk,
    },
  };
}

export function toReportDto(r: ReviewReport, findings: ReviewFinding[], ctx: ReportContext): ReviewReportDto {
  const manage = ctx.caller.canManage;
  return {
    ...toReportSummaryDto(r, ctx),
    summary: r.summary,
    findings: findings.map((f) => toFindingDto(f, r, ctx)),
    can: {
      edit: manage && isReportEditable(r.state),
      agree: manage && !reportTransitionProblem(r.state, 'agree'),
      reopen: manage && !reportTransitionProblem(r.state, 'reopen'),
      issue: manage && !reportTransitionProblem(r.state, 'issue'),
      delete: manage && isReportEditable(r.state) && !findings.some((f) => f.riskId),
    },
  };
}
