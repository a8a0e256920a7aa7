export * from './lib/config/app-config';
export * from './lib/db/orm-config';
export * from './lib/db/tenant-db';
export * from './lib/db/role-check';
export * from './lib/db/migrate';
export * from './lib/db/sql';
export * from './lib/db/entity-registry';
export * from './lib/db/created-at.entity';
export * from './lib/db/timestamped.entity';
export * from './lib/db/tenant.entity';
export * from './lib/db/tenant-created-at.entity';
export * from './lib/db/timestamped-tenant.entity';
export * from './lib/migrations';
export * from './lib/tenancy/request-scope';
export * from './lib/audit/audit-diff';
export * from './lib/audit/audit.subscriber';
export * from './lib/jobs';
export * from './lib/nest/core.module';
export * from './lib/nest/tokens';
export * from './lib/redis/redis-connection';
// people, networks and membership
export * from './lib/user/app-user.entity';
export * from './lib/user/user-session.entity';
export * from './lib/user/password-reset.entity';
export * from './lib/network/network.entity';
export * from './lib/network/network-profile.entity';
export * from './lib/network/member-organisation.entity';
export * from './lib/network/leadership-role.entity';
export * from './lib/network/network.repository';
export * from './lib/user/user.repository';
export * from './lib/membership/membership.entity';
export * from './lib/membership/membership.repository';
export * from './lib/invite/invite.entity';
export * from './lib/invite/invite.repository';
export * from './lib/audit/audit-event.entity';
export * from './lib/audit/audit.repository';
export * from './lib/email/email-outbox.entity';
// files and documents
export * from './lib/storage/stored-file.entity';
export * from './lib/storage/stored-file.repository';
export * from './lib/storage/document-storage';
export * from './lib/storage/local-disk.storage';
export * from './lib/storage/s3.storage';
export * from './lib/storage/storage-factory';
// work plans
export * from './lib/work-plan/work-plan.entity';
export * from './lib/work-plan/work-plan-theme.entity';
export * from './lib/work-plan/work-plan-objective.entity';
export * from './lib/work-plan/work-item.entity';
export * from './lib/work-plan/work-item-lead.entity';
export * from './lib/work-plan/work-item-progress.entity';
export * from './lib/work-plan/work-plan-change.entity';
export * from './lib/work-plan/work-plan.repository';
// risk register
export * from './lib/risk/risk.entity';
export * from './lib/risk/risk-review.entity';
export * from './lib/risk/risk-score-change.entity';
export * from './lib/risk/risk-work-item.entity';
export * from './lib/risk/risk-view';
export * from './lib/risk/risk.repository';
// import tables (one reader for every import, one writer for every export)
export * from './lib/table';
// board reports
export * from './lib/report/report-document.entity';
export * from './lib/report/report.repository';
// recipients and distribution lists
export * from './lib/recipient/recipient.entity';
export * from './lib/recipient/distribution-list.entity';
export * from './lib/recipient/distribution-list-member.entity';
export * from './lib/recipient/recipient.repository';
// scheduled reports, runs, deliveries and links
export * from './lib/schedule/report-schedule.entity';
export * from './lib/schedule/report-schedule-target.entity';
export * from './lib/schedule/report-schedule-unsubscribe.entity';
export * from './lib/schedule/report-run.entity';
export * from './lib/schedule/report-delivery.entity';
export * from './lib/schedule/document-link.entity';
export * from './lib/schedule/document-link-download.entity';
export * from './lib/schedule/schedule.repository';
export * from './lib/schedule/report-highlights';
export * from './lib/schedule/schedule-email';
// board meetings and their agendas
export * from './lib/board/board-meeting.entity';
export * from './lib/board/board-agenda-item.entity';
export * from './lib/board/board-meeting.repository';
// nudges to leads
export * from './lib/nudge/nudge-round.entity';
export * from './lib/nudge/nudge.entity';
export * from './lib/nudge/nudge.repository';
export * from './lib/nudge/nudge-email';
// the annual report's drafts
export * from './lib/annual-report/annual-report-draft.entity';
export * from './lib/annual-report/annual-report.repository';
// standard sets (peer review): a network's own and the national ones kept by the platform operator
export * from './lib/db/national-or-tenant.entity';
export * from './lib/peer-review/standard-set.entity';
export * from './lib/peer-review/standard-set-version.entity';
export * from './lib/peer-review/standard-section.entity';
export * from './lib/peer-review/standard-criterion.entity';
export * from './lib/peer-review/standard-set.repository';
export * from './lib/peer-review/assessment-frame';
export * from './lib/audit/platform-audit-event.entity';
export * from './lib/audit/platform-audit.repository';
// peer review: cycles, their plans, submissions and chasers
export * from './lib/peer-review/cycle.entity';
export * from './lib/peer-review/cycle-organisation.entity';
export * from './lib/peer-review/activity.entity';
export * from './lib/peer-review/submission.entity';
export * from './lib/peer-review/submission-file.entity';
export * from './lib/peer-review/submission-chaser.entity';
export * from './lib/peer-review/cycle.repository';
export * from './lib/peer-review/submission.repository';
export * from './lib/peer-review/submission-chaser-email';
export * from './lib/peer-review/submission-file-type';
// peer review: self-assessments against a standard set
export * from './lib/peer-review/self-assessment.entity';
export * from './lib/peer-review/self-assessment-answer.entity';
export * from './lib/peer-review/self-assessment-file.entity';
export * from './lib/peer-review/self-assessment.repository';
export * from './lib/peer-review/review-report.entity';
export * from './lib/peer-review/review-finding.entity';
export * from './lib/peer-review/review-recommendation.entity';
export * from './lib/peer-review/review-action.entity';
export * from './lib/peer-review/review-action-progress.entity';
export * from './lib/peer-review/review-report.repository';
export * from './lib/peer-review/review-action.repository';
export * from './lib/metrics/metrics';
