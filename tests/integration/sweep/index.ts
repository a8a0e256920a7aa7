import { annualReportSweepIds, annualReportValidBodies } from './annual-report.sweep';
import { boardSweepIds, boardValidBodies } from './board.sweep';
import { foundationSweepIds } from './foundation.sweep';
import { nudgesSweepIds } from './nudges.sweep';
import { peerReviewSweepIds, peerReviewValidBodies } from './peer-review.sweep';
import { reportSweepIds, reportValidBodies } from './report.sweep';
import { recipientsSweepIds, recipientsValidBodies } from './recipients.sweep';
import { riskSweepIds } from './risk.sweep';
import { schedulesSweepIds, schedulesValidBodies } from './schedules.sweep';
import { selfAssessmentSweepIds, selfAssessmentValidBodies } from './self-assessment.sweep';
import { standardsOperatorIds, standardsSweepIds, standardsValidBodies } from './standards.sweep';
import type { OperatorSweepIds, SweepIds } from './registry';
import { workPlanSweepIds, workPlanValidBodies } from './work-plan.sweep';

/** Every feature's sweep ids; add yours here. */
export const SWEEP_IDS: SweepIds[] = [
  foundationSweepIds,
  riskSweepIds,
  workPlanSweepIds,
  reportSweepIds,
  recipientsSweepIds,
  boardSweepIds,
  nudgesSweepIds,
  schedulesSweepIds,
  standardsSweepIds,
  peerReviewSweepIds,
  annualReportSweepIds,
  selfAssessmentSweepIds,
];

/** Every feature's ids for the operator routes (/api/admin/…) that take one: records platform operators keep. */
export const OPERATOR_SWEEP_IDS: OperatorSweepIds[] = [standardsOperatorIds];

/**
 * Bodies that pass validation for record-level checks (another network's id under your own network):
 * keyed by `METHOD /api/networks/{network}/…` template. Without one, {} is sent.
 */
export const VALID_BODIES: Record<string, unknown> = {
  'PATCH /api/networks/{network}/members/{memberId}': { role: 'viewer', organisationId: null },
  'PUT /api/networks/{network}/risks/{riskId}': {
    version: 1,
    dateRegistered: '2026-01-05',
    description: 'x',
    likelihoodBefore: 1,
    impactBefore: 1,
    likelihoodAfter: 1,
    impactAfter: 1,
  },
  'POST /api/networks/{network}/risks/{riskId}/close': { closedOn: '2026-01-06', reason: 'x' },
  'POST /api/networks/{network}/risks/{riskId}/reviews': { reviewedOn: '2026-01-06', likelihood: 1, impact: 1 },
  ...workPlanValidBodies,
  ...recipientsValidBodies,
  ...boardValidBodies,
  ...schedulesValidBodies,
  ...standardsValidBodies,
  ...peerReviewValidBodies,
  ...annualReportValidBodies,
  ...selfAssessmentValidBodies,
  ...reportValidBodies,
};
