import type { AuditRecordType } from '@plexus/contracts';
import { AuditEvent } from '../audit/audit-event.entity';
import { PlatformAuditEvent } from '../audit/platform-audit-event.entity';
import { BoardAgendaItem } from '../board/board-agenda-item.entity';
import { AnnualReportDraft } from '../annual-report/annual-report-draft.entity';
import { BoardMeeting } from '../board/board-meeting.entity';
import { EmailOutbox } from '../email/email-outbox.entity';
import { Invite } from '../invite/invite.entity';
import { Membership } from '../membership/membership.entity';
import { LeadershipRole } from '../network/leadership-role.entity';
import { MemberOrganisation } from '../network/member-organisation.entity';
import { Network } from '../network/network.entity';
import { Nudge } from '../nudge/nudge.entity';
import { NudgeRound } from '../nudge/nudge-round.entity';
import { NetworkProfile } from '../network/network-profile.entity';
import { ReviewActivity } from '../peer-review/activity.entity';
import { ReviewCycle } from '../peer-review/cycle.entity';
import { ReviewCycleOrganisation } from '../peer-review/cycle-organisation.entity';
import { ReviewAction } from '../peer-review/review-action.entity';
import { ReviewActionProgress } from '../peer-review/review-action-progress.entity';
import { ReviewFinding } from '../peer-review/review-finding.entity';
import { ReviewRecommendation } from '../peer-review/review-recommendation.entity';
import { ReviewReport } from '../peer-review/review-report.entity';
import { Submission } from '../peer-review/submission.entity';
import { SubmissionChaser } from '../peer-review/submission-chaser.entity';
import { SubmissionFile } from '../peer-review/submission-file.entity';
import { SelfAssessment } from '../peer-review/self-assessment.entity';
import { SelfAssessmentAnswer } from '../peer-review/self-assessment-answer.entity';
import { SelfAssessmentFile } from '../peer-review/self-assessment-file.entity';
import { DistributionList } from '../recipient/distribution-list.entity';
import { DistributionListMember } from '../recipient/distribution-list-member.entity';
import { StandardCriterion } from '../peer-review/standard-criterion.entity';
import { StandardSection } from '../peer-review/standard-section.entity';
import { StandardSet } from '../peer-review/standard-set.entity';
import { StandardSetVersion } from '../peer-review/standard-set-version.entity';
import { Recipient } from '../recipient/recipient.entity';
import { ReportDocument } from '../report/report-document.entity';
import { Risk } from '../risk/risk.entity';
import { RiskReview } from '../risk/risk-review.entity';
import { RiskScoreChange } from '../risk/risk-score-change.entity';
import { RiskWorkItem } from '../risk/risk-work-item.entity';
import { DocumentLink } from '../schedule/document-link.entity';
import { DocumentLinkDownload } from '../schedule/document-link-download.entity';
import { ReportDelivery } from '../schedule/report-delivery.entity';
import { ReportRun } from '../schedule/report-run.entity';
import { ReportSchedule } from '../schedule/report-schedule.entity';
import { ReportScheduleTarget } from '../schedule/report-schedule-target.entity';
import { ReportScheduleUnsubscribe } from '../schedule/report-schedule-unsubscribe.entity';
import { StoredFile } from '../storage/stored-file.entity';
import { AppUser } from '../user/app-user.entity';
import { UserSession } from '../user/user-session.entity';
import { PasswordReset } from '../user/password-reset.entity';
import { WorkItem } from '../work-plan/work-item.entity';
import { WorkItemLead } from '../work-plan/work-item-lead.entity';
import { WorkItemProgress } from '../work-plan/work-item-progress.entity';
import { WorkPlan } from '../work-plan/work-plan.entity';
import { WorkPlanChange } from '../work-plan/work-plan-change.entity';
import { WorkPlanObjective } from '../work-plan/work-plan-objective.entity';
import { WorkPlanTheme } from '../work-plan/work-plan-theme.entity';
import { CreatedAtEntity } from './created-at.entity';
import { NationalOrTenantEntity } from './national-or-tenant.entity';
import { TenantCreatedAtEntity } from './tenant-created-at.entity';
import { TenantEntity } from './tenant.entity';
import { TimestampedEntity } from './timestamped.entity';
import { TimestampedTenantEntity } from './timestamped-tenant.entity';

type EntityClass = abstract new () => object;

/**
 * What MikroORM knows about, in one place: each entity lives in its feature's folder; a new entity is added
 * here (and to TENANT_ENTITIES, or NATIONAL_OR_TENANT_ENTITIES, and AUDITED_ENTITY_TYPES when it belongs to a network).
 */

/** The abstract bases: MikroORM needs them listed to map the columns they declare. */
const BASES: EntityClass[] = [
  CreatedAtEntity,
  TimestampedEntity,
  TenantEntity,
  TenantCreatedAtEntity,
  TimestampedTenantEntity,
  NationalOrTenantEntity,
];

/** Entities whose rows belong to one network: filtered by the ORM, enforced by RLS, audited on every change. */
export const TENANT_ENTITIES: Array<new () => object> = [
  Membership,
  MemberOrganisation,
  LeadershipRole,
  NetworkProfile,
  StoredFile,
  Invite,
  EmailOutbox,
  AuditEvent,
  // work plans
  WorkPlan,
  WorkPlanTheme,
  WorkPlanObjective,
  WorkItem,
  WorkItemLead,
  WorkItemProgress,
  WorkPlanChange,
  // risk register
  Risk,
  RiskReview,
  RiskScoreChange,
  RiskWorkItem,
  // board reports
  ReportDocument,
  // recipients and distribution lists
  Recipient,
  DistributionList,
  DistributionListMember,
  // scheduled reports and their delivery log
  ReportSchedule,
  ReportScheduleTarget,
  ReportScheduleUnsubscribe,
  ReportRun,
  ReportDelivery,
  DocumentLink,
  DocumentLinkDownload,
  // board meetings and their agendas
  BoardMeeting,
  BoardAgendaItem,
  // the annual report's narrative drafts
  AnnualReportDraft,
  // nudges to leads: rounds, and each lead's nudge in a round
  NudgeRound,
  Nudge,
  // peer review cycles, their plans and the organisations' submissions
  ReviewCycle,
  ReviewCycleOrganisation,
  ReviewActivity,
  Submission,
  SubmissionFile,
  SubmissionChaser,
  // self-assessments against a standard set
  SelfAssessment,
  SelfAssessmentAnswer,
  SelfAssessmentFile,
  // peer review reports (findings, recommendations) and the organisations' action plans
  ReviewReport,
  ReviewFinding,
  ReviewRecommendation,
  ReviewAction,
  ReviewActionProgress,
];

/**
 * Entities whose rows belong to one network, or (network_id null) to the platform operator for every network: a
 * network reads its own rows and the national ones, writes only its own; operators keep the national ones. Filtered
 * by the ORM's `nationalOrTenant` filter, enforced by RLS, audited (national rows in `platform_audit_event`).
 */
export const NATIONAL_OR_TENANT_ENTITIES: Array<new () => object> = [StandardSet, StandardSetVersion, StandardSection, StandardCriterion];

export const ENTITIES: EntityClass[] = [
  ...BASES,
  AppUser,
  Network,
  UserSession,
  PasswordReset,
  PlatformAuditEvent,
  ...TENANT_ENTITIES,
  ...NATIONAL_OR_TENANT_ENTITIES,
];

/**
 * Entity name → the record type shown in the audit trail. Not audited: the audit trail itself, the outbox,
 * the work plan's change log (itself a record of changes), score history, report documents (immutable
 * snapshots with their own history), submission chasers and nudges (themselves a log of reminders sent; what a lead
 * sends through a nudge's link is audited as their progress updates and risk reviews).
 */
export const AUDITED_ENTITY_TYPES: Record<string, AuditRecordType> = {
  Membership: 'membership',
  MemberOrganisation: 'member_organisation',
  LeadershipRole: 'leadership_role',
  NetworkProfile: 'network_profile',
  StoredFile: 'file',
  Invite: 'invite',
  WorkPlan: 'work_plan',
  WorkPlanTheme: 'work_plan_theme',
  WorkPlanObjective: 'work_plan_objective',
  WorkItem: 'work_item',
  WorkItemLead: 'work_item_lead',
  WorkItemProgress: 'work_item_progress',
  Risk: 'risk',
  RiskReview: 'risk_review',
  RiskWorkItem: 'risk_work_item',
  Recipient: 'recipient',
  DistributionList: 'distribution_list',
  DistributionListMember: 'distribution_list_member',
  ReportSchedule: 'report_schedule',
  ReportScheduleTarget: 'report_schedule_target',
  ReportScheduleUnsubscribe: 'report_schedule_unsubscribe',
  DocumentLink: 'document_link',
  BoardMeeting: 'board_meeting',
  BoardAgendaItem: 'board_agenda_item',
  AnnualReportDraft: 'annual_report_draft',
  NudgeRound: 'nudge_round',
  StandardSet: 'standard_set',
  StandardSetVersion: 'standard_set_version',
  StandardSection: 'standard_section',
  StandardCriterion: 'standard_criterion',
  ReviewCycle: 'review_cycle',
  ReviewCycleOrganisation: 'review_cycle_organisation',
  ReviewActivity: 'review_activity',
  Submission: 'submission',
  SubmissionFile: 'submission_file',
  SelfAssessment: 'self_assessment',
  SelfAssessmentAnswer: 'self_assessment_answer',
  SelfAssessmentFile: 'self_assessment_file',
  ReviewReport: 'review_report',
  ReviewFinding: 'review_finding',
  ReviewRecommendation: 'review_recommendation',
  ReviewAction: 'review_action',
  ReviewActionProgress: 'review_action_progress',
};
